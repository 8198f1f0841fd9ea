"""SQLite FTS5: the `search_fts` table (migration 0002) over SearchDocument."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import connection
from django.db.models import Exists, OuterRef

from odopmart.catalog.models import Product
from odopmart.search.backends import Completions, Tier, in_order, term_alternatives
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


def _ranges(column: str, prefixes: list[str]) -> tuple[str, list[str]]:
    # Ranges on the unique index: tokens are [a-z0-9], all sorting before "{".
    condition = " OR ".join(f"({column} >= %s AND {column} < %s)" for _ in prefixes)
    return condition, [bound for prefix in prefixes for bound in (prefix, prefix + "{")]


class SqliteBackend:
    def tiered_ids(self, tiers: Sequence[Tier], *, limit: int) -> list[int]:
        # In rowid order FTS5 walks the doclists and stops at the limit; ranking by bm25
        # would score every match first.
        selects: list[str] = []
        params: list[object] = []
        seen: set[str] = set()
        for number, tier in enumerate(tiers):
            expression = match_expression(tier.terms, scope=tier.scope, level=tier.level)
            if expression and expression not in seen:
                seen.add(expression)
                # Only the tier number is interpolated; the expression is a parameter.
                selects.append(
                    f"SELECT * FROM (SELECT {number}, rowid FROM search_fts"  # noqa: S608
                    " WHERE search_fts MATCH %s ORDER BY rowid DESC LIMIT %s)"
                )
                params += [expression, limit]
        if not selects:
            return []
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(selects), params)
            return in_order(cursor.fetchall(), limit=limit)

    def completions(self, word_prefixes: Iterable[str], key_prefixes: Iterable[str]) -> Completions:
        selects: list[str] = []
        params: list[str] = []
        for kind, table, column, prefixes in (
            ("w", "search_searchword", "word", sorted(word_prefixes)),
            ("k", "search_searchterm", "key", sorted(key_prefixes)),
        ):
            if prefixes:
                condition, bounds = _ranges(column, prefixes)
                selects.append(  # fixed names only; the prefixes are parameters
                    f"SELECT '{kind}', {column}, frequency FROM {table} WHERE {condition}"  # noqa: S608
                )
                params += bounds
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
        # A first-letter typo is not caught here; it rarely happens and keeps this cheap.
        return list(
            SearchTerm.objects.filter(
                head=key[0], length__range=(len(key) - max_distance, len(key) + max_distance)
            ).values_list("key", "frequency")
        )

    def visible_ids(self, ids: Sequence[int]) -> set[int]:
        # As a correlated EXISTS so that the ids drive the lookup: with no statistics SQLite
        # answers `visible().filter(pk__in=ids)` by walking every approved product through
        # the status index.
        is_visible = Exists(Product.objects.visible().filter(pk=OuterRef("pk")))
        return set(Product.objects.filter(is_visible, pk__in=ids).values_list("pk", flat=True))

    def after_rebuild(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
