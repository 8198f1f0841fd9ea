"""Fixtures for the books: real orders through the buying services, rules and rates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine

from odopmart.core.outbox import outbox_dispatch_due
from odopmart.ledger.models import ArtisanShareRule, CommissionRule
from odopmart.orders.models import Order
from odopmart.orders.services import (
    DeliveryAddress,
    seller_order_accept,
    seller_order_mark_delivered,
    seller_order_mark_shipped,
)
from odopmart.orders.tests.conftest import (  # noqa: F401  (fixtures)
    DELHI,
    LUCKNOW,
    buyer,
    cart_with,
    gst_slabs,
    place,
)
from odopmart.orders.tests.helpers import pay

IST = ZoneInfo("Asia/Kolkata")
MUMBAI = DeliveryAddress(name="Neha Shah", line1="3 Marine Drive", city="Mumbai", pincode="400001")


def at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=IST)


def dispatch() -> None:
    """Deliver the outbox now (on-commit hooks do not fire inside a test transaction)."""
    for _ in range(3):
        if not outbox_dispatch_due(now=datetime(2100, 1, 1, tzinfo=IST)):
            break


@pytest.fixture
def commission(db: None) -> CommissionRule:
    """A default 10 % commission from 2017."""
    return CommissionRule.objects.create(rate_bp=1000, effective_from=date(2017, 7, 1))


@pytest.fixture
def seller(make_vendor: Callable[..., Any]) -> Any:
    """A registered vendor in Uttar Pradesh (the operator's state) with a PAN."""
    return make_vendor(gstin="09AAACH7409R1ZZ", pan="AAACH7409R")


@pytest.fixture
def product_of(
    make_product: Callable[..., Any],
    make_artisan: Callable[..., Any],
    gst_slabs: Any,  # noqa: F811
):
    """product_of(vendor, price_paise=..., **kw): a product made by an artisan of the vendor."""

    def make(vendor: Any, price_paise: int = 105000, **kwargs: Any) -> Any:
        # HSN 9901 is a test heading at 5 % on every date (orders' gst_slabs fixture).
        kwargs.setdefault("hsn_code", "9901")
        kwargs.setdefault("stock", 50)
        artisan = make_artisan(vendor=vendor)
        return make_product(artisan=artisan, price_paise=price_paise, vendor=vendor, **kwargs)

    return make


@pytest.fixture
def sale(cart_with, place, buyer):  # noqa: F811
    """sale(*lines, on=date, address=LUCKNOW, method="online"): a placed (and paid) order."""

    def make(
        *lines: tuple[Any, int],
        on: date = date(2025, 1, 15),
        address: DeliveryAddress = LUCKNOW,
        method: str = "online",
    ) -> Order:
        with time_machine.travel(at(on), tick=False):
            cart = cart_with(*lines)
            order = place(cart, buyer=buyer, address=address, method=method)
            if method == "online":
                order = pay(order)
            else:
                from odopmart.orders.services import order_confirm_cod

                order = order_confirm_cod(order)
            dispatch()
        order.refresh_from_db()
        return order

    return make


def deliver(order: Order, on: date) -> None:
    with time_machine.travel(at(on), tick=False):
        for seller_order in order.seller_orders.exclude(status="cancelled"):
            if seller_order.status == "placed":
                seller_order_accept(seller_order, actor=None)
            seller_order_mark_shipped(seller_order, actor=None)
            seller_order_mark_delivered(seller_order, actor=None)
        dispatch()


@pytest.fixture
def artisan_share(db: None) -> Callable[..., ArtisanShareRule]:
    def make(vendor: Any, rate_bp: int = 6000, on: date = date(2017, 7, 1)) -> ArtisanShareRule:
        return ArtisanShareRule.objects.create(vendor=vendor, rate_bp=rate_bp, effective_from=on)

    return make
