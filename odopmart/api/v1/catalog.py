"""Categories and products."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest
from ninja import Path, Query, Router
from ninja.decorators import decorate_view

from odopmart.api import selectors
from odopmart.api.caching import public_cache
from odopmart.api.errors import NOT_FOUND_RESPONSES, VALIDATION_RESPONSES
from odopmart.api.language import LanguageCode, with_language
from odopmart.api.links import page_links
from odopmart.api.v1.schemas.catalog import (
    CategoryListOut,
    ProductDetailOut,
    ProductListIn,
    ProductListOut,
)
from odopmart.catalog import selectors as catalog_selectors
from odopmart.catalog.models import Category, Product

router = Router(tags=["catalogue"])
router.add_decorator(with_language, mode="view")

# Ids are 64-bit database integers; larger numbers are simply not found.
MAX_ID = 2**63 - 1


@router.get("/categories", response={200: list[CategoryListOut], **VALIDATION_RESPONSES})
@decorate_view(public_cache)
def category_list(request: HttpRequest, lang: LanguageCode | None = None) -> list[Category]:
    """All categories in display order, with their visible product counts."""
    return list(selectors.category_list())


@router.get("/products", response={200: ProductListOut, **VALIDATION_RESPONSES})
@decorate_view(public_cache)
def product_list(request: HttpRequest, params: Query[ProductListIn]) -> dict[str, Any]:
    """Products on sale: search, filter, sort and paginate."""
    filters = catalog_selectors.ProductFilters(
        query=params.q,
        district=params.district,
        category=params.category,
        odop_product=params.odop_product,
        min_price_paise=params.min_price,
        max_price_paise=params.max_price,
        in_stock=params.in_stock,
        sort=params.sort or "",
    )
    page_size = params.page_size or settings.ODOPMART["API_PAGE_SIZE"]
    page = catalog_selectors.product_list(filters, page=params.page, page_size=page_size)
    next_url, previous_url = page_links(request, page=page.page, pages=page.pages)
    return {
        "count": page.total,
        "page": page.page,
        "pages": page.pages,
        "page_size": page.page_size,
        "next": next_url,
        "previous": previous_url,
        "results": page.items,
    }


@router.get("/products/{product_id}", response={200: ProductDetailOut, **NOT_FOUND_RESPONSES})
def product_detail(
    request: HttpRequest,
    product_id: Path[int],
    lang: LanguageCode | None = None,
) -> Product:
    """Everything about one product on sale: variants, images, origin, maker and seller."""
    if not 1 <= product_id <= MAX_ID:
        raise Http404
    product = selectors.product_detail_get(product_id)
    if product is None:
        raise Http404
    return product
