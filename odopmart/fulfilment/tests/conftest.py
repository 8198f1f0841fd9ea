"""Fixtures for the readiness loop: a paid order with items of two artisans of one vendor (and
one of another vendor), placed and paid through the orders services, with the outbox and the
messages delivered at once to the locmem providers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from odopmart.accounts.models import StaffRole, StaffRoleGrant
from odopmart.catalog.models import Product
from odopmart.notifications.tests.fixtures import sms_outbox  # noqa: F401
from odopmart.orders.cart import cart_add
from odopmart.orders.models import Cart, Order
from odopmart.orders.services import DeliveryAddress, order_confirm_paid, place_order
from odopmart.orders.states import PaymentMethod
from odopmart.sellers.models import Artisan, Vendor, VendorMembership

LUCKNOW = DeliveryAddress(
    name="Asha Verma", line1="4 Aminabad Road", city="Lucknow", pincode="226001"
)
BUYER_PHONE = "+919876543210"


@dataclass
class Shop:
    vendor: Vendor
    other_vendor: Vendor
    rukhsana: Artisan  # Hindi speaker, two products
    imran: Artisan  # English speaker, same vendor
    spare: Artisan  # same vendor, same ODOP product, not in the order
    stranger: Artisan  # another vendor
    kurta: Product
    dupatta: Product
    cushion: Product
    shawl: Product


@pytest.fixture
def shop(make_vendor: Callable[..., Vendor], make_artisan: Callable[..., Artisan],
         make_product: Callable[..., Product]) -> Shop:  # fmt: skip
    vendor = make_vendor(contact_phone="9811100001", contact_email="desk@vendor.example")
    other_vendor = make_vendor()
    rukhsana = make_artisan(vendor=vendor, phone="98765 00001", preferred_language="hi")
    imran = make_artisan(vendor=vendor, phone="+91 98765 00002", preferred_language="en")
    spare = make_artisan(vendor=vendor, phone="9876500003")
    stranger = make_artisan(vendor=other_vendor, phone="9876500004")
    kurta = make_product(artisan=rukhsana, name_en="Chikan kurta", name_hi="चिकन कुर्ता")
    dupatta = make_product(artisan=rukhsana, name_en="Chikan dupatta", name_hi="चिकन दुपट्टा")
    cushion = make_product(artisan=imran, name_en="Cushion cover", name_hi="कुशन कवर")
    shawl = make_product(artisan=stranger, name_en="Shawl", name_hi="शॉल")
    spare.odop_products.add(kurta.odop_product)
    return Shop(vendor, other_vendor, rukhsana, imran, spare, stranger, kurta, dupatta, cushion,
                shawl)  # fmt: skip


@pytest.fixture
def buyer(db: None) -> Any:
    return get_user_model().objects.create_user(username="buyer-asha", password="x-long-pass-1")


@pytest.fixture
def place_paid(
    shop: Shop, buyer: Any, sms_outbox: Any,  # noqa: F811
    django_capture_on_commit_callbacks: Any,
) -> Callable[..., Order]:  # fmt: skip
    """place_paid(lines=None, method="online") -> a paid order; outbox handlers have run."""

    def make(lines: list[tuple[Product, int]] | None = None, method: str = "online") -> Order:
        lines = lines or [(shop.kurta, 2), (shop.dupatta, 1), (shop.cushion, 1), (shop.shawl, 1)]
        cart = Cart.objects.create(user=buyer)
        for product, quantity in lines:
            cart_add(cart, product.variants.first().pk, quantity)
        with django_capture_on_commit_callbacks(execute=True):
            order = place_order(
                cart=cart, buyer=buyer, phone=BUYER_PHONE, email="asha@example.com",
                address=LUCKNOW, payment_method=method, language="hi",
            )  # fmt: skip
        with django_capture_on_commit_callbacks(execute=True):
            if method == PaymentMethod.COD:
                from odopmart.orders.services import order_confirm_cod

                order_confirm_cod(order)
            else:
                order_confirm_paid(order, payment=None)
        order.refresh_from_db()
        return order

    return make


@pytest.fixture
def make_user(db: None) -> Callable[..., Any]:
    def make(username: str, *, vendor: Vendor | None = None, role: str | None = None) -> Any:
        user = get_user_model().objects.create_user(username=username, password="x-long-pass-1")
        if vendor is not None:
            VendorMembership.objects.create(user=user, vendor=vendor)
        if role is not None:
            StaffRoleGrant.objects.create(user=user, role=role)
        return user

    return make


@pytest.fixture
def agent(make_user: Callable[..., Any]) -> Any:
    return make_user("agent-1", role=StaffRole.HELPLINE)
