"""/seller/insights/: the department's sales dashboard. Finance staff and operator admins
only; anyone else gets a 404. `?fy=2026-27` picks the financial year, `?export=<table>` gives
that table as CSV."""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
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


def cache_seconds() -> int:
    """How long the figures are kept: ``settings.INSIGHTS["CACHE_SECONDS"]`` (env
    INSIGHTS_CACHE_SECONDS, default 300). On a million orders they take seconds to compute,
    and the department reads them, it does not watch them tick."""
    configured = (getattr(settings, "INSIGHTS", {}) or {}).get("CACHE_SECONDS")
    if configured is None:
        configured = os.environ.get("INSIGHTS_CACHE_SECONDS", "300")
    return int(configured)


def _figures(fy: FinancialYear) -> dict[str, Any]:
    seconds = cache_seconds()
    key = f"insights:figures:v1:{fy}"
    figures = cache.get(key) if seconds > 0 else None
    if figures is None:
        figures = queries.dashboard_figures(fy, table_limit=TABLE_LIMIT)
        if seconds > 0:
            cache.set(key, figures, seconds)
    # The view adds the names of the page's language to these rows: give it copies.
    return {k: [dict(r) for r in v] if isinstance(v, list) and v and isinstance(v[0], dict) else v
            for k, v in figures.items()}  # fmt: skip


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
    with queries.no_jit():
        return _export_rows(fy, table)


def _export_rows(fy: FinancialYear, table: str) -> StreamingHttpResponse:
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
    fy = FinancialYear.parse(request.GET.get("fy", "")) or FinancialYear.of(timezone.localdate())
    export = request.GET.get("export", "")
    if export:
        if export not in TABLES:
            raise Http404
        return _export(fy, export)
    hindi = (get_language() or "").startswith("hi")
    figures = _figures(fy)
    years = figures["years"]
    districts = _named(figures["districts"], hindi)
    months = [dict(row) for row in figures["months"]]
    month_names = [
        _("Apr"), _("May"), _("Jun"), _("Jul"), _("Aug"), _("Sep"),
        _("Oct"), _("Nov"), _("Dec"), _("Jan"), _("Feb"), _("Mar"),
    ]  # fmt: skip
    for row, label in zip(months, month_names, strict=True):
        row["label"] = label
    context = {
        "fy": fy,
        "years": years if fy in years else [fy, *years],
        "totals": figures["totals"],
        "districts": districts[:TABLE_LIMIT],
        "district_count": len(districts),
        "odop": _named(figures["odop"], hindi),
        "categories": _named(figures["categories"], hindi),
        "vendors": _named(figures["vendors"], hindi),
        "artisans": _named(figures["artisans"], hindi),
        "products": _named(figures["products"], hindi),
        "months": months,
        "quarters": figures["quarters"],
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
