"""Razorpay Standard Checkout through the official SDK (keys from the environment).

Webhook signatures are checked over the raw bytes with hmac.compare_digest: the SDK's
``verify_webhook_signature`` wants a str and would need the body decoded first, and a body that
is not UTF-8 must simply fail the check rather than raise.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import razorpay
import requests
from django.utils.translation import gettext

from odopmart.payments.conf import payment_setting
from odopmart.payments.exceptions import GatewayError
from odopmart.payments.providers.base import (
    GatewayPayment,
    GatewayRefund,
    NormalisedEvent,
    PaymentProvider,
)
from odopmart.payments.signing import signature_matches

if TYPE_CHECKING:
    from odopmart.payments.models import Payment

SIGNATURE_HEADER = "X-Razorpay-Signature"
EVENT_ID_HEADER = "X-Razorpay-Event-Id"
# Razorpay accepts 10+ characters of letters, digits, "-" and "_" as a refund idempotency key.
_IDEMPOTENCY_KEY = re.compile(r"^[A-Za-z0-9_-]{10,64}$")


def header(headers: Mapping[str, str], name: str) -> str:
    """A header by case-insensitive name (Django's request.headers is; a plain dict is not)."""
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return str(value)
    return ""


def gateway_idempotency_key(key: str) -> str:
    """Our idempotency key in the characters Razorpay accepts (stable for the same key)."""
    if _IDEMPOTENCY_KEY.match(key):
        return key
    return "odop-" + hashlib.sha256(key.encode()).hexdigest()[:40]


def parse_razorpay_event(payload: Mapping[str, Any]) -> NormalisedEvent:
    """Razorpay's webhook body: {"event": ..., "payload": {"payment": {"entity": {...}}, ...}}."""
    body = payload.get("payload") or {}

    def entity(name: str) -> Mapping[str, Any]:
        found = (body.get(name) or {}).get("entity") if isinstance(body, Mapping) else None
        return found if isinstance(found, Mapping) else {}

    pay, order, refund = entity("payment"), entity("order"), entity("refund")
    amount = pay.get("amount")
    refund_amount = refund.get("amount")
    notes = refund.get("notes")
    return NormalisedEvent(
        type=str(payload.get("event") or ""),
        gateway_order_id=str(pay.get("order_id") or order.get("id") or ""),
        gateway_payment_id=str(pay.get("id") or refund.get("payment_id") or ""),
        amount_paise=amount if isinstance(amount, int) and not isinstance(amount, bool) else None,
        method=str(pay.get("method") or ""),
        error=str(pay.get("error_description") or pay.get("error_reason") or ""),
        gateway_refund_id=str(refund.get("id") or ""),
        refund_amount_paise=(
            refund_amount
            if isinstance(refund_amount, int) and not isinstance(refund_amount, bool)
            else None
        ),
        refund_notes=notes if isinstance(notes, Mapping) else {},
        refund_receipt=str(refund.get("receipt") or ""),
    )


class RazorpayProvider(PaymentProvider):
    name = "razorpay"

    def __init__(self) -> None:
        self.key_id = str(payment_setting("RAZORPAY_KEY_ID"))
        self.key_secret = str(payment_setting("RAZORPAY_KEY_SECRET"))
        self.webhook_secret = str(payment_setting("RAZORPAY_WEBHOOK_SECRET"))
        self.timeout = int(payment_setting("RAZORPAY_TIMEOUT_SECONDS"))

    # -- API calls ---------------------------------------------------------------------------
    def _client(self) -> razorpay.Client:
        if not (self.key_id and self.key_secret):
            raise GatewayError("RAZORPAY_KEY_ID / RAZORPAY_KEY_SECRET are not set", retryable=False)
        return razorpay.Client(auth=(self.key_id, self.key_secret))

    def _call(self, what: str, call: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
        try:
            result = call(*args, timeout=self.timeout, **kwargs)
        except razorpay.errors.BadRequestError as error:
            raise GatewayError(f"{what}: {error}", retryable=False) from error
        except (razorpay.errors.ServerError, razorpay.errors.GatewayError) as error:
            raise GatewayError(f"{what}: {error}") from error
        except (requests.RequestException, ValueError) as error:
            # ValueError: a body that is not JSON (a proxy's error page).
            raise GatewayError(f"{what}: {error.__class__.__name__}: {error}") from error
        if not isinstance(result, dict):
            raise GatewayError(f"{what}: unexpected answer")
        return result

    def create_order(self, amount_paise: int, receipt: str, notes: Mapping[str, str]) -> str:
        # Always a fresh dict: several SDK methods write into a shared mutable default.
        data = {
            "amount": int(amount_paise),
            "currency": "INR",
            "receipt": receipt,
            "notes": dict(notes),
        }
        client = self._client()
        order = self._call("create order", client.order.create, data=data)
        gateway_order_id = order.get("id")
        if not gateway_order_id:
            raise GatewayError("create order: no id in the answer")
        return str(gateway_order_id)

    def fetch_payment(self, payment: Payment, gateway_payment_id: str) -> GatewayPayment:
        client = self._client()
        found = self._call("fetch payment", client.payment.fetch, gateway_payment_id, {})
        amount = found.get("amount")
        return GatewayPayment(
            gateway_payment_id=str(found.get("id") or gateway_payment_id),
            status=str(found.get("status") or ""),
            amount_paise=amount if isinstance(amount, int) else None,
            method=str(found.get("method") or ""),
            gateway_order_id=str(found.get("order_id") or ""),
            error=str(found.get("error_description") or ""),
        )

    def refund(
        self,
        payment: Payment,
        amount_paise: int,
        idempotency_key: str,
        notes: Mapping[str, str],
    ) -> GatewayRefund:
        data = {
            "amount": int(amount_paise),
            "speed": str(payment_setting("REFUND_SPEED")),
            "receipt": idempotency_key[:40],
            "notes": {**notes, "idempotency_key": idempotency_key},
        }
        client = self._client()
        refund = self._call(
            "refund",
            client.payment.refund,
            payment.gateway_payment_id,
            data,
            headers={"X-Refund-Idempotency": gateway_idempotency_key(idempotency_key)},
        )
        refund_id = refund.get("id")
        if not refund_id:
            raise GatewayError("refund: no id in the answer")
        return GatewayRefund(str(refund_id), processed=refund.get("status") == "processed")

    # -- browser checkout --------------------------------------------------------------------
    def checkout_context(self, payment: Payment) -> dict[str, Any]:
        order = payment.order
        return {
            "provider": self.name,
            "key": self.key_id,
            "amount": payment.amount_paise,
            "currency": payment.currency,
            "order_id": payment.gateway_order_id,
            "name": gettext("ODOP Mart"),
            "description": gettext("Order %(number)s") % {"number": order.number},
            "prefill": {"name": order.ship_name, "email": order.email, "contact": order.phone},
            "notes": {"order_number": order.number},
        }

    def verify_payment_signature(self, order_id: str, payment_id: str, signature: str) -> bool:
        if not (self.key_secret and order_id and payment_id and signature):
            return False
        client = razorpay.Client(auth=(self.key_id, self.key_secret))
        try:
            return bool(
                client.utility.verify_payment_signature(
                    {
                        "razorpay_order_id": order_id,
                        "razorpay_payment_id": payment_id,
                        "razorpay_signature": signature,
                    }
                )
            )
        except razorpay.errors.SignatureVerificationError:
            return False

    # -- webhooks ----------------------------------------------------------------------------
    def verify_webhook(self, raw_body: bytes, headers: Mapping[str, str]) -> bool:
        return signature_matches(self.webhook_secret, raw_body, header(headers, SIGNATURE_HEADER))

    def webhook_event_id(self, raw_body: bytes, headers: Mapping[str, str]) -> str:
        # Without the header (it is always sent) the body itself identifies the event.
        event_id = header(headers, EVENT_ID_HEADER)
        return event_id[:100] or "body:" + hashlib.sha256(raw_body).hexdigest()

    def parse_webhook(self, payload: Mapping[str, Any]) -> NormalisedEvent:
        return parse_razorpay_event(payload)
