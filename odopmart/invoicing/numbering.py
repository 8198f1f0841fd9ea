"""Document numbers that never repeat or skip within a series and financial year.

The next serial is taken by incrementing the series row inside the caller's transaction with
the row locked (PostgreSQL: SELECT ... FOR UPDATE; SQLite: the write transaction is already
exclusive), so two invoices issued at once get consecutive numbers, and a transaction that
rolls back gives its number back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import F

from odopmart.invoicing.models import DocumentKind, InvoiceSeries

_KIND_CODES = {
    DocumentKind.TAX_INVOICE: "IN",
    DocumentKind.BILL_OF_SUPPLY: "BS",
    DocumentKind.CREDIT_NOTE: "CN",
    DocumentKind.COMMISSION_INVOICE: "CM",
}


def financial_year(on: date) -> str:
    """Indian financial year (1 April – 31 March) as "2026-27"."""
    start = on.year if on.month >= 4 else on.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


@dataclass(frozen=True)
class DocumentNumber:
    series: InvoiceSeries
    serial: int
    number: str


def _series_prefix(vendor_id: int | None, kind: str, fy: str) -> str:
    issuer = f"V{vendor_id}" if vendor_id else "OP"
    return f"{issuer}{_KIND_CODES[kind]}{fy[2:4]}{fy[5:7]}"


def _series_for(vendor_id: int | None, kind: str, fy: str) -> InvoiceSeries:
    found = InvoiceSeries.objects.filter(vendor_id=vendor_id, kind=kind, financial_year=fy).first()
    if found:
        return found
    try:
        with transaction.atomic():
            return InvoiceSeries.objects.create(
                vendor_id=vendor_id, kind=kind, financial_year=fy,
                prefix=_series_prefix(vendor_id, kind, fy),
            )  # fmt: skip
    except IntegrityError:
        return InvoiceSeries.objects.get(vendor_id=vendor_id, kind=kind, financial_year=fy)


def document_number_next(*, vendor_id: int | None, kind: str, on: date) -> DocumentNumber:
    """Take the next number; call inside the transaction that saves the document."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Take a document number inside the transaction that saves it.")
    series = _series_for(vendor_id, kind, financial_year(on))
    InvoiceSeries.objects.filter(pk=series.pk).update(last_serial=F("last_serial") + 1)
    series = InvoiceSeries.objects.select_for_update().get(pk=series.pk)
    serial = series.last_serial
    number = f"{series.prefix}/{serial:05d}" if serial < 100000 else f"{series.prefix}/{serial}"
    if len(number) > 16:
        raise ValueError(f"Document number {number} is longer than rule 46 allows.")
    return DocumentNumber(series=series, serial=serial, number=number)
