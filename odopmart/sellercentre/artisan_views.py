"""The artisan's own page: their items as big photo cards with the number ready to sell, and
− / + buttons that each send one small form (no JavaScript needed).

Only the artisan signed in with their own phone (`Artisan.user`) sees it; anything else answers
404. Stock changes go through the catalogue's `variant_set_stock`.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods, require_safe

from odopmart.catalog.forms import forms_add_issues
from odopmart.catalog.listing_issues import ListingError
from odopmart.catalog.listing_services import MAX_STOCK, variant_set_stock
from odopmart.catalog.seller_selectors import artisan_items, artisan_variant
from odopmart.fulfilment.selectors import readiness_open_for_artisan
from odopmart.sellercentre.artisan_forms import StockCountForm
from odopmart.sellercentre.order_views import artisan_items_to_keep_ready
from odopmart.sellers.access import artisan_for_user
from odopmart.sellers.models import Artisan

ITEMS_PER_PAGE = 20
# Paid items shown under "Orders to keep ready" (the oldest first; the rest are counted).
ORDERS_SHOWN = 20


def _own_artisan(request: HttpRequest) -> Artisan:
    artisan = artisan_for_user(request.user)
    if artisan is None:
        raise Http404
    return artisan


def _page_number(value: object) -> int | None:
    text = str(value or "")
    return int(text) if text.isdigit() and 0 < len(text) < 7 and int(text) > 0 else None


def _home_url(*, page: int | None, changed: int | None, product_id: int | None) -> str:
    query = {
        key: value for key, value in (("page", page), ("changed", changed)) if value is not None
    }
    url = reverse("sellercentre:artisan_home")
    if query:
        url += f"?{urlencode(query)}"
    return f"{url}#item-{product_id}" if product_id else url


@login_required
@require_safe
def artisan_home(request: HttpRequest) -> HttpResponse:
    artisan = _own_artisan(request)
    page = Paginator(artisan_items(artisan=artisan), ITEMS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    changed = request.GET.get("changed", "")
    to_keep_ready = artisan_items_to_keep_ready(artisan.pk)
    shown = list(to_keep_ready[:ORDERS_SHOWN])
    # The same three answers as the phone call and the SMS link, per order.
    readiness = list(readiness_open_for_artisan(artisan)[:ORDERS_SHOWN])
    return render(
        request,
        "sellercentre/artisan/home.html",
        {
            "artisan": artisan,
            "vendor": artisan.vendor,
            "page": page,
            "changed": int(changed) if changed.isdigit() else None,
            "max_stock": MAX_STOCK,
            "to_keep_ready": shown,
            "readiness_requests": readiness,
            # Counted only when there are more than are shown (one query in the usual case).
            "to_keep_ready_count": to_keep_ready.count()
            if len(shown) == ORDERS_SHOWN
            else len(shown),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def artisan_stock(request: HttpRequest, variant_id: int) -> HttpResponse:
    """GET: type the number. POST (this form, or a − / + button): save it and go back."""
    artisan = _own_artisan(request)
    variant = artisan_variant(artisan=artisan, variant_id=variant_id)
    if variant is None:
        raise Http404
    page = _page_number(request.POST.get("page") or request.GET.get("page"))
    status = 200
    if request.method == "POST":
        form = StockCountForm(request.POST)
        if form.is_valid():
            try:
                variant_set_stock(
                    actor=request.user, variant_id=variant.pk, stock=form.cleaned_data["stock"]
                )
            except ListingError as error:
                forms_add_issues(form, error)
            else:
                return redirect(
                    _home_url(page=page, changed=variant.pk, product_id=variant.product_id)
                )
        status = 400
    else:
        form = StockCountForm(initial={"stock": variant.stock})
    context: dict[str, Any] = {
        "artisan": artisan,
        "variant": variant,
        "product": variant.product,
        "form": form,
        "page_number": page,
        "back_url": _home_url(page=page, changed=None, product_id=variant.product_id),
    }
    return render(request, "sellercentre/artisan/stock.html", context, status=status)
