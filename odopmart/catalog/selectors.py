"""Read paths of the catalogue, shared by the storefront and the API (they own query shape)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import QuerySet

from odopmart.catalog.models import Product


class Sort:
    RELEVANCE = "relevance"
    NEWEST = "newest"
    PRICE_LOW = "price_asc"
    PRICE_HIGH = "price_desc"
    CHOICES = (RELEVANCE, NEWEST, PRICE_LOW, PRICE_HIGH)


# How many ranked search hits are considered before filters and pagination apply.
SEARCH_RESULT_LIMIT = 1000


@dataclass(frozen=True)
class ProductFilters:
    query: str = ""
    district: str = ""  # district slug
    category: str = ""  # category slug
    odop_product: str = ""  # ODOP product slug
    min_price_paise: int | None = None
    max_price_paise: int | None = None
    in_stock: bool = False
    sort: str = ""


@dataclass
class ProductPage:
    items: list[Product]
    total: int
    page: int
    page_size: int
    filters: ProductFilters
    facets: dict[str, object] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


def product_cards() -> QuerySet[Product]:
    """Visible products with what a product card shows, in one query."""
    return (
        Product.objects.visible()
        .select_related("district", "category", "odop_product", "artisan")
        .only(
            "id",
            "slug",
            "name_en",
            "name_hi",
            "price_paise",
            "mrp_paise",
            "in_stock",
            "thumbnail",
            "status",
            "district__slug",
            "district__name_en",
            "district__name_hi",
            "category__slug",
            "category__name_en",
            "category__name_hi",
            "odop_product__slug",
            "odop_product__name_en",
            "odop_product__name_hi",
            "artisan__name_en",
            "artisan__name_hi",
            "artisan__town",
        )
    )


def _filtered(filters: ProductFilters) -> QuerySet[Product]:
    queryset = product_cards()
    if filters.district:
        queryset = queryset.filter(district__slug=filters.district)
    if filters.category:
        queryset = queryset.filter(category__slug=filters.category)
    if filters.odop_product:
        queryset = queryset.filter(odop_product__slug=filters.odop_product)
    if filters.min_price_paise is not None:
        queryset = queryset.filter(price_paise__gte=filters.min_price_paise)
    if filters.max_price_paise is not None:
        queryset = queryset.filter(price_paise__lte=filters.max_price_paise)
    if filters.in_stock:
        queryset = queryset.filter(in_stock=True)
    return queryset


_ORDERING = {
    Sort.NEWEST: ("-id",),
    Sort.PRICE_LOW: ("price_paise", "-id"),
    Sort.PRICE_HIGH: ("-price_paise", "-id"),
}


def product_list(
    filters: ProductFilters, *, page: int = 1, page_size: int | None = None
) -> ProductPage:
    """Filter, rank (when there is a query), sort and paginate products."""
    from odopmart.search.services import search_ranked_ids

    page_size = page_size or settings.ODOPMART["STOREFRONT_PAGE_SIZE"]
    page = max(1, page)
    queryset = _filtered(filters)
    offset = (page - 1) * page_size

    if filters.query.strip():
        ranked_ids = search_ranked_ids(filters.query, limit=SEARCH_RESULT_LIMIT)
        if filters.sort in _ORDERING:
            queryset = queryset.filter(pk__in=ranked_ids).order_by(*_ORDERING[filters.sort])
        else:
            # Relevance: apply the filters to the ranked ids, keep the ranking order.
            allowed = set(queryset.filter(pk__in=ranked_ids).values_list("pk", flat=True))
            ordered = [pk for pk in ranked_ids if pk in allowed]
            window = ordered[offset : offset + page_size]
            by_id = queryset.in_bulk(window)
            items = [by_id[pk] for pk in window if pk in by_id]
            return ProductPage(items, len(ordered), page, page_size, filters)
    else:
        queryset = queryset.order_by(*_ORDERING.get(filters.sort, _ORDERING[Sort.NEWEST]))

    total = queryset.count()
    items = list(queryset[offset : offset + page_size])
    return ProductPage(items, total, page, page_size, filters)
