"""Full-text backends: SQLite FTS5 (the embedded default) and PostgreSQL full-text + pg_trgm,
chosen by the database in use."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from django.db import connection

from odopmart.search.query import Level, Scope, Term

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

    def after_rebuild(self) -> None:
        """Housekeeping after a full rebuild."""
        ...


def safe_tokens(tokens: Sequence[str]) -> list[str]:
    return [token for token in tokens if _TOKEN_RE.match(token)]


Alternatives = tuple[list[str], list[str], list[str], list[str]]


def term_alternatives(term: Term, level: Level) -> Alternatives:
    """(exact words, word prefixes, exact keys, key prefixes) a term may match at a level."""
    if level == Level.EXACT:
        return safe_tokens(term.words + term.word_prefixes), [], [], []
    if level < Level.PHONETIC:
        return safe_tokens(term.words), safe_tokens(term.word_prefixes), [], []
    keys = term.keys + term.fuzzy_keys if level >= Level.FUZZY else term.keys
    return (
        safe_tokens(term.words),
        safe_tokens(term.word_prefixes),
        safe_tokens(keys),
        safe_tokens(term.key_prefixes),
    )


def get_backend() -> SearchBackend:
    if connection.vendor == "postgresql":
        from odopmart.search.backends.postgres import PostgresBackend

        return PostgresBackend()
    from odopmart.search.backends.sqlite import SqliteBackend

    return SqliteBackend()
