"""Read paths behind the API that the domain selectors do not offer: districts with their ODOP
registry rows, categories, and one product with everything its detail shows."""

from __future__ import annotations

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from odopmart.catalog.models import Category, HsnCode, Product, ProductImage, Variant
from odopmart.odop.models import OdopProduct
from odopmart.regions.models import District

_ODOP_SUMMARY_FIELDS = ("id", "district_id", "slug", "name_en", "name_hi", "rank")


def district_list() -> QuerySet[District]:
    """Every district with its state and a summary of its ODOP products (two queries)."""
    odop_summaries = OdopProduct.objects.only(*_ODOP_SUMMARY_FIELDS).order_by("rank", "name_en")
    return (
        District.objects.select_related("state")
        .prefetch_related(Prefetch("odop_products", queryset=odop_summaries))
        .order_by("name_en")
    )


def district_get(slug: str) -> District | None:
    """One district with its state and full ODOP registry rows (two queries)."""
    registry = OdopProduct.objects.order_by("rank", "name_en")
    return (
        District.objects.select_related("state")
        .prefetch_related(Prefetch("odop_products", queryset=registry))
        .filter(slug=slug)
        .first()
    )


def category_list() -> QuerySet[Category]:
    return Category.objects.order_by("position", "name_en")


def product_detail_get(product_id: int) -> Product | None:
    """A product buyers may see, with everything its detail shows, or None (three queries)."""
    hsn_description = HsnCode.objects.filter(code=OuterRef("hsn_code")).values("description")[:1]
    return (
        Product.objects.visible()
        .filter(pk=product_id)
        .select_related(
            "category", "district__state", "odop_product", "artisan__district", "vendor__state"
        )
        .annotate(hsn_description=Subquery(hsn_description))
        .prefetch_related(
            Prefetch(
                "variants",
                queryset=Variant.objects.filter(is_active=True).order_by("position", "id"),
            ),
            Prefetch("images", queryset=ProductImage.objects.order_by("position", "id")),
        )
        .first()
    )
