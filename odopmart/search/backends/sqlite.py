"""SQLite FTS5: the `search_fts` table (migration 0002) over SearchDocument."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection
from django.db.models import Exists, OuterRef

from odopmart.catalog.models import Product
from odopmart.search.backends import VOCABULARY, term_alternatives
from odopmart.search.models import SearchTerm
from odopmart.search.query import Level, Scope, Term

_WORD_COLUMNS = {Scope.NAME: "name_words", Scope.ALL: "name_words body_words"}
_KEY_COLUMNS = {Scope.NAME: "name_keys", Scope.ALL: "name_keys body_keys"}


def _phrases(tokens: list[str]) -> str:
    return " OR ".join(f'"{token}"' for token in tokens)


def match_expression(terms: Sequence[Term], *, scope: Scope, level: Level) -> str:
    """An FTS5 query: every term (AND), any of its alternatives (OR), within the columns of
    the scope. Tokens are [a-z0-9]+ and quoted, so no operator can come from the buyer."""
    groups: list[str] = []
    for term in terms:
        words, keys = term_alternatives(term, level)
        parts: list[str] = []
        if words:
            parts.append(f"{{{_WORD_COLUMNS[scope]}}}: ({_phrases(words)})")
        if keys:
            parts.append(f"{{{_KEY_COLUMNS[scope]}}}: ({_phrases(keys)})")
        if not parts:
            return ""
        groups.append(f"({' OR '.join(parts)})")
    return " AND ".join(groups)


class SqliteBackend:
    def matching_ids(
        self, terms: Sequence[Term], *, scope: Scope, level: Level, limit: int
    ) -> list[int]:
        expression = match_expression(terms, scope=scope, level=level)
        if not expression:
            return []
        # In rowid order FTS5 walks the doclists and stops at the limit; ranking by bm25
        # would score every match first.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH %s"
                " ORDER BY rowid DESC LIMIT %s",
                [expression, limit],
            )
            return [row[0] for row in cursor.fetchall()]

    def key_candidates(self, key: str, *, max_distance: int) -> list[tuple[str, int]]:
        # A first-letter typo is not caught here; it rarely happens and keeps this cheap.
        return list(
            SearchTerm.objects.filter(
                head=key[0], length__range=(len(key) - max_distance, len(key) + max_distance)
            ).values_list("key", "frequency")
        )

    def completions(self, kind: str, prefixes: Iterable[str]) -> list[tuple[str, int]]:
        prefixes = list(prefixes)
        if not prefixes:
            return []
        table, column = VOCABULARY[kind]
        # Ranges on the unique index: tokens are [a-z0-9], all sorting before "{".
        ranges = " OR ".join(f"({column} >= %s AND {column} < %s)" for _ in prefixes)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {column}, frequency FROM {table} WHERE {ranges}",  # noqa: S608
                [bound for prefix in prefixes for bound in (prefix, prefix + "{")],
            )
            return cursor.fetchall()

    def visible_ids(self, ids: Sequence[int]) -> set[int]:
        # As a correlated EXISTS so that the ids drive the lookup: with no statistics SQLite
        # answers `visible().filter(pk__in=ids)` by walking every approved product through
        # the status index.
        is_visible = Exists(Product.objects.visible().filter(pk=OuterRef("pk")))
        return set(Product.objects.filter(is_visible, pk__in=ids).values_list("pk", flat=True))

    def after_rebuild(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
