from __future__ import annotations

import pytest

from odopmart.catalog.models import Variant
from odopmart.core.models import OutboxEvent
from odopmart.orders.models import OrderEvent, StockReservation
from odopmart.orders.states import OrderStatus, ReservationStatus, SellerOrderStatus, SupplyType
from odopmart.orders.tests.conftest import DELHI

pytestmark = pytest.mark.django_db


def test_place_order_splits_per_vendor_and_holds_stock(make_product, cart_with, place, buyer):
    first = make_product(price_paise=100000, stock=3)
    second = make_product(price_paise=50000, stock=2)
    cart = cart_with((first, 2), (second, 1), user=buyer)

    order = place(cart, buyer=buyer)

    assert order.status == OrderStatus.PENDING_PAYMENT
    assert order.seller_orders.count() == 2
    assert {so.vendor_id for so in order.seller_orders.all()} == {first.vendor_id, second.vendor_id}
    assert all(so.status == SellerOrderStatus.PENDING_PAYMENT for so in order.seller_orders.all())
    assert Variant.objects.get(product=first).stock == 1
    assert Variant.objects.get(product=second).stock == 1
    assert set(StockReservation.objects.filter(order=order).values_list("quantity", "status")) == {
        (2, ReservationStatus.HELD),
        (1, ReservationStatus.HELD),
    }
    assert order.items_total_paise == 250000
    assert order.grand_total_paise == order.items_total_paise + order.shipping_total_paise
    assert cart.lines.count() == 0
    assert OutboxEvent.objects.filter(
        topic="order.placed", dedupe_key=f"order.placed:{order.pk}"
    ).exists()
    assert OrderEvent.objects.filter(order=order, to_status="pending_payment").count() == 1
    item = order.items.get(product=first)
    assert item.artisan_id == first.artisan_id
    assert item.pickup_pincode == first.artisan.pincode
    assert item.supply_type if hasattr(item, "supply_type") else True
    assert order.seller_orders.first().supply_type == SupplyType.INTRA_STATE


def test_inter_state_delivery_uses_igst(make_product, cart_with, place):
    product = make_product(price_paise=105000)
    order = place(cart_with((product, 1)), address=DELHI)
    seller_order = order.seller_orders.get()
    assert seller_order.supply_type == SupplyType.INTER_STATE
    assert order.cgst_total_paise == order.sgst_total_paise == 0
    assert order.igst_total_paise > 0
