"""The sandbox gateway end to end through the test client: the same path as Razorpay, offline."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import respx

from odopmart.catalog.models import Variant
from odopmart.orders.models import StockReservation
from odopmart.orders.states import OrderStatus, ReservationStatus
from odopmart.payments.models import Payment, PaymentEvent, WebhookEvent
from odopmart.payments.services import payment_start

pytestmark = pytest.mark.django_db
WEBHOOK_URL = "http://shop.test/webhooks/payments/sandbox/"


@pytest.fixture
def sent_webhooks() -> Any:
    """Webhooks the sandbox gateway POSTs, caught at the HTTP boundary (not delivered)."""
    with respx.mock(assert_all_called=False) as router:
        route = router.post(WEBHOOK_URL).mock(return_value=httpx.Response(200, json={}))
        yield route


@pytest.fixture
def live_webhooks(client: Any) -> Any:
    """The sandbox's webhook POSTs delivered to our endpoint through the Django test client."""

    def forward(request: httpx.Request) -> httpx.Response:
        headers = {
            "HTTP_" + name.upper().replace("-", "_"): value
            for name, value in request.headers.items()
            if name.lower().startswith("x-razorpay")
        }
        response = client.generic(
            "POST", urlsplit(str(request.url)).path, request.content,
            content_type="application/json", **headers,
        )  # fmt: skip
        return httpx.Response(response.status_code, content=response.content)

    with respx.mock(assert_all_called=False) as router:
        route = router.post(WEBHOOK_URL).mock(side_effect=forward)
        yield route


def _open_gateway(client: Any, order: Any) -> str:
    """The buyer follows payment_start's next_url to the sandbox's pay page."""
    started = payment_start(order)
    assert started.payment.gateway_order_id.startswith("order_sbx_")
    page = client.get(started.next_url)
    assert page.status_code == 200
    return started.next_url


def test_buy_and_pay_end_to_end(client, place, buyer, live_webhooks):
    order = place(buyer)
    variant = Variant.objects.get(pk=order.items.get().variant_id)
    assert variant.stock == 4
    client.force_login(buyer)

    pay_url = client.get(f"/pay/{order.number}/").url
    assert pay_url.startswith("/pay/sandbox/order_sbx_")
    page = client.get(pay_url)
    content = page.content.decode()
    assert "TEST GATEWAY" in content
    assert order.number in content
    assert "₹" in content

    sig = parse_qs(urlsplit(pay_url).query)["sig"][0]
    back = client.post(pay_url, {"action": "pay", "sig": sig})
    assert back.status_code == 302
    assert back.url.startswith("/pay/return/sandbox/?")
    assert live_webhooks.call_count == 1
    done = client.get(back.url)
    assert done.status_code == 302

    order.refresh_from_db()
    payment = Payment.objects.get(order=order)
    assert order.status == OrderStatus.PLACED
    assert order.paid_at is not None
    assert payment.status == "captured"
    assert payment.captured_paise == order.grand_total_paise
    assert StockReservation.objects.get(order=order).status == ReservationStatus.COMMITTED
    variant.refresh_from_db()
    assert variant.stock == 4
    [webhook] = WebhookEvent.objects.all()
    assert (webhook.outcome, webhook.signature_valid, webhook.payment_id) == (
        "processed", True, payment.pk,
    )  # fmt: skip
    # The return came second and changed nothing more.
    assert list(payment.events.values_list("to_status", flat=True)) == ["created", "captured"]


def test_hindi_pay_page(client, place, buyer, sent_webhooks):
    order = place(buyer)
    started = payment_start(order)
    page = client.get("/hi" + started.next_url)
    assert page.status_code == 200
    assert 'lang="hi"' in page.content.decode()


def test_return_alone_completes_the_order(client, place, buyer, sent_webhooks):
    order = place(buyer)
    pay_url = _open_gateway(client, order)
    sig = parse_qs(urlsplit(pay_url).query)["sig"][0]
    sent_webhooks.mock(return_value=httpx.Response(503))  # the webhook never arrives
    back = client.post(pay_url, {"action": "pay", "sig": sig})
    client.get(back.url)
    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED
    assert Payment.objects.get(order=order).status == "captured"
    assert WebhookEvent.objects.count() == 0


def test_webhook_alone_completes_the_order(client, place, buyer, live_webhooks):
    """The buyer closes the tab after paying: the webhook completes the order."""
    order = place(buyer)
    pay_url = _open_gateway(client, order)
    sig = parse_qs(urlsplit(pay_url).query)["sig"][0]
    client.post(pay_url, {"action": "pay", "sig": sig})  # redirect never followed
    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED
    assert WebhookEvent.objects.get().outcome == "processed"


def test_double_clicked_pay_button_has_one_effect(client, place, buyer, live_webhooks):
    order = place(buyer)
    pay_url = _open_gateway(client, order)
    sig = parse_qs(urlsplit(pay_url).query)["sig"][0]
    first = client.post(pay_url, {"action": "pay", "sig": sig})
    second = client.post(pay_url, {"action": "pay", "sig": sig})
    client.get(first.url)
    client.get(second.url)
    payment = Payment.objects.get(order=order)
    assert payment.status == "captured"
    assert PaymentEvent.objects.filter(payment=payment, to_status="captured").count() == 1
    assert WebhookEvent.objects.count() == 1  # the second delivery was the same event
    assert live_webhooks.call_count == 2
    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED
    assert order.events.filter(item=None, seller_order=None, to_status="placed").count() == 1


def test_failed_payment_then_retry_and_pay(client, place, buyer, live_webhooks):
    order = place(buyer)
    client.force_login(buyer)
    variant = Variant.objects.get(pk=order.items.get().variant_id)
    pay_url = _open_gateway(client, order)
    sig = parse_qs(urlsplit(pay_url).query)["sig"][0]
    back = client.post(pay_url, {"action": "fail", "sig": sig})
    status_page = client.get(back.url, follow=True)
    assert "did not go through" in status_page.content.decode()
    order.refresh_from_db()
    payment = Payment.objects.get(order=order)
    assert (order.status, payment.status) == (OrderStatus.PAYMENT_FAILED, "failed")
    variant.refresh_from_db()
    assert variant.stock == 5  # released

    retry = client.get(f"/pay/{order.number}/")
    assert retry.url == pay_url  # the same gateway order is paid again
    back = client.post(pay_url, {"action": "pay", "sig": sig})
    client.get(back.url)
    order.refresh_from_db()
    payment.refresh_from_db()
    variant.refresh_from_db()
    assert (order.status, payment.status, variant.stock) == (OrderStatus.PLACED, "captured", 4)


def test_gateway_page_needs_its_signature(client, place, sent_webhooks):
    order = place()
    started = payment_start(order)
    path = urlsplit(started.next_url).path
    assert client.get(path).status_code == 404
    assert client.get(path + "?sig=0123").status_code == 404
    assert client.post(path, {"action": "pay", "sig": "nope"}).status_code == 404
    assert sent_webhooks.call_count == 0
    order.refresh_from_db()
    assert order.status == OrderStatus.PENDING_PAYMENT


def test_forged_return_changes_nothing(client, place, sent_webhooks):
    order = place()
    started = payment_start(order)
    response = client.get(
        "/pay/return/sandbox/",
        {
            "razorpay_order_id": started.payment.gateway_order_id,
            "razorpay_payment_id": "pay_sbx_forged",
            "razorpay_signature": "0" * 64,
        },
    )
    assert response.status_code == 400
    order.refresh_from_db()
    assert order.status == OrderStatus.PENDING_PAYMENT
    assert Payment.objects.get(order=order).status == "created"
