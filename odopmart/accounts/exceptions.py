"""Errors of signing in. Each has a stable code (API clients switch on it) and a message in the
active language, chosen when the message is read, not when the error is raised."""

from __future__ import annotations

import math
from enum import StrEnum

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _


class AuthErrorCode(StrEnum):
    PHONE_REQUIRED = "phone_required"
    PHONE_INVALID = "phone_invalid"
    PHONE_NOT_INDIAN = "phone_not_indian"
    PHONE_NOT_MOBILE = "phone_not_mobile"
    CODE_INVALID = "code_invalid"
    CODE_WRONG = "code_wrong"
    CODE_EXPIRED = "code_expired"
    CODE_ATTEMPTS_EXHAUSTED = "code_attempts_exhausted"
    CODE_NOT_REQUESTED = "code_not_requested"
    PHONE_LOCKED = "phone_locked"
    TOO_MANY_CODES = "too_many_codes"
    TOO_MANY_REQUESTS = "too_many_requests"
    ACCOUNT_DISABLED = "account_disabled"


C = AuthErrorCode

MESSAGES = {
    C.PHONE_REQUIRED: _("Enter your mobile number."),
    C.PHONE_INVALID: _("Enter a 10-digit mobile number, like 98765 43210."),
    C.PHONE_NOT_INDIAN: _("Only Indian mobile numbers (+91) can be used."),
    C.PHONE_NOT_MOBILE: _("Indian mobile numbers start with 6, 7, 8 or 9."),
    C.CODE_INVALID: _("Enter the 6-digit code from the SMS."),
    C.CODE_EXPIRED: _("This code has expired. Ask for a new code."),
    C.CODE_ATTEMPTS_EXHAUSTED: _("Too many wrong tries for this code. Ask for a new code."),
    C.CODE_NOT_REQUESTED: _("No code is waiting for this number. Ask for a new code."),
    C.ACCOUNT_DISABLED: _("This account is switched off. Please contact the helpline."),
}

# Which input an error is about ("phone" or "code"); the others concern the whole request.
FIELDS = {
    C.PHONE_REQUIRED: "phone",
    C.PHONE_INVALID: "phone",
    C.PHONE_NOT_INDIAN: "phone",
    C.PHONE_NOT_MOBILE: "phone",
    C.CODE_INVALID: "code",
    C.CODE_WRONG: "code",
    C.CODE_EXPIRED: "code",
    C.CODE_ATTEMPTS_EXHAUSTED: "code",
    C.CODE_NOT_REQUESTED: "code",
}

# Throttling errors: the client should wait `retry_after` seconds (HTTP 429).
THROTTLED = frozenset({C.PHONE_LOCKED, C.TOO_MANY_CODES, C.TOO_MANY_REQUESTS})


def wait_text(seconds: int) -> str:
    """'30 seconds', '15 minutes', '3 hours' in the active language, rounded up."""
    if seconds < 60:
        count = max(seconds, 1)
        return ngettext("%(count)d second", "%(count)d seconds", count) % {"count": count}
    if seconds < 90 * 60:
        count = math.ceil(seconds / 60)
        return ngettext("%(count)d minute", "%(count)d minutes", count) % {"count": count}
    count = math.ceil(seconds / 3600)
    return ngettext("%(count)d hour", "%(count)d hours", count) % {"count": count}


class AuthError(Exception):
    def __init__(
        self,
        code: AuthErrorCode,
        *,
        retry_after: int | None = None,
        attempts_left: int | None = None,
    ) -> None:
        super().__init__(code.value)
        self.code = code
        self.retry_after = retry_after
        self.attempts_left = attempts_left

    @property
    def field(self) -> str | None:
        return FIELDS.get(self.code)

    @property
    def throttled(self) -> bool:
        return self.code in THROTTLED

    @property
    def message(self) -> str:
        """The message in the active language."""
        wait = wait_text(self.retry_after or 0)
        if self.code == C.CODE_WRONG:
            left = self.attempts_left or 0
            return ngettext(
                "That code is not right. You have %(count)d more try.",
                "That code is not right. You have %(count)d more tries.",
                left,
            ) % {"count": left}
        if self.code == C.PHONE_LOCKED:
            return gettext(
                "Too many wrong codes for this number. For your safety, try again in %(wait)s."
            ) % {"wait": wait}
        if self.code == C.TOO_MANY_CODES:
            return gettext(
                "We have sent several codes to this number. You can ask again in %(wait)s."
            ) % {"wait": wait}
        if self.code == C.TOO_MANY_REQUESTS:
            return gettext("Too many attempts from your network. Try again in %(wait)s.") % {
                "wait": wait
            }
        return str(MESSAGES[self.code])

    def __str__(self) -> str:
        return self.message
