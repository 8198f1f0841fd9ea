"""Paid, cash on delivery, failed, retried and late payments."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from odopmart.catalog.models import Variant
from odopmart.core.models import OutboxEvent
from odopmart.orders.exceptions import CaptureRefused, OrderError
from odopmart.orders.models import Cart, StockReservation
from odopmart.orders.services import (
    order_confirm_cod,
    order_confirm_paid,
    order_payment_failed,
    order_retry_payment,
    reservations_expire,
)
from odopmart.orders.states import OrderStatus, ReservationStatus
from odopmart.orders.tests.helpers import pay, statuses

pytestmark = pytest.mark.django_db


def test_paid_order_is_placed_everywhere_and_stock_committed(make_product, cart_with, place):
    a, b = make_product(stock=2), make_product(stock=2)
    order = pay(place(cart_with((a, 1), (b, 2))))
    assert statuses(order) == {
        "order": "placed",
        "seller_orders": ["placed", "placed"],
        "items": ["placed", "placed"],
    }
    assert order.paid_at is not None
    assert order.placed_at is not None
    assert set(StockReservation.objects.filter(order=order).values_list("status", flat=True)) == {
        ReservationStatus.COMMITTED
    }
    assert Variant.objects.get(product=b).stock == 0
    assert OutboxEvent.objects.filter(topic="order.paid").count() == 1


def test_confirming_twice_changes_nothing(make_product, cart_with, place):
    order = pay(place(cart_with((make_product(), 1))))
    events = order.events.count()
    order_confirm_paid(order, payment=order.payments.get())
    assert order.events.count() == events
    assert OutboxEvent.objects.filter(topic="order.paid").count() == 1


def test_cash_on_delivery_is_placed_without_paid_at(make_product, cart_with, place):
    order = place(cart_with((make_product(), 1)), method="cod")
    order_confirm_cod(order)
    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED
    assert order.paid_at is None
    assert OutboxEvent.objects.filter(topic="order.cod_confirmed").count() == 1
    online = place(cart_with((make_product(), 1)))
    with pytest.raises(OrderError):
        order_confirm_cod(online)


def test_failed_payment_gives_stock_back_and_retry_holds_it_again(make_product, cart_with, place):
    product = make_product(stock=1)
    order = place(cart_with((product, 1)))
    order_payment_failed(order, reason="card declined")
    order.refresh_from_db()
    assert order.status == OrderStatus.PAYMENT_FAILED
    assert Variant.objects.get(product=product).stock == 1
    assert order.events.filter(to_status="payment_failed", reason="card declined").exists()

    order_retry_payment(order)
    order.refresh_from_db()
    assert order.status == OrderStatus.PENDING_PAYMENT
    assert Variant.objects.get(product=product).stock == 0
    assert StockReservation.objects.get(order=order).status == ReservationStatus.HELD
    pay(order)
    assert order.status == OrderStatus.PLACED


def test_retry_refused_when_the_stock_is_gone(make_product, cart_with, place):
    product = make_product(stock=1)
    first = place(cart_with((product, 1)))
    order_payment_failed(first, reason="declined")
    place(cart_with((product, 1)))  # someone else buys the unit meanwhile
    with pytest.raises(OrderError) as raised:
        order_retry_payment(first)
    assert raised.value.code == "out_of_stock"
    first.refresh_from_db()
    assert first.status == OrderStatus.PAYMENT_FAILED
    assert Variant.objects.get(product=product).stock == 0


def test_a_stale_failure_after_payment_is_ignored(make_product, cart_with, place):
    order = pay(place(cart_with((make_product(), 1))))
    order_payment_failed(order, reason="late failure event")
    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED


def test_late_capture_after_expiry_holds_stock_again(make_product, cart_with, place):
    product = make_product(stock=1)
    order = place(cart_with((product, 1)))
    reservations_expire(now=timezone.now() + timedelta(hours=1))
    assert Variant.objects.get(product=product).stock == 1
    order = pay(order)
    assert order.status == OrderStatus.PLACED
    assert Variant.objects.get(product=product).stock == 0


def test_late_capture_without_stock_is_refused_for_a_refund(make_product, cart_with, place):
    product = make_product(stock=1)
    order = place(cart_with((product, 1)))
    reservations_expire(now=timezone.now() + timedelta(hours=1))
    place(cart_with((product, 1)))  # sold to someone else
    with pytest.raises(CaptureRefused) as raised:
        pay(order)
    assert raised.value.code == "stock_gone"
    order.refresh_from_db()
    assert order.status == OrderStatus.EXPIRED
    assert Variant.objects.get(product=product).stock == 0


def test_capture_for_a_cancelled_order_is_refused(make_product, cart_with, place):
    from odopmart.orders.services import order_cancel

    order = place(cart_with((make_product(), 1)))
    order_cancel(order, actor=None, reason="changed my mind")
    with pytest.raises(CaptureRefused) as raised:
        pay(order)
    assert raised.value.code == "order_closed"
    assert Cart.objects.count() >= 1
