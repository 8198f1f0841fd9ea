"""Fixtures for logistics: a paid order whose seller accepted it (items ready to book), made
through the orders services, and users on every side."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from odopmart.accounts.models import StaffRole, StaffRoleGrant
from odopmart.catalog.models import GstRate, Product
from odopmart.logistics.models import Shipment
from odopmart.logistics.services import shipment_book_attempt, shipment_book_for_ready_items
from odopmart.orders.cart import cart_add
from odopmart.orders.models import Cart, Order
from odopmart.orders.services import (
    DeliveryAddress,
    order_confirm_cod,
    order_confirm_paid,
    place_order,
    seller_order_accept,
)
from odopmart.orders.states import PaymentMethod
from odopmart.sellers.models import VendorMembership

HSN = "9911"  # a test heading, so reference GST rows never interfere
BUYER_PHONE = "+919876543210"
ARTISAN_PHONE = "+919812345678"


@pytest.fixture(autouse=True)
def _quiet_tasks(settings: Any) -> None:
    # Tasks are queued but not run: the tests call the services themselves.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.LOGISTICS = {"PROVIDER": "manual"}


@pytest.fixture(autouse=True)
def _private_media(settings: Any, tmp_path: Any) -> None:
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def gst_rate(db: None) -> None:
    GstRate.objects.get_or_create(
        hsn_code=HSN, effective_from=date(2017, 7, 1),
        defaults={"rate_bp": 500, "allowed_rates_bp": [500], "verified": True},
    )  # fmt: skip


@pytest.fixture
def buyer(db: None) -> Any:
    return get_user_model().objects.create_user(username="buyer", password="x-long-password")


@pytest.fixture
def make_order(
    make_product: Callable[..., Product], make_artisan: Any, gst_rate: None, buyer: Any
) -> Callable[..., Order]:
    """make_order(products=None, quantities=(2,), method="online") -> a placed order whose
    seller orders are accepted (items confirmed, ready to book)."""

    def make(
        *, products: list[Product] | None = None, quantity: int = 2, method: str = "online"
    ) -> Order:
        if products is None:
            artisan = make_artisan(phone=ARTISAN_PHONE, address_line="14 Chikan Gali")
            products = [make_product(artisan=artisan, hsn_code=HSN, stock=20)]
        cart = Cart.objects.create(user=buyer)
        for product in products:
            cart_add(cart, product.variants.first().pk, quantity)
        order = place_order(
            cart=cart,
            buyer=buyer,
            phone=BUYER_PHONE,
            email="asha@example.com",
            address=DeliveryAddress(
                name="Asha Verma", line1="4 Aminabad Road", city="Lucknow", pincode="226001"
            ),
            payment_method=method,
            language="en",
        )
        if method == PaymentMethod.COD:
            order_confirm_cod(order)
        else:
            order_confirm_paid(order, payment=None)
        for seller_order in order.seller_orders.all():
            seller_order_accept(seller_order, actor=None)
        order.refresh_from_db()
        return order

    return make


@pytest.fixture
def order(make_order: Callable[..., Order]) -> Order:
    return make_order()


@pytest.fixture
def booked(order: Order, django_capture_on_commit_callbacks: Any) -> Shipment:
    """The order's one pickup, booked with the manual provider."""
    seller_order = order.seller_orders.get()
    artisan = seller_order.items.first().artisan
    shipment = shipment_book_for_ready_items(seller_order, artisan)
    with django_capture_on_commit_callbacks(execute=True):
        shipment_book_attempt(shipment_id=shipment.pk)
    shipment.refresh_from_db()
    return shipment


@pytest.fixture
def make_user(db: None) -> Callable[..., Any]:
    counter = iter(range(1, 1000))

    def make(*, vendor: Any = None, role: str | None = None) -> Any:
        user = get_user_model().objects.create_user(
            username=f"user{next(counter)}", password="x-long-password"
        )
        if vendor is not None:
            VendorMembership.objects.create(user=user, vendor=vendor, role="owner")
        if role is not None:
            StaffRoleGrant.objects.create(user=user, role=role)
        return user

    return make


@pytest.fixture
def helpline_user(make_user: Callable[..., Any]) -> Any:
    return make_user(role=StaffRole.HELPLINE)
