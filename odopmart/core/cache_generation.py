"""Generation counters for precise cache invalidation across processes."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from odopmart.core.models import CacheGeneration

# Everything the storefront shows about products, sellers and places.
CATALOGUE = "catalogue"


def cache_generation(name: str) -> int:
    """The current generation (one indexed read)."""
    value = CacheGeneration.objects.filter(name=name).values_list("value", flat=True).first()
    return value or 0


def cache_generation_bump(name: str) -> None:
    """Move to a new generation once the current transaction commits."""

    def bump() -> None:
        updated = CacheGeneration.objects.filter(name=name).update(value=F("value") + 1)
        if not updated:
            CacheGeneration.objects.get_or_create(name=name, defaults={"value": 1})

    transaction.on_commit(bump)
