"""Certificates are issued when a vendor's part of an order ships (domain outbox)."""

from __future__ import annotations

from odopmart.core.models import OutboxEvent


def on_seller_order_shipped(event: OutboxEvent) -> None:
    from odopmart.certificates.services import certificates_issue_for_seller_order
    from odopmart.orders.models import SellerOrder

    seller_order = SellerOrder.objects.filter(pk=event.payload["seller_order_id"]).first()
    if seller_order is not None:
        certificates_issue_for_seller_order(seller_order)
