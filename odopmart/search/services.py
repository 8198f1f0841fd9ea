"""Search (placeholder until the search index lands): substring match on names."""

from __future__ import annotations

from django.db.models import Q

from odopmart.catalog.models import Product


def search_ranked_ids(query: str, *, limit: int) -> list[int]:
    words = query.split()
    condition = Q()
    for word in words:
        condition &= Q(name_en__icontains=word) | Q(name_hi__icontains=word)
    return list(Product.objects.visible().filter(condition).values_list("pk", flat=True)[:limit])
