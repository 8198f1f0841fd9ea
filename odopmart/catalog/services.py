"""Write paths of the catalogue. Views, the API, the admin and the demo generator call these."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Case, Count, Exists, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce

from odopmart.catalog.models import Category, Product, ProductImage, Variant
from odopmart.core.cache_generation import CATALOGUE, cache_generation_bump
from odopmart.odop.models import OdopProduct
from odopmart.regions.models import District


def product_refresh_summary(product: Product) -> Product:
    """Recompute the denormalised card fields (lowest price, MRP, stock flag, thumbnail)."""
    variants = [v for v in product.variants.all() if v.is_active]
    # The card shows the lowest price a buyer can actually order; out-of-stock only if all are.
    cheapest = min(
        variants, key=lambda v: (v.stock <= 0, v.price_paise, v.position), default=None
    )
    first_image = product.images.order_by("position", "id").first()
    product.price_paise = cheapest.price_paise if cheapest else 0
    product.mrp_paise = cheapest.mrp_paise if cheapest else 0
    product.in_stock = any(v.stock > 0 for v in variants)
    product.thumbnail = first_image.thumbnail if first_image else ""
    product.save(update_fields=["price_paise", "mrp_paise", "in_stock", "thumbnail", "updated_at"])
    return product


def products_refresh_summaries(product_ids: Iterable[int]) -> None:
    """Bulk form of product_refresh_summary, for imports and the demo generator."""
    ids = list(product_ids)
    cheapest = Variant.objects.filter(product=OuterRef("pk"), is_active=True).order_by(
        Case(When(stock__gt=0, then=Value(0)), default=Value(1)), "price_paise", "position"
    )
    in_stock = Variant.objects.filter(product=OuterRef("pk"), is_active=True, stock__gt=0)
    first_image = ProductImage.objects.filter(product=OuterRef("pk")).order_by("position", "id")
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        Product.objects.filter(pk__in=chunk).update(
            price_paise=Coalesce(Subquery(cheapest.values("price_paise")[:1]), Value(0)),
            mrp_paise=Coalesce(Subquery(cheapest.values("mrp_paise")[:1]), Value(0)),
            in_stock=Exists(in_stock),
            thumbnail=Coalesce(Subquery(first_image.values("thumbnail")[:1]), Value("")),
        )
    # Bulk updates send no signals: tell cached pages directly.
    cache_generation_bump(CATALOGUE)


@transaction.atomic
def catalogue_refresh_counts() -> None:
    """Refresh visible-product counts shown on district, category and ODOP product tiles."""
    visible = Product.objects.visible()
    for model, field in (
        (District, "district"),
        (Category, "category"),
        (OdopProduct, "odop_product"),
    ):
        counts = dict(visible.values(field).annotate(n=Count("id")).values_list(field, "n"))
        rows = list(model.objects.only("id", "product_count"))
        for row in rows:
            row.product_count = counts.get(row.pk, 0)
        model.objects.bulk_update(rows, ["product_count"], batch_size=500)
    cache_generation_bump(CATALOGUE)
