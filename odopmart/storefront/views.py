"""Storefront pages. Views read the request, call selectors and render; nothing else."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from odopmart.catalog.selectors import ProductPage, product_list
from odopmart.core.money import tax_inclusive_split
from odopmart.storefront import selectors
from odopmart.storefront.caching import cache_anonymous_page
from odopmart.storefront.disclosures import product_disclosures
from odopmart.storefront.forms import QUERY_MAX_LENGTH, ProductFilterForm, page_number


def _filter_form(request: HttpRequest, *, fixed: tuple[str, ...] = ()) -> ProductFilterForm:
    form = ProductFilterForm(
        request.GET,
        districts=[(d.slug, d.name) for d in selectors.districts_sorted()],
        categories=[(c.slug, c.name) for c in selectors.categories()],
        fixed=fixed,
    )
    form.is_valid()
    return form


def _listing(
    request: HttpRequest, *, fixed: tuple[str, ...] = (), **scope: str
) -> tuple[ProductFilterForm, ProductPage]:
    """The filter form and the page of products for a listing limited to `scope`."""
    form = _filter_form(request, fixed=fixed)
    results = product_list(form.filters(**scope), page=page_number(request.GET.get("page")))
    return form, results


@require_safe
@cache_anonymous_page
def home(request: HttpRequest) -> HttpResponse:
    rows = selectors.districts_sorted()
    return render(
        request,
        "storefront/home.html",
        {
            "districts": rows,
            "categories": selectors.categories(),
            "featured": selectors.featured_products(),
        },
    )


@require_safe
@cache_anonymous_page
def districts(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:QUERY_MAX_LENGTH]
    rows = selectors.districts_sorted(query)
    return render(
        request,
        "storefront/districts.html",
        {"groups": selectors.district_groups(rows), "query": query, "count": len(rows)},
    )


@require_safe
@cache_anonymous_page
def categories(request: HttpRequest) -> HttpResponse:
    return render(request, "storefront/categories.html", {"categories": selectors.categories()})


@require_safe
@cache_anonymous_page
def district(request: HttpRequest, slug: str) -> HttpResponse:
    place = selectors.district_get(slug)
    if place is None:
        raise Http404(_("No such district."))
    form, results = _listing(request, fixed=("district",), district=place.slug)
    return render(
        request,
        "storefront/district.html",
        {
            "district": place,
            "odop_products": selectors.district_odop_products(place),
            "form": form,
            "results": results,
        },
    )


@require_safe
@cache_anonymous_page
def category(request: HttpRequest, slug: str) -> HttpResponse:
    craft = selectors.category_get(slug)
    if craft is None:
        raise Http404(_("No such craft."))
    form, results = _listing(request, fixed=("category",), category=craft.slug)
    return render(
        request,
        "storefront/category.html",
        {"category": craft, "form": form, "results": results},
    )


@require_safe
@cache_anonymous_page
def odop_product(request: HttpRequest, slug: str) -> HttpResponse:
    odop = selectors.odop_product_get(slug)
    if odop is None:
        raise Http404(_("No such ODOP product."))
    form, results = _listing(request, fixed=("district",), odop_product=odop.slug)
    return render(
        request,
        "storefront/odop_product.html",
        {"odop": odop, "form": form, "results": results},
    )


@require_safe
@cache_anonymous_page
def search(request: HttpRequest) -> HttpResponse:
    """Search results when there is a query, otherwise every product (newest first)."""
    form, results = _listing(request)
    query = results.filters.query
    return render(
        request,
        "storefront/search.html",
        {
            "form": form,
            "results": results,
            "query": query,
            "matching_districts": selectors.search_suggestions_districts(query),
            "matching_odop": selectors.odop_products_matching(query) if query else [],
        },
    )


@require_safe
@cache_anonymous_page
def product(request: HttpRequest, pk: int, slug: str = "") -> HttpResponse:
    item = selectors.product_detail(pk)
    if item is None:
        raise Http404(_("No such product."))
    if slug != item.slug:
        query = request.META.get("QUERY_STRING", "")
        url = item.get_absolute_url() + (f"?{query}" if query else "")
        return HttpResponseRedirect(url, status=301)
    variant = selectors.variant_choose(item, request.GET.get("variant"))
    price = variant.price_paise if variant else item.price_paise
    mrp = variant.mrp_paise if variant else item.mrp_paise
    taxable, tax = tax_inclusive_split(price, item.gst_rate_bp)
    images = list(item.images.all())
    return render(
        request,
        "storefront/product.html",
        {
            "product": item,
            "variants": list(item.variants.all()),
            "variant": variant,
            "price": price,
            "mrp": mrp,
            "tax": tax,
            "stock": selectors.stock_state(variant),
            "images": images,
            "main_image": images[0] if images else None,
            "disclosures": product_disclosures(item, variant),
        },
    )


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "storefront/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """A static page: no database, no context processors (the fault may be in either)."""
    template = loader.get_template("storefront/500.html")
    return HttpResponse(template.render({"STATIC_URL": settings.STATIC_URL}), status=500)
