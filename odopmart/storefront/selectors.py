"""Read paths the storefront needs beyond `catalog.selectors` (which owns the product list).

Small reference lists (categories, districts) change rarely and appear on every page, so they are
cached; the cache is emptied by `reference_cache_clear()` and expires after a few minutes anyway.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Max, Prefetch, Q

from odopmart.catalog.models import Category, Product, ProductImage, Variant
from odopmart.catalog.selectors import product_cards
from odopmart.odop.models import OdopProduct
from odopmart.regions.models import District

REFERENCE_CACHE_SECONDS = 300
_CATEGORIES_KEY = "storefront:categories:v1"
_DISTRICTS_KEY = "storefront:districts:v1"
_FEATURED_KEY = "storefront:featured:v1"
# Fewer than this many in stock and the product page says "Only N left".
LOW_STOCK = 5


def reference_cache_clear() -> None:
    cache.delete_many([_CATEGORIES_KEY, _DISTRICTS_KEY, _FEATURED_KEY])


def categories() -> list[Category]:
    """All categories in shop order (for the nav, the home page and filter choices)."""
    rows = cache.get(_CATEGORIES_KEY)
    if rows is None:
        rows = list(
            Category.objects.only(
                "id", "slug", "name_en", "name_hi", "icon", "position", "product_count"
            )
        )
        cache.set(_CATEGORIES_KEY, rows, REFERENCE_CACHE_SECONDS)
    return rows


def districts() -> list[District]:
    """All districts with their signature craft and product count, by English name."""
    rows = cache.get(_DISTRICTS_KEY)
    if rows is None:
        rows = list(
            District.objects.only(
                "id", "slug", "name_en", "name_hi", "headline_en", "headline_hi", "product_count"
            ).order_by("name_en")
        )
        cache.set(_DISTRICTS_KEY, rows, REFERENCE_CACHE_SECONDS)
    return rows


def districts_sorted(query: str = "") -> list[District]:
    """Districts in the page language's alphabetical order, optionally matching a name."""
    needle = query.strip().casefold()
    rows = districts()
    if needle:
        rows = [
            d
            for d in rows
            if needle in d.name_en.casefold()
            or needle in d.name_hi
            or needle in d.headline_en.casefold()
            or needle in d.headline_hi
        ]
    return sorted(rows, key=lambda d: d.name.casefold())


@dataclass(frozen=True)
class DistrictGroup:
    initial: str
    districts: list[District]


def district_groups(rows: list[District]) -> list[DistrictGroup]:
    """Group an alphabetical list by the first letter of the name shown."""
    groups: list[DistrictGroup] = []
    for district in rows:
        initial = district.name[:1].upper()
        if not groups or groups[-1].initial != initial:
            groups.append(DistrictGroup(initial, []))
        groups[-1].districts.append(district)
    return groups


def district_get(slug: str) -> District | None:
    return District.objects.select_related("state").filter(slug=slug).first()


def district_odop_products(district: District) -> list[OdopProduct]:
    """The district's ODOP products, primary first."""
    rank_order = {"primary": 0, "secondary": 1, "tertiary": 2}
    rows = list(
        OdopProduct.objects.filter(district=district).only(
            "id",
            "slug",
            "name_en",
            "name_hi",
            "rank",
            "gi_tag",
            "sector",
            "product_count",
            "district_id",
        )
    )
    return sorted(rows, key=lambda o: (rank_order.get(o.rank, 9), o.name_en))


def category_get(slug: str) -> Category | None:
    for category in categories():
        if category.slug == slug:
            return category
    return None


def odop_product_get(slug: str) -> OdopProduct | None:
    return OdopProduct.objects.select_related("district").filter(slug=slug).first()


def featured_products(limit: int = 8) -> list[Product]:
    """Recent in-stock products with a photo, from different districts and crafts.

    Takes the newest such product of every district, then keeps the first of each craft, so the
    home page shows a spread of places and crafts rather than one district's latest batch. The
    choice (a scan of the catalogue) is cached; the cards themselves are one query.
    """
    ids = cache.get(_FEATURED_KEY)
    if ids is None:
        ids = _featured_ids(limit)
        cache.set(_FEATURED_KEY, ids, REFERENCE_CACHE_SECONDS)
    if not ids:
        return []
    by_id = product_cards().in_bulk(ids)
    return [by_id[pk] for pk in ids if pk in by_id]


def _featured_ids(limit: int) -> list[int]:
    candidates = (
        Product.objects.visible()
        .filter(in_stock=True)
        .exclude(thumbnail="")
        .values("district")
        .annotate(newest=Max("id"))
        .values_list("newest", flat=True)
    )
    rows = (
        Product.objects.filter(pk__in=list(candidates))
        .order_by("-pk")
        .values_list("pk", "category_id")
    )
    ids: list[int] = []
    crafts_seen: set[int] = set()
    for pk, category_id in rows:
        if category_id not in crafts_seen:
            crafts_seen.add(category_id)
            ids.append(pk)
        if len(ids) == limit:
            break
    return ids


def product_detail(pk: int) -> Product | None:
    """A visible product with everything its page shows, in three queries."""
    return (
        Product.objects.visible()
        .filter(pk=pk)
        .select_related(
            "district", "category", "odop_product", "artisan__district", "vendor__state"
        )
        .prefetch_related(
            Prefetch("variants", queryset=Variant.objects.filter(is_active=True)),
            Prefetch("images", queryset=ProductImage.objects.exclude(medium="", thumbnail="")),
        )
        .first()
    )


def variant_choose(product: Product, requested: str | None) -> Variant | None:
    """The variant asked for in `?variant=`, else the cheapest in stock, else the first."""
    variants = list(product.variants.all())
    if not variants:
        return None
    if requested and str(requested).isdigit():
        for variant in variants:
            if variant.pk == int(requested):
                return variant
    in_stock = [v for v in variants if v.stock > 0]
    return min(in_stock or variants, key=lambda v: (v.price_paise, v.position, v.pk))


def stock_state(variant: Variant | None) -> str:
    """'out', 'low' or 'in', for the stock line of the product page."""
    if variant is None or variant.stock <= 0:
        return "out"
    return "low" if variant.stock <= LOW_STOCK else "in"


def search_suggestions_districts(query: str, limit: int = 4) -> list[District]:
    """Districts whose name matches a search, shown above the results."""
    needle = query.strip().casefold()
    if len(needle) < 3:
        return []
    return [d for d in districts() if needle in d.name_en.casefold() or needle in d.name_hi][:limit]


def odop_products_matching(query: str, limit: int = 4) -> list[OdopProduct]:
    """ODOP products whose name matches a search, shown above the results."""
    needle = query.strip()
    if len(needle) < 3:
        return []
    return list(
        OdopProduct.objects.select_related("district")
        .filter(Q(name_en__icontains=needle) | Q(name_hi__icontains=needle))
        .only("slug", "name_en", "name_hi", "gi_tag", "district__name_en", "district__name_hi")
        .order_by("-product_count")[:limit]
    )
