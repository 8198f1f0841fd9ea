"""Document pages: the seller centre's list (/seller/invoices/) and PDF downloads.

A vendor's members see that vendor's documents; finance staff, moderators and operator admins
see all; a buyer downloads the documents of their own order (a guest with the order's access
token). Anything else is a 404, so ids cannot be probed.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from odopmart.invoicing.models import CreditNote, TaxInvoice
from odopmart.invoicing.pdf import document_pdf
from odopmart.invoicing.selectors import (
    COMMISSION,
    CREDIT_NOTE,
    INVOICE,
    documents_for_user,
    is_invoice_staff,
    vendor_ids_for,
)
from odopmart.orders.access import order_for_buyer

KINDS = (INVOICE, CREDIT_NOTE, COMMISSION)


def _pdf_response(doc: Any, request: HttpRequest) -> HttpResponse:
    response = HttpResponse(document_pdf(doc), content_type="application/pdf")
    name = doc.number.replace("/", "-")
    disposition = "attachment" if request.GET.get("download") else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{name}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def invoice_list(request: HttpRequest) -> HttpResponse:
    staff = is_invoice_staff(request.user)
    if not staff and not vendor_ids_for(request.user):
        raise Http404
    kind = request.GET.get("type") or INVOICE
    if kind not in KINDS:
        kind = INVOICE
    documents = documents_for_user(request.user, kind).order_by("-issued_on", "-pk")
    query = (request.GET.get("q") or "").strip()[:30]
    if query:
        documents = documents.filter(number__icontains=query)
    page = Paginator(documents, 50).get_page(request.GET.get("page"))
    tabs = [
        (INVOICE, _("Tax invoices and bills of supply")),
        (CREDIT_NOTE, _("Credit notes")),
        (COMMISSION, _("Commission invoices")),
    ]
    return render(
        request,
        "invoicing/list.html",
        {"kind": kind, "tabs": tabs, "page": page, "query": query, "staff": staff},
    )


@login_required
def document_download(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    if kind not in KINDS:
        raise Http404
    doc = documents_for_user(request.user, kind).filter(pk=pk).first()
    if doc is None:
        raise Http404
    return _pdf_response(doc, request)


def buyer_document_download(request: HttpRequest, number: str, kind: str, pk: int) -> HttpResponse:
    """The buyer's own invoice or credit note (a guest: ?t=<the order's access token>)."""
    order = order_for_buyer(request.user, number, access_token=request.GET.get("t"))
    if kind == INVOICE:
        doc = TaxInvoice.objects.filter(pk=pk, seller_order__order=order).first()
    elif kind == CREDIT_NOTE:
        doc = CreditNote.objects.filter(pk=pk, invoice__seller_order__order=order).first()
    else:
        doc = None
    if doc is None:
        raise Http404
    return _pdf_response(doc, request)
