"""Indian mobile numbers: what people type, normalised to E.164 (+91 and ten digits).

Accepted: "98765 43210", "098765-43210", "+91 98765 43210", "91 9876543210",
"0091 9876543210", digits in Devanagari ("९८७६५४३२१०"). Mobile numbers start with 6, 7, 8 or 9.
"""

from __future__ import annotations

import re
import unicodedata

from odopmart.accounts.exceptions import AuthError, AuthErrorCode

_SEPARATORS = re.compile(r"[\s\-().\u00a0\u2010-\u2015]")
_MOBILE = re.compile(r"[6-9]\d{9}")
MAX_INPUT_LENGTH = 32


def _ascii_digits(text: str) -> str:
    """Any script's decimal digits (Devanagari ०-९ too) as ASCII digits."""
    return "".join(str(unicodedata.decimal(char)) if char.isdecimal() else char for char in text)


def phone_normalize(raw: str) -> str:
    """'+91 98765 43210' -> '+919876543210', or AuthError naming what is wrong."""
    text = _SEPARATORS.sub("", _ascii_digits((raw or "").strip()))
    if not text:
        raise AuthError(AuthErrorCode.PHONE_REQUIRED)
    if len(text) > MAX_INPUT_LENGTH:
        raise AuthError(AuthErrorCode.PHONE_INVALID)
    if text.startswith("00"):
        text = "+" + text[2:]
    if text.startswith("+"):
        if not text[1:].isdigit():
            raise AuthError(AuthErrorCode.PHONE_INVALID)
        if not text.startswith("+91"):
            raise AuthError(AuthErrorCode.PHONE_NOT_INDIAN)
        national = text[3:]
    else:
        if not text.isdigit():
            raise AuthError(AuthErrorCode.PHONE_INVALID)
        national = text
        if len(national) == 12 and national.startswith("91"):
            national = national[2:]
        elif len(national) == 11 and national.startswith("0"):
            national = national[1:]
    if len(national) != 10:
        raise AuthError(AuthErrorCode.PHONE_INVALID)
    if not _MOBILE.fullmatch(national):
        raise AuthError(AuthErrorCode.PHONE_NOT_MOBILE)
    return "+91" + national


def phone_display(e164: str) -> str:
    """'+919876543210' -> '+91 98765 43210'."""
    if e164.startswith("+91") and len(e164) == 13:
        return f"+91 {e164[3:8]} {e164[8:]}"
    return e164
