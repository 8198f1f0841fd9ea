"""PostgreSQL: the generated columns `name_vector` and `vector` of SearchDocument (migration
0003), GIN-indexed; phonetic keys appear there with a leading "0"."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection

from odopmart.catalog.models import Product
from odopmart.search.backends import VOCABULARY, term_alternatives
from odopmart.search.query import Level, Scope, Term

_VECTOR = {Scope.NAME: "name_vector", Scope.ALL: "vector"}
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
    def matching_ids(
        self, terms: Sequence[Term], *, scope: Scope, level: Level, limit: int
    ) -> list[int]:
        query = tsquery(terms, level=level)
        if not query:
            return []
        # Through the function of migration 0003, which keeps the plan on the GIN index.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT search_matching_ids(%s, to_tsquery('simple', %s), %s)",
                [_VECTOR[scope], query, limit],
            )
            return [row[0] for row in cursor.fetchall()]

    def key_candidates(self, key: str, *, max_distance: int) -> list[tuple[str, int]]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT key, frequency FROM search_searchterm WHERE key %% %s"
                " ORDER BY similarity(key, %s) DESC LIMIT %s",
                [key, key, _MAX_KEY_CANDIDATES],
            )
            return [(row[0], row[1]) for row in cursor.fetchall()]

    def completions(self, kind: str, prefixes: Iterable[str]) -> list[tuple[str, int]]:
        prefixes = list(prefixes)
        if not prefixes:
            return []
        table, column = VOCABULARY[kind]
        # Trigram indexes answer LIKE 'abcd%' whatever the collation; tokens hold no wildcards.
        likes = " OR ".join(f"{column} LIKE %s" for _ in prefixes)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {column}, frequency FROM {table} WHERE {likes}",  # noqa: S608
                [prefix + "%" for prefix in prefixes],
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
