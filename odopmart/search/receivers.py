"""Keep the index in step with the catalogue: changes re-index the affected products once the
transaction commits (all changes of one transaction in one go)."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from django.db import models, transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from odopmart.catalog.models import Category, Product, Variant
from odopmart.odop.models import OdopProduct
from odopmart.regions.models import District
from odopmart.search.services import search_index_products
from odopmart.sellers.models import Artisan, Vendor

_PRODUCT_FIELDS = frozenset(
    {
        "name_en", "name_hi", "description_en", "description_hi", "material_en", "material_hi",
        "technique_en", "technique_hi", "status", "category", "category_id", "odop_product",
        "odop_product_id", "district", "district_id", "artisan", "artisan_id", "vendor",
        "vendor_id",
    }
)
_VARIANT_FIELDS = frozenset(
    {"label_en", "label_hi", "colour_en", "colour_hi", "is_active", "product", "product_id"}
)
# Fields of related rows that appear in documents (or, for vendors, decide visibility), and
# the product foreign key that leads to them.
_OWNERS: dict[type[models.Model], tuple[str, tuple[str, ...]]] = {
    Vendor: ("vendor", ("name_en", "name_hi", "status")),
    Artisan: ("artisan", ("name_en", "name_hi", "craft_en", "craft_hi")),
    OdopProduct: ("odop_product", ("name_en", "name_hi", "gi_tag")),
    Category: ("category", ("name_en", "name_hi")),
    District: ("district", ("name_en", "name_hi")),
}

_local = threading.local()


def _pending() -> set[int]:
    if not hasattr(_local, "ids"):
        _local.ids = set()
    return _local.ids


def _flush() -> None:
    ids = set(_pending())
    _pending().clear()
    if ids:
        search_index_products(ids)


def schedule_reindex(product_ids: Iterable[int]) -> None:
    """Re-index the products after commit. Every callback drains the shared pending set, so
    the first one does the work; ids left by a rolled-back transaction are merely re-indexed
    later, which is always correct."""
    ids = set(product_ids)
    if ids:
        _pending().update(ids)
        transaction.on_commit(_flush, robust=True)


def _touches(update_fields: Iterable[str] | None, fields: frozenset[str]) -> bool:
    return update_fields is None or not fields.isdisjoint(update_fields)


@receiver(post_save, sender=Product, dispatch_uid="search_product_saved")
def product_saved(
    sender: type[Product], instance: Product, raw: bool = False,
    update_fields: Iterable[str] | None = None, **kwargs: Any,
) -> None:
    if not raw and _touches(update_fields, _PRODUCT_FIELDS):
        schedule_reindex([instance.pk])


@receiver(post_delete, sender=Product, dispatch_uid="search_product_deleted")
def product_deleted(sender: type[Product], instance: Product, **kwargs: Any) -> None:
    # The document went with the product (cascade); this also covers a lost cascade.
    schedule_reindex([instance.pk])


@receiver(post_save, sender=Variant, dispatch_uid="search_variant_saved")
def variant_saved(
    sender: type[Variant], instance: Variant, raw: bool = False,
    update_fields: Iterable[str] | None = None, **kwargs: Any,
) -> None:
    if not raw and _touches(update_fields, _VARIANT_FIELDS):
        schedule_reindex([instance.product_id])


# No delete receiver for variants: any receiver makes Django load every variant of a deleted
# product instead of deleting them in one statement. A deleted variant's label and colour stay
# in its product's document until the product is next re-indexed.


def owner_pre_save(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    """Remember whether an indexed field of an existing row changes (one small query; these
    rows change rarely, while re-indexing all their products is not cheap)."""
    _, fields = _OWNERS[sender]
    if instance.pk is None or kwargs.get("raw"):
        instance._search_changed = False  # type: ignore[attr-defined]
        return
    before = sender._default_manager.filter(pk=instance.pk).values(*fields).first()
    instance._search_changed = before is not None and any(  # type: ignore[attr-defined]
        before[name] != getattr(instance, name) for name in fields
    )


def owner_post_save(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if getattr(instance, "_search_changed", False):
        relation, _ = _OWNERS[sender]
        schedule_reindex(
            Product.objects.filter(**{relation: instance}).values_list("pk", flat=True)
        )


def connect_owner_receivers() -> None:
    for model in _OWNERS:
        uid = f"search_{model._meta.label_lower}"
        pre_save.connect(owner_pre_save, sender=model, dispatch_uid=f"{uid}_pre")
        post_save.connect(owner_post_save, sender=model, dispatch_uid=f"{uid}_post")
