"""PostgreSQL: the generated `vector` column of SearchDocument (migration 0002), GIN-indexed;
name words, name keys, other words and other keys carry the weights A, B, C and D, so one
column answers every scope and level."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

from odopmart.search.backends import term_alternatives
from odopmart.search.query import Level, Scope, Term

_WORD_WEIGHTS = {Scope.NAME: "A", Scope.ALL: "AC"}
_KEY_WEIGHTS = {Scope.NAME: "B", Scope.ALL: "BD"}
_MAX_KEY_CANDIDATES = 200


def _items(exact: list[str], prefixes: list[str], weights: str) -> list[str]:
    return [f"{token}:{weights}" for token in exact] + [f"{token}:*{weights}" for token in prefixes]


def tsquery(terms: Sequence[Term], *, scope: Scope, level: Level) -> str:
    """Every term (&), any of its alternatives (|), restricted to the weights of the scope.
    Tokens are [a-z0-9]+, so no operator can come from the buyer."""
    groups: list[str] = []
    for term in terms:
        words, word_prefixes, keys, key_prefixes = term_alternatives(term, level)
        items = _items(words, word_prefixes, _WORD_WEIGHTS[scope])
        items += _items(keys, key_prefixes, _KEY_WEIGHTS[scope])
        if not items:
            return ""
        groups.append(f"({' | '.join(items)})")
    return " & ".join(groups)


class PostgresBackend:
    def matching_ids(
        self, terms: Sequence[Term], *, scope: Scope, level: Level, limit: int
    ) -> list[int]:
        query = tsquery(terms, scope=scope, level=level)
        if not query:
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT product_id FROM search_searchdocument"
                " WHERE vector @@ to_tsquery('simple', %s) ORDER BY product_id DESC LIMIT %s",
                [query, limit],
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

    def after_rebuild(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchdocument")
            cursor.execute("ANALYZE search_searchterm")
