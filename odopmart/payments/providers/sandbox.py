"""The sandbox gateway: Razorpay's flow, offline, for the embedded default, demos and tests.

It creates gateway orders (``order_sbx_…``), shows its own pay page with "pay" and "fail"
buttons, and on a click (a) queues a webhook in Razorpay's exact format and signature scheme,
POSTed to our own endpoint by a task with retries, and (b) sends the buyer back to our return
URL with a signed payload like Razorpay's checkout handler. Either one alone completes the
order; together they have one effect.

A successful payment's ids are derived from the gateway order id, so a double-clicked "pay"
sends the same event twice (one effect). The sandbox keeps no state of its own: it reads our
Payment row where a real gateway would read its database.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext

from odopmart.payments.conf import payment_setting, sandbox_secret
from odopmart.payments.providers.base import (
    GatewayPayment,
    GatewayRefund,
    NormalisedEvent,
    PaymentProvider,
)
from odopmart.payments.providers.razorpay import (
    EVENT_ID_HEADER,
    SIGNATURE_HEADER,
    header,
    parse_razorpay_event,
)
from odopmart.payments.signing import hmac_sha256_hex, payment_signature, signature_matches

if TYPE_CHECKING:
    from odopmart.payments.models import Payment

ORDER_PREFIX = "order_sbx_"
CAPTURED = "captured"
FAILED = "failed"


def _derived(kind: str, value: str, length: int = 14) -> str:
    return hmac_sha256_hex(sandbox_secret(), f"{kind}:{value}")[:length]


def captured_payment_id(gateway_order_id: str) -> str:
    return "pay_sbx_" + _derived("captured-payment", gateway_order_id)


def page_signature(gateway_order_id: str) -> str:
    return _derived("page", gateway_order_id, 32)


def page_url(gateway_order_id: str) -> str:
    """The gateway's pay page; the signature keeps others from opening it by guessing ids."""
    path = reverse("payments:sandbox_gateway", args=[gateway_order_id])
    return f"{path}?{urlencode({'sig': page_signature(gateway_order_id)})}"


def page_signature_valid(gateway_order_id: str, signature: str | None) -> bool:
    return bool(signature) and hmac.compare_digest(page_signature(gateway_order_id), str(signature))


def webhook_url() -> str:
    base = str(payment_setting("SITE_URL")).rstrip("/")
    return base + reverse("payments_webhook", kwargs={"provider": SandboxProvider.name})


@dataclass(frozen=True)
class SandboxClick:
    """What the gateway does after a click: the webhook it sends and where the buyer goes."""

    outcome: str
    gateway_payment_id: str
    event_id: str
    webhook_body: str
    webhook_headers: dict[str, str]
    return_params: dict[str, str]


def sandbox_click(payment: Payment, outcome: str, method: str = "upi") -> SandboxClick:
    """Build the webhook and the signed return for a "pay" or "fail" click on the pay page."""
    if outcome not in (CAPTURED, FAILED):
        raise ValueError(f"unknown sandbox outcome {outcome!r}")
    gateway_order_id = payment.gateway_order_id
    if outcome == CAPTURED:
        payment_id = captured_payment_id(gateway_order_id)
        event_id = "evt_sbx_" + _derived("captured-event", gateway_order_id)
    else:
        # Each failed attempt is its own event, like a real gateway's.
        payment_id = "pay_sbx_" + secrets.token_hex(7)
        event_id = "evt_sbx_" + secrets.token_hex(7)
    entity: dict[str, Any] = {
        "id": payment_id,
        "entity": "payment",
        "amount": payment.amount_paise,
        "currency": payment.currency,
        "status": outcome,
        "order_id": gateway_order_id,
        "method": method,
        "captured": outcome == CAPTURED,
        "error_code": None if outcome == CAPTURED else "BAD_REQUEST_ERROR",
        "error_description": None
        if outcome == CAPTURED
        else "Payment failed (sandbox: the buyer pressed 'Fail the payment')",
        "notes": {"order_number": payment.order.number},
        "created_at": int(time.time()),
    }
    body = json.dumps(
        {
            "entity": "event",
            "account_id": "acc_sandbox",
            "event": f"payment.{outcome}",
            "contains": ["payment"],
            "payload": {"payment": {"entity": entity}},
            "created_at": int(time.time()),
        },
        separators=(",", ":"),
    )
    secret = sandbox_secret()
    headers = {
        "Content-Type": "application/json",
        SIGNATURE_HEADER: hmac_sha256_hex(secret, body),
        EVENT_ID_HEADER: event_id,
    }
    if outcome == CAPTURED:
        return_params = {
            "razorpay_order_id": gateway_order_id,
            "razorpay_payment_id": payment_id,
            "razorpay_signature": payment_signature(secret, gateway_order_id, payment_id),
        }
    else:
        # Like Razorpay's checkout, a failure is reported to the page unsigned: it only tells
        # the buyer; the signed webhook is what records it.
        return_params = {
            "razorpay_order_id": gateway_order_id,
            "error_code": "BAD_REQUEST_ERROR",
            "error_description": entity["error_description"],
        }
    return SandboxClick(outcome, payment_id, event_id, body, headers, return_params)


class SandboxProvider(PaymentProvider):
    name = "sandbox"

    def create_order(self, amount_paise: int, receipt: str, notes: Mapping[str, str]) -> str:
        return ORDER_PREFIX + secrets.token_hex(7)

    def checkout_context(self, payment: Payment) -> dict[str, Any]:
        return {
            "provider": self.name,
            "key": "sandbox",
            "amount": payment.amount_paise,
            "currency": payment.currency,
            "order_id": payment.gateway_order_id,
            "name": gettext("ODOP Mart"),
            "description": gettext("Order %(number)s") % {"number": payment.order.number},
            "pay_url": page_url(payment.gateway_order_id),
        }

    def verify_payment_signature(self, order_id: str, payment_id: str, signature: str) -> bool:
        return bool(order_id and payment_id) and signature_matches(
            sandbox_secret(), f"{order_id}|{payment_id}", signature
        )

    def verify_webhook(self, raw_body: bytes, headers: Mapping[str, str]) -> bool:
        return signature_matches(sandbox_secret(), raw_body, header(headers, SIGNATURE_HEADER))

    def webhook_event_id(self, raw_body: bytes, headers: Mapping[str, str]) -> str:
        event_id = header(headers, EVENT_ID_HEADER)
        return event_id[:100] or "body:" + hashlib.sha256(raw_body).hexdigest()

    def parse_webhook(self, payload: Mapping[str, Any]) -> NormalisedEvent:
        return parse_razorpay_event(payload)

    def fetch_payment(self, payment: Payment, gateway_payment_id: str) -> GatewayPayment:
        # The sandbox signs a return only for a captured payment, whose id it can recompute.
        if gateway_payment_id == captured_payment_id(payment.gateway_order_id):
            return GatewayPayment(
                gateway_payment_id, CAPTURED, payment.amount_paise, "upi", payment.gateway_order_id
            )
        return GatewayPayment(gateway_payment_id, FAILED, None, "", payment.gateway_order_id)

    def refund(
        self,
        payment: Payment,
        amount_paise: int,
        idempotency_key: str,
        notes: Mapping[str, str],
    ) -> GatewayRefund:
        return GatewayRefund("rfnd_sbx_" + _derived("refund", idempotency_key), processed=True)
