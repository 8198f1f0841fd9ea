from __future__ import annotations

import pytest

from odopmart.orders.exceptions import InvalidTransition
from odopmart.orders.models import OrderEvent
from odopmart.orders.services import (
    seller_order_accept,
    seller_order_mark_delivered,
    seller_order_mark_ready,
    seller_order_mark_shipped,
)
from odopmart.orders.states import OrderStatus
from odopmart.orders.tests.helpers import pay, statuses
from odopmart.orders.transitions import order_transition, rolled_up_status

pytestmark = pytest.mark.django_db


def test_invalid_transitions_are_refused_and_write_nothing(make_product, cart_with, place):
    order = place(cart_with((make_product(), 1)))
    before = OrderEvent.objects.count()
    with pytest.raises(InvalidTransition):
        order_transition(order, OrderStatus.SHIPPED)
    order.refresh_from_db()
    assert order.status == OrderStatus.PENDING_PAYMENT
    assert OrderEvent.objects.count() == before
    seller_order = order.seller_orders.get()
    with pytest.raises(InvalidTransition):
        seller_order_mark_shipped(seller_order, actor=None)  # not paid yet
    assert statuses(order)["items"] == ["pending_payment"]


def test_vendor_flow_rolls_up_with_events(make_product, cart_with, place, make_vendor):
    from django.contrib.auth import get_user_model

    from odopmart.sellers.models import VendorMembership

    a, b = make_product(), make_product()
    order = pay(place(cart_with((a, 1), (b, 1))))
    seller = get_user_model().objects.create_user(username="seller", password="pw-long-enough")
    VendorMembership.objects.create(user=seller, vendor=a.vendor, role="owner")
    first = order.seller_orders.get(vendor=a.vendor)
    second = order.seller_orders.get(vendor=b.vendor)

    seller_order_accept(first, actor=seller)
    seller_order_mark_ready(first, actor=seller)
    seller_order_mark_shipped(first, actor=seller)
    assert statuses(order)["order"] == OrderStatus.PARTLY_SHIPPED
    seller_order_accept(second, actor=None)  # operator-managed shipping
    seller_order_mark_shipped(second, actor=None)
    assert statuses(order)["order"] == OrderStatus.SHIPPED
    seller_order_mark_delivered(first, actor=None)
    seller_order_mark_delivered(second, actor=None)
    assert statuses(order) == {
        "order": "delivered",
        "seller_orders": ["delivered", "delivered"],
        "items": ["delivered", "delivered"],
    }
    assert order.items.filter(delivered_at__isnull=False).count() == 2
    trail = list(
        OrderEvent.objects.filter(seller_order=first, item=None).values_list("to_status", "actor")
    )
    assert trail == [
        ("placed", None),
        ("confirmed", seller.pk),
        ("ready", seller.pk),
        ("shipped", seller.pk),
        ("delivered", None),
    ]
    assert list(order.events.filter(seller_order=None).values_list("to_status", flat=True)) == [
        "pending_payment",
        "placed",
        "partly_shipped",
        "shipped",
        "delivered",
    ]


def test_another_vendor_cannot_act(make_product, cart_with, place):
    from django.contrib.auth import get_user_model

    from odopmart.orders.exceptions import OrderError
    from odopmart.sellers.models import VendorMembership

    a, b = make_product(), make_product()
    order = pay(place(cart_with((a, 1))))
    stranger = get_user_model().objects.create_user(username="other", password="pw-long-enough")
    VendorMembership.objects.create(user=stranger, vendor=b.vendor, role="owner")
    with pytest.raises(OrderError) as raised:
        seller_order_accept(order.seller_orders.get(), actor=stranger)
    assert raised.value.code == "not_allowed"
    assert statuses(order)["seller_orders"] == ["placed"]


@pytest.mark.parametrize(
    ("seller_orders", "current", "expected"),
    [
        (["placed", "cancelled"], "placed", "placed"),
        (["cancelled", "cancelled"], "placed", "cancelled"),
        (["shipped", "confirmed"], "placed", "partly_shipped"),
        (["shipped", "cancelled"], "partly_shipped", "shipped"),
        (["delivered", "shipped"], "shipped", "shipped"),
        (["delivered", "placed"], "partly_shipped", "partly_shipped"),
        (["delivered", "cancelled"], "shipped", "delivered"),
        (["placed"], "pending_payment", "pending_payment"),
    ],
)
def test_roll_up(seller_orders, current, expected):
    assert rolled_up_status(seller_orders, current) == expected
