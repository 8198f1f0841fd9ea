"""The dashboard's figures, each one aggregate query over sold order items.

Sold = the order was paid (or COD confirmed: `placed_at` is set only then) and the item was
not cancelled or left unpaid. Returned items stay in the gross figures (GMV is what buyers
bought); their refunds are in the books, not here. Periods are by `Order.placed_at` in IST.
Nothing loops over items in Python; the only Python loops run over aggregated rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, Min, Q, QuerySet, Sum
from django.db.models.functions import Coalesce, TruncMonth
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

# The dimensions a sales table can be grouped by: the item's key, and the model (with the name
# fields, and a qualifier for names that repeat across districts) the names are read from.
# Grouping by the integer key alone keeps the aggregate narrow; the names of the few groups
# shown are one small query afterwards.
DIMENSIONS: dict[str, str] = {
    "district": "product__district_id",
    "odop": "product__odop_product_id",
    "category": "product__category_id",
    "vendor": "vendor_id",
    "artisan": "artisan_id",
    "product": "product_id",
}


def _name_source(dimension: str) -> tuple[QuerySet[Any], tuple[str, ...]]:
    from odopmart.catalog.models import Artisan, Category, Product
    from odopmart.odop.models import OdopProduct
    from odopmart.regions.models import District
    from odopmart.sellers.models import Vendor

    plain = ("name_en", "name_hi")
    district = ("district__name_en", "district__name_hi")
    return {
        "district": (District.objects.all(), plain),
        "odop": (OdopProduct.objects.all(), plain + district),
        "category": (Category.objects.all(), plain),
        "vendor": (Vendor.objects.all(), plain),
        "artisan": (Artisan.objects.all(), plain + district),
        "product": (Product.objects.all(), plain),
    }[dimension]


def names_of(dimension: str, ids: list[int]) -> dict[int, dict[str, str]]:
    """{id: {"name_en", "name_hi", "district_en", "district_hi"}} for the groups shown."""
    rows, fields = _name_source(dimension)
    out = {}
    for row in rows.filter(pk__in=ids).values("pk", *fields):
        out[row["pk"]] = {
            "name_en": row["name_en"] or "",
            "name_hi": row["name_hi"] or "",
            "district_en": row.get("district__name_en") or "",
            "district_hi": row.get("district__name_hi") or "",
        }
    return out


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


def totals(fy: FinancialYear, months: Monthly | None = None) -> dict[str, int]:
    """The year's GMV, items and orders (the sum of its months)."""
    months = _months_for(fy) if months is None else months
    return _sum(months, fy.starts_on, 12)


def _rows(qs: QuerySet[OrderItem], dimension: str) -> QuerySet[Any]:
    key = DIMENSIONS[dimension]
    return qs.values(key).annotate(**_MEASURES).order_by("-gmv", key)


def _named(rows: list[dict[str, Any]], dimension: str, key: str) -> list[dict[str, Any]]:
    names = names_of(dimension, [row[key] for row in rows])
    empty = {"name_en": "", "name_hi": "", "district_en": "", "district_hi": ""}
    out = []
    for row in rows:  # the aggregated groups
        name = names.get(row[key], empty)
        entry = {"id": row[key], **name, **{k: v for k, v in row.items() if k != key}}
        if dimension == "odop" and name["district_en"]:
            # Several districts' ODOP product is "Carpets": say whose.
            entry["name_en"] = f"{name['name_en']} ({name['district_en']})"
            hindi = name["name_hi"]
            entry["name_hi"] = (
                f"{hindi} ({name['district_hi'] or name['district_en']})" if hindi else ""
            )
        out.append(entry)
    return out


def sales_by(
    fy: FinancialYear, dimension: str, *, limit: int | None = None
) -> list[dict[str, Any]]:
    """GMV, items and orders per district / ODOP product / category / vendor / artisan /
    product, biggest first."""
    rows = _rows(sold_items(fy.starts_on, fy.ends_before), dimension)
    return _named(list(rows[:limit] if limit else rows), dimension, DIMENSIONS[dimension])


Monthly = dict[date, dict[str, int]]
_EMPTY = {"gmv": 0, "items": 0, "orders": 0}


def monthly(start: date, end: date) -> Monthly:
    """GMV, items and orders per month from `start` to before `end`, one query.

    An order is placed in exactly one month, so the months' order counts add up to the
    distinct orders of any run of months: quarters and the year's totals are sums of these.
    """
    tz = timezone.get_current_timezone()
    found: Monthly = {}
    for row in (
        sold_items(start, end)
        .annotate(month=TruncMonth("order__placed_at", tzinfo=tz))
        .values("month")
        .annotate(**_MEASURES)
        .order_by("month")
    ):
        month = row.pop("month")
        day = timezone.localtime(month).date() if hasattr(month, "hour") else month
        found[day] = {k: int(v) for k, v in row.items()}
    return found


def _months_for(fy: FinancialYear) -> Monthly:
    """The year's months and the three before it (the quarter Q1 is compared with)."""
    return monthly(shift_months(fy.starts_on, -3), fy.ends_before)


def _sum(rows: Monthly, first: date, count: int) -> dict[str, int]:
    months = [shift_months(first, offset) for offset in range(count)]
    return {k: sum(rows.get(m, _EMPTY)[k] for m in months) for k in _EMPTY}


def sales_by_month(fy: FinancialYear, months: Monthly | None = None) -> list[dict[str, Any]]:
    """All twelve months of the year (zero where nothing sold), in order."""
    months = _months_for(fy) if months is None else months
    firsts = [shift_months(fy.starts_on, offset) for offset in range(12)]
    return [{"month": m, **months.get(m, _EMPTY)} for m in firsts]


def _growth(current: int, previous: int | None) -> Decimal | None:
    if not previous:
        return None
    change = Decimal(current - previous) * 100 / Decimal(previous)
    return change.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def sales_by_quarter(fy: FinancialYear, months: Monthly | None = None) -> list[dict[str, Any]]:
    """The year's four quarters with growth over the quarter before (Q1 against the previous
    year's Q4). A quarter not yet begun has no growth figure."""
    months = _months_for(fy) if months is None else months
    today = timezone.localdate()
    previous = _sum(months, shift_months(fy.starts_on, -3), 3)
    rows = []
    for offset in range(0, 12, 3):
        first = shift_months(fy.starts_on, offset)
        row = _sum(months, first, 3)
        begun = first <= today
        rows.append({
            "quarter": first,
            "label": quarter_label(first),
            **row,
            "begun": begun,
            "current": begun and today < shift_months(first, 3),
            "growth_gmv": _growth(row["gmv"], previous["gmv"]) if begun else None,
            "growth_orders": _growth(row["orders"], previous["orders"]) if begun else None,
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
    qs = (
        sold_items(fy.starts_on, fy.ends_before)
        .values("artisan_id", "vendor_id")
        .annotate(
            **_MEASURES,
            recognised=Coalesce(Sum("accrual__artisan_share_paise"), 0),
            pending_taxable=Coalesce(Sum("taxable_value_paise", filter=pending), 0),
        )
        .order_by("-gmv", "artisan_id")
    )
    rows = list(qs[:limit] if limit else qs)
    rates = _share_rates(timezone.localdate())
    for row in rows:  # aggregated rows, one per artisan and vendor
        rate = rates.get(row.pop("vendor_id"), 0)
        pending_taxable = row.pop("pending_taxable")
        row["expected"] = int(
            (Decimal(pending_taxable) * rate / 10000).quantize(Decimal(1), ROUND_HALF_UP)
        )
        row["earnings"] = row["recognised"] + row["expected"]
    return _named(rows, "artisan", "artisan_id")


def years_with_sales() -> list[FinancialYear]:
    """Financial years from the first sale to this one (newest first)."""
    first = Order.objects.filter(placed_at__isnull=False).aggregate(first=Min("placed_at"))["first"]
    this_year = FinancialYear.of(timezone.localdate())
    if first is None:
        return [this_year]
    earliest = FinancialYear.of(timezone.localtime(first).date())
    return [FinancialYear(y) for y in range(this_year.start_year, earliest.start_year - 1, -1)]


@contextmanager
def no_jit() -> Iterator[None]:
    """A transaction in which PostgreSQL does not JIT-compile (see dashboard_figures)."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL jit = off")
        yield


def dashboard_figures(fy: FinancialYear, *, table_limit: int) -> dict[str, Any]:
    """Every figure the dashboard shows for the year, read in one transaction.

    On PostgreSQL the planner's JIT compilation is switched off for it: on these half-second
    aggregates compiling costs more (about 0.4 s a query, measured) than it saves.
    """
    with no_jit():
        months = _months_for(fy)
        return {
            "years": years_with_sales(),
            "totals": totals(fy, months),
            "districts": sales_by(fy, "district"),
            "odop": sales_by(fy, "odop", limit=table_limit),
            "categories": sales_by(fy, "category", limit=table_limit),
            "vendors": sales_by(fy, "vendor", limit=table_limit),
            "artisans": artisan_earnings(fy, limit=table_limit),
            "products": sales_by(fy, "product", limit=10),
            "months": sales_by_month(fy, months),
            "quarters": sales_by_quarter(fy, months),
        }
