"""Search: ranked ids of visible products for a query, and keeping the index up to date.

Relevance is a ladder of tiers; each tier's matches come after the previous tiers' (newest
first within a tier, without repeats):

1. every query word is a whole word of the product name;
2. ... or begins one ("chikan" -> "Chikankari kurta");
3. every query word is (or begins) a word anywhere in the listing: description, material,
   district, ODOP product, artisan, in English or romanised Hindi;
4. every query word sounds like one in the name (phonetic keys: spellings, spacing, scripts);
5. ... or anywhere in the listing;
6. when results are few or a word is unknown to the index: its closest typo neighbour, in
   names then anywhere, then the other near neighbours.

Each tier is one index query that stops at the limit, so the cost follows the page size, not
the number of matches, and stays flat from 10,000 to 1,000,000 products.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import transaction

from odopmart.catalog.models import Product
from odopmart.search.backends import SearchBackend, get_backend
from odopmart.search.documents import VocabularyCounts, build_documents
from odopmart.search.models import SearchDocument
from odopmart.search.query import Level, Scope, Term, parse_query
from odopmart.search.typos import MAX_NEIGHBOURS, widen_terms, widened_to
from odopmart.search.vocabulary import complete_terms, vocabulary_add, vocabulary_replace

INDEX_BATCH_SIZE = 500
# Below this many results every query word is widened to its typo neighbours.
FEW_RESULTS = 20

_TIERS = (
    (Scope.NAME, Level.EXACT),
    (Scope.NAME, Level.WORDS),
    (Scope.ALL, Level.WORDS),
    (Scope.NAME, Level.PHONETIC),
    (Scope.ALL, Level.PHONETIC),
)
# (neighbours per word, scope)
_FUZZY_TIERS = (
    (1, Scope.NAME),
    (1, Scope.ALL),
    (MAX_NEIGHBOURS, Scope.NAME),
    (MAX_NEIGHBOURS, Scope.ALL),
)


def search_ranked_ids(query: str, *, limit: int) -> list[int]:
    """Ids of visible products matching the query, best first; [] for an empty query."""
    if limit <= 0 or not query or not query.strip():
        return []
    terms = parse_query(query)
    if not terms:
        return []
    backend = get_backend()
    ranked: dict[int, None] = {}
    completed = False
    for scope, level in _TIERS:
        if len(ranked) >= limit:
            break
        if level > Level.EXACT and not completed:
            terms, completed = complete_terms(backend, terms), True
        _extend(ranked, backend, terms, scope, level, limit)
    if len(ranked) < limit:
        widened = widen_terms(backend, terms, widen_all=len(ranked) < FEW_RESULTS)
        # The closest, commonest neighbour of each word first (in names, then anywhere),
        # then the others.
        for count, scope in _FUZZY_TIERS:
            if not widened or len(ranked) >= limit:
                break
            _extend(ranked, backend, widened_to(widened, count), scope, Level.FUZZY, limit)
    return _visible_in_order(backend, list(ranked)[:limit])


def _extend(
    ranked: dict[int, None],
    backend: SearchBackend,
    terms: Sequence[Term],
    scope: Scope,
    level: Level,
    limit: int,
) -> None:
    # A tier's matches include the previous tiers', so ask for enough to add `limit` new ids.
    found = backend.matching_ids(terms, scope=scope, level=level, limit=limit + len(ranked))
    ranked.update(dict.fromkeys(found))


def _visible_in_order(backend: SearchBackend, ids: list[int]) -> list[int]:
    # The index only holds visible products; this guards the moments between a change and
    # its re-indexing.
    if not ids:
        return []
    visible = backend.visible_ids(ids)
    return [pk for pk in ids if pk in visible]


def _batches(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), INDEX_BATCH_SIZE):
        yield ids[start : start + INDEX_BATCH_SIZE]


def _content(document: SearchDocument) -> tuple[str, str, str, str]:
    return (document.name_words, document.name_keys, document.body_words, document.body_keys)


@transaction.atomic
def _index_batch(product_ids: Sequence[int], vocabulary: VocabularyCounts) -> int:
    documents = build_documents(product_ids, vocabulary)
    # Rewriting a document costs the full-text index a delete and an insert: skip unchanged ones.
    current = {
        row[0]: row[1:]
        for row in SearchDocument.objects.filter(product_id__in=product_ids).values_list(
            "product_id", "name_words", "name_keys", "body_words", "body_keys"
        )
    }
    changed = [doc for doc in documents if current.get(doc.product_id) != _content(doc)]
    keep = {doc.product_id for doc in documents} - {doc.product_id for doc in changed}
    SearchDocument.objects.filter(product_id__in=set(current) - keep).delete()
    SearchDocument.objects.bulk_create(changed, batch_size=INDEX_BATCH_SIZE)
    return len(documents)


def search_index_products(product_ids: Iterable[int]) -> None:
    """(Re)index these products; ones that are gone or not visible leave the index."""
    ids = sorted({int(pk) for pk in product_ids})
    for batch in _batches(ids):
        vocabulary = VocabularyCounts()
        _index_batch(batch, vocabulary)
        vocabulary_add(vocabulary)


def search_index_rebuild() -> int:
    """Index every visible product afresh, batch by batch (searches keep working meanwhile);
    returns how many products are indexed."""
    ids = list(Product.objects.visible().order_by("pk").values_list("pk", flat=True))
    vocabulary = VocabularyCounts()
    indexed = sum(_index_batch(batch, vocabulary) for batch in _batches(ids))
    SearchDocument.objects.exclude(product__in=Product.objects.visible()).delete()
    vocabulary_replace(vocabulary)
    get_backend().after_rebuild()
    return indexed
