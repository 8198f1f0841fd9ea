"""Paying for an order from the app.

1. ``POST /orders/{number}/payments`` starts paying (or continues the open attempt):
   * Razorpay: hand ``checkout`` (``key``, ``order_id``, ``amount``...) to the Razorpay SDK;
   * sandbox (the offline gateway): open ``next_url``, the local pay page;
   * cash on delivery: the order is confirmed right away.
   An ``Idempotency-Key`` header makes retries safe (the same answer, no second attempt).
2. ``POST /orders/{number}/payments/verify`` with the SDK's ``razorpay_order_id``,
   ``razorpay_payment_id`` and ``razorpay_signature``. The signature is checked against our
   own gateway order id. If the app never gets here (closed, crashed), the gateway's webhook
   completes the order anyway.

Guests send ``X-Order-Token``; another buyer's order is a 404.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Path, Router, Status

from odopmart.api.errors import ErrorOut
from odopmart.api.language import LanguageCode, with_language
from odopmart.api.v1.buying import (
    ERRORS,
    OptionalTokenAuth,
    buyer,
    domain_error,
    field_error,
    idempotent,
    money,
)
from odopmart.api.v1.orders import buyer_order
from odopmart.api.v1.schemas.payments import PaymentStartOut, PaymentVerifyIn, PaymentVerifyOut
from odopmart.orders.models import Order
from odopmart.payments.exceptions import PaymentError
from odopmart.payments.services import payment_start as start_payment
from odopmart.payments.services import payment_verify_return

router = Router(tags=["payments"], auth=OptionalTokenAuth())
router.add_decorator(with_language, mode="view")


def _absolute(request: HttpRequest, url: str | None) -> str | None:
    return request.build_absolute_uri(url) if url else None


def _start(request: HttpRequest, order: Order, key: str | None) -> Status[dict[str, Any]]:
    try:
        started = start_payment(order, idempotency_key=key, actor=buyer(request))
    except PaymentError as refused:
        return domain_error(refused)
    payment = started.payment
    order.refresh_from_db(fields=["status"])
    checkout = dict(started.checkout)
    if checkout.get("pay_url"):
        checkout["pay_url"] = _absolute(request, checkout["pay_url"])
    return Status(
        201,
        {
            "payment_id": payment.pk,
            "provider": payment.provider,
            "status": payment.status,
            **money("amount", payment.amount_paise),
            "currency": payment.currency,
            "gateway_order_id": payment.gateway_order_id or None,
            "key_id": checkout.get("key") if payment.provider == "razorpay" else None,
            "next_url": _absolute(request, started.next_url),
            "checkout": checkout,
            "order_number": order.number,
            "order_status": order.status,
        },
    )


@router.post(
    "/orders/{number}/payments",
    response={201: PaymentStartOut, **ERRORS, 403: ErrorOut},
)
def payment_start(
    request: HttpRequest,
    number: Path[str],
    response: HttpResponse,
    lang: LanguageCode | None = None,
) -> Any:
    """Start paying for an order awaiting payment (or confirm it, for cash on delivery).
    Refusals are 409s with a code: ``already_paid``, ``order_closed``,
    ``reservation_expired``, ``cod_not_available``, ``gateway_unavailable``..."""
    order = buyer_order(request, number)
    key_header = request.headers.get("Idempotency-Key")
    return idempotent(
        request,
        response,
        scope=f"api.payment_start:order:{order.pk}",
        body={"number": order.number},
        run=lambda: _start(request, order, key_header.strip() if key_header else None),
    )


@router.post("/orders/{number}/payments/verify", response={200: PaymentVerifyOut, **ERRORS})
def payment_verify(
    request: HttpRequest,
    number: Path[str],
    payload: PaymentVerifyIn,
    lang: LanguageCode | None = None,
) -> Any:
    """Check what the Razorpay SDK returned after paying. A bad signature is a 422 and changes
    nothing. Safe to send twice."""
    order = buyer_order(request, number)
    payment = order.payments.filter(gateway_order_id=payload.razorpay_order_id).first()
    if payment is None:
        return field_error(
            422,
            ["razorpay_order_id"],
            "unknown_gateway_order",
            _("This payment does not belong to this order."),
        )
    try:
        payment = payment_verify_return(payment, payload.model_dump(), actor=buyer(request))
    except PaymentError as refused:
        if refused.code == "bad_signature":
            return field_error(422, ["razorpay_signature"], refused.code, refused.message)
        return domain_error(refused)
    order.refresh_from_db(fields=["status"])
    return {
        "payment_id": payment.pk,
        "provider": payment.provider,
        "status": payment.status,
        "order_number": order.number,
        "order_status": order.status,
        "order_status_label": str(order.get_status_display()),
    }
