"""Reads of certificates for other pages (the buyer's order page, the seller centre)."""

from __future__ import annotations

from odopmart.certificates.models import Certificate
from odopmart.orders.models import Order, SellerOrder


def certificates_for_order(order: Order) -> dict[int, Certificate]:
    """The certificates of an order's items, by item id, in one query.

    Withdrawn ones are included (their page says so); items without one are absent. A template
    shows a link per item with ``certificates.get(item.pk)`` → ``cert.get_absolute_url`` (the
    verification page) and ``cert.get_pdf_url`` (the printable certificate).
    """
    return {
        certificate.item_id: certificate
        for certificate in Certificate.objects.filter(item__order_id=order.pk).order_by("pk")
    }


def certificates_for_seller_order(seller_order: SellerOrder) -> dict[int, Certificate]:
    """Same as certificates_for_order, for a vendor's part of an order."""
    return {
        certificate.item_id: certificate
        for certificate in Certificate.objects.filter(
            item__seller_order_id=seller_order.pk
        ).order_by("pk")
    }
