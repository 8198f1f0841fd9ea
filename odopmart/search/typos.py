"""Widening misspelt query terms to the nearest phonetic keys of the vocabulary."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from odopmart.search.backends import SearchBackend
from odopmart.search.query import Term

# The commonest few: a rare key one edit away is more often noise than what was meant.
MAX_NEIGHBOURS = 3


def max_edits(key: str) -> int:
    """Edits allowed between a key and a neighbour: none for short keys (every 3-letter key
    is one edit from dozens of others), one up to 6 letters, two beyond."""
    if len(key) < 4 or key.isdigit():
        return 0
    return 1 if len(key) <= 6 else 2


def nearest_keys(
    key: str, candidates: Sequence[tuple[str, int]], *, max_distance: int
) -> list[str]:
    """The candidates at the smallest distance found (within `max_distance` edits), the
    commonest first: what was most likely meant."""
    others = [(candidate, frequency) for candidate, frequency in candidates if candidate != key]
    matches = process.extract(
        key,
        [candidate for candidate, _ in others],
        scorer=Levenshtein.distance,
        score_cutoff=max_distance,
        limit=None,
    )
    if not matches:
        return []
    closest = min(match[1] for match in matches)
    ranked = sorted(
        (match for match in matches if match[1] == closest),
        key=lambda match: (-others[match[2]][1], match[0]),
    )
    return [match[0] for match in ranked[:MAX_NEIGHBOURS]]


def widened_to(terms: Sequence[Term], count: int) -> list[Term]:
    """The terms with only their first `count` neighbours."""
    return [term.with_fuzzy_keys(term.fuzzy_keys[:count]) for term in terms]


def widen_terms(
    backend: SearchBackend, terms: Sequence[Term], *, known_keys: set[str], widen_all: bool
) -> list[Term] | None:
    """The terms with typo neighbours added: every term when `widen_all`, otherwise only
    terms none of whose keys is in `known_keys`. None when nothing was added."""
    widened: list[Term] = []
    added = False
    for term in terms:
        if widen_all or known_keys.isdisjoint(term.own_keys):
            neighbours: dict[str, None] = {}
            for key in term.own_keys:
                distance = max_edits(key)
                if distance:
                    candidates = backend.key_candidates(key, max_distance=distance)
                    neighbours.update(
                        dict.fromkeys(nearest_keys(key, candidates, max_distance=distance))
                    )
            if neighbours:
                term = term.with_fuzzy_keys(tuple(neighbours))
                added = True
        widened.append(term)
    return widened if added else None
