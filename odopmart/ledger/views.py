"""The operator's finance pages: monthly statements (screen and CSV), an order's ledger trace
and the trial balance. Finance staff and operator admins only; anyone else gets a 404."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Sum
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from odopmart.accounts.models import StaffRole
from odopmart.accounts.roles import has_staff_role
from odopmart.ledger import reports
from odopmart.ledger.models import AccountKind, Posting
from odopmart.ledger.posting import ledger_trial_balance
from odopmart.ledger.services import ledger_order_entries, ledger_order_receipts_held
from odopmart.orders.models import Order


def finance_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not has_staff_role(request.user, StaffRole.FINANCE):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv(name: str, header: list[str], rows: Iterable[list[Any]]) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())
    body = (writer.writerow(row) for row in _chain(header, rows))
    response = StreamingHttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _chain(header: list[str], rows: Iterable[list[Any]]) -> Iterable[list[Any]]:
    yield header
    yield from rows


def rupees(paise: int | None) -> str:
    """Paise as rupees with two decimals (CSV: plain numbers a spreadsheet reads)."""
    paise = int(paise or 0)
    sign = "-" if paise < 0 else ""
    return f"{sign}{abs(paise) // 100}.{abs(paise) % 100:02d}"


def _month(request: HttpRequest) -> reports.Month:
    return reports.Month.parse(request.GET.get("month"))


def _balances() -> list[dict[str, Any]]:
    totals = dict(
        Posting.objects.values_list("account__kind")
        .annotate(total=Sum("amount_paise"))
        .values_list("account__kind", "total")
    )
    return [
        {"kind": kind, "label": label, "balance": int(totals.get(kind) or 0)}
        for kind, label in AccountKind.choices
    ]


@finance_required
def index(request: HttpRequest) -> HttpResponse:
    number = (request.GET.get("order") or "").strip()
    if number:
        order = Order.objects.filter(number__iexact=number[:30]).first()
        if order is not None:
            return redirect("sellercentre:finance_order", number=order.number)
    return render(
        request,
        "ledger/index.html",
        {
            "month": _month(request),
            "trial_balance": ledger_trial_balance(),
            "balances": _balances(),
            "not_found": number,
        },
    )


@finance_required
def gstr8(request: HttpRequest) -> HttpResponse:
    month = _month(request)
    statement = reports.gstr8_statement(month)
    if request.GET.get("format") == "csv":
        header = [
            "section", "supplier_gstin_or_enrolment", "supplier", "gross_taxable_value",
            "returns", "net_taxable_value", "tcs_cgst", "tcs_sgst", "tcs_igst",
        ]  # fmt: skip
        rows = [
            ["registered", r["vendor_gstin"], r["vendor__name_en"], rupees(r["gross_paise"]),
             rupees(r["returns_paise"]), rupees(r["net_paise"]), rupees(r["tcs_cgst_paise"]),
             rupees(r["tcs_sgst_paise"]), rupees(r["tcs_igst_paise"])]
            for r in statement.registered
        ] + [
            ["unregistered", r["enrolment_number"], r["vendor__name_en"],
             rupees(r["gross_paise"]), rupees(r["returns_paise"]), rupees(r["net_paise"]),
             "0.00", "0.00", "0.00"]
            for r in statement.unregistered
        ]  # fmt: skip
        return _csv(f"gstr8-{month}.csv", header, rows)
    return render(request, "ledger/gstr8.html", {"month": month, "statement": statement})


@finance_required
def tds(request: HttpRequest) -> HttpResponse:
    month = _month(request)
    rows, totals = reports.tds_statement(month)
    if request.GET.get("format") == "csv":
        header = ["pan", "vendor", "amount", "rate_percent", "tds", "section"]
        body = [
            [r["vendor_pan"] or "PANNOTAVBL", r["vendor__name_en"], rupees(r["base_paise"]),
             f"{r['tds_rate_bp'] / 100:g}", rupees(r["tds_paise"]),
             r["tds_rate__legal_reference"]]
            for r in rows
        ]  # fmt: skip
        return _csv(f"tds-194o-{month}.csv", header, body)
    return render(request, "ledger/tds.html", {"month": month, "rows": rows, "totals": totals})


@finance_required
def sales_register(request: HttpRequest) -> HttpResponse:
    month = _month(request)
    rows = reports.sales_register(month)
    if request.GET.get("format") == "csv":
        header = list(reports.REGISTER_COLUMNS)

        def body() -> Iterable[list[Any]]:
            # In pages, so a month of a million lines never sits in memory at once.
            paginator = Paginator(rows, 2000)
            for number in paginator.page_range:
                for row in reports.register_rows(paginator.page(number).object_list):
                    yield [
                        row["placed_at"].date().isoformat(), row["line"],
                        row["seller_order_number"], row["invoice_number"], row["vendor_gstin"],
                        row["hsn"], row["description"], row["quantity"],
                        rupees(row["taxable_paise"]), f"{row['rate_bp'] / 100:g}",
                        rupees(row["cgst_paise"]), rupees(row["sgst_paise"]),
                        rupees(row["igst_paise"]), rupees(row["total_paise"]),
                        row["place_code"], row["place_name"],
                    ]  # fmt: skip

        return _csv(f"sales-register-{month}.csv", header, body())
    page = Paginator(rows, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "ledger/sales_register.html",
        {
            "month": month,
            "page": page,
            "rows": reports.register_rows(page.object_list),
            "totals": reports.sales_register_totals(month),
        },
    )


@finance_required
def order_trace(request: HttpRequest, number: str) -> HttpResponse:
    order = get_object_or_404(Order, number=number)
    entries = list(ledger_order_entries(order))
    return render(
        request,
        "ledger/order_trace.html",
        {
            "order": order,
            "entries": entries,
            "held": ledger_order_receipts_held(order),
            "entries_total": sum(p.amount_paise for e in entries for p in e.postings.all()),
            "trial_balance": ledger_trial_balance(),
            "title": _("Ledger trace"),
        },
    )
