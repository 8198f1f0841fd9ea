"""Gateway adapters: Razorpay through the official SDK against its documented HTTP shapes
(faked with `responses` at the HTTP boundary), signatures, and the sandbox's ids."""

from __future__ import annotations

import base64
import json

import pytest
import responses
from responses import matchers

from odopmart.payments.exceptions import GatewayError
from odopmart.payments.models import Payment
from odopmart.payments.providers import provider_for
from odopmart.payments.providers.razorpay import (
    RazorpayProvider,
    gateway_idempotency_key,
    parse_razorpay_event,
)
from odopmart.payments.providers.sandbox import SandboxProvider, captured_payment_id
from odopmart.payments.signing import hmac_sha256_hex, payment_signature, signature_matches
from odopmart.payments.tests.conftest import (
    RZP_KEY_ID,
    RZP_KEY_SECRET,
    RZP_WEBHOOK_SECRET,
    razorpay_event,
)

API = "https://api.razorpay.com/v1"
AUTH = base64.b64encode(f"{RZP_KEY_ID}:{RZP_KEY_SECRET}".encode()).decode()


def test_signature_matches_is_exact():
    signature = hmac_sha256_hex("secret", b"body")
    assert signature_matches("secret", b"body", signature)
    assert not signature_matches("secret", b"body ", signature)
    assert not signature_matches("other", b"body", signature)
    assert not signature_matches("", b"body", hmac_sha256_hex("", b"body"))
    assert not signature_matches("secret", b"body", None)


def test_razorpay_payment_signature_uses_the_sdk_rule():
    provider = RazorpayProvider()
    signature = payment_signature(RZP_KEY_SECRET, "order_IEIaMR65cu6nz3", "pay_IH4NVgf4Dreq1l")
    order_id, payment_id = "order_IEIaMR65cu6nz3", "pay_IH4NVgf4Dreq1l"
    assert provider.verify_payment_signature(order_id, payment_id, signature)
    assert not provider.verify_payment_signature("order_other", "pay_IH4NVgf4Dreq1l", signature)
    assert not provider.verify_payment_signature("order_IEIaMR65cu6nz3", "pay_x", signature)
    assert not provider.verify_payment_signature("order_IEIaMR65cu6nz3", "pay_x", "")


def test_razorpay_webhook_signature_over_raw_bytes():
    provider = RazorpayProvider()
    body = json.dumps({"event": "payment.captured"}).encode()
    good = {"X-Razorpay-Signature": hmac_sha256_hex(RZP_WEBHOOK_SECRET, body)}
    assert provider.verify_webhook(body, good)
    assert provider.verify_webhook(body, {"x-razorpay-signature": good["X-Razorpay-Signature"]})
    assert not provider.verify_webhook(body + b" ", good)
    assert not provider.verify_webhook(b"\xff\xfe", good)
    assert not provider.verify_webhook(body, {})


def test_razorpay_without_webhook_secret_accepts_nothing(settings):
    settings.PAYMENTS = {**settings.PAYMENTS, "RAZORPAY_WEBHOOK_SECRET": ""}
    body = b"{}"
    headers = {"X-Razorpay-Signature": hmac_sha256_hex("", body)}
    assert not RazorpayProvider().verify_webhook(body, headers)


def test_parse_documented_payloads():
    event = parse_razorpay_event(
        razorpay_event("payment.captured", gateway_order_id="order_A", amount=50000, method="card")
    )
    assert (event.type, event.gateway_order_id, event.amount_paise, event.method) == (
        "payment.captured", "order_A", 50000, "card",
    )  # fmt: skip
    refund = parse_razorpay_event(
        {
            "event": "refund.processed",
            "payload": {
                "refund": {"entity": {"id": "rfnd_FS8TWyPrCsa0OB", "amount": 50000,
                                      "payment_id": "pay_FPoJKWQQ8lK13n",
                                      "notes": {"idempotency_key": "k-1"}, "receipt": None}},
                "payment": {"entity": {"id": "pay_FPoJKWQQ8lK13n", "order_id": "order_B",
                                       "amount": 500000}},
            },
        }
    )  # fmt: skip
    assert refund.gateway_refund_id == "rfnd_FS8TWyPrCsa0OB"
    assert refund.refund_amount_paise == 50000
    assert refund.refund_notes == {"idempotency_key": "k-1"}
    assert parse_razorpay_event({"payload": "junk"}).type == ""


@responses.activate
def test_create_order_sends_paise_and_our_order_number():
    responses.post(
        f"{API}/orders",
        json={"id": "order_EKwxwAgItmmXdp", "entity": "order", "amount": 123456,
              "amount_paid": 0, "amount_due": 123456, "currency": "INR",
              "receipt": "OD2611-7K3F9Q", "status": "created", "attempts": 0,
              "notes": {"order_number": "OD2611-7K3F9Q"}, "created_at": 1582628071},
        match=[
            matchers.json_params_matcher({
                "amount": 123456, "currency": "INR", "receipt": "OD2611-7K3F9Q",
                "notes": {"order_number": "OD2611-7K3F9Q"},
            }),
            matchers.header_matcher({"Authorization": "Basic " + AUTH}),
        ],
    )  # fmt: skip
    gateway_order_id = RazorpayProvider().create_order(
        123456, "OD2611-7K3F9Q", {"order_number": "OD2611-7K3F9Q"}
    )
    assert gateway_order_id == "order_EKwxwAgItmmXdp"


@responses.activate
def test_gateway_errors_are_classified():
    responses.post(
        f"{API}/orders",
        status=400,
        json={"error": {"code": "BAD_REQUEST_ERROR",
                        "description": "The amount must be at least INR 1.00"}},
    )  # fmt: skip
    with pytest.raises(GatewayError) as caught:
        RazorpayProvider().create_order(50, "R1", {})
    assert caught.value.retryable is False
    server_error = {"error": {"code": "SERVER_ERROR", "description": "oops"}}
    responses.replace(responses.POST, f"{API}/orders", status=500, json=server_error)
    with pytest.raises(GatewayError) as caught:
        RazorpayProvider().create_order(5000, "R1", {})
    assert caught.value.retryable is True
    responses.replace(responses.POST, f"{API}/orders", status=502, body="<html>bad gateway</html>")
    with pytest.raises(GatewayError) as caught:
        RazorpayProvider().create_order(5000, "R1", {})
    assert caught.value.retryable is True


def test_missing_keys_are_a_clear_error(settings):
    settings.PAYMENTS = {**settings.PAYMENTS, "RAZORPAY_KEY_ID": "", "RAZORPAY_KEY_SECRET": ""}
    with pytest.raises(GatewayError) as caught:
        RazorpayProvider().create_order(5000, "R1", {})
    assert caught.value.retryable is False


@pytest.mark.django_db
@responses.activate
def test_refund_sends_the_idempotency_header(place):
    order = place()
    payment = Payment.objects.create(
        order=order, provider="razorpay", amount_paise=150000, status="captured",
        captured_paise=150000, gateway_order_id="order_X", gateway_payment_id="pay_29QQoUBi66xm2f",
    )  # fmt: skip
    responses.post(
        f"{API}/payments/pay_29QQoUBi66xm2f/refund",
        json={"id": "rfnd_FP8QHiV938haTz", "entity": "refund", "amount": 50000,
              "currency": "INR", "payment_id": "pay_29QQoUBi66xm2f", "status": "pending",
              "speed_requested": "normal"},
        match=[
            matchers.header_matcher({"X-Refund-Idempotency": "item-cancel-42-abc"}),
            matchers.json_params_matcher({
                "amount": 50000, "speed": "normal", "receipt": "item-cancel-42-abc",
                "notes": {"order_number": order.number, "idempotency_key": "item-cancel-42-abc"},
            }),
        ],
    )  # fmt: skip
    sent = RazorpayProvider().refund(
        payment, 50000, "item-cancel-42-abc", {"order_number": order.number}
    )
    assert (sent.gateway_refund_id, sent.processed) == ("rfnd_FP8QHiV938haTz", False)


def test_idempotency_key_fits_razorpay_rules():
    assert gateway_idempotency_key("order-cancel-12345") == "order-cancel-12345"
    derived = gateway_idempotency_key("order-cancel:12")
    assert derived.startswith("odop-")
    assert len(derived) >= 10
    assert derived == gateway_idempotency_key("order-cancel:12")
    assert gateway_idempotency_key("short") != "short"


def test_provider_for_names():
    assert isinstance(provider_for("sandbox"), SandboxProvider)
    assert provider_for("cod").online is False
    with pytest.raises(KeyError):
        provider_for("paypal")


def test_sandbox_success_ids_are_stable():
    assert captured_payment_id("order_sbx_1") == captured_payment_id("order_sbx_1")
    assert captured_payment_id("order_sbx_1") != captured_payment_id("order_sbx_2")
    assert SandboxProvider().create_order(100, "R", {}).startswith("order_sbx_")
