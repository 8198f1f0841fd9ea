"""The artisan's short link: the request id signed with a timestamp, so it cannot be guessed or
changed, and stops working after `LINK_MAX_AGE_DAYS`. No sign-in needed to use it."""

from __future__ import annotations

from datetime import timedelta
from enum import Enum

from django.core import signing

from odopmart.fulfilment.conf import fulfilment_setting

SALT = "odopmart.fulfilment.readiness-link"


class LinkProblem(Enum):
    FORGED = "forged"
    EXPIRED = "expired"


def _signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=SALT)


def link_token(request_id: int) -> str:
    return _signer().sign(signing.b62_encode(request_id))


def link_token_read(token: str) -> int | LinkProblem:
    """The request id in a valid token, or why it is not valid."""
    max_age = timedelta(days=int(fulfilment_setting("LINK_MAX_AGE_DAYS")))
    try:
        value = _signer().unsign(token[:200], max_age=max_age)
    except signing.SignatureExpired:
        return LinkProblem.EXPIRED
    except signing.BadSignature:
        return LinkProblem.FORGED
    try:
        return signing.b62_decode(value)
    except ValueError:
        return LinkProblem.FORGED
