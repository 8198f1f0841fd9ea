"""Cache invalidation (the only work done in signal receivers): when anything a storefront page
shows changes, cached pages and reference lists start a new generation."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save

from odopmart.core.cache_generation import CATALOGUE, cache_generation_bump


def catalogue_changed(sender: type, **kwargs: Any) -> None:
    from odopmart.storefront.selectors import reference_cache_clear

    cache_generation_bump(CATALOGUE)
    reference_cache_clear()


def connect() -> None:
    from odopmart.catalog.models import Category, Product, ProductImage, Variant
    from odopmart.odop.models import OdopProduct
    from odopmart.regions.models import District
    from odopmart.sellers.models import Artisan, Vendor

    for model in (Product, Variant, ProductImage, Category, OdopProduct, District, Artisan, Vendor):
        post_save.connect(
            catalogue_changed, sender=model, dispatch_uid=f"storefront-{model.__name__}"
        )
        post_delete.connect(
            catalogue_changed, sender=model, dispatch_uid=f"storefront-del-{model.__name__}"
        )
