"""The domain events an order raises reach the apps that act on them: the artisans are asked,
the vendor's invoice is issued, and shipped items get their certificates of origin."""

from __future__ import annotations

import pytest

from odopmart.core.models import OutboxEvent
from odopmart.core.outbox import outbox_dispatch_due
from odopmart.orders.services import (
    order_confirm_cod,
    seller_order_accept,
    seller_order_mark_ready,
    seller_order_mark_shipped,
)
from odopmart.orders.states import PaymentMethod

pytestmark = pytest.mark.django_db


def test_cod_order_asks_artisans_invoices_and_certifies_on_shipping(make_product, cart_with, place):  # noqa: ANN001
    from odopmart.certificates.models import Certificate
    from odopmart.fulfilment.models import ReadinessRequest
    from odopmart.invoicing.models import TaxInvoice

    first, second = make_product(), make_product()
    order = place(cart_with((first, 1), (second, 2)), method=PaymentMethod.COD)
    order_confirm_cod(order)
    outbox_dispatch_due()

    seller_orders = list(order.seller_orders.all())
    assert ReadinessRequest.objects.filter(seller_order__order=order).count() == 2
    assert TaxInvoice.objects.filter(seller_order__order=order).count() == len(seller_orders)
    assert not Certificate.objects.exists()

    for seller_order in seller_orders:
        seller_order_mark_ready(seller_order, actor=None)
        seller_order_mark_shipped(seller_order, actor=None)
    outbox_dispatch_due()

    assert Certificate.objects.filter(item__order=order).count() == order.items.count()
    assert not OutboxEvent.objects.filter(processed_at__isnull=True).exists()
    # Shipping again changes nothing: one certificate per item.
    outbox_dispatch_due()
    assert Certificate.objects.filter(item__order=order).count() == order.items.count()


def test_items_ahead_of_their_seller_order_stay_where_they_are(make_product, cart_with, place):  # noqa: ANN001
    from odopmart.orders.states import ItemStatus
    from odopmart.orders.transitions import items_transition

    vendor_product = make_product()
    same_vendor = make_product(vendor=vendor_product.vendor)
    order = place(cart_with((vendor_product, 1), (same_vendor, 1)), method=PaymentMethod.COD)
    order_confirm_cod(order)
    seller_order = order.seller_orders.get()
    early, late = seller_order.items.order_by("pk")
    # One artisan answered "ready" by phone before the vendor accepted the order.
    items_transition([early], ItemStatus.READY, reason="IVR: ready")

    seller_order_accept(seller_order, actor=None)
    early.refresh_from_db()
    late.refresh_from_db()
    assert (early.status, late.status) == (ItemStatus.READY, ItemStatus.CONFIRMED)

    seller_order_mark_ready(seller_order, actor=None)
    late.refresh_from_db()
    assert late.status == ItemStatus.READY
