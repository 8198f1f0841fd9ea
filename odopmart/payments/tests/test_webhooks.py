"""Webhooks: signature checked over the raw body, every call recorded, one effect per event,
out-of-order and unexpected events handled without a 500."""

from __future__ import annotations

import pytest

from odopmart.orders.models import OrderEvent
from odopmart.orders.services import order_cancel, reservations_expire
from odopmart.orders.states import OrderStatus
from odopmart.payments.models import Payment, PaymentEvent, Refund, WebhookEvent
from odopmart.payments.services import payment_start, refunds_process_due
from odopmart.payments.tests.conftest import razorpay_event, signed

pytestmark = pytest.mark.django_db


@pytest.fixture
def started(place, buyer):
    """An order awaiting payment with its sandbox gateway order."""
    order = place(buyer)
    return payment_start(order).payment


def captured(payment, payment_id="pay_sbx_A1"):
    return razorpay_event(
        "payment.captured",
        gateway_order_id=payment.gateway_order_id,
        payment_id=payment_id,
        amount=payment.amount_paise,
    )


def test_valid_webhook_captures_and_places_the_order(started, post_webhook):
    response = post_webhook("sandbox", captured(started), event_id="evt_1")
    assert response.status_code == 200
    assert response.json() == {"status": "processed"}
    started.refresh_from_db()
    assert (started.status, started.gateway_payment_id, started.method) == (
        "captured", "pay_sbx_A1", "upi",
    )  # fmt: skip
    assert started.order.status == OrderStatus.PLACED
    event = WebhookEvent.objects.get()
    assert (event.event_id, event.event_type, event.signature_valid, event.payment_id) == (
        "evt_1", "payment.captured", True, started.pk,
    )  # fmt: skip


def test_tampered_body_is_recorded_flagged_and_refused(started, client):
    body, headers = signed(captured(started), "sandbox-test-secret", "evt_1")
    tampered = body.replace(b'"amount": ', b'"amount": 1')
    response = client.post(
        "/webhooks/payments/sandbox/", tampered, content_type="application/json", **headers
    )
    assert response.status_code == 400
    [event] = WebhookEvent.objects.all()
    assert (event.signature_valid, event.outcome) == (False, "flagged")
    assert "evt_1" in event.detail
    started.refresh_from_db()
    assert started.status == "created"
    assert started.order.status == OrderStatus.PENDING_PAYMENT

    # The genuine event with the same id still goes through afterwards.
    response = client.post(
        "/webhooks/payments/sandbox/", body, content_type="application/json", **headers
    )
    assert response.status_code == 200
    started.refresh_from_db()
    assert started.status == "captured"


def test_wrong_secret_and_missing_signature_are_refused(started, post_webhook, client):
    assert post_webhook("sandbox", captured(started), secret="guess").status_code == 400
    response = client.post("/webhooks/payments/sandbox/", b"{}", content_type="application/json")
    assert response.status_code == 400
    assert WebhookEvent.objects.filter(signature_valid=False, outcome="flagged").count() == 2
    started.refresh_from_db()
    assert started.status == "created"


def test_only_post_and_known_providers(client):
    assert client.get("/webhooks/payments/sandbox/").status_code == 405
    assert (
        client.post("/webhooks/payments/cod/", b"{}", content_type="application/json").status_code
        == 404
    )
    assert (
        client.post("/webhooks/payments/x/", b"{}", content_type="application/json").status_code
        == 404
    )


def test_replayed_three_times_is_one_effect(started, post_webhook):
    payload = captured(started)
    statuses = [post_webhook("sandbox", payload, event_id="evt_same").json() for _ in range(3)]
    assert statuses == [{"status": "processed"}, {"status": "duplicate"}, {"status": "duplicate"}]
    assert WebhookEvent.objects.count() == 1
    assert PaymentEvent.objects.filter(payment=started, to_status="captured").count() == 1
    assert OrderEvent.objects.filter(order=started.order, item=None, seller_order=None,
                                     to_status="placed").count() == 1  # fmt: skip


def test_same_capture_under_two_event_ids_is_one_effect(started, post_webhook):
    assert post_webhook("sandbox", captured(started)).json() == {"status": "processed"}
    assert post_webhook("sandbox", captured(started)).json() == {"status": "ignored"}
    assert PaymentEvent.objects.filter(payment=started, to_status="captured").count() == 1


def test_authorized_after_captured_does_not_move_back(started, post_webhook):
    post_webhook("sandbox", captured(started))
    late = razorpay_event(
        "payment.authorized", gateway_order_id=started.gateway_order_id,
        payment_id="pay_sbx_A1", amount=started.amount_paise,
    )  # fmt: skip
    assert post_webhook("sandbox", late).json() == {"status": "ignored"}
    started.refresh_from_db()
    assert started.status == "captured"


def test_failed_after_captured_is_ignored_and_recorded(started, post_webhook):
    post_webhook("sandbox", captured(started))
    late = razorpay_event(
        "payment.failed", gateway_order_id=started.gateway_order_id,
        payment_id="pay_sbx_A0", amount=started.amount_paise, error="Bank declined",
    )  # fmt: skip
    assert post_webhook("sandbox", late).json() == {"status": "ignored"}
    started.refresh_from_db()
    assert started.status == "captured"
    assert started.order.status == OrderStatus.PLACED
    assert WebhookEvent.objects.filter(event_type="payment.failed", outcome="ignored").exists()


def test_authorized_then_captured_in_order(started, post_webhook):
    auth = razorpay_event(
        "payment.authorized", gateway_order_id=started.gateway_order_id,
        payment_id="pay_sbx_A1", amount=started.amount_paise,
    )  # fmt: skip
    assert post_webhook("sandbox", auth).json() == {"status": "processed"}
    started.refresh_from_db()
    assert started.status == "authorized"
    assert started.order.status == OrderStatus.PENDING_PAYMENT
    assert post_webhook("sandbox", captured(started)).json() == {"status": "processed"}
    started.refresh_from_db()
    assert started.status == "captured"
    assert started.order.status == OrderStatus.PLACED


def test_failure_of_an_earlier_attempt_after_a_later_authorisation(started, post_webhook):
    auth = razorpay_event(
        "payment.authorized", gateway_order_id=started.gateway_order_id,
        payment_id="pay_second", amount=started.amount_paise,
    )  # fmt: skip
    failed = razorpay_event(
        "payment.failed", gateway_order_id=started.gateway_order_id,
        payment_id="pay_first", amount=started.amount_paise, error="declined",
    )  # fmt: skip
    post_webhook("sandbox", auth)
    assert post_webhook("sandbox", failed).json() == {"status": "ignored"}
    started.refresh_from_db()
    assert started.status == "authorized"


def test_payment_failed_releases_the_order(started, post_webhook):
    failed = razorpay_event(
        "payment.failed", gateway_order_id=started.gateway_order_id,
        payment_id="pay_first", amount=started.amount_paise, error="Payment declined by bank",
    )  # fmt: skip
    assert post_webhook("sandbox", failed).json() == {"status": "processed"}
    started.refresh_from_db()
    assert (started.status, started.failure_reason) == ("failed", "Payment declined by bank")
    assert started.order.status == OrderStatus.PAYMENT_FAILED


def test_unknown_gateway_order_is_flagged_not_crashed(post_webhook, db):
    payload = razorpay_event("payment.captured", gateway_order_id="order_sbx_nobody", amount=100)
    response = post_webhook("sandbox", payload)
    assert response.status_code == 200
    assert response.json() == {"status": "flagged"}
    event = WebhookEvent.objects.get()
    assert event.outcome == "flagged"
    assert "order_sbx_nobody" in event.detail


def test_capture_for_a_cancelled_order_is_refunded_and_flagged(started, post_webhook, buyer):
    order_cancel(started.order, actor=buyer, reason="changed my mind")
    response = post_webhook("sandbox", captured(started))
    assert response.json() == {"status": "flagged"}
    started.refresh_from_db()
    assert started.status == "refunded"
    refund = Refund.objects.get(payment=started)
    assert (refund.amount_paise, refund.status) == (started.amount_paise, "pending")
    # Sent after commit (the test's transaction never commits: the safety net sends it).
    assert refunds_process_due() == 1
    refund.refresh_from_db()
    assert refund.status == "processed"
    assert refund.gateway_refund_id.startswith("rfnd_sbx_")
    assert started.order.status == OrderStatus.CANCELLED


def test_late_capture_for_an_expired_order_holds_the_stock_again(started, post_webhook):
    from datetime import timedelta

    from django.utils import timezone

    assert reservations_expire(now=timezone.now() + timedelta(hours=2)) == 1
    response = post_webhook("sandbox", captured(started))
    assert response.json() == {"status": "processed"}
    started.refresh_from_db()
    assert started.status == "captured"
    assert started.order.status == OrderStatus.PLACED


def test_late_capture_when_the_stock_is_gone_is_refunded_and_flagged(started, post_webhook):
    from datetime import timedelta

    from django.utils import timezone

    from odopmart.catalog.models import Variant

    assert reservations_expire(now=timezone.now() + timedelta(hours=2)) == 1
    variant_ids = started.order.items.values_list("variant_id", flat=True)
    Variant.objects.filter(pk__in=variant_ids).update(stock=0)  # someone else bought it
    response = post_webhook("sandbox", captured(started))
    assert response.json() == {"status": "flagged"}
    started.refresh_from_db()
    assert started.status == "refunded"
    assert started.order.status == OrderStatus.EXPIRED
    assert not Variant.objects.filter(pk__in=variant_ids, stock__gt=0).exists()


def test_authorisation_for_a_cancelled_order_is_flagged(started, post_webhook, buyer):
    order_cancel(started.order, actor=buyer, reason="changed my mind")
    auth = razorpay_event(
        "payment.authorized", gateway_order_id=started.gateway_order_id,
        payment_id="pay_sbx_A1", amount=started.amount_paise,
    )  # fmt: skip
    assert post_webhook("sandbox", auth).json() == {"status": "flagged"}


def test_wrong_amount_is_refunded_and_flagged(started, post_webhook):
    payload = razorpay_event(
        "payment.captured", gateway_order_id=started.gateway_order_id,
        payment_id="pay_sbx_A1", amount=started.amount_paise - 100,
    )  # fmt: skip
    assert post_webhook("sandbox", payload).json() == {"status": "flagged"}
    started.refresh_from_db()
    assert started.status == "refunded"
    assert started.order.status == OrderStatus.PENDING_PAYMENT


def test_unused_event_types_are_ignored(started, post_webhook):
    payload = {"event": "settlement.processed", "payload": {}}
    assert post_webhook("sandbox", payload).json() == {"status": "ignored"}


def test_razorpay_webhook_uses_its_own_secret(place, buyer, post_webhook):
    order = place(buyer)
    payment = Payment.objects.create(
        order=order, provider="razorpay", amount_paise=order.grand_total_paise,
        gateway_order_id="order_EKwxwAgItmmXdp",
    )  # fmt: skip
    payload = razorpay_event(
        "order.paid", gateway_order_id="order_EKwxwAgItmmXdp", amount=payment.amount_paise
    )
    assert post_webhook("razorpay", payload, secret="sandbox-test-secret").status_code == 400
    assert post_webhook("razorpay", payload).json() == {"status": "processed"}
    payment.refresh_from_db()
    assert payment.status == "captured"


def test_a_crash_while_applying_leaves_the_event_for_the_retry(started, post_webhook, monkeypatch):
    from odopmart.orders import services as orders_services

    real = orders_services.order_confirm_paid

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(orders_services, "order_confirm_paid", broken)
    payload = captured(started)
    assert post_webhook("sandbox", payload, event_id="evt_crash").status_code == 500
    event = WebhookEvent.objects.get()
    assert event.outcome == "received"
    started.refresh_from_db()
    assert started.status == "created"  # rolled back with the failure

    monkeypatch.setattr(orders_services, "order_confirm_paid", real)
    assert post_webhook("sandbox", payload, event_id="evt_crash").json() == {"status": "processed"}
    started.refresh_from_db()
    assert started.status == "captured"
