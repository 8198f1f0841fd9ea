"""Search test helpers: products made through the normal signals, with the on-commit
re-indexing they trigger actually run."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from odopmart.catalog.models import Product
from odopmart.regions.models import District
from odopmart.search.services import search_ranked_ids

# Craft and district chosen so nothing but the text under test says "chikan" or "terracotta".
NEUTRAL_DISTRICT = "agra"


@pytest.fixture
def make_listed(
    make_product: Callable[..., Product],
    make_artisan: Callable[..., Any],
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> Callable[..., Product]:
    """make_listed(name_en=..., name_hi=..., district_slug=..., **product fields): a visible
    product, indexed by the receivers after its creation commits."""

    def make(*, district_slug: str = NEUTRAL_DISTRICT, **fields: Any) -> Product:
        fields.setdefault("description_en", "Hand made by a master artisan.")
        fields.setdefault("description_hi", "कुशल कारीगर के हाथ से बना।")
        with django_capture_on_commit_callbacks(execute=True):
            if "artisan" not in fields:
                fields["artisan"] = make_artisan(
                    district=District.objects.get(slug=district_slug),
                    craft_en="Handicraft",
                    craft_hi="हस्तशिल्प",
                )
            return make_product(district_slug=district_slug, **fields)

    return make


@pytest.fixture
def search() -> Callable[[str], list[int]]:
    def run(query: str, limit: int = 1000) -> list[int]:
        return search_ranked_ids(query, limit=limit)

    return run


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks: Callable[..., Any]) -> Callable[..., Any]:
    """Short name for django_capture_on_commit_callbacks."""
    return django_capture_on_commit_callbacks


@pytest.fixture(autouse=True)
def _no_leftover_reindexing() -> None:
    """Forget re-indexing left pending by earlier tests whose transactions never committed."""
    from odopmart.search import receivers

    receivers._pending().clear()
