"""The seller's side of the app: their vendors, listings with stock, artisans; setting stock.

Every endpoint needs ``Authorization: Bearer <token>`` (401 without). A vendor's members see its
listings and artisans; an artisan signed in with their own phone sees their own items and may set
their stock. Anything else answers 404 exactly as an unknown id does, so ids cannot be probed.
"""

from __future__ import annotations

import math
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Path, Query, Router, Status

from odopmart.accounts.api_auth import TokenAuth
from odopmart.api.errors import ErrorOut, ValidationErrorOut
from odopmart.api.language import LanguageCode, with_language
from odopmart.api.links import page_links
from odopmart.api.v1.schemas.seller import (
    MAX_ID,
    SellerArtisanListIn,
    SellerArtisanListOut,
    SellerListingDetailOut,
    SellerListingListIn,
    SellerListingListOut,
    SellerVendorOut,
    VariantStockIn,
    VariantStockOut,
)
from odopmart.catalog import listing_services, seller_selectors
from odopmart.catalog.listing_issues import ListingError
from odopmart.catalog.models import Product
from odopmart.sellers.access import vendor_memberships

router = Router(tags=["seller"], auth=TokenAuth())
router.add_decorator(with_language, mode="view")

ERRORS = {401: ErrorOut, 422: ValidationErrorOut}
ERRORS_AND_NOT_FOUND = {**ERRORS, 404: ErrorOut}


def _page(
    request: HttpRequest, items: QuerySet[Any], *, page: int, page_size: int | None
) -> dict[str, Any]:
    size = page_size or settings.ODOPMART["API_PAGE_SIZE"]
    count = items.count()
    pages = max(1, math.ceil(count / size))
    start = (page - 1) * size
    results = list(items[start : start + size]) if start < count else []
    next_url, previous_url = page_links(request, page=page, pages=pages)
    return {
        "count": count,
        "page": page,
        "pages": pages,
        "page_size": size,
        "next": next_url,
        "previous": previous_url,
        "results": results,
    }


def _own_vendor(request: HttpRequest, vendor_id: int | None) -> int | None:
    """The vendor filter if the user may see that vendor's things; 404 otherwise."""
    if vendor_id is not None and vendor_id not in seller_selectors.seller_vendor_ids(
        user=request.auth  # type: ignore[attr-defined]
    ):
        raise Http404
    return vendor_id


@router.get("/seller/vendors", response={200: list[SellerVendorOut], **ERRORS})
def seller_vendor_list(request: HttpRequest, lang: LanguageCode | None = None) -> list[Any]:
    """The vendors the user is a member of (owner or staff), with their approval status."""
    return [
        {
            "id": membership.vendor.pk,
            "slug": membership.vendor.slug,
            "name": membership.vendor.name,
            "name_en": membership.vendor.name_en,
            "name_hi": membership.vendor.name_hi,
            "gstin": membership.vendor.gstin,
            "status": membership.vendor.status,
            "status_label": str(membership.vendor.get_status_display()),
            "role": membership.role,
        }
        for membership in vendor_memberships(request.auth)  # type: ignore[attr-defined]
    ]


@router.get("/seller/listings", response={200: SellerListingListOut, **ERRORS_AND_NOT_FOUND})
def seller_listing_list(request: HttpRequest, params: Query[SellerListingListIn]) -> dict[str, Any]:
    """The user's listings, newest first, with every option's price and stock: their vendors'
    listings, and an artisan's own items. `vendor` must be one of the user's (else 404)."""
    products = seller_selectors.seller_products(
        user=request.auth,  # type: ignore[attr-defined]
        vendor_id=_own_vendor(request, params.vendor),
        status=params.status or "",
    )
    return _page(request, products, page=params.page, page_size=params.page_size)


@router.get(
    "/seller/listings/{listing_id}", response={200: SellerListingDetailOut, **ERRORS_AND_NOT_FOUND}
)
def seller_listing_detail(
    request: HttpRequest, listing_id: Path[int], lang: LanguageCode | None = None
) -> Product:
    """One of the user's listings with its words, tax, photos and options."""
    product = (
        seller_selectors.seller_product_detail(
            user=request.auth,  # type: ignore[attr-defined]
            product_id=listing_id,
        )
        if 1 <= listing_id <= MAX_ID
        else None
    )
    if product is None:
        raise Http404
    return product


@router.patch(
    "/seller/variants/{variant_id}/stock", response={200: VariantStockOut, **ERRORS_AND_NOT_FOUND}
)
def variant_set_stock(
    request: HttpRequest,
    variant_id: Path[int],
    payload: VariantStockIn,
    lang: LanguageCode | None = None,
) -> Any:
    """Set how many of an option are in stock. Members set their vendors' stock, an artisan
    the stock of their own items. Needs no review; the listing's in-stock flag follows."""
    user = request.auth  # type: ignore[attr-defined]
    variant = (
        seller_selectors.seller_variant(user=user, variant_id=variant_id)
        if 1 <= variant_id <= MAX_ID
        else None
    )
    if variant is None:
        raise Http404
    try:
        return listing_services.variant_set_stock(
            actor=user, variant_id=variant.pk, stock=payload.stock
        )
    except ListingError as error:
        detail = [
            {"loc": ["body", "payload", "stock"], "msg": issue.message, "type": issue.code}
            for issue in error.issues
        ]
        return Status(422, {"code": "validation_error", "detail": detail})


@router.get("/seller/artisans", response={200: SellerArtisanListOut, **ERRORS_AND_NOT_FOUND})
def seller_artisan_list(request: HttpRequest, params: Query[SellerArtisanListIn]) -> dict[str, Any]:
    """The artisans of the user's vendors (or, for an artisan, themself), by name. `vendor` must
    be one of the user's (else 404)."""
    artisans = seller_selectors.seller_artisans(
        user=request.auth,  # type: ignore[attr-defined]
        vendor_id=_own_vendor(request, params.vendor),
    )
    return _page(request, artisans, page=params.page, page_size=params.page_size)
