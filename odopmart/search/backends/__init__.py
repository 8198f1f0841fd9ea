"""Full-text backends: SQLite FTS5 (the embedded default) and PostgreSQL full-text + pg_trgm,
chosen by the database in use."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Protocol

from django.db import connection

from odopmart.search.query import Level, Scope, Term

# The vocabulary tables and their token columns, by kind.
VOCABULARY = {"words": ("search_searchword", "word"), "keys": ("search_searchterm", "key")}

# Index and query tokens are made by search.text and are always this shape; anything else is
# refused before it can reach a query language.
_TOKEN_RE = re.compile(r"^[a-z0-9]+$")


class SearchBackend(Protocol):
    def matching_ids(
        self, terms: Sequence[Term], *, scope: Scope, level: Level, limit: int
    ) -> list[int]:
        """Ids of indexed products matching every term, newest first."""
        ...

    def key_candidates(self, key: str, *, max_distance: int) -> list[tuple[str, int]]:
        """(key, frequency) of vocabulary keys that may lie within `max_distance` edits."""
        ...

    def completions(self, kind: str, prefixes: Iterable[str]) -> list[tuple[str, int]]:
        """(token, frequency) of the vocabulary's words or keys (`kind`) that begin with any
        of the prefixes."""
        ...

    def visible_ids(self, ids: Sequence[int]) -> set[int]:
        """The ids of visible products (`Product.objects.visible()`) among `ids`."""
        ...

    def after_rebuild(self) -> None:
        """Housekeeping after a full rebuild."""
        ...


def safe_tokens(tokens: Sequence[str]) -> list[str]:
    return [token for token in tokens if _TOKEN_RE.match(token)]


def term_alternatives(term: Term, level: Level) -> tuple[list[str], list[str]]:
    """(words, keys) any of which satisfies the term at a level; all are whole tokens, so the
    index can walk its lists in id order and stop at the limit (a prefix query would first
    merge the lists of every token with that prefix)."""
    if level == Level.EXACT:
        return safe_tokens(term.words), []
    words = safe_tokens(tuple(dict.fromkeys(term.words + term.word_completions)))
    if level == Level.WORDS:
        return words, []
    keys = term.keys + term.key_completions
    if level == Level.FUZZY:
        keys += term.fuzzy_keys
    return words, safe_tokens(tuple(dict.fromkeys(keys)))


def get_backend() -> SearchBackend:
    if connection.vendor == "postgresql":
        from odopmart.search.backends.postgres import PostgresBackend

        return PostgresBackend()
    from odopmart.search.backends.sqlite import SqliteBackend

    return SqliteBackend()
