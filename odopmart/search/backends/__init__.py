"""Full-text backends: SQLite FTS5 (the embedded default) and PostgreSQL full-text + pg_trgm,
chosen by the database in use."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple, Protocol

from django.db import connection

from odopmart.search.query import Level, Scope, Term

# Index and query tokens are made by search.text and are always this shape; anything else is
# refused before it can reach a query language.
_TOKEN_RE = re.compile(r"^[a-z0-9]+$")


class Tier(NamedTuple):
    terms: Sequence[Term]
    scope: Scope
    level: Level


class Completions(NamedTuple):
    """(token, frequency) of indexed words and keys beginning with the prefixes asked for."""

    words: list[tuple[str, int]]
    keys: list[tuple[str, int]]


class SearchBackend(Protocol):
    def tiered_ids(self, tiers: Sequence[Tier], *, limit: int) -> list[int]:
        """Ids of indexed products matching every term of a tier: the first tier's newest
        `limit` first, then each next tier's newest `limit` not yet listed. One statement."""
        ...

    def completions(self, word_prefixes: Iterable[str], key_prefixes: Iterable[str]) -> Completions:
        """Vocabulary tokens that begin with (or equal) the prefixes. One statement."""
        ...

    def key_candidates(self, key: str, *, max_distance: int) -> list[tuple[str, int]]:
        """(key, frequency) of vocabulary keys that may lie within `max_distance` edits."""
        ...

    def visible_ids(self, ids: Sequence[int]) -> set[int]:
        """The ids of visible products (`Product.objects.visible()`) among `ids`."""
        ...

    def after_rebuild(self) -> None:
        """Housekeeping after a full rebuild."""
        ...


def safe_tokens(tokens: Iterable[str]) -> list[str]:
    return [token for token in dict.fromkeys(tokens) if _TOKEN_RE.match(token)]


def term_alternatives(term: Term, level: Level) -> tuple[list[str], list[str]]:
    """(words, keys) any of which satisfies the term at a level; all are whole tokens, so the
    index can walk its lists in id order and stop at the limit (a prefix query would first
    merge the lists of every token with that prefix)."""
    if level == Level.EXACT:
        return safe_tokens(term.words), []
    words = safe_tokens(term.words + term.word_completions)
    if level == Level.WORDS:
        return words, []
    extra = {Level.FUZZY: term.fuzzy_keys, Level.SOUNDS_PREFIX: term.key_completions}
    return words, safe_tokens(term.keys + extra.get(level, ()))


def in_order(rows: Iterable[tuple[int, int]], *, limit: int) -> list[int]:
    """Ids from (tier, id) rows: by tier, newest first within a tier, each id once."""
    ordered: dict[int, None] = {}
    for _, pk in sorted(rows, key=lambda row: (row[0], -row[1])):
        ordered.setdefault(pk)
    return list(ordered)[:limit]


def get_backend() -> SearchBackend:
    if connection.vendor == "postgresql":
        from odopmart.search.backends.postgres import PostgresBackend

        return PostgresBackend()
    from odopmart.search.backends.sqlite import SqliteBackend

    return SqliteBackend()
