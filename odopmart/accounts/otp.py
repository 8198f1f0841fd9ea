"""Signing in with a one-time code sent by SMS.

:func:`otp_request` sends a fresh 6-digit code (earlier unused codes for the phone stop
working); :func:`otp_verify` checks it and returns the user, creating the account on first
sign-in. Both raise :class:`AuthError` with a code for every refusal.

Safeguards, each configurable in ``settings.ACCOUNTS`` (see conf.py):

* the code comes from `secrets`; only an HMAC-SHA256 of it (keyed from SECRET_KEY, salted per
  code) is stored, and the SMS carries it sealed until sent (see notifications);
* a code lives 10 minutes and takes 5 wrong tries, then it is dead;
* codes per phone (1 per 30 s, 3 per 15 min, 10 per day) and per IP address (20 per hour),
  wrong codes per IP address (30 per hour);
* 10 wrong codes for one phone within an hour lock it for 15 minutes, for sending and checking.

Limits are rows in the database, counted under a lock, so they hold across processes. A refused
request writes nothing and sends nothing.
"""

from __future__ import annotations

import hmac
import math
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac

from odopmart.accounts.conf import accounts_setting
from odopmart.accounts.exceptions import AuthError, AuthErrorCode
from odopmart.accounts.models import OtpChallenge, OtpPurpose, OtpStatus
from odopmart.accounts.phone import _ascii_digits, phone_normalize
from odopmart.accounts.ratelimit import (
    rate_limit_count,
    rate_limit_hit,
    rate_limit_latest,
    rate_limit_lock,
    rate_limit_retry_after,
)
from odopmart.accounts.services import user_get_or_create_for_phone
from odopmart.notifications.services import notification_enqueue
from odopmart.notifications.states import Channel
from odopmart.sellers.services import artisan_link_user

SCOPE_REQUEST_PHONE = "otp_request:phone"
SCOPE_REQUEST_IP = "otp_request:ip"
SCOPE_FAILURE_PHONE = "otp_failure:phone"
SCOPE_FAILURE_IP = "otp_failure:ip"
SCOPE_LOCKOUT_PHONE = "otp_lockout:phone"
UNKNOWN_IP = "unknown"

_CODE_SEPARATORS = re.compile(r"[\s\-]")


@dataclass(frozen=True)
class OtpSent:
    phone: str
    expires_at: datetime
    challenge_id: int


def _code_generate() -> str:
    length = int(accounts_setting("OTP_LENGTH"))
    return f"{secrets.randbelow(10**length):0{length}d}"


def _code_hash(*, salt: str, purpose: str, phone: str, code: str) -> str:
    value = f"{salt}:{purpose}:{phone}:{code}"
    return salted_hmac("odopmart.accounts.otp", value, algorithm="sha256").hexdigest()


def _code_clean(raw: str) -> str:
    code = _CODE_SEPARATORS.sub("", _ascii_digits((raw or "").strip()))
    if not (code.isascii() and code.isdigit() and len(code) == accounts_setting("OTP_LENGTH")):
        raise AuthError(AuthErrorCode.CODE_INVALID)
    return code


def _lockout_retry_after(phone: str, now: datetime) -> int | None:
    seconds = int(accounts_setting("OTP_LOCKOUT_SECONDS"))
    locked_at = rate_limit_latest(
        scope=SCOPE_LOCKOUT_PHONE, key=phone, since=now - timedelta(seconds=seconds)
    )
    if locked_at is None:
        return None
    remaining = (locked_at + timedelta(seconds=seconds) - now).total_seconds()
    return max(math.ceil(remaining), 1)


def _refuse_if_locked(phone: str, now: datetime) -> None:
    if wait := _lockout_retry_after(phone, now):
        raise AuthError(AuthErrorCode.PHONE_LOCKED, retry_after=wait)


def otp_request(
    *, phone: str, ip: str | None, purpose: str = OtpPurpose.SIGNIN, language: str = "en"
) -> OtpSent:
    """Send a new code to `phone` by SMS in `language`, unless a limit says no."""
    e164 = phone_normalize(phone)
    ip_key = ip or UNKNOWN_IP
    with transaction.atomic(durable=True):
        rate_limit_lock([f"phone:{e164}", f"ip:{ip_key}"])
        now = timezone.now()
        _refuse_if_locked(e164, now)
        if wait := rate_limit_retry_after(
            scope=SCOPE_REQUEST_IP, key=ip_key, limits=accounts_setting("OTP_IP_LIMITS"), now=now
        ):
            raise AuthError(AuthErrorCode.TOO_MANY_REQUESTS, retry_after=wait)
        if wait := rate_limit_retry_after(
            scope=SCOPE_REQUEST_PHONE,
            key=e164,
            limits=accounts_setting("OTP_PHONE_LIMITS"),
            now=now,
        ):
            raise AuthError(AuthErrorCode.TOO_MANY_CODES, retry_after=wait)

        OtpChallenge.objects.filter(phone=e164, purpose=purpose, status=OtpStatus.PENDING).update(
            status=OtpStatus.SUPERSEDED
        )
        ttl = int(accounts_setting("OTP_TTL_SECONDS"))
        code = _code_generate()
        salt = secrets.token_hex(16)
        challenge = OtpChallenge.objects.create(
            phone=e164,
            purpose=purpose,
            code_salt=salt,
            code_hash=_code_hash(salt=salt, purpose=purpose, phone=e164, code=code),
            created_at=now,
            expires_at=now + timedelta(seconds=ttl),
            requested_from=ip,
        )
        rate_limit_hit(scope=SCOPE_REQUEST_PHONE, key=e164, now=now)
        rate_limit_hit(scope=SCOPE_REQUEST_IP, key=ip_key, now=now)
        challenge.notification = notification_enqueue(
            channel=Channel.SMS,
            recipient=e164,
            template=f"otp_{purpose}",
            language=language,
            context={"minutes": math.ceil(ttl / 60)},
            secret_context={"code": code},
            dedupe_key=f"otp:{purpose}:{challenge.pk}",
            expires_at=challenge.expires_at,
        )
        challenge.save(update_fields=["notification"])
    return OtpSent(phone=e164, expires_at=challenge.expires_at, challenge_id=challenge.pk)


def _record_wrong_code(challenge: OtpChallenge, *, ip_key: str, now: datetime) -> AuthError:
    """Count a wrong code against the challenge, the phone and the IP; the error to show."""
    max_wrong = int(accounts_setting("OTP_MAX_WRONG_ATTEMPTS"))
    challenge.wrong_attempts += 1
    if challenge.wrong_attempts >= max_wrong:
        challenge.status = OtpStatus.EXHAUSTED
    challenge.save(update_fields=["wrong_attempts", "status"])
    rate_limit_hit(scope=SCOPE_FAILURE_PHONE, key=challenge.phone, now=now)
    rate_limit_hit(scope=SCOPE_FAILURE_IP, key=ip_key, now=now)

    # Wrong codes since the window began or the last lockout ended, whichever is later.
    window_start = now - timedelta(seconds=int(accounts_setting("OTP_LOCKOUT_WINDOW_SECONDS")))
    last_lockout = rate_limit_latest(
        scope=SCOPE_LOCKOUT_PHONE, key=challenge.phone, since=window_start
    )
    failures = rate_limit_count(
        scope=SCOPE_FAILURE_PHONE,
        key=challenge.phone,
        since=max(window_start, last_lockout or window_start),
    )
    if failures >= int(accounts_setting("OTP_LOCKOUT_FAILURES")):
        rate_limit_hit(scope=SCOPE_LOCKOUT_PHONE, key=challenge.phone, now=now)
        return AuthError(
            AuthErrorCode.PHONE_LOCKED, retry_after=int(accounts_setting("OTP_LOCKOUT_SECONDS"))
        )
    if challenge.status == OtpStatus.EXHAUSTED:
        return AuthError(AuthErrorCode.CODE_ATTEMPTS_EXHAUSTED)
    return AuthError(AuthErrorCode.CODE_WRONG, attempts_left=max_wrong - challenge.wrong_attempts)


def otp_verify(
    *,
    phone: str,
    code: str,
    ip: str | None,
    purpose: str = OtpPurpose.SIGNIN,
    language: str = "en",
) -> Any:
    """The user whose phone this is, if `code` is the one just sent; first sign-in creates the
    account (with `language` as its preferred language). Wrong codes are counted."""
    e164 = phone_normalize(phone)
    cleaned = _code_clean(code)
    ip_key = ip or UNKNOWN_IP
    refusal: AuthError | None = None
    with transaction.atomic(durable=True):
        rate_limit_lock([f"phone:{e164}", f"ip:{ip_key}"])
        now = timezone.now()
        _refuse_if_locked(e164, now)
        if wait := rate_limit_retry_after(
            scope=SCOPE_FAILURE_IP,
            key=ip_key,
            limits=accounts_setting("OTP_IP_FAILURE_LIMITS"),
            now=now,
        ):
            raise AuthError(AuthErrorCode.TOO_MANY_REQUESTS, retry_after=wait)
        challenge = (
            OtpChallenge.objects.select_for_update()
            .filter(phone=e164, purpose=purpose)
            .order_by("-created_at", "-pk")
            .first()
        )
        if challenge is None or challenge.status == OtpStatus.VERIFIED:
            raise AuthError(AuthErrorCode.CODE_NOT_REQUESTED)
        if challenge.status == OtpStatus.EXHAUSTED:
            raise AuthError(AuthErrorCode.CODE_ATTEMPTS_EXHAUSTED)
        if challenge.expires_at <= now:
            raise AuthError(AuthErrorCode.CODE_EXPIRED)
        expected = _code_hash(salt=challenge.code_salt, purpose=purpose, phone=e164, code=cleaned)
        if not hmac.compare_digest(expected, challenge.code_hash):
            # Commit the count of wrong codes, then refuse.
            refusal = _record_wrong_code(challenge, ip_key=ip_key, now=now)
        else:
            user = user_get_or_create_for_phone(phone=e164, language=language, now=now)
            artisan_link_user(user=user)  # an artisan's phone becomes their own sign-in
            challenge.status = OtpStatus.VERIFIED
            challenge.verified_at = now
            challenge.user = user
            challenge.save(update_fields=["status", "verified_at", "user"])
    if refusal is not None:
        raise refusal
    return user


def otp_has_pending_code(*, phone: str, purpose: str = OtpPurpose.SIGNIN) -> bool:
    """Whether a code sent to this (normalised) phone can still be used."""
    latest = (
        OtpChallenge.objects.filter(phone=phone, purpose=purpose)
        .order_by("-created_at", "-pk")
        .values_list("status", "expires_at")
        .first()
    )
    return latest is not None and latest[0] == OtpStatus.PENDING and latest[1] > timezone.now()
