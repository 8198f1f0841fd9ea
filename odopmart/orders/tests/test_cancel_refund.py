"""Buyer and vendor cancellations: stock back, refunds through payments."""

from __future__ import annotations

import pytest

from odopmart.catalog.models import Variant
from odopmart.core.models import OutboxEvent
from odopmart.orders.exceptions import OrderError
from odopmart.orders.models import StockReservation
from odopmart.orders.services import (
    item_cancel,
    order_cancel,
    order_confirm_cod,
    seller_order_accept,
    seller_order_cancel,
    seller_order_mark_shipped,
)
from odopmart.orders.states import ReservationStatus
from odopmart.orders.tests.helpers import pay, statuses

pytestmark = pytest.mark.django_db


def _refunds(order):
    from odopmart.payments.models import Refund

    return sorted(
        Refund.objects.filter(payment__order=order).values_list("amount_paise", flat=True)
    )


def test_cancel_paid_order_refunds_everything_and_gives_stock_back(
    make_product, cart_with, place, buyer
):
    a, b = make_product(stock=2, price_paise=50000), make_product(stock=2, price_paise=60000)
    order = pay(place(cart_with((a, 1), (b, 2), user=buyer), buyer=buyer))
    order_cancel(order, actor=buyer, reason="Ordered by mistake")
    assert statuses(order) == {
        "order": "cancelled",
        "seller_orders": ["cancelled", "cancelled"],
        "items": ["cancelled", "cancelled"],
    }
    assert Variant.objects.get(product=a).stock == 2
    assert Variant.objects.get(product=b).stock == 2
    assert _refunds(order) == [order.grand_total_paise]
    order.refresh_from_db()
    assert order.refunded_total_paise == order.grand_total_paise
    assert order.cancelled_at is not None
    assert OutboxEvent.objects.filter(topic="order.cancelled").count() == 1
    assert order.events.filter(
        to_status="cancelled", actor=buyer, reason="Ordered by mistake"
    ).exists()
    # Again: nothing more happens.
    order_cancel(order, actor=buyer, reason="again")
    assert _refunds(order) == [order.grand_total_paise]


def test_cancel_unpaid_order_releases_the_hold_without_refund(make_product, cart_with, place):
    product = make_product(stock=1)
    order = place(cart_with((product, 1)))
    order_cancel(order, actor=None, reason="")
    assert statuses(order)["order"] == "cancelled"
    assert Variant.objects.get(product=product).stock == 1
    assert StockReservation.objects.get(order=order).status == ReservationStatus.RELEASED
    assert _refunds(order) == []


def test_cancel_one_item_refunds_that_line_and_the_rest_goes_on(make_product, cart_with, place):
    a, b = make_product(price_paise=50000), make_product(price_paise=60000)
    order = pay(place(cart_with((a, 1), (b, 1))))
    item = order.items.get(product=a)
    item_cancel(item, actor=None, reason="Found it cheaper")
    seller_order_a = order.seller_orders.get(vendor=a.vendor)
    # The seller order has nothing left to send: its shipping is refunded too.
    assert _refunds(order) == [50000 + seller_order_a.shipping_paise]
    assert statuses(order) == {
        "order": "placed",
        "seller_orders": ["cancelled", "placed"],
        "items": ["cancelled", "placed"],
    }
    item.refresh_from_db()
    assert item.refunded_paise == 50000
    assert Variant.objects.get(product=a).stock == 5
    assert OutboxEvent.objects.filter(topic="item.cancelled").count() == 1


def test_shipped_items_cannot_be_cancelled(make_product, cart_with, place):
    order = pay(place(cart_with((make_product(), 1))))
    seller_order_accept(order.seller_orders.get(), actor=None)
    seller_order_mark_shipped(order.seller_orders.get(), actor=None)
    with pytest.raises(OrderError) as raised:
        order_cancel(order, actor=None, reason="too late")
    assert raised.value.code == "not_cancellable"
    with pytest.raises(OrderError):
        item_cancel(order.items.get(), actor=None, reason="too late")
    assert _refunds(order) == []


def test_another_buyer_cannot_cancel(make_product, cart_with, place, buyer, other_buyer):
    order = pay(place(cart_with((make_product(), 1), user=buyer), buyer=buyer))
    with pytest.raises(OrderError) as raised:
        order_cancel(order, actor=other_buyer, reason="not mine")
    assert raised.value.code == "not_allowed"
    assert statuses(order)["order"] == "placed"


def test_cod_cancel_needs_no_refund(make_product, cart_with, place):
    product = make_product(stock=1)
    order = place(cart_with((product, 1)), method="cod")
    order_confirm_cod(order)
    order_cancel(order, actor=None, reason="")
    assert statuses(order)["order"] == "cancelled"
    assert Variant.objects.get(product=product).stock == 1
    assert _refunds(order) == []


def test_vendor_cancel_needs_a_reason_and_refunds_its_part(make_product, cart_with, place):
    a, b = make_product(price_paise=50000), make_product(price_paise=60000)
    order = pay(place(cart_with((a, 1), (b, 1))))
    seller_order = order.seller_orders.get(vendor=a.vendor)
    with pytest.raises(OrderError) as raised:
        seller_order_cancel(seller_order, actor=None, reason=" ")
    assert raised.value.code == "reason_required"
    seller_order_cancel(seller_order, actor=None, reason="Artisan is unwell")
    seller_order.refresh_from_db()
    assert seller_order.status == "cancelled"
    assert seller_order.cancel_reason == "Artisan is unwell"
    assert _refunds(order) == [seller_order.grand_total_paise]
    assert statuses(order)["order"] == "placed"
