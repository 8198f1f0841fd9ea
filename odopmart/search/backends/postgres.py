"""PostgreSQL: the generated `vector` column of SearchDocument (migration 0002), GIN-indexed,
ranked by ts_rank with name words > name keys > other words > other keys (weights A-D)."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

from odopmart.search.backends import term_alternatives
from odopmart.search.query import Level, Scope, Term

_WORD_WEIGHTS = {Scope.NAME: "A", Scope.ALL: "AC"}
_KEY_WEIGHTS = {Scope.NAME: "B", Scope.ALL: "BD"}
# ts_rank weights of D, C, B, A.
_RANK_WEIGHTS = "{0.1, 0.2, 0.5, 1.0}"
_MAX_KEY_CANDIDATES = 200


def _items(exact: list[str], prefixes: list[str], weights: str) -> list[str]:
    return [f"{token}:{weights}" for token in exact] + [f"{token}:*{weights}" for token in prefixes]


def tsqueries(terms: Sequence[Term], *, scope: Scope, level: Level) -> tuple[str, str]:
    """(match query, rank query): the match query needs every term; the rank query is the
    same items OR-ed, so ts_rank adds up weights instead of measuring word distances."""
    groups: list[str] = []
    everything: list[str] = []
    for term in terms:
        words, word_prefixes, keys, key_prefixes = term_alternatives(term, level)
        items = _items(words, word_prefixes, _WORD_WEIGHTS[scope])
        items += _items(keys, key_prefixes, _KEY_WEIGHTS[scope])
        if not items:
            return "", ""
        groups.append(f"({' | '.join(items)})")
        everything += items
    return " & ".join(groups), " | ".join(everything)


class PostgresBackend:
    def ranked_ids(
        self, terms: Sequence[Term], *, scope: Scope, level: Level, limit: int
    ) -> list[int]:
        match, rank = tsqueries(terms, scope=scope, level=level)
        if not match:
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT product_id FROM search_searchdocument"
                " WHERE vector @@ to_tsquery('simple', %s)"
                " ORDER BY ts_rank(%s::float4[], vector, to_tsquery('simple', %s)) DESC,"
                " product_id DESC LIMIT %s",
                [match, _RANK_WEIGHTS, rank, limit],
            )
            return [row[0] for row in cursor.fetchall()]

    def key_candidates(self, key: str, *, max_distance: int) -> list[str]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT key FROM search_searchterm WHERE key %% %s"
                " ORDER BY similarity(key, %s) DESC LIMIT %s",
                [key, key, _MAX_KEY_CANDIDATES],
            )
            return [row[0] for row in cursor.fetchall()]

    def after_rebuild(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchdocument")
            cursor.execute("ANALYZE search_searchterm")
