"""COD reconciliation: the logistics partner's remittance file, matched to delivered
cash-on-delivery parcels.

Expected CSV (UTF-8, a header row, one line per parcel; common header spellings accepted):

    awb, order_number, cod_amount, remittance_date, utr
    SR123456789, SO-2025-000123-1, 1050.00, 2025-02-03, UTIB0000123456

* ``awb`` (AWB, AWB No, Waybill, Tracking number) and/or ``order_number`` (Order ID, Order no,
  Reference): at least one per line; the AWB is matched first.
* ``cod_amount`` (Amount, COD value, Collected amount): rupees, e.g. 1050 or 1,050.50.
* ``remittance_date`` (Date, Remitted on): 2025-02-03, 03-02-2025, 03/02/2025 or 03-Feb-2025.
* ``utr`` (UTR no, Bank reference): optional.

A file that can't be read (no header, a missing column, a bad amount or date, no lines) is
refused whole. The same file (same bytes) is refused the second time. Each matched line posts
Dr bank / Cr cod_receivable (``cod-remit:<line id>``); mismatches are kept with their reason.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils.translation import gettext, gettext_noop

from odopmart.ledger.services import cod_delivered_amount, ledger_post_cod_remitted
from odopmart.logistics.models import Shipment
from odopmart.orders.models import Order, SellerOrder
from odopmart.settlements.exceptions import CodFileError
from odopmart.settlements.models import CodOutcome, CodRemittanceFile, CodRemittanceLine

MAX_BYTES = 5 * 1024 * 1024
MAX_LINES = 20000

COLUMNS: dict[str, tuple[str, ...]] = {
    "awb": ("awb", "awbno", "awbnumber", "awbcode", "waybill", "waybillno", "airwaybill",
            "trackingnumber", "trackingno"),
    "reference": ("ordernumber", "orderno", "orderid", "order", "reference", "referenceno",
                  "referencenumber", "refno", "channelorderid", "sellerorder"),
    "amount": ("codamount", "amount", "codvalue", "collectedamount", "remittedamount",
               "codcollected", "cod", "amountinr", "amountrs"),
    "remitted_on": ("remittancedate", "remitteddate", "remittedon", "date", "remitdate",
                    "paymentdate", "settlementdate"),
    "utr": ("utr", "utrno", "utrnumber", "bankreference", "bankref", "neftreference"),
}  # fmt: skip
DATE_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d-%b-%Y", "%d %b %Y", "%Y/%m/%d")
_AMOUNT = re.compile(r"^\d+(\.\d{1,2})?$")


@dataclass(frozen=True)
class ParsedLine:
    line_number: int
    awb: str
    reference: str
    amount_paise: int
    remitted_on: date
    utr: str


def _key(header: str) -> str:
    return re.sub(r"[^a-z0-9]", "", header.strip().lower())


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        key = _key(name)
        for column, variants in COLUMNS.items():
            if key in variants and column not in found:
                found[column] = index
    return found


def parse_amount(text: str) -> int | None:
    """Rupees as the file writes them ("1,050.50", "₹ 1050", "1050") → paise; None if bad."""
    cleaned = text.replace(",", "").replace("₹", "").replace("Rs.", "").replace("INR", "").strip()
    if not _AMOUNT.match(cleaned):
        return None
    try:
        paise = int(Decimal(cleaned) * 100)
    except InvalidOperation:
        return None
    return paise if paise > 0 else None


def parse_date(text: str) -> date | None:
    text = text.strip()
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()  # noqa: DTZ007 (a calendar date)
        except ValueError:
            continue
    return None


def parse_remittance(data: bytes) -> list[ParsedLine]:
    """Every line of the file, or CodFileError naming what is wrong (nothing is written)."""
    if not data.strip():
        raise CodFileError("empty", gettext("The file is empty."))
    if len(data) > MAX_BYTES:
        raise CodFileError("too_big", gettext("The file is larger than 5 MB."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CodFileError(
            "not_utf8", gettext("Save the file as CSV (UTF-8) and upload it again.")
        ) from error
    rows = list(csv.reader(io.StringIO(text)))
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise CodFileError("empty", gettext("The file is empty."))
    columns = _columns(rows[0])
    missing = [name for name in ("amount", "remitted_on") if name not in columns]
    if "awb" not in columns and "reference" not in columns:
        missing.insert(0, "awb / order_number")
    if missing:
        raise CodFileError(
            "missing_columns",
            gettext("Missing column(s): %(columns)s. The first row must name the columns.")
            % {"columns": ", ".join(missing)},
        )
    if len(rows) == 1:
        raise CodFileError("no_lines", gettext("The file has a header but no lines."))
    if len(rows) - 1 > MAX_LINES:
        raise CodFileError("too_many", gettext("At most 20,000 lines per file."))

    def cell(row: list[str], name: str) -> str:
        index = columns.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    problems: list[str] = []
    parsed: list[ParsedLine] = []
    for number, row in enumerate(rows[1:], start=2):
        awb, reference = cell(row, "awb")[:40], cell(row, "reference")[:40]
        amount = parse_amount(cell(row, "amount"))
        remitted_on = parse_date(cell(row, "remitted_on"))
        if not (awb or reference):
            problems.append(gettext("line %(n)s: no AWB or order number") % {"n": number})
        if amount is None:
            problems.append(gettext("line %(n)s: bad amount") % {"n": number})
        if remitted_on is None:
            problems.append(gettext("line %(n)s: bad date") % {"n": number})
        if amount is not None and remitted_on is not None and (awb or reference):
            parsed.append(
                ParsedLine(number, awb, reference, amount, remitted_on, cell(row, "utr")[:40])
            )
    if problems:
        shown = "; ".join(problems[:10])
        more = len(problems) - 10
        if more > 0:
            shown += " " + gettext("and %(count)s more") % {"count": more}
        raise CodFileError(
            "bad_lines", gettext("Nothing was imported: %(problems)s.") % {"problems": shown}
        )
    return parsed


def _find(line: ParsedLine) -> tuple[Shipment | None, SellerOrder | None]:
    shipments = Shipment.objects.select_related("seller_order__order")
    if line.awb:
        found = list(shipments.filter(awb=line.awb)[:2])
        if len(found) == 1:
            return found[0], found[0].seller_order
    if line.reference:
        seller_order = (
            SellerOrder.objects.select_related("order").filter(number=line.reference).first()
        )
        if seller_order is not None:
            cod = [s for s in seller_order.shipments.all() if s.cod_amount_paise > 0 and s.awb]
            if len(cod) == 1:
                return cod[0], seller_order
            return None, seller_order
        shipment = shipments.filter(reference=line.reference).first()
        if shipment is not None:
            return shipment, shipment.seller_order
        order = Order.objects.filter(number=line.reference).first()
        if order is not None:
            seller_orders = list(order.seller_orders.select_related("order")[:2])
            if len(seller_orders) == 1:
                return None, seller_orders[0]
    return None, None


def _already_matched(shipment: Shipment | None, seller_order: SellerOrder) -> bool:
    lines = CodRemittanceLine.objects.filter(outcome=CodOutcome.MATCHED)
    if shipment is not None:
        return lines.filter(shipment=shipment).exists()
    return lines.filter(seller_order=seller_order, shipment__isnull=True).exists()


def _match(line: ParsedLine, seen: set[tuple[str, int]]) -> dict[str, Any]:
    shipment, seller_order = _find(line)
    result: dict[str, Any] = {"shipment": shipment, "seller_order": seller_order}
    if seller_order is None:
        return {**result, "outcome": CodOutcome.UNKNOWN_AWB,
                "note": gettext_noop("No parcel or order with this AWB or number.")}  # fmt: skip
    order = seller_order.order
    if order.payment_method != "cod" or (shipment is not None and not shipment.is_cod):
        return {**result, "outcome": CodOutcome.NOT_COD,
                "note": gettext_noop("This order was paid online.")}  # fmt: skip
    delivered = (
        shipment.status == "delivered"
        if shipment is not None
        else seller_order.status == "delivered"
    )
    if not delivered:
        return {**result, "outcome": CodOutcome.NOT_DELIVERED,
                "note": gettext_noop("Not delivered yet, so no cash was due.")}  # fmt: skip
    key = ("s", shipment.pk) if shipment is not None else ("o", seller_order.pk)
    if key in seen or _already_matched(shipment, seller_order):
        return {**result, "outcome": CodOutcome.DUPLICATE_LINE,
                "note": gettext_noop("This parcel's cash was already remitted.")}  # fmt: skip
    expected = (
        shipment.cod_amount_paise if shipment is not None else cod_delivered_amount(seller_order)
    )
    result["expected_paise"] = expected
    if line.amount_paise != expected:
        return {**result, "outcome": CodOutcome.AMOUNT_MISMATCH,
                "note": gettext_noop("The amount differs from the cash to collect.")}  # fmt: skip
    seen.add(key)
    return {**result, "outcome": CodOutcome.MATCHED, "note": ""}


def _capture_if_remitted(order: Order, *, actor: Any) -> None:
    """Mark the order's COD payment captured once every seller order's cash has arrived."""
    from odopmart.payments.services import payment_cod_collected

    for seller_order in order.seller_orders.exclude(status="cancelled"):
        remitted = (
            CodRemittanceLine.objects.filter(
                seller_order=seller_order, outcome=CodOutcome.MATCHED
            ).aggregate(t=Sum("amount_paise"))["t"]
            or 0
        )
        due = cod_delivered_amount(seller_order)
        if due <= 0 or remitted < due:
            return
    payment = order.payments.filter(provider="cod", status="cod_pending").first()
    if payment is not None:
        payment_cod_collected(payment, actor=actor)


def cod_remittance_import(data: bytes, *, name: str, actor: Any = None) -> CodRemittanceFile:
    """Import one remittance file. Raises CodFileError for a malformed or repeated file
    (nothing is written then); otherwise every line is kept with its outcome."""
    digest = hashlib.sha256(data).hexdigest()
    duplicate = CodRemittanceFile.objects.filter(sha256=digest).first()
    if duplicate is not None:
        raise CodFileError(
            "duplicate_file",
            gettext("This file was already imported on %(date)s (%(name)s).")
            % {"date": f"{duplicate.uploaded_at:%d-%m-%Y}", "name": duplicate.original_name},
        )
    parsed = parse_remittance(data)
    user = actor if getattr(actor, "is_authenticated", False) else None
    try:
        with transaction.atomic():
            remittance = CodRemittanceFile.objects.create(
                original_name=(name or "remittance.csv")[:200], sha256=digest, uploaded_by=user
            )
            remittance.file.save(f"{digest[:16]}.csv", ContentFile(data), save=False)
            seen: set[tuple[str, int]] = set()
            orders: dict[int, Order] = {}
            for line in parsed:
                match = _match(line, seen)
                row = CodRemittanceLine.objects.create(
                    remittance=remittance,
                    line_number=line.line_number,
                    awb=line.awb,
                    reference=line.reference,
                    amount_paise=line.amount_paise,
                    remitted_on=line.remitted_on,
                    utr=line.utr,
                    **match,
                )
                if row.outcome == CodOutcome.MATCHED:
                    seller_order = match["seller_order"]
                    row.journal_entry = ledger_post_cod_remitted(
                        dedupe_key=f"cod-remit:{row.pk}",
                        amount_paise=row.amount_paise,
                        on=row.remitted_on,
                        seller_order=seller_order,
                        memo=f"COD remitted {row.awb or row.reference} {row.utr}".strip(),
                    )
                    row.save(update_fields=["journal_entry"])
                    orders[seller_order.order_id] = seller_order.order
            lines = remittance.lines.all()
            matched = lines.filter(outcome=CodOutcome.MATCHED)
            remittance.row_count = len(parsed)
            remittance.matched_count = matched.count()
            remittance.mismatch_count = len(parsed) - remittance.matched_count
            remittance.total_paise = sum(line.amount_paise for line in parsed)
            remittance.matched_paise = matched.aggregate(t=Sum("amount_paise"))["t"] or 0
            remittance.save()
            for order in orders.values():
                _capture_if_remitted(order, actor=actor)
    except IntegrityError as error:
        # The same file at the same moment, or a parcel matched by a concurrent import.
        raise CodFileError(
            "duplicate_file", gettext("This file (or one of its parcels) was just imported.")
        ) from error
    return remittance
