"""/seller/insights/: the department's sales dashboard. Finance staff and operator admins
only; anyone else gets a 404. `?fy=2026-27` picks the financial year, `?export=<table>` gives
that table as CSV."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from odopmart.accounts.models import StaffRole
from odopmart.accounts.roles import has_staff_role
from odopmart.core.money import format_inr
from odopmart.insights import queries
from odopmart.insights.periods import FinancialYear
from odopmart.insights.svg import bar_chart, column_chart

TABLE_LIMIT = 25
TABLES = ("district", "odop", "category", "vendor", "artisan", "product", "month", "quarter")


def insights_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not has_staff_role(request.user, StaffRole.FINANCE, StaffRole.OPERATOR_ADMIN):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def _rupees(paise: int) -> str:
    sign = "-" if paise < 0 else ""
    return f"{sign}{abs(paise) // 100}.{abs(paise) % 100:02d}"


def _short_inr(paise: int) -> str:
    """Chart labels: ₹12.3 L / ₹4.5 Cr above a lakh, else the plain amount."""
    rupees = paise / 100
    if rupees >= 1_00_00_000:
        return f"₹{rupees / 1_00_00_000:.1f} Cr"
    if rupees >= 1_00_000:
        return f"₹{rupees / 1_00_000:.1f} L"
    return format_inr(int(round(rupees)) * 100)


def _named(rows: list[dict[str, Any]], hindi: bool) -> list[dict[str, Any]]:
    for row in rows:
        row["name"] = (row.get("name_hi") if hindi else "") or row.get("name_en") or "—"
        if "district_en" in row:
            row["district"] = (row["district_hi"] if hindi else "") or row["district_en"]
    return rows


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv(filename: str, header: list[str], rows: Iterable[list[Any]]) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())

    def lines() -> Iterable[str]:
        yield "\ufeff"  # spreadsheets read the Hindi names as UTF-8
        yield writer.writerow(header)
        for row in rows:
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _export(fy: FinancialYear, table: str) -> StreamingHttpResponse:
    name = f"odopmart-{table}-{fy}.csv"
    if table == "month":
        rows = queries.sales_by_month(fy)
        return _csv(name, ["month", "gmv_rupees", "orders", "items"],
                    ([f"{r['month']:%Y-%m}", _rupees(r["gmv"]), r["orders"], r["items"]]
                     for r in rows))  # fmt: skip
    if table == "quarter":
        rows = queries.sales_by_quarter(fy)
        return _csv(
            name,
            ["quarter", "gmv_rupees", "orders", "items", "gmv_growth_percent",
             "orders_growth_percent"],
            ([r["label"], _rupees(r["gmv"]), r["orders"], r["items"],
              "" if r["growth_gmv"] is None else str(r["growth_gmv"]),
              "" if r["growth_orders"] is None else str(r["growth_orders"])] for r in rows),
        )  # fmt: skip
    if table == "artisan":
        rows = queries.artisan_earnings(fy)
        return _csv(
            name,
            ["artisan_id", "artisan", "artisan_hi", "district", "gmv_rupees", "orders", "items",
             "earnings_recognised_rupees", "earnings_expected_rupees", "earnings_rupees"],
            ([r["id"], r["name_en"], r["name_hi"], r["district_en"], _rupees(r["gmv"]),
              r["orders"], r["items"], _rupees(r["recognised"]), _rupees(r["expected"]),
              _rupees(r["earnings"])] for r in rows),
        )  # fmt: skip
    rows = queries.sales_by(fy, table)
    return _csv(
        name,
        ["id", "name", "name_hi", "gmv_rupees", "orders", "items"],
        ([r["id"], r["name_en"], r["name_hi"], _rupees(r["gmv"]), r["orders"], r["items"]]
         for r in rows),
    )  # fmt: skip


@require_safe
@insights_required
def dashboard(request: HttpRequest) -> HttpResponse:
    years = queries.years_with_sales()
    fy = FinancialYear.parse(request.GET.get("fy", "")) or FinancialYear.of(timezone.localdate())
    export = request.GET.get("export", "")
    if export:
        if export not in TABLES:
            raise Http404
        return _export(fy, export)
    hindi = (get_language() or "").startswith("hi")
    districts = _named(queries.sales_by(fy, "district"), hindi)
    months = queries.sales_by_month(fy)
    month_names = [
        _("Apr"), _("May"), _("Jun"), _("Jul"), _("Aug"), _("Sep"),
        _("Oct"), _("Nov"), _("Dec"), _("Jan"), _("Feb"), _("Mar"),
    ]  # fmt: skip
    for row, label in zip(months, month_names, strict=True):
        row["label"] = label
    context = {
        "fy": fy,
        "years": years if fy in years else [fy, *years],
        "totals": queries.totals(fy),
        "districts": districts[:TABLE_LIMIT],
        "district_count": len(districts),
        "odop": _named(queries.sales_by(fy, "odop", limit=TABLE_LIMIT), hindi),
        "categories": _named(queries.sales_by(fy, "category", limit=TABLE_LIMIT), hindi),
        "vendors": _named(queries.sales_by(fy, "vendor", limit=TABLE_LIMIT), hindi),
        "artisans": _named(queries.artisan_earnings(fy, limit=TABLE_LIMIT), hindi),
        "products": _named(queries.sales_by(fy, "product", limit=10), hindi),
        "months": months,
        "quarters": queries.sales_by_quarter(fy),
        "district_chart": bar_chart(
            [(row["name"], row["gmv"]) for row in districts[:15]],
            title=_("Sales by district"),
            fmt=_short_inr,
        ),
        "month_chart": column_chart(
            [(row["label"], row["gmv"]) for row in months],
            title=_("Sales by month"),
            fmt=_short_inr,
        ),
        "table_limit": TABLE_LIMIT,
    }
    return render(request, "insights/dashboard.html", context)
