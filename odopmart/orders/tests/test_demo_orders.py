"""The demo order history runs every flow through the real services and leaves the books,
documents and certificates consistent."""

from __future__ import annotations

import pytest
from django.utils import timezone

from odopmart.orders.demo import generate_demo_orders

pytestmark = pytest.mark.django_db


@pytest.mark.django_db(transaction=True)  # commits as a real run does, so tasks get queued
def test_demo_history_is_consistent(make_product) -> None:  # noqa: ANN001
    from odopmart.catalog.models import Product
    from odopmart.certificates.models import Certificate
    from odopmart.invoicing.models import CommissionInvoice, TaxInvoice
    from odopmart.ledger.models import ItemAccrual
    from odopmart.ledger.posting import ledger_trial_balance
    from odopmart.orders.models import Order, OrderItem

    for _ in range(6):
        make_product()
    Product.objects.update(is_demo=True)

    result = generate_demo_orders(count=12, months=3, seed=7, now=timezone.now())

    assert result.orders == Order.objects.count() > 0
    assert ledger_trial_balance() == 0
    delivered = OrderItem.objects.filter(status="delivered")
    assert delivered.exists()
    # Every shipped or delivered item carries a certificate; every paid seller order an invoice.
    assert (
        Certificate.objects.count()
        == OrderItem.objects.filter(
            status__in=("shipped", "delivered", "return_requested", "returned", "refunded")
        ).count()
    )
    assert (
        TaxInvoice.objects.count()
        == Order.objects.exclude(status__in=("pending_payment", "payment_failed", "expired"))
        .values("seller_orders")
        .count()
    )
    # Items delivered more than their return window ago are the vendors' revenue.
    assert ItemAccrual.objects.exists()
    assert CommissionInvoice.objects.exists()
    # Nothing is left queued for the worker: the history did its background work in line.
    from django_tasks_db.models import DBTaskResult

    assert not DBTaskResult.objects.ready().exists()


def test_demo_moments_are_deterministic_and_grow() -> None:
    import random

    from odopmart.orders.demo import _order_moments

    now = timezone.now()
    first = _order_moments(random.Random(3), 400, 12, now)
    assert first == _order_moments(random.Random(3), 400, 12, now)
    assert all(moment < now for moment in first)
    months = sorted({(m.year, m.month) for m in first})
    early = sum(1 for m in first if (m.year, m.month) in months[:3])
    late = sum(1 for m in first if (m.year, m.month) in months[-4:-1])
    assert late > early  # volumes grow, so the insights show growth
