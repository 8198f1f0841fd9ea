"""Fixtures for the buying path: rate rows for old and new GST slabs, buyers, addresses, carts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from odopmart.catalog.models import GstRate, Product
from odopmart.orders.cart import cart_add
from odopmart.orders.models import Cart, Order
from odopmart.orders.services import DeliveryAddress, place_order
from odopmart.orders.states import PaymentMethod

OLD = date(2017, 7, 1)
NEW = date(2025, 9, 22)
# Test headings (not real HSN headings) so reference rows never interfere.
SLAB_CODES = {
    # code: (rate before 22 Sep 2025, rate from then)
    "9901": (500, 500),
    "9902": (1200, 500),
    "9903": (1800, 1800),
    "9904": (2800, 4000),
}
APPAREL = "9905"


@pytest.fixture
def gst_slabs(db: None) -> dict[str, tuple[int, int]]:
    for code, (old, new) in SLAB_CODES.items():
        GstRate.objects.create(
            hsn_code=code, rate_bp=old, allowed_rates_bp=[old], effective_from=OLD, verified=True
        )
        GstRate.objects.create(
            hsn_code=code, rate_bp=new, allowed_rates_bp=[new], effective_from=NEW, verified=True
        )
    # Apparel: up to ₹1,000 a piece 5 % else 12 % before; up to ₹2,500 5 % else 18 % from then.
    GstRate.objects.create(
        hsn_code=APPAREL, rate_bp=500, allowed_rates_bp=[500, 1200], effective_from=OLD,
        value_threshold_paise=100000, rate_above_threshold_bp=1200, verified=True,
    )  # fmt: skip
    GstRate.objects.create(
        hsn_code=APPAREL, rate_bp=500, allowed_rates_bp=[500, 1800], effective_from=NEW,
        value_threshold_paise=250000, rate_above_threshold_bp=1800, verified=True,
    )  # fmt: skip
    return SLAB_CODES


@pytest.fixture
def buyer(db: None) -> Any:
    return get_user_model().objects.create_user(username="buyer1", password="x-long-password")


@pytest.fixture
def other_buyer(db: None) -> Any:
    return get_user_model().objects.create_user(username="buyer2", password="x-long-password")


LUCKNOW = DeliveryAddress(
    name="Asha Verma", line1="4 Aminabad Road", city="Lucknow", pincode="226001"
)
VARANASI = DeliveryAddress(
    name="Ravi Gupta", line1="12 Godowlia", city="Varanasi", pincode="221001"
)
DELHI = DeliveryAddress(name="Meena Rao", line1="7 Sansad Marg", city="New Delhi", pincode="110001")


@pytest.fixture
def cart_with(make_product: Callable[..., Product]) -> Callable[..., Cart]:
    """cart_with((product, qty), ..., user=None): a cart holding the products' first variants."""

    def make(*lines: tuple[Product, int], user: Any = None) -> Cart:
        cart = Cart.objects.create(user=user)
        for product, quantity in lines:
            cart_add(cart, product.variants.first().pk, quantity)
        return cart

    return make


@pytest.fixture
def place(cart_with: Callable[..., Cart]) -> Callable[..., Order]:
    """place(cart, buyer=None, address=LUCKNOW, method="online", **kwargs) -> Order"""

    def make(
        cart: Cart,
        buyer: Any = None,
        address: DeliveryAddress = LUCKNOW,
        method: str = PaymentMethod.ONLINE,
        **kwargs: Any,
    ) -> Order:
        return place_order(
            cart=cart,
            buyer=buyer,
            phone="+919876543210",
            email="asha@example.com",
            address=address,
            payment_method=method,
            language="en",
            **kwargs,
        )

    return make
