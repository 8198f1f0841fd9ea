"""Search: ranked ids of visible products for a query, and keeping the index up to date.

Relevance is a ladder of tiers; each tier's matches come after the previous tiers' (newest
first within a tier, without repeats). Every query word must match, in a tier's sense:

1. it is a whole word of the product name;
2. ... or begins one ("chikan" -> "Chikankari kurta");
3. it is (or begins) a word anywhere in the listing: description, material, district, ODOP
   product, GI tag, artisan, variants, in English or romanised Hindi;
4. it sounds like a word of the name (phonetic keys: spellings, spacing, scripts);
5. ... or of the listing;
6. a word the index has never seen (a typo) sounds like its closest, commonest neighbour in
   the vocabulary, in the name, then anywhere;
7. its sound begins the sound of a word of the name, then anywhere;
8. a misspelt word sounds like one of its other near neighbours, in the name, then anywhere.

When nothing matches at all, every word is treated as misspelt. Each tier is an index lookup
that stops at the limit, and all tiers go in one statement, so the cost follows the number of
results asked for, not the number of matches: it stays flat from 10,000 to 1,000,000
products.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import transaction

from odopmart.catalog.models import Product
from odopmart.search.backends import SearchBackend, Tier, get_backend
from odopmart.search.documents import VocabularyCounts, build_documents
from odopmart.search.models import SearchDocument
from odopmart.search.query import Level, Scope, Term, parse_query
from odopmart.search.typos import MAX_NEIGHBOURS, widen_terms, widened_to
from odopmart.search.vocabulary import complete_terms, vocabulary_add, vocabulary_replace

INDEX_BATCH_SIZE = 500


def _tiers(terms: Sequence[Term], widened: Sequence[Term] | None) -> list[Tier]:
    """The tiers of the module docstring, in order; `widened` has the typo neighbours."""
    tiers = [
        Tier(terms, Scope.NAME, Level.EXACT),
        Tier(terms, Scope.NAME, Level.WORDS),
        Tier(terms, Scope.ALL, Level.WORDS),
        Tier(terms, Scope.NAME, Level.SOUNDS),
        Tier(terms, Scope.ALL, Level.SOUNDS),
    ]
    closest = widened_to(widened, 1) if widened else None
    near = widened_to(widened, MAX_NEIGHBOURS) if widened else None
    if closest:
        tiers += [Tier(closest, Scope.NAME, Level.FUZZY), Tier(closest, Scope.ALL, Level.FUZZY)]
    tiers += [
        Tier(terms, Scope.NAME, Level.SOUNDS_PREFIX),
        Tier(terms, Scope.ALL, Level.SOUNDS_PREFIX),
    ]
    if near:
        tiers += [Tier(near, Scope.NAME, Level.FUZZY), Tier(near, Scope.ALL, Level.FUZZY)]
    return tiers


def search_ranked_ids(query: str, *, limit: int) -> list[int]:
    """Ids of visible products matching the query, best first; [] for an empty query.
    Three queries (completions, tiers, visibility), a few more for a misspelt word."""
    if limit <= 0 or not query or not query.strip():
        return []
    terms = parse_query(query)
    if not terms:
        return []
    backend = get_backend()
    terms, known_keys = complete_terms(backend, terms)
    widened = widen_terms(backend, terms, known_keys=known_keys, widen_all=False)
    ranked = backend.tiered_ids(_tiers(terms, widened), limit=limit)
    if not ranked:
        # Nothing at all: perhaps a real word, but not the one meant. Widen every word.
        widened = widen_terms(backend, terms, known_keys=known_keys, widen_all=True)
        if widened:
            fuzzy = [tier for tier in _tiers(terms, widened) if tier.level == Level.FUZZY]
            ranked = backend.tiered_ids(fuzzy, limit=limit)
    return _visible_in_order(backend, ranked)


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
    gone = set(current) - {doc.product_id for doc in documents}
    SearchDocument.objects.filter(product_id__in=gone).delete()
    # An upsert, so that two re-indexings of one product racing each other both succeed.
    SearchDocument.objects.bulk_create(
        changed,
        batch_size=INDEX_BATCH_SIZE,
        update_conflicts=True,
        unique_fields=["product"],
        update_fields=["name_words", "name_keys", "body_words", "body_keys"],
    )
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
