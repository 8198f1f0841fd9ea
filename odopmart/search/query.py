"""Turning what a buyer typed into terms the index can answer.

Each query word becomes a term with alternatives: its exact spellings (and the word joined to
its neighbours, so "chikan kari" meets "chikankari") and their phonetic keys. From the index's
vocabulary a term later gains the words and keys that begin with its spellings
(`*_completions`: "chikan" -> "chikankari") and, when misspelt, nearby keys (`fuzzy_keys`).
Every term must match (AND); any alternative of a term will do (OR).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

from odopmart.search.text import phonetic_key, word_forms, words

# Enough for any real query; longer input is cut before it is looked at.
MAX_QUERY_CHARS = 200
MAX_TERMS = 8
# Shorter spellings and keys match whole tokens only (a 3-letter prefix matches too much).
MIN_PREFIX_LENGTH = 4

STOPWORDS = frozenset(
    {
        "a", "an", "and", "the", "of", "for", "in", "on", "with", "to", "by", "from", "or",
        "not", "at", "is", "are", "made",
        "का", "की", "के", "में", "और", "से", "है", "हैं", "को", "पर", "एक", "लिए", "या",
    }
)


class Scope(enum.Enum):
    NAME = "name"  # the product name only
    ALL = "all"  # name and everything else


class Level(enum.Enum):
    """What a query word may match; search tiers use them in this order."""

    EXACT = "exact"  # whole words spelt as typed
    WORDS = "words"  # also words that begin with it ("chikan" -> "chikankari")
    SOUNDS = "sounds"  # also words that sound the same (phonetic keys, across scripts)
    FUZZY = "fuzzy"  # also words sounding like its typo neighbours
    SOUNDS_PREFIX = "sounds_prefix"  # also words whose sound begins with its sound


def _prefixes(tokens: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(
        token for token in tokens if len(token) >= MIN_PREFIX_LENGTH and not token.isdigit()
    )


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # spellings: the word's forms and the word joined to its neighbours
    keys: tuple[str, ...]  # phonetic keys of the spellings
    own_keys: tuple[str, ...]  # keys of the word alone, for typo lookups
    word_completions: tuple[str, ...] = ()
    key_completions: tuple[str, ...] = ()
    fuzzy_keys: tuple[str, ...] = ()

    @property
    def word_prefixes(self) -> tuple[str, ...]:
        return _prefixes(self.words)

    @property
    def key_prefixes(self) -> tuple[str, ...]:
        return _prefixes(self.keys)

    def with_completions(self, words: tuple[str, ...], keys: tuple[str, ...]) -> Term:
        return replace(self, word_completions=words, key_completions=keys)

    def with_fuzzy_keys(self, keys: tuple[str, ...]) -> Term:
        return replace(self, fuzzy_keys=keys)


def _cut(query: str) -> str:
    """At most MAX_QUERY_CHARS, without a word cut in two at the end."""
    if len(query) <= MAX_QUERY_CHARS:
        return query
    cut = query[:MAX_QUERY_CHARS]
    if not query[MAX_QUERY_CHARS].isspace() and len(cut.split()) > 1:
        cut = cut.rsplit(None, 1)[0]
    return cut


def _meaningful(word: str) -> bool:
    # Single letters are stray punctuation leftovers ("kurta:B"), never a search for a product.
    return word.lower() not in STOPWORDS and (len(word) > 1 or word.isdigit())


def _query_words(query: str) -> list[tuple[str, ...]]:
    raw = words(_cut(query))
    meaningful = [word for word in raw if _meaningful(word)] or raw
    seen: set[tuple[str, ...]] = set()
    kept: list[tuple[str, ...]] = []
    for word in meaningful:
        forms = word_forms(word)
        if forms and forms not in seen:
            seen.add(forms)
            kept.append(forms)
    return kept[:MAX_TERMS]


def parse_query(query: str) -> list[Term]:
    """The terms of a query; [] when nothing in it can be searched for."""
    forms_per_word = _query_words(query)
    terms: list[Term] = []
    for index, forms in enumerate(forms_per_word):
        joined: list[str] = []
        if index > 0:
            joined += [left + form for left in forms_per_word[index - 1] for form in forms]
        if index + 1 < len(forms_per_word):
            joined += [form + right for form in forms for right in forms_per_word[index + 1]]
        spellings = tuple(dict.fromkeys([*forms, *joined]))
        own_keys = tuple(dict.fromkeys(phonetic_key(form) for form in forms))
        keys = tuple(dict.fromkeys([*own_keys, *(phonetic_key(word) for word in joined)]))
        terms.append(Term(spellings, keys, own_keys))
    return terms
