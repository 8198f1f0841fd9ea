"""Buyers racing for the last unit: exactly one order, stock never below zero."""

from __future__ import annotations

import threading

import pytest
from django.db import close_old_connections, connection

from odopmart.catalog.models import Variant
from odopmart.orders.exceptions import OrderError
from odopmart.orders.models import Cart, Order, StockReservation
from odopmart.orders.services import place_order
from odopmart.orders.tests.conftest import LUCKNOW

BUYERS = 6


def run_together(count: int, work) -> list[object]:
    barrier = threading.Barrier(count)
    results: list[object] = [None] * count

    def worker(index: int) -> None:
        try:
            barrier.wait()
            results[index] = work(index)
        except Exception as error:  # noqa: BLE001 - collected for the assertions
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


@pytest.mark.django_db(transaction=True)
def test_buyers_racing_for_the_last_unit_get_exactly_one_order(reference_data, make_product):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip(
            "in-memory SQLite cannot be shared between threads; set TEST_SQLITE_NAME to run"
            " this race on a file database"
        )
    from odopmart.orders.cart import cart_add

    product = make_product(stock=1)
    variant = product.variants.get()
    carts = []
    for _ in range(BUYERS):
        cart = Cart.objects.create()
        cart_add(cart, variant.pk, 1)
        carts.append(cart)

    def buy(index: int) -> Order:
        close_old_connections()
        return place_order(
            cart=carts[index],
            buyer=None,
            phone="+919876543210",
            email="",
            address=LUCKNOW,
            payment_method="online",
            language="en",
        )

    results = run_together(BUYERS, buy)

    orders = [r for r in results if isinstance(r, Order)]
    refused = [r for r in results if isinstance(r, OrderError)]
    assert len(orders) == 1, results
    assert len(refused) == BUYERS - 1, results
    assert {error.code for error in refused} == {"out_of_stock"}
    variant.refresh_from_db()
    assert variant.stock == 0
    assert Order.objects.count() == 1
    assert StockReservation.objects.count() == 1
    assert not Variant.objects.filter(stock__lt=0).exists()


@pytest.mark.django_db(transaction=True)
def test_many_buyers_for_a_few_units_never_oversell(reference_data, make_product):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("in-memory SQLite cannot be shared between threads; set TEST_SQLITE_NAME")
    from odopmart.orders.cart import cart_add

    # Two popular items in every cart, taken in opposite orders: no deadlock, no oversell.
    first, second = make_product(stock=3), make_product(stock=3)
    v1, v2 = first.variants.get(), second.variants.get()
    carts = []
    for n in range(BUYERS):
        cart = Cart.objects.create()
        for variant in (v1, v2) if n % 2 else (v2, v1):
            cart_add(cart, variant.pk, 1)
        carts.append(cart)

    def buy(index: int) -> Order:
        close_old_connections()
        return place_order(
            cart=carts[index], buyer=None, phone="+919876543210", email="",
            address=LUCKNOW, payment_method="online", language="en",
        )  # fmt: skip

    results = run_together(BUYERS, buy)

    orders = [r for r in results if isinstance(r, Order)]
    assert len(orders) == 3, results
    assert all(isinstance(r, OrderError) for r in results if not isinstance(r, Order)), results
    v1.refresh_from_db()
    v2.refresh_from_db()
    assert (v1.stock, v2.stock) == (0, 0)
