"""Orders for the seller-centre order pages' tests, placed and confirmed through the services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from odopmart.orders.cart import cart_add
from odopmart.orders.models import Cart, Order
from odopmart.orders.services import DeliveryAddress, order_confirm_cod, place_order

ADDRESS = DeliveryAddress(
    name="Asha Verma", line1="14 Gomti Nagar", city="Lucknow", pincode="226010"
)


@pytest.fixture
def make_order(db: None) -> Callable[..., Order]:
    """make_order(variant, ...) -> a cash-on-delivery order, confirmed (status placed)."""
    counter = iter(range(1, 10_000))

    def make(*variants: Any, buyer: Any = None, phone: str | None = None) -> Order:
        n = next(counter)
        buyer = buyer or get_user_model().objects.create_user(username=f"sc-buyer-{n}")
        cart = Cart.objects.create(user=buyer)
        for variant in variants:
            cart_add(cart, variant.pk, 1)
        order = place_order(
            cart=cart,
            buyer=buyer,
            phone=phone or f"+9198700{n:05d}",
            email="",
            address=ADDRESS,
            payment_method="cod",
        )
        return order_confirm_cod(order)

    return make
