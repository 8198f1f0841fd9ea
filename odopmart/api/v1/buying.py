"""What the buying endpoints (cart, checkout, orders, payments) share: who is asking, error bodies
in the API's shape, money as paise plus a rupee string, and Idempotency-Key handling.

Buyers are either signed in (``Authorization: Bearer <token>``) or guests. A guest's cart is
found by its ``X-Cart-Token``, a guest's order by its ``X-Order-Token``. A bearer token that is
sent but not valid is a 401, never a silent fall-back to guest.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import Status

from odopmart.accounts.api_auth import TokenAuth
from odopmart.api.errors import ErrorOut, ValidationErrorOut
from odopmart.core.idempotency import (
    HEADER as IDEMPOTENCY_HEADER,
)
from odopmart.core.idempotency import (
    IdempotencyError,
    idempotency_key_clean,
    idempotent_run,
    request_fingerprint,
)
from odopmart.core.money import format_inr

CART_TOKEN_HEADER = "X-Cart-Token"  # noqa: S105 (a header name)
ORDER_TOKEN_HEADER = "X-Order-Token"  # noqa: S105
REPLAYED_HEADER = "Idempotent-Replayed"

# Error bodies every buying endpoint may answer with.
ERRORS: dict[int, Any] = {401: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ValidationErrorOut}


class _Guest:
    """request.auth of a request without an Authorization header (truthy, so ninja lets it in)."""

    is_authenticated = False

    def __bool__(self) -> bool:
        return True

    def __repr__(self) -> str:
        return "<guest>"


GUEST = _Guest()


class OptionalTokenAuth(TokenAuth):
    """Bearer token if one is sent (a wrong one is a 401), a guest otherwise."""

    def __call__(self, request: HttpRequest) -> Any:
        if not request.headers.get(self.header):
            return GUEST
        return super().__call__(request)


def buyer(request: HttpRequest) -> Any:
    """The signed-in user, or None for a guest."""
    auth = getattr(request, "auth", None)
    return None if auth is None or auth is GUEST else auth


def money(prefix: str, paise: int) -> dict[str, Any]:
    """{"<prefix>_paise": 249900, "<prefix>_formatted": "₹2,499"}."""
    return {f"{prefix}_paise": int(paise), f"{prefix}_formatted": format_inr(int(paise))}


def field_error(
    status: int, field: str | list[str | int], code: str, message: str, where: str = "body"
) -> Status[dict[str, Any]]:
    """A 422-shaped error naming the input: loc ["body", "payload", "quantity"] and so on."""
    path = field if isinstance(field, list) else [part for part in field.split(".") if part]
    loc: list[str | int] = [where, "payload", *path] if where == "body" else [where, *path]
    detail = [{"loc": loc, "msg": str(message), "type": code}]
    return Status(status, {"code": "validation_error", "detail": detail})


def error(status: int, code: str, message: str) -> Status[dict[str, Any]]:
    return Status(status, {"code": code, "detail": str(message)})


def domain_error(exc: Any, *, fields: dict[str, str | list[str | int]] | None = None) -> Status:
    """An OrderError or PaymentError as a response: a 422 naming the field when the error names
    one (mapped through ``fields``, e.g. {"pincode": "address.pincode"}), else a 409 (the
    request is fine but the order or cart is not in a state that allows it)."""
    field = getattr(exc, "field", None)
    if field:
        return field_error(422, (fields or {}).get(field, field), exc.code, exc.message)
    return error(409, exc.code, exc.message)


def header(request: HttpRequest, name: str) -> str | None:
    value = request.headers.get(name)
    return value.strip() if value is not None else None


# --- Idempotency-Key ---------------------------------------------------------------------------


def idempotent(
    request: HttpRequest,
    response: HttpResponse,
    *,
    scope: str,
    body: Any,
    run: Callable[[], Status[Any] | tuple[int, Any]],
) -> Status[Any]:
    """Run an order- or payment-creating operation at most once per Idempotency-Key.

    ``body`` is what identifies the request (the parsed input and path parameters); ``run``
    returns the Status to send. A replay carries ``Idempotent-Replayed: true``.
    """
    try:
        key = idempotency_key_clean(request.headers.get(IDEMPOTENCY_HEADER))
    except IdempotencyError as refused:
        return field_error(422, [IDEMPOTENCY_HEADER], refused.code, refused.message, "header")

    def call() -> tuple[int, Any]:
        result = run()
        if isinstance(result, Status):
            return result.status_code, result.value
        return result

    try:
        result = idempotent_run(
            scope=scope, key=key, fingerprint=request_fingerprint(request.path, body), run=call
        )
    except IdempotencyError as refused:
        return error(409, refused.code, refused.message)
    if result.replayed:
        response[REPLAYED_HEADER] = "true"
    return Status(result.status, result.body)


def not_found() -> JsonResponse:
    return JsonResponse({"code": "not_found", "detail": _("Not found")}, status=404)
