"""Reads for the pages: who may see which document, and an order's documents in one query."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import CharField, F, QuerySet, Value
from django.urls import reverse

from odopmart.accounts.models import StaffRole
from odopmart.accounts.roles import has_staff_role
from odopmart.invoicing.models import CommissionInvoice, CreditNote, TaxInvoice
from odopmart.orders.models import Order
from odopmart.sellers.models import VendorMembership

# URL slugs of the document types.
INVOICE, CREDIT_NOTE, COMMISSION = "invoice", "credit-note", "commission"


def is_invoice_staff(user: Any) -> bool:
    """Finance staff, moderators and operator admins see every document."""
    return has_staff_role(user, StaffRole.FINANCE, StaffRole.MODERATOR)


def vendor_ids_for(user: Any) -> list[int]:
    if not (user is not None and user.is_authenticated and user.is_active):
        return []
    return list(VendorMembership.objects.filter(user=user).values_list("vendor_id", flat=True))


def documents_for_user(user: Any, kind: str) -> QuerySet:
    """The documents of a type the user may see: their vendors' (all, for staff)."""
    if kind == COMMISSION:
        found: QuerySet = CommissionInvoice.objects.select_related("vendor")
        vendor_field = "vendor_id"
    elif kind == CREDIT_NOTE:
        found = CreditNote.objects.select_related("invoice__seller_order__vendor")
        vendor_field = "invoice__seller_order__vendor_id"
    elif kind == INVOICE:
        found = TaxInvoice.objects.select_related("seller_order__vendor")
        vendor_field = "seller_order__vendor_id"
    else:
        raise ValueError(kind)
    if is_invoice_staff(user):
        return found
    return found.filter(**{f"{vendor_field}__in": vendor_ids_for(user)})


@dataclass(frozen=True)
class OrderDocument:
    """An invoice or credit note of an order, as the buyer's order page lists it."""

    kind: str  # "invoice" or "credit-note"
    pk: int
    number: str
    issued_on: date
    grand_total_paise: int
    seller_order_id: int
    url: str


def buyer_document_url(order: Order, kind: str, pk: int) -> str:
    """The buyer's download link; a guest's carries the order's access token."""
    url = reverse(
        "sellercentre:invoice_buyer_pdf", kwargs={"number": order.number, "kind": kind, "pk": pk}
    )
    return f"{url}?t={order.access_token}" if order.buyer_id is None else url


def invoices_for_order(order: Order) -> list[OrderDocument]:
    """The order's tax invoices (and bills of supply) and credit notes, oldest first, in one
    query."""
    fields = ("kind_slug", "pk", "number", "issued_on", "grand_total_paise", "so_id")
    invoices = (
        TaxInvoice.objects.filter(seller_order__order_id=order.pk)
        .annotate(kind_slug=Value(INVOICE, output_field=CharField()), so_id=F("seller_order_id"))
        .order_by()
        .values_list(*fields)
    )
    notes = (
        CreditNote.objects.filter(invoice__seller_order__order_id=order.pk)
        .annotate(
            kind_slug=Value(CREDIT_NOTE, output_field=CharField()),
            so_id=F("invoice__seller_order_id"),
        )
        .order_by()
        .values_list(*fields)
    )
    rows = sorted(
        invoices.union(notes, all=True), key=lambda row: (row[3], row[0] != INVOICE, row[1])
    )
    return [
        OrderDocument(
            kind, pk, number, issued_on, total, so_id, buyer_document_url(order, kind, pk)
        )
        for kind, pk, number, issued_on, total, so_id in rows
    ]
