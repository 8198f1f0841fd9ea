"""Shipped order items to certify, built straight from the order models."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.utils import timezone, translation

from odopmart.catalog.models import Product
from odopmart.orders.models import Order, OrderItem, SellerOrder
from odopmart.orders.states import ItemStatus, OrderStatus, PaymentMethod, SellerOrderStatus
from odopmart.regions.models import State

_sequence = itertools.count(1)

BUYER_PHONE = "+919812345678"
BUYER_ADDRESS = "221B Civil Lines"
ARTISAN_PHONE = "+919898989898"
ARTISAN_ADDRESS = "House 7, Gali Kashmiri"


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    # A Hindi page request leaves Hindi active in the thread; URLs built outside a request
    # (the QR code's) follow the active language.
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def make_item(make_product: Callable[..., Product]) -> Callable[..., OrderItem]:
    """make_item(status="shipped", quantity=1, product=None, **product_options)."""

    def make(
        *,
        status: str = ItemStatus.SHIPPED,
        quantity: int = 1,
        product: Product | None = None,
        **product_options: Any,
    ) -> OrderItem:
        n = next(_sequence)
        product = product or make_product(**product_options)
        artisan = product.artisan
        artisan.phone = ARTISAN_PHONE
        artisan.address_line = ARTISAN_ADDRESS
        artisan.save(update_fields=["phone", "address_line"])
        variant = product.variants.order_by("position").first()
        assert variant is not None
        now = timezone.now()
        order = Order.objects.create(
            number=f"OD2611-CERT{n:02d}",
            status=OrderStatus.SHIPPED,
            payment_method=PaymentMethod.ONLINE,
            phone=BUYER_PHONE,
            email="buyer@example.com",
            ship_name="Asha Verma",
            ship_line1=BUYER_ADDRESS,
            ship_city="Delhi",
            ship_pincode="110001",
            ship_state=State.objects.get(gst_state_code="07"),
            placed_at=now,
            paid_at=now,
        )
        seller_order = SellerOrder.objects.create(
            order=order,
            vendor=product.vendor,
            number=f"OD2611-CERT{n:02d}-1",
            status=SellerOrderStatus.SHIPPED,
            supply_type="inter",
            vendor_state_code=product.vendor.gstin[:2],
            place_of_supply_code="07",
        )
        line_total = variant.price_paise * quantity
        return OrderItem.objects.create(
            order=order,
            seller_order=seller_order,
            variant=variant,
            product=product,
            artisan=artisan,
            vendor=product.vendor,
            status=status,
            name_en=product.name_en,
            name_hi=product.name_hi,
            sku=variant.sku,
            hsn_code=product.hsn_code,
            district_name_en=product.district.name_en,
            district_name_hi=product.district.name_hi,
            odop_product_name_en=product.odop_product.name_en,
            odop_product_name_hi=product.odop_product.name_hi,
            quantity=quantity,
            unit_price_paise=variant.price_paise,
            line_total_paise=line_total,
            gst_rate_bp=product.gst_rate_bp,
            taxable_value_paise=line_total * 100 // 105,
            igst_paise=line_total - line_total * 100 // 105,
            weight_grams=variant.weight_grams * quantity,
            pickup_address=f"{ARTISAN_ADDRESS}, {artisan.town}",
            pickup_pincode=artisan.pincode or "226003",
        )

    return make


@pytest.fixture
def shipped_item(make_item: Callable[..., OrderItem]) -> OrderItem:
    return make_item()
