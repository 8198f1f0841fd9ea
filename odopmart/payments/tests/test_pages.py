"""Pay pages: who may open them, the Razorpay checkout and return, and payment start rules."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
import responses
from django.utils import timezone

from odopmart.orders.models import Order
from odopmart.orders.states import OrderStatus
from odopmart.payments.exceptions import PaymentError
from odopmart.payments.models import Payment
from odopmart.payments.services import payment_captured, payment_start
from odopmart.payments.signing import payment_signature
from odopmart.payments.tests.conftest import RZP_KEY_ID, RZP_KEY_SECRET

pytestmark = pytest.mark.django_db
API = "https://api.razorpay.com/v1"


def test_another_buyer_cannot_open_the_pay_page(client, place, buyer, other_buyer):
    order = place(buyer)
    client.force_login(other_buyer)
    assert client.get(f"/pay/{order.number}/").status_code == 404
    assert client.get(f"/pay/{order.number}/status/").status_code == 404
    assert client.get(f"/pay/{order.pk}/").status_code == 404
    assert not Payment.objects.exists()


def test_guest_needs_the_access_token(client, place):
    order = place()
    assert client.get(f"/pay/{order.number}/").status_code == 404
    wrong = "00000000-0000-0000-0000-000000000000"
    assert client.get(f"/pay/{order.number}/?t={wrong}").status_code == 404
    assert client.get(f"/pay/{order.number}/?t=junk").status_code == 404
    response = client.get(f"/pay/{order.number}/?t={order.access_token}")
    assert response.status_code == 302
    assert response.url.startswith("/pay/sandbox/")
    # A guest with another guest's token gets nothing either.
    other = place()
    assert client.get(f"/pay/{other.number}/?t={order.access_token}").status_code == 404


def test_paid_order_goes_to_its_page(client, place, buyer):
    order = place(buyer)
    payment = payment_start(order).payment
    payment_captured(payment, gateway_payment_id="pay_sbx_1")
    client.force_login(buyer)
    response = client.get(f"/pay/{order.number}/")
    assert response.status_code == 302
    assert order.number in response.url
    with pytest.raises(PaymentError) as caught:
        payment_start(order)
    assert caught.value.code == "already_paid"


def test_expired_reservation_cannot_be_paid(client, place, buyer):
    order = place(buyer)
    Order.objects.filter(pk=order.pk).update(
        reservation_expires_at=timezone.now() - timedelta(minutes=1)
    )
    client.force_login(buyer)
    response = client.get(f"/pay/{order.number}/")
    assert response.status_code == 409
    assert "ran out" in response.content.decode()
    assert not Payment.objects.exists()


def test_start_twice_reuses_the_attempt(place, buyer):
    order = place(buyer)
    first = payment_start(order)
    second = payment_start(order)
    assert first.payment.pk == second.payment.pk
    assert first.payment.gateway_order_id == second.payment.gateway_order_id
    assert first.checkout["amount"] == order.grand_total_paise


@responses.activate
def test_razorpay_checkout_and_signed_return(client, place, buyer, settings):
    settings.PAYMENTS = {**settings.PAYMENTS, "PROVIDER": "razorpay"}
    order = place(buyer)
    responses.post(
        f"{API}/orders",
        json={"id": "order_EKwxwAgItmmXdp", "entity": "order", "amount": order.grand_total_paise,
              "currency": "INR", "receipt": order.number, "status": "created"},
    )  # fmt: skip
    client.force_login(buyer)
    page = client.get(f"/pay/{order.number}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "https://checkout.razorpay.com/v1/checkout.js" in html
    assert RZP_KEY_ID in html
    assert "order_EKwxwAgItmmXdp" in html
    assert RZP_KEY_SECRET not in html
    sent = json.loads(responses.calls[0].request.body)
    assert sent["receipt"] == order.number
    assert sent["amount"] == order.grand_total_paise
    assert sent["currency"] == "INR"

    # Reopening the page reuses the gateway order.
    assert client.get(f"/pay/{order.number}/").status_code == 200
    assert len(responses.calls) == 1

    responses.get(
        f"{API}/payments/pay_29QQoUBi66xm2f",
        json={"id": "pay_29QQoUBi66xm2f", "entity": "payment", "amount": order.grand_total_paise,
              "currency": "INR", "status": "captured", "order_id": "order_EKwxwAgItmmXdp",
              "method": "upi", "captured": True},
    )  # fmt: skip
    signature = payment_signature(RZP_KEY_SECRET, "order_EKwxwAgItmmXdp", "pay_29QQoUBi66xm2f")
    back = client.post(
        "/pay/return/razorpay/",
        {
            "razorpay_order_id": "order_EKwxwAgItmmXdp",
            "razorpay_payment_id": "pay_29QQoUBi66xm2f",
            "razorpay_signature": signature,
        },
    )
    assert back.status_code == 302
    order.refresh_from_db()
    payment = Payment.objects.get(order=order)
    assert (order.status, payment.status, payment.method) == (OrderStatus.PLACED, "captured", "upi")


@responses.activate
def test_razorpay_return_with_the_gateway_down_waits_for_the_webhook(client, place, buyer):
    order = place(buyer)
    payment = Payment.objects.create(
        order=order, provider="razorpay", amount_paise=order.grand_total_paise,
        gateway_order_id="order_EKwxwAgItmmXdp",
    )  # fmt: skip
    responses.get(f"{API}/payments/pay_1", status=503, body="unavailable")
    signature = payment_signature(RZP_KEY_SECRET, "order_EKwxwAgItmmXdp", "pay_1")
    client.force_login(buyer)
    back = client.post(
        "/pay/return/razorpay/",
        {"razorpay_order_id": "order_EKwxwAgItmmXdp", "razorpay_payment_id": "pay_1",
         "razorpay_signature": signature},
    )  # fmt: skip
    assert back.status_code == 302
    assert back.url == f"/pay/{order.number}/status/"
    payment.refresh_from_db()
    assert payment.status == "authorized"
    page = client.get(back.url)
    assert "Waiting for the bank" in page.content.decode()


def test_return_for_an_unknown_gateway_order_is_404(client, db):
    response = client.post(
        "/pay/return/razorpay/",
        {"razorpay_order_id": "order_nope", "razorpay_payment_id": "pay_1",
         "razorpay_signature": "x"},
    )  # fmt: skip
    assert response.status_code == 404


def test_cod_order_page_flow(client, place, buyer):
    order = place(buyer, method="cod")
    client.force_login(buyer)
    response = client.get(f"/pay/{order.number}/")
    assert response.status_code == 302
    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED
    status = client.get(f"/pay/{order.number}/status/")
    assert "cash on delivery" in status.content.decode().lower()
