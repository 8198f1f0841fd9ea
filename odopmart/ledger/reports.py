"""The monthly statements the operator files from, computed by the database (GROUP BY), never
by looping over rows in Python:

* `gstr8_statement(month)` — TCS (CGST s.52) per supplier GSTIN: gross taxable supplies,
  returns, net value and TCS as CGST/SGST/IGST; enrolled unregistered suppliers separately,
  with no TCS (Notification 37/2023-CT requires them in GSTR-8 too);
* `tds_statement(month)` — income-tax TDS (s.194-O) per vendor PAN and rate, with the
  section label kept as data on the rate row;
* `sales_register(month)` — every line sold (goods and the vendor's shipping), with HSN,
  taxable value, rates, taxes and place of supply.

A month is the month the ledger recognised the items (when TCS and TDS were withheld from the
vendor's payable, which is what the operator deposits by the 10th of the next month); the
rates applied are those of the date of supply kept on each accrual. The sales register is by
the month the order was placed (the invoice date of a marketplace sale).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.db.models import (
    BigIntegerField,
    CharField,
    F,
    IntegerField,
    QuerySet,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from odopmart.ledger.models import ItemAccrual
from odopmart.orders.models import OrderItem, SellerOrder
from odopmart.orders.states import ItemStatus, SellerOrderStatus
from odopmart.regions.models import State
from odopmart.sellers.models import SupplierRegistration

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str | None, default: date | None = None) -> Month:
        """`YYYY-MM`; anything else means the default (this month)."""
        found = _MONTH.match(text or "")
        if found and 1 <= int(found[2]) <= 12 and 2000 <= int(found[1]) <= 2100:
            return cls(int(found[1]), int(found[2]))
        today = default or timezone.localdate()
        return cls(today.year, today.month)

    @property
    def first(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def previous(self) -> Month:
        return Month(self.year - 1, 12) if self.month == 1 else Month(self.year, self.month - 1)

    @property
    def next(self) -> Month:
        return Month(self.year + 1, 1) if self.month == 12 else Month(self.year, self.month + 1)

    def bounds(self) -> tuple[datetime, datetime]:
        """Start of the month and of the next, as aware local times."""
        return (
            timezone.make_aware(datetime.combine(self.first, time.min)),
            timezone.make_aware(datetime.combine(self.next.first, time.min)),
        )

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


def _sum(field: str) -> Coalesce:
    return Coalesce(Sum(field), 0, output_field=BigIntegerField())


def _accruals(month: Month) -> QuerySet[ItemAccrual]:
    return ItemAccrual.objects.filter(recognised_on__range=(month.first, month.last))


@dataclass
class Gstr8:
    month: Month
    registered: list[dict[str, Any]]
    registered_totals: dict[str, int]
    unregistered: list[dict[str, Any]]
    unregistered_totals: dict[str, int]


GSTR8_SUMS = {
    "gross_paise": "taxable_paise",
    "returns_paise": "returned_taxable_paise",
    "net_paise": "net_taxable_paise",
    "tcs_cgst_paise": "tcs_cgst_paise",
    "tcs_sgst_paise": "tcs_sgst_paise",
    "tcs_igst_paise": "tcs_igst_paise",
}


def gstr8_statement(month: Month) -> Gstr8:
    sums = {name: _sum(field) for name, field in GSTR8_SUMS.items()}
    registered = _accruals(month).filter(supplier_registration=SupplierRegistration.REGISTERED)
    unregistered = _accruals(month).filter(
        supplier_registration=SupplierRegistration.ENROLLED_UNREGISTERED
    )
    reg_rows = list(
        registered.values("vendor_gstin", "vendor_id", "vendor__name_en")
        .annotate(**sums)
        .order_by("vendor_gstin")
    )
    for row in reg_rows:
        row["state_code"] = row["vendor_gstin"][:2]
    unreg_sums = {k: v for k, v in sums.items() if not k.startswith("tcs")}
    unreg_rows = list(
        unregistered.values("enrolment_number", "vendor_id", "vendor__name_en")
        .annotate(**unreg_sums)
        .order_by("enrolment_number")
    )
    return Gstr8(
        month=month,
        registered=reg_rows,
        registered_totals=registered.aggregate(**sums),
        unregistered=unreg_rows,
        unregistered_totals=unregistered.aggregate(**unreg_sums),
    )


def tds_statement(month: Month) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Rows per (PAN, rate): the amount TDS was taken on (gross of the sale without GST,
    shipping included, less returns), the rate, the TDS and the section label."""
    accruals = _accruals(month).filter(tds_rate__isnull=False)
    rows = list(
        accruals.values(
            "vendor_pan",
            "vendor_id",
            "vendor__name_en",
            "tds_rate_bp",
            "tds_rate__kind",
            "tds_rate__legal_reference",
        )
        .annotate(base_paise=_sum("net_taxable_paise"), tds_paise=_sum("tds_paise"))
        .order_by("vendor_pan", "vendor__name_en", "tds_rate_bp")
    )
    totals = accruals.aggregate(base_paise=_sum("net_taxable_paise"), tds_paise=_sum("tds_paise"))
    return rows, totals


REGISTER_COLUMNS = (
    "placed_at",
    "line",
    "seller_order_number",
    "invoice_number",
    "vendor_gstin",
    "hsn",
    "description",
    "quantity",
    "taxable_paise",
    "rate_bp",
    "cgst_paise",
    "sgst_paise",
    "igst_paise",
    "total_paise",
    "place_code",
    "place_name",
)


def sales_register(month: Month) -> QuerySet:
    """One row per goods line and per seller order's shipping charge of the orders placed in
    the month (cancelled lines left out: they were never supplied), newest last."""
    start, end = month.bounds()
    goods = (
        OrderItem.objects.filter(order__placed_at__gte=start, order__placed_at__lt=end)
        .exclude(status__in=[ItemStatus.CANCELLED, ItemStatus.PENDING_PAYMENT])
        .annotate(
            r_placed_at=F("order__placed_at"),
            line=Value("goods", output_field=CharField()),
            so_id=F("seller_order_id"),
            r_number=F("seller_order__number"),
            r_gstin=F("seller_order__vendor__gstin"),
            r_hsn=F("hsn_code"),
            r_description=F("name_en"),
            r_quantity=F("quantity"),
            r_taxable=F("taxable_value_paise"),
            r_rate=F("gst_rate_bp"),
            r_cgst=F("cgst_paise"),
            r_sgst=F("sgst_paise"),
            r_igst=F("igst_paise"),
            r_total=F("line_total_paise"),
            r_place=F("seller_order__place_of_supply_code"),
        )
    )
    shipping = (
        SellerOrder.objects.filter(
            order__placed_at__gte=start, order__placed_at__lt=end, shipping_paise__gt=0
        )
        .exclude(status__in=[SellerOrderStatus.CANCELLED, SellerOrderStatus.PENDING_PAYMENT])
        .annotate(
            r_placed_at=F("order__placed_at"),
            line=Value("shipping", output_field=CharField()),
            so_id=F("pk"),
            r_number=F("number"),
            r_gstin=F("vendor__gstin"),
            r_hsn=Value("", output_field=CharField()),
            r_description=Value("Shipping", output_field=CharField()),
            r_quantity=Value(1, output_field=IntegerField()),
            r_taxable=F("shipping_taxable_paise"),
            r_rate=Value(0, output_field=IntegerField()),
            r_cgst=F("shipping_cgst_paise"),
            r_sgst=F("shipping_sgst_paise"),
            r_igst=F("shipping_igst_paise"),
            r_total=F("shipping_paise"),
            r_place=F("place_of_supply_code"),
        )
    )
    columns = [
        "r_placed_at",
        "line",
        "so_id",
        "r_number",
        "r_gstin",
        "r_hsn",
        "r_description",
        "r_quantity",
        "r_taxable",
        "r_rate",
        "r_cgst",
        "r_sgst",
        "r_igst",
        "r_total",
        "r_place",
    ]
    return (
        goods.order_by()
        .values(*columns)
        .union(shipping.order_by().values(*columns), all=True)
        .order_by("r_placed_at", "r_number", "line")
    )


def register_rows(rows: Any) -> list[dict[str, Any]]:
    """Name the register's columns (the invoice number and state name joined per page)."""
    rows = list(rows)
    so_ids = {row["so_id"] for row in rows}
    invoices = dict(
        SellerOrder.objects.filter(pk__in=so_ids, tax_invoice__isnull=False).values_list(
            "pk", "tax_invoice__number"
        )
    )
    states = dict(State.objects.values_list("gst_state_code", "name_en"))
    return [
        {
            "placed_at": timezone.localtime(row["r_placed_at"]),
            "line": row["line"],
            "seller_order_number": row["r_number"],
            "invoice_number": invoices.get(row["so_id"], ""),
            "vendor_gstin": row["r_gstin"],
            "hsn": row["r_hsn"],
            "description": row["r_description"],
            "quantity": row["r_quantity"],
            "taxable_paise": row["r_taxable"],
            "rate_bp": row["r_rate"],
            "cgst_paise": row["r_cgst"],
            "sgst_paise": row["r_sgst"],
            "igst_paise": row["r_igst"],
            "total_paise": row["r_total"],
            "place_code": row["r_place"],
            "place_name": states.get(row["r_place"], ""),
        }
        for row in rows
    ]


def sales_register_totals(month: Month) -> dict[str, int]:
    start, end = month.bounds()
    goods = (
        OrderItem.objects.filter(order__placed_at__gte=start, order__placed_at__lt=end)
        .exclude(status__in=[ItemStatus.CANCELLED, ItemStatus.PENDING_PAYMENT])
        .aggregate(
            taxable=_sum("taxable_value_paise"),
            cgst=_sum("cgst_paise"),
            sgst=_sum("sgst_paise"),
            igst=_sum("igst_paise"),
            total=_sum("line_total_paise"),
        )
    )
    ship = (
        SellerOrder.objects.filter(order__placed_at__gte=start, order__placed_at__lt=end)
        .exclude(status__in=[SellerOrderStatus.CANCELLED, SellerOrderStatus.PENDING_PAYMENT])
        .aggregate(
            taxable=_sum("shipping_taxable_paise"),
            cgst=_sum("shipping_cgst_paise"),
            sgst=_sum("shipping_sgst_paise"),
            igst=_sum("shipping_igst_paise"),
            total=_sum("shipping_paise"),
        )
    )
    return {key: goods[key] + ship[key] for key in goods}
