"""Invoices issued at the same moment from many threads take consecutive numbers."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from django.db import connection

from odopmart.invoicing.models import TaxInvoice
from odopmart.invoicing.services import invoice_issue_for_seller_order
from odopmart.orders.models import SellerOrder


@pytest.mark.django_db(transaction=True)
def test_concurrent_invoices_never_repeat_or_skip(reference_data, seller, product_of, sale):
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(
        ("file:memorydb", ":memory:")
    ):
        pytest.skip("threads cannot share an in-memory SQLite database; runs on PostgreSQL")
    from odopmart.core.outbox import outbox_unregister
    from odopmart.invoicing import handlers

    # Issue by hand from threads, not from the outbox.
    outbox_unregister("order.paid", handlers.on_order_confirmed)
    try:
        product = product_of(seller, price_paise=21000)
        orders = [sale((product, 1), on=date(2025, 6, 16)) for _ in range(12)]
    finally:
        handlers.register()
    seller_orders = list(SellerOrder.objects.filter(order__in=orders))
    errors: list[BaseException] = []

    def issue(chunk: list[SellerOrder]) -> None:
        try:
            for seller_order in chunk:
                invoice_issue_for_seller_order(seller_order, on=date(2025, 6, 16))
                # A second caller racing the first gets the same invoice.
                invoice_issue_for_seller_order(seller_order, on=date(2025, 6, 16))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=issue, args=(seller_orders[i::4],)) for i in range(4)]
    threads += [threading.Thread(target=issue, args=(seller_orders[i::3],)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    serials = sorted(TaxInvoice.objects.values_list("serial", flat=True))
    assert serials == list(range(1, 13))
    assert TaxInvoice.objects.values("seller_order").distinct().count() == 12
