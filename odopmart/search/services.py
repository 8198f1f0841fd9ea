"""Search: ranked ids of visible products for a query, and keeping the index up to date.

Results come in tiers, each ranked by the database's full-text score and appended without
repeats: all terms spelt as in the product name; spelt as anywhere in the listing; matching
by sound (phonetic keys, across scripts); then, when results are few or a term is unknown,
matching nearby keys (typos).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import transaction

from odopmart.catalog.models import Product
from odopmart.search.backends import get_backend
from odopmart.search.documents import build_document, products_to_index
from odopmart.search.models import SearchDocument, SearchTerm
from odopmart.search.query import Level, Scope, parse_query
from odopmart.search.typos import widen_terms

INDEX_BATCH_SIZE = 500
# Below this many results every term is widened to its typo neighbours.
FEW_RESULTS = 20

_TIERS = ((Scope.NAME, Level.WORDS), (Scope.ALL, Level.WORDS), (Scope.ALL, Level.PHONETIC))


def search_ranked_ids(query: str, *, limit: int) -> list[int]:
    """Ids of visible products matching the query, best first; [] for an empty query."""
    if limit <= 0 or not query or not query.strip():
        return []
    terms = parse_query(query)
    if not terms:
        return []
    backend = get_backend()
    ranked: dict[int, None] = {}
    for scope, level in _TIERS:
        if len(ranked) >= limit:
            break
        # Each tier contains the previous ones, so ask for enough to add `limit` new ids.
        ranked.update(
            dict.fromkeys(
                backend.ranked_ids(terms, scope=scope, level=level, limit=limit + len(ranked))
            )
        )
    if len(ranked) < limit:
        widened = widen_terms(backend, terms, widen_all=len(ranked) < FEW_RESULTS)
        if widened:
            ranked.update(
                dict.fromkeys(
                    backend.ranked_ids(
                        widened, scope=Scope.ALL, level=Level.FUZZY, limit=limit + len(ranked)
                    )
                )
            )
    return _visible_in_order(list(ranked)[:limit])


def _visible_in_order(ids: list[int]) -> list[int]:
    # The index only holds visible products; this guards the moments between a change and
    # its re-indexing.
    if not ids:
        return []
    visible = set(Product.objects.visible().filter(pk__in=ids).values_list("pk", flat=True))
    return [pk for pk in ids if pk in visible]


def _batches(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), INDEX_BATCH_SIZE):
        yield ids[start : start + INDEX_BATCH_SIZE]


def _vocabulary_add(keys: Iterable[str]) -> None:
    SearchTerm.objects.bulk_create(
        [SearchTerm(key=key, head=key[0], length=len(key)) for key in sorted(keys)],
        ignore_conflicts=True,
        batch_size=1000,
    )


@transaction.atomic
def _index_batch(product_ids: Sequence[int], vocabulary: set[str]) -> int:
    documents = [build_document(product, vocabulary) for product in products_to_index(product_ids)]
    SearchDocument.objects.filter(product_id__in=product_ids).delete()
    SearchDocument.objects.bulk_create(documents, batch_size=INDEX_BATCH_SIZE)
    return len(documents)


def search_index_products(product_ids: Iterable[int]) -> None:
    """(Re)index these products; ones that are gone or not visible leave the index."""
    ids = sorted({int(pk) for pk in product_ids})
    for batch in _batches(ids):
        vocabulary: set[str] = set()
        _index_batch(batch, vocabulary)
        _vocabulary_add(vocabulary)


def search_index_rebuild() -> int:
    """Index every visible product afresh, batch by batch (searches keep working meanwhile);
    returns how many products are indexed."""
    ids = list(Product.objects.visible().order_by("pk").values_list("pk", flat=True))
    vocabulary: set[str] = set()
    indexed = sum(_index_batch(batch, vocabulary) for batch in _batches(ids))
    with transaction.atomic():
        SearchDocument.objects.exclude(product__in=Product.objects.visible()).delete()
        SearchTerm.objects.all().delete()
        _vocabulary_add(vocabulary)
    get_backend().after_rebuild()
    return indexed
