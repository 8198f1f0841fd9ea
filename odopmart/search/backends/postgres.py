"""PostgreSQL: the generated columns `name_vector` and `vector` of SearchDocument (migration
0003), GIN-indexed; phonetic keys appear there with a leading "0"."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection

from odopmart.catalog.models import Product
from odopmart.search.backends import Completions, Tier, in_order, term_alternatives
from odopmart.search.query import Level, Term

_VECTOR = {"name": "name_vector", "all": "vector"}
_KEY_MARK = "0"
_MAX_KEY_CANDIDATES = 200


def tsquery(terms: Sequence[Term], *, level: Level) -> str:
    """Every term (&), any of its alternatives (|). Tokens are [a-z0-9]+, so no operator can
    come from the buyer."""
    groups: list[str] = []
    for term in terms:
        words, keys = term_alternatives(term, level)
        items = words + [_KEY_MARK + key for key in keys]
        if not items:
            return ""
        groups.append(f"({' | '.join(items)})")
    return " & ".join(groups)


class PostgresBackend:
    def tiered_ids(self, tiers: Sequence[Tier], *, limit: int) -> list[int]:
        # Through the function of migration 0003, which keeps each plan on the GIN index.
        selects: list[str] = []
        params: list[object] = []
        seen: set[tuple[str, str]] = set()
        for number, tier in enumerate(tiers):
            query = tsquery(tier.terms, level=tier.level)
            vector = _VECTOR[tier.scope.value]
            if query and (vector, query) not in seen:
                seen.add((vector, query))
                # Only the tier number is interpolated; everything else is a parameter.
                selects.append(
                    f"SELECT {number}, id"  # noqa: S608
                    " FROM search_matching_ids(%s, to_tsquery('simple', %s), %s) AS id"
                )
                params += [vector, query, limit]
        if not selects:
            return []
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(selects), params)
            return in_order(cursor.fetchall(), limit=limit)

    def completions(self, word_prefixes: Iterable[str], key_prefixes: Iterable[str]) -> Completions:
        # Trigram indexes answer LIKE 'abcd%' whatever the collation; tokens hold no wildcards.
        selects: list[str] = []
        params: list[str] = []
        for kind, table, column, prefixes in (
            ("w", "search_searchword", "word", sorted(word_prefixes)),
            ("k", "search_searchterm", "key", sorted(key_prefixes)),
        ):
            if prefixes:
                likes = " OR ".join(f"{column} LIKE %s" for _ in prefixes)
                selects.append(  # fixed names only; the prefixes are parameters
                    f"SELECT '{kind}', {column}, frequency FROM {table} WHERE {likes}"  # noqa: S608
                )
                params += [prefix + "%" for prefix in prefixes]
        if not selects:
            return Completions([], [])
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(selects), params)
            rows = cursor.fetchall()
        return Completions(
            [(token, n) for kind, token, n in rows if kind == "w"],
            [(token, n) for kind, token, n in rows if kind == "k"],
        )

    def key_candidates(self, key: str, *, max_distance: int) -> list[tuple[str, int]]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT key, frequency FROM search_searchterm WHERE key %% %s"
                " ORDER BY similarity(key, %s) DESC LIMIT %s",
                [key, key, _MAX_KEY_CANDIDATES],
            )
            return [(row[0], row[1]) for row in cursor.fetchall()]

    def visible_ids(self, ids: Sequence[int]) -> set[int]:
        # (PostgreSQL plans a correlated EXISTS here as a hash join over every product.)
        return set(Product.objects.visible().filter(pk__in=ids).values_list("pk", flat=True))

    def after_rebuild(self) -> None:
        # Rebuilds follow bulk loads (the demo catalogue, imports): fresh statistics keep the
        # planner on the indexes, for the product lookups after a search as well.
        with connection.cursor() as cursor:
            for table in (
                "search_searchdocument", "search_searchterm", "search_searchword",
                "catalog_product",
            ):
                cursor.execute(f"ANALYZE {table}")
