"""Signing in from the app: a code by SMS to the phone, then a bearer token.

1. ``POST /auth/otp/request {"phone": "98765 43210"}`` → 202; an SMS with a 6-digit code goes
   out (in the request's language: ``?lang=hi`` or ``Accept-Language``).
2. ``POST /auth/otp/verify {"phone": ..., "code": "123456"}`` → 200 ``{"token": ..., "user":
   ...}``; the first sign-in creates the account.
3. Send ``Authorization: Bearer <token>`` on later requests; ``POST /auth/signout`` revokes it.

Refusals use the API's error shape. A bad phone or code is a 422 naming the field
(``loc: ["body", "payload", "code"]``) with the reason in ``type`` (``code_wrong``,
``code_expired``, ...); limits are a 429 with ``Retry-After``.
"""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from odopmart.accounts import otp as otp_services
from odopmart.accounts.api_auth import TokenAuth
from odopmart.accounts.conf import accounts_setting
from odopmart.accounts.exceptions import AuthError
from odopmart.accounts.models import Profile
from odopmart.accounts.net import client_ip
from odopmart.accounts.services import api_token_create, api_token_revoke
from odopmart.api.errors import ErrorOut, ValidationErrorOut
from odopmart.api.language import LanguageCode, with_language

router = Router(tags=["auth"])
router.add_decorator(with_language, mode="view")

UNAUTHORIZED = {401: ErrorOut}


class OtpRequestIn(Schema):
    phone: str = Field(
        max_length=64, description="Indian mobile number in any usual form: 98765 43210, +91…"
    )


class OtpRequestOut(Schema):
    phone: str = Field(description="The number the code went to, in E.164 form")
    expires_in: int = Field(description="Seconds the code stays valid")
    detail: str


class OtpVerifyIn(Schema):
    phone: str = Field(max_length=64)
    code: str = Field(max_length=20, description="The 6-digit code from the SMS")
    device_name: str = Field(
        default="", max_length=100, description="Shown to the user in their list of sign-ins"
    )


class AuthUserOut(Schema):
    id: int
    phone: str | None
    preferred_language: str


class OtpVerifyOut(Schema):
    token: str = Field(description="Send as `Authorization: Bearer <token>`; shown only once")
    token_type: Literal["Bearer"]
    user: AuthUserOut


def _user_out(user: Any) -> dict[str, Any]:
    profile = Profile.objects.filter(user=user).first()
    return {
        "id": user.pk,
        "phone": profile.phone if profile else None,
        "preferred_language": profile.preferred_language if profile else "hi",
    }


def _refusal(error: AuthError, response: HttpResponse) -> Status[dict[str, Any]]:
    if error.throttled:
        response["Retry-After"] = str(error.retry_after or 1)
        return Status(429, {"code": error.code.value, "detail": error.message})
    if error.field:
        detail = [
            {
                "loc": ["body", "payload", error.field],
                "msg": error.message,
                "type": error.code.value,
            }
        ]
        return Status(422, {"code": "validation_error", "detail": detail})
    return Status(403, {"code": error.code.value, "detail": error.message})


def _language() -> str:
    return (get_language() or "en").split("-")[0]


@router.post(
    "/auth/otp/request",
    response={202: OtpRequestOut, 422: ValidationErrorOut, 429: ErrorOut},
)
def otp_request(
    request: HttpRequest,
    payload: OtpRequestIn,
    response: HttpResponse,
    lang: LanguageCode | None = None,
) -> Status[dict[str, Any]]:
    """Send a sign-in code by SMS. Limits: one code per 30 s and 3 per 15 min for a phone."""
    try:
        sent = otp_services.otp_request(
            phone=payload.phone, ip=client_ip(request), language=_language()
        )
    except AuthError as error:
        return _refusal(error, response)
    return Status(
        202,
        {
            "phone": sent.phone,
            "expires_in": int(accounts_setting("OTP_TTL_SECONDS")),
            "detail": _("We sent a 6-digit code by SMS."),
        },
    )


@router.post(
    "/auth/otp/verify",
    response={200: OtpVerifyOut, 403: ErrorOut, 422: ValidationErrorOut, 429: ErrorOut},
)
def otp_verify(
    request: HttpRequest,
    payload: OtpVerifyIn,
    response: HttpResponse,
    lang: LanguageCode | None = None,
) -> Status[dict[str, Any]]:
    """Check the code; returns a bearer token for the user (created on first sign-in)."""
    try:
        user = otp_services.otp_verify(
            phone=payload.phone, code=payload.code, ip=client_ip(request), language=_language()
        )
    except AuthError as error:
        return _refusal(error, response)
    _token, raw = api_token_create(user=user, name=payload.device_name)
    return Status(200, {"token": raw, "token_type": "Bearer", "user": _user_out(user)})


@router.post("/auth/signout", auth=TokenAuth(), response={204: None, **UNAUTHORIZED})
def auth_signout(request: HttpRequest, lang: LanguageCode | None = None) -> Status[None]:
    """Revoke the token this request was made with."""
    api_token_revoke(token_id=request.api_token.pk, actor=request.auth)  # type: ignore[attr-defined]
    return Status(204, None)


@router.get("/auth/me", auth=TokenAuth(), response={200: AuthUserOut, **UNAUTHORIZED})
def auth_me(request: HttpRequest, lang: LanguageCode | None = None) -> dict[str, Any]:
    """The signed-in user."""
    return _user_out(request.auth)
