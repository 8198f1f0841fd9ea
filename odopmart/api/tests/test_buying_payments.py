"""Paying from the app: starting (sandbox, cash on delivery), Idempotency-Key, verifying."""

from __future__ import annotations

import pytest

from odopmart.api.tests.buying_fixtures import *  # noqa: F403
from odopmart.api.tests.buying_fixtures import place
from odopmart.orders.models import Order
from odopmart.payments.conf import sandbox_secret
from odopmart.payments.models import Payment
from odopmart.payments.providers.sandbox import captured_payment_id
from odopmart.payments.signing import payment_signature

pytestmark = pytest.mark.django_db


@pytest.fixture
def variant(make_product):
    return make_product(price_paise=249900, stock=5).variants.get()


def test_start_an_online_payment_with_the_sandbox(
    buyer_app, variant, django_capture_on_commit_callbacks
):
    number = place(buyer_app, [variant], payment_method="online")["order"]["number"]
    key = {"Idempotency-Key": "pay-tap-1"}

    with django_capture_on_commit_callbacks(execute=True):
        first = buyer_app.post(f"/orders/{number}/payments", **key)
        again = buyer_app.post(f"/orders/{number}/payments", **key)

    assert first.status_code == 201, first.json()
    body = first.json()
    payment = Payment.objects.get()
    assert body["payment_id"] == payment.pk
    assert body["provider"] == "sandbox"
    assert (body["amount_paise"], body["currency"]) == (payment.amount_paise, "INR")
    assert body["gateway_order_id"] == payment.gateway_order_id != ""
    assert body["next_url"].startswith("http://testserver/")
    assert body["checkout"]["order_id"] == payment.gateway_order_id
    assert body["key_id"] is None
    assert again.json() == body
    assert again["Idempotent-Replayed"] == "true"
    assert Payment.objects.count() == 1


def test_verify_a_signed_return(buyer_app, variant, django_capture_on_commit_callbacks):
    number = place(buyer_app, [variant], payment_method="online")["order"]["number"]
    with django_capture_on_commit_callbacks(execute=True):
        gateway_order_id = buyer_app.post(f"/orders/{number}/payments").json()["gateway_order_id"]
    payment_id = captured_payment_id(gateway_order_id)
    url = f"/orders/{number}/payments/verify"

    forged = buyer_app.post(
        url,
        {
            "razorpay_order_id": gateway_order_id,
            "razorpay_payment_id": payment_id,
            "razorpay_signature": "0" * 64,
        },
    )
    assert forged.status_code == 422
    assert forged.json()["detail"][0]["loc"] == ["body", "payload", "razorpay_signature"]
    assert Order.objects.get().status == "pending_payment"

    unknown = buyer_app.post(
        url,
        {"razorpay_order_id": "order_x", "razorpay_payment_id": "p", "razorpay_signature": "s"},
    )
    assert unknown.status_code == 422
    assert unknown.json()["detail"][0]["loc"] == ["body", "payload", "razorpay_order_id"]

    signed = {
        "razorpay_order_id": gateway_order_id,
        "razorpay_payment_id": payment_id,
        "razorpay_signature": payment_signature(sandbox_secret(), gateway_order_id, payment_id),
    }
    with django_capture_on_commit_callbacks(execute=True):
        verified = buyer_app.post(url, signed)
        twice = buyer_app.post(url, signed)

    assert verified.status_code == 200, verified.json()
    assert (verified.json()["status"], verified.json()["order_status"]) == ("captured", "placed")
    assert twice.json() == verified.json()
    assert Order.objects.get().status == "placed"


def test_cash_on_delivery_confirms_the_order(
    buyer_app, variant, django_capture_on_commit_callbacks
):
    number = place(buyer_app, [variant])["order"]["number"]

    with django_capture_on_commit_callbacks(execute=True):
        response = buyer_app.post(f"/orders/{number}/payments")

    assert response.status_code == 201, response.json()
    assert response.json()["provider"] == "cod"
    assert response.json()["order_status"] == "placed"
    assert Order.objects.get().status == "placed"


def test_paying_twice_is_refused(buyer_app, variant, django_capture_on_commit_callbacks):
    number = place(buyer_app, [variant])["order"]["number"]
    with django_capture_on_commit_callbacks(execute=True):
        buyer_app.post(f"/orders/{number}/payments")

    order = Order.objects.get()
    order.payment_method = "online"
    order.save(update_fields=["payment_method"])
    response = buyer_app.post(f"/orders/{number}/payments")

    assert (response.status_code, response.json()["code"]) == (409, "already_paid")
