"""The dashboard's figures, each one aggregate query over sold order items.

Sold = the order was paid (or COD confirmed: `placed_at` is set only then) and the item was
not cancelled or left unpaid. Returned items stay in the gross figures (GMV is what buyers
bought); their refunds are in the books, not here. Periods are by `Order.placed_at` in IST.
Nothing loops over items in Python; the only Python loops run over aggregated rows.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count, Min, Q, QuerySet, Sum
from django.db.models.functions import Coalesce, TruncMonth, TruncQuarter
from django.utils import timezone

from odopmart.insights.periods import FinancialYear, local_midnight, quarter_label, shift_months
from odopmart.ledger.models import ArtisanShareRule
from odopmart.orders.models import Order, OrderItem
from odopmart.orders.states import ItemStatus

SOLD_STATUSES = [
    ItemStatus.PLACED,
    ItemStatus.CONFIRMED,
    ItemStatus.READY,
    ItemStatus.SHIPPED,
    ItemStatus.DELIVERED,
    ItemStatus.RETURN_REQUESTED,
    ItemStatus.RETURN_APPROVED,
    ItemStatus.RETURNED,
    ItemStatus.REFUNDED,
]
NOT_KEPT = [ItemStatus.RETURNED, ItemStatus.REFUNDED]

# The dimensions a sales table can be grouped by: (key, English name, Hindi name).
DIMENSIONS: dict[str, tuple[str, str, str]] = {
    "district": ("product__district_id", "product__district__name_en",
                 "product__district__name_hi"),
    "odop": ("product__odop_product_id", "product__odop_product__name_en",
             "product__odop_product__name_hi"),
    "category": ("product__category_id", "product__category__name_en",
                 "product__category__name_hi"),
    "vendor": ("vendor_id", "vendor__name_en", "vendor__name_hi"),
    "artisan": ("artisan_id", "artisan__name_en", "artisan__name_hi"),
    "product": ("product_id", "product__name_en", "product__name_hi"),
}  # fmt: skip

_MEASURES = {
    "gmv": Coalesce(Sum("line_total_paise"), 0),
    "items": Coalesce(Sum("quantity"), 0),
    "orders": Count("order_id", distinct=True),
}


def sold_items(start: date, end: date) -> QuerySet[OrderItem]:
    """Sold items of orders placed on or after `start` and before `end` (IST days)."""
    return OrderItem.objects.filter(
        status__in=SOLD_STATUSES,
        order__placed_at__gte=local_midnight(start),
        order__placed_at__lt=local_midnight(end),
    )


def totals(fy: FinancialYear) -> dict[str, int]:
    row = sold_items(fy.starts_on, fy.ends_before).aggregate(**_MEASURES)
    return {key: int(value or 0) for key, value in row.items()}


def _rows(qs: QuerySet[OrderItem], dimension: str, extra: dict[str, Any] | None = None
          ) -> QuerySet[Any]:  # fmt: skip
    key, name_en, name_hi = DIMENSIONS[dimension]
    return (
        qs.values(key, name_en, name_hi)
        .annotate(**_MEASURES, **(extra or {}))
        .order_by("-gmv", key)
    )


def _plain(row: dict[str, Any], dimension: str) -> dict[str, Any]:
    key, name_en, name_hi = DIMENSIONS[dimension]
    out = {k: v for k, v in row.items() if k not in (key, name_en, name_hi)}
    return {"id": row[key], "name_en": row[name_en] or "", "name_hi": row[name_hi] or "", **out}


def sales_by(
    fy: FinancialYear, dimension: str, *, limit: int | None = None
) -> list[dict[str, Any]]:
    """GMV, items and orders per district / ODOP product / category / vendor / artisan /
    product, biggest first."""
    rows = _rows(sold_items(fy.starts_on, fy.ends_before), dimension)
    if limit:
        rows = rows[:limit]
    return [_plain(row, dimension) for row in rows]


def sales_by_month(fy: FinancialYear) -> list[dict[str, Any]]:
    """All twelve months of the year (zero where nothing sold), in order."""
    tz = timezone.get_current_timezone()
    found = {
        timezone.localtime(row["month"]).date()
        if hasattr(row["month"], "hour")
        else row["month"]: row
        for row in sold_items(fy.starts_on, fy.ends_before)
        .annotate(month=TruncMonth("order__placed_at", tzinfo=tz))
        .values("month")
        .annotate(**_MEASURES)
        .order_by("month")
    }
    months = [shift_months(fy.starts_on, offset) for offset in range(12)]
    empty = {"gmv": 0, "items": 0, "orders": 0}
    return [{"month": m, **{k: found.get(m, empty)[k] for k in empty}} for m in months]


def _growth(current: int, previous: int | None) -> Decimal | None:
    if not previous:
        return None
    change = Decimal(current - previous) * 100 / Decimal(previous)
    return change.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def sales_by_quarter(fy: FinancialYear) -> list[dict[str, Any]]:
    """The year's four quarters with growth over the quarter before (Q1 against the previous
    year's Q4)."""
    tz = timezone.get_current_timezone()
    start = shift_months(fy.starts_on, -3)
    found = {}
    for row in (
        sold_items(start, fy.ends_before)
        .annotate(quarter=TruncQuarter("order__placed_at", tzinfo=tz))
        .values("quarter")
        .annotate(**_MEASURES)
        .order_by("quarter")
    ):
        quarter = row["quarter"]
        day = timezone.localtime(quarter).date() if hasattr(quarter, "hour") else quarter
        found[day] = row
    empty = {"gmv": 0, "items": 0, "orders": 0}
    previous = found.get(start, empty)
    rows = []
    for offset in range(0, 12, 3):
        first = shift_months(fy.starts_on, offset)
        row = found.get(first, empty)
        rows.append({
            "quarter": first,
            "label": quarter_label(first),
            **{k: row[k] for k in empty},
            "growth_gmv": _growth(row["gmv"], previous["gmv"]),
            "growth_orders": _growth(row["orders"], previous["orders"]),
        })  # fmt: skip
        previous = row
    return rows


def _share_rates(on: date) -> dict[int, int]:
    """Each vendor's artisan share (basis points) in force on the date."""
    rates: dict[int, int] = {}
    for vendor_id, rate_bp in (
        ArtisanShareRule.objects.filter(effective_from__lte=on)
        .order_by("vendor_id", "-effective_from")
        .values_list("vendor_id", "rate_bp")
    ):
        rates.setdefault(vendor_id, rate_bp)
    return rates


def artisan_earnings(fy: FinancialYear, *, limit: int | None = None) -> list[dict[str, Any]]:
    """Per artisan: sales, the share recognised in the books (ItemAccrual.artisan_share_paise),
    and an estimate for items not yet recognised (taxable value × the vendor's share rule in
    force today; returned items earn nothing)."""
    pending = Q(accrual__isnull=True) & ~Q(status__in=NOT_KEPT)
    qs = sold_items(fy.starts_on, fy.ends_before).values(
        "artisan_id", "artisan__name_en", "artisan__name_hi", "artisan__district__name_en",
        "artisan__district__name_hi", "vendor_id",
    ).annotate(
        **_MEASURES,
        recognised=Coalesce(Sum("accrual__artisan_share_paise"), 0),
        pending_taxable=Coalesce(Sum("taxable_value_paise", filter=pending), 0),
    ).order_by("-gmv", "artisan_id")  # fmt: skip
    if limit:
        qs = qs[:limit]
    rates = _share_rates(timezone.localdate())
    rows = []
    for row in qs:  # aggregated rows, one per artisan and vendor
        rate = rates.get(row["vendor_id"], 0)
        expected = int(
            (Decimal(row["pending_taxable"]) * rate / 10000).quantize(Decimal(1), ROUND_HALF_UP)
        )
        rows.append({
            "id": row["artisan_id"],
            "name_en": row["artisan__name_en"], "name_hi": row["artisan__name_hi"] or "",
            "district_en": row["artisan__district__name_en"] or "",
            "district_hi": row["artisan__district__name_hi"] or "",
            "gmv": row["gmv"], "items": row["items"], "orders": row["orders"],
            "recognised": row["recognised"], "expected": expected,
            "earnings": row["recognised"] + expected,
        })  # fmt: skip
    return rows


def years_with_sales() -> list[FinancialYear]:
    """Financial years from the first sale to this one (newest first)."""
    first = Order.objects.filter(placed_at__isnull=False).aggregate(first=Min("placed_at"))["first"]
    this_year = FinancialYear.of(timezone.localdate())
    if first is None:
        return [this_year]
    earliest = FinancialYear.of(timezone.localtime(first).date())
    return [FinancialYear(y) for y in range(this_year.start_year, earliest.start_year - 1, -1)]
