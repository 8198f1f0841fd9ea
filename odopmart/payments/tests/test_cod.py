"""Cash on delivery: an order-value limit and PIN code eligibility, then the order is placed."""

from __future__ import annotations

import pytest

from odopmart.orders.states import OrderStatus
from odopmart.payments.exceptions import PaymentError
from odopmart.payments.models import Payment
from odopmart.payments.services import cod_available, payment_start
from odopmart.regions.models import Pincode

pytestmark = pytest.mark.django_db


def test_cod_places_the_order(place, buyer):
    order = place(buyer, method="cod")
    started = payment_start(order)
    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED
    assert order.paid_at is None
    assert (started.payment.provider, started.payment.status) == ("cod", "cod_pending")
    assert started.payment.amount_paise == order.grand_total_paise
    assert list(started.payment.events.values_list("to_status", flat=True)) == ["cod_pending"]


def test_cod_twice_is_one_payment(place, buyer):
    order = place(buyer, method="cod")
    first = payment_start(order)
    second = payment_start(order)
    assert first.payment.pk == second.payment.pk
    assert Payment.objects.count() == 1


def test_cod_limit_is_configurable(place, buyer, settings):
    order = place(buyer, method="cod", price_paise=300000)
    settings.PAYMENTS = {**settings.PAYMENTS, "COD_MAX_ORDER_PAISE": order.grand_total_paise - 1}
    with pytest.raises(PaymentError) as caught:
        payment_start(order)
    assert caught.value.code == "cod_not_available"
    assert "₹" in caught.value.message
    order.refresh_from_db()
    assert order.status == OrderStatus.PENDING_PAYMENT
    assert not Payment.objects.exists()
    settings.PAYMENTS = {**settings.PAYMENTS, "COD_MAX_ORDER_PAISE": order.grand_total_paise}
    assert payment_start(order).payment.status == "cod_pending"


def test_cod_pincode_deny_list_and_prefixes(place, buyer, settings):
    settings.PAYMENTS = {**settings.PAYMENTS, "COD_DENIED_PINCODES": ["2260"]}
    order = place(buyer, method="cod")  # delivered to 226001
    with pytest.raises(PaymentError) as caught:
        payment_start(order)
    assert "226001" in caught.value.message
    assert cod_available(1000, "221001") is None


def test_cod_needs_a_deliverable_pincode(settings, db):
    Pincode.objects.filter(code="226001").update(is_serviceable=False)
    assert cod_available(1000, "226001") is not None
    assert cod_available(1000, "000001") is not None
    settings.PAYMENTS = {**settings.PAYMENTS, "COD_REQUIRE_SERVICEABLE_PINCODE": False}
    assert cod_available(1000, "000001") is None


def test_cod_can_be_switched_off(settings, db):
    settings.PAYMENTS = {**settings.PAYMENTS, "COD_ENABLED": False}
    assert cod_available(1000, "226001") is not None


def test_online_order_cannot_switch_to_cod(place, buyer):
    order = place(buyer)
    with pytest.raises(PaymentError) as caught:
        payment_start(order, provider="cod")
    assert caught.value.code == "method_mismatch"
    with pytest.raises(PaymentError):
        payment_start(order, provider="paypal")
