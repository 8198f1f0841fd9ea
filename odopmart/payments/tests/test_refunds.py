"""Refunds: never above what was captured, idempotent, retried with back-off after gateway
errors, and cash on delivery handled by hand."""

from __future__ import annotations

from datetime import timedelta

import pytest
import responses
from django.utils import timezone

from odopmart.orders.services import item_cancel, order_cancel
from odopmart.payments.exceptions import PaymentError
from odopmart.payments.models import Payment, Refund
from odopmart.payments.services import (
    payment_captured,
    payment_cod_collected,
    payment_start,
    refund_attempt,
    refund_create,
    refund_mark_processed,
    refunds_process_due,
)
from odopmart.payments.tests.conftest import razorpay_event

pytestmark = pytest.mark.django_db
API = "https://api.razorpay.com/v1"


@pytest.fixture
def paid(place, buyer):
    """A placed order paid through the sandbox."""
    order = place(buyer, price_paise=100000, quantity=2)
    payment = payment_start(order).payment
    payment_captured(payment, gateway_payment_id="pay_sbx_1", amount_paise=payment.amount_paise)
    payment.refresh_from_db()
    return payment


@pytest.fixture
def paid_razorpay(place, buyer):
    order = place(buyer, price_paise=100000)
    payment = Payment.objects.create(
        order=order, provider="razorpay", amount_paise=order.grand_total_paise,
        gateway_order_id="order_EKwxwAgItmmXdp",
    )  # fmt: skip
    payment_captured(payment, gateway_payment_id="pay_29QQoUBi66xm2f")
    payment.refresh_from_db()
    return payment


def test_partial_then_full_refund(paid):
    total = paid.captured_paise
    first = refund_create(paid.order, 1000, idempotency_key="r-1", reason="one item")
    paid.refresh_from_db()
    assert (paid.status, paid.refunded_paise) == ("partially_refunded", 1000)
    rest = refund_create(paid.order, total - 1000, idempotency_key="r-2", reason="the rest")
    paid.refresh_from_db()
    assert (paid.status, paid.refunded_paise) == ("refunded", total)
    assert first.status == rest.status == "pending"
    assert refunds_process_due() == 2
    assert set(Refund.objects.values_list("status", flat=True)) == {"processed"}
    assert list(paid.events.values_list("to_status", flat=True)) == [
        "created", "captured", "partially_refunded", "refunded",
    ]  # fmt: skip


def test_never_more_than_captured(paid):
    with pytest.raises(PaymentError) as caught:
        refund_create(paid.order, paid.captured_paise + 1, idempotency_key="r-1", reason="x")
    assert caught.value.code == "refund_exceeds_captured"
    refund_create(paid.order, paid.captured_paise - 5, idempotency_key="r-2", reason="x")
    with pytest.raises(PaymentError):
        refund_create(paid.order, 6, idempotency_key="r-3", reason="x")
    assert Refund.objects.count() == 1
    paid.refresh_from_db()
    assert paid.refunded_paise == paid.captured_paise - 5


@pytest.mark.parametrize("amount", [0, -100, 10.5, True, "100"])
def test_bad_amounts_are_refused(paid, amount):
    with pytest.raises(PaymentError) as caught:
        refund_create(paid.order, amount, idempotency_key="r-1", reason="x")
    assert caught.value.code == "invalid_amount"
    assert not Refund.objects.exists()


def test_same_key_is_the_same_refund(paid):
    first = refund_create(paid.order, 1000, idempotency_key="r-1", reason="x")
    again = refund_create(paid.order, 1000, idempotency_key="r-1", reason="x")
    assert first.pk == again.pk
    paid.refresh_from_db()
    assert paid.refunded_paise == 1000
    with pytest.raises(PaymentError) as caught:
        refund_create(paid.order, 2000, idempotency_key="r-1", reason="x")
    assert caught.value.code == "idempotency_conflict"


def test_nothing_collected_means_nothing_to_refund(place, buyer):
    unpaid = place(buyer)
    payment_start(unpaid)
    assert refund_create(unpaid, 1000, idempotency_key="r-1", reason="x") is None
    cod = place(buyer, method="cod")
    payment_start(cod)
    assert refund_create(cod, 1000, idempotency_key="r-2", reason="x") is None
    assert not Refund.objects.exists()


def test_collected_cash_is_refunded_by_hand(place, buyer, admin_user):
    order = place(buyer, method="cod")
    payment = payment_start(order).payment
    payment_cod_collected(payment)
    refund = refund_create(order, 5000, idempotency_key="r-1", reason="returned")
    assert refund.status == "pending"
    assert refund.next_attempt_at is None
    assert refunds_process_due() == 0  # never sent to a gateway
    assert refund_attempt(refund.pk).status == "pending"
    refund_mark_processed(refund, actor=admin_user)
    refund.refresh_from_db()
    assert refund.status == "processed"


def test_buyer_cancelling_a_paid_order_gets_everything_back(paid, buyer):
    order_cancel(paid.order, actor=buyer, reason="ordered by mistake")
    refund = Refund.objects.get()
    assert refund.amount_paise == paid.captured_paise
    paid.refresh_from_db()
    assert paid.status == "refunded"


def test_cancelling_one_item_refunds_that_item(place, buyer, make_product):
    order = place(
        buyer, products=[make_product(price_paise=100000), make_product(price_paise=70000)]
    )
    payment = payment_start(order).payment
    payment_captured(payment, gateway_payment_id="pay_sbx_1")
    item = order.items.order_by("pk").first()
    item_cancel(item, actor=buyer, reason="not needed")
    refund = Refund.objects.get()
    assert refund.amount_paise >= item.line_total_paise
    payment.refresh_from_db()
    assert payment.status == "partially_refunded"


@responses.activate
def test_razorpay_refund_retried_after_a_server_error(paid_razorpay, settings):
    url = f"{API}/payments/pay_29QQoUBi66xm2f/refund"
    responses.post(url, status=500, json={"error": {"code": "SERVER_ERROR", "description": "x"}})
    refund = refund_create(paid_razorpay.order, 5000, idempotency_key="item-cancel-7", reason="x")
    assert refunds_process_due() == 1
    refund.refresh_from_db()
    assert (refund.status, refund.attempts) == ("pending", 1)
    assert "SERVER_ERROR" in refund.last_error or "x" in refund.last_error
    assert refund.next_attempt_at > timezone.now()
    # Not due yet: nothing is sent.
    assert refunds_process_due() == 0
    assert len(responses.calls) == 1

    responses.replace(
        responses.POST, url,
        json={"id": "rfnd_FP8QHiV938haTz", "entity": "refund", "amount": 5000,
              "payment_id": "pay_29QQoUBi66xm2f", "status": "processed"},
    )  # fmt: skip
    # The first retry waits REFUND_RETRY_BASE_SECONDS (60 s).
    assert refunds_process_due(now=timezone.now() + timedelta(seconds=59)) == 0
    assert refunds_process_due(now=timezone.now() + timedelta(seconds=61)) == 1
    refund.refresh_from_db()
    assert (refund.status, refund.attempts, refund.gateway_refund_id) == (
        "processed", 2, "rfnd_FP8QHiV938haTz",
    )  # fmt: skip
    # The same idempotency key both times, so the gateway never refunds twice.
    keys = {call.request.headers["X-Refund-Idempotency"] for call in responses.calls}
    assert keys == {"item-cancel-7"}


@responses.activate
def test_razorpay_refund_refused_is_failed_for_a_person(paid_razorpay):
    responses.post(
        f"{API}/payments/pay_29QQoUBi66xm2f/refund", status=400,
        json={"error": {"code": "BAD_REQUEST_ERROR",
                        "description": "The refund amount is greater than the captured amount"}},
    )  # fmt: skip
    refund = refund_create(paid_razorpay.order, 5000, idempotency_key="r-1", reason="x")
    refunds_process_due()
    refund.refresh_from_db()
    assert refund.status == "failed"
    assert "greater than" in refund.last_error
    assert paid_razorpay.events.filter(reason__startswith="FLAGGED").exists()


@responses.activate
def test_refund_gives_up_after_the_last_attempt(paid_razorpay, settings):
    settings.PAYMENTS = {**settings.PAYMENTS, "REFUND_MAX_ATTEMPTS": 2}
    responses.post(f"{API}/payments/pay_29QQoUBi66xm2f/refund", status=503, body="down")
    refund = refund_create(paid_razorpay.order, 5000, idempotency_key="r-1", reason="x")
    for _attempt in range(2):
        Refund.objects.filter(pk=refund.pk).update(next_attempt_at=timezone.now())
        refunds_process_due()
    refund.refresh_from_db()
    assert (refund.status, refund.attempts) == ("failed", 2)


@responses.activate
def test_refund_processed_webhook_completes_a_pending_refund(paid_razorpay, post_webhook):
    responses.post(
        f"{API}/payments/pay_29QQoUBi66xm2f/refund",
        json={"id": "rfnd_FS8TWyPrCsa0OB", "entity": "refund", "amount": 5000,
              "payment_id": "pay_29QQoUBi66xm2f", "status": "pending"},
    )  # fmt: skip
    refund = refund_create(paid_razorpay.order, 5000, idempotency_key="r-1", reason="x")
    refunds_process_due()
    refund.refresh_from_db()
    assert (refund.status, refund.gateway_refund_id) == ("pending", "rfnd_FS8TWyPrCsa0OB")
    payload = {
        "entity": "event", "event": "refund.processed", "contains": ["refund", "payment"],
        "payload": {
            "refund": {"entity": {"id": "rfnd_FS8TWyPrCsa0OB", "entity": "refund", "amount": 5000,
                                  "payment_id": "pay_29QQoUBi66xm2f", "status": "processed",
                                  "notes": {"idempotency_key": "r-1"}}},
            "payment": razorpay_event("payment.captured", gateway_order_id="order_EKwxwAgItmmXdp",
                                      amount=paid_razorpay.amount_paise)["payload"]["payment"],
        },
    }  # fmt: skip
    assert post_webhook("razorpay", payload).json() == {"status": "processed"}
    refund.refresh_from_db()
    assert refund.status == "processed"
    unknown = {**payload, "payload": {"refund": {"entity": {"id": "rfnd_other"}}}}
    assert post_webhook("razorpay", unknown).json() == {"status": "flagged"}
