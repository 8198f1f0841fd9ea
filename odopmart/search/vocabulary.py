"""The index's vocabulary (words and phonetic keys with their document counts): completing
query prefixes, and keeping the tables filled."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from django.db import transaction

from odopmart.search.backends import SearchBackend
from odopmart.search.documents import VocabularyCounts
from odopmart.search.models import SearchTerm, SearchWord
from odopmart.search.query import Term

# A prefix stands for at most this many indexed tokens, the commonest.
MAX_COMPLETIONS = 10


def _by_prefix(found: list[tuple[str, int]], prefixes: set[str]) -> dict[str, list[str]]:
    by_prefix: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for token, frequency in found:
        for end in range(len(token) - 1, 0, -1):  # every proper prefix of the token asked for
            if token[:end] in prefixes:
                by_prefix[token[:end]].append((-frequency, token))
    return {
        prefix: [token for _, token in sorted(tokens)[:MAX_COMPLETIONS]]
        for prefix, tokens in by_prefix.items()
    }


def complete_terms(
    backend: SearchBackend, terms: Sequence[Term]
) -> tuple[list[Term], set[str]]:
    """The terms with the indexed words and keys that begin with their spellings, and which
    of their keys the index knows (keys shorter than a prefix are never looked up)."""
    word_prefixes = {prefix for term in terms for prefix in term.word_prefixes}
    key_prefixes = {prefix for term in terms for prefix in term.key_prefixes}
    found = backend.completions(word_prefixes, key_prefixes)
    words = _by_prefix(found.words, word_prefixes)
    keys = _by_prefix(found.keys, key_prefixes)
    completed = [
        term.with_completions(
            tuple(dict.fromkeys(w for p in term.word_prefixes for w in words.get(p, ()))),
            tuple(dict.fromkeys(k for p in term.key_prefixes for k in keys.get(p, ()))),
        )
        for term in terms
    ]
    return completed, {token for token, _ in found.keys} & key_prefixes


def _insert(counts: VocabularyCounts) -> None:
    SearchWord.objects.bulk_create(
        [SearchWord(word=word, frequency=n) for word, n in sorted(counts.words.items())],
        ignore_conflicts=True,
        batch_size=2000,
    )
    SearchTerm.objects.bulk_create(
        [
            SearchTerm(key=key, head=key[0], length=len(key), frequency=n)
            for key, n in sorted(counts.keys.items())
        ],
        ignore_conflicts=True,
        batch_size=2000,
    )


def vocabulary_add(counts: VocabularyCounts) -> None:
    """Add tokens not yet known (known ones keep their counts until the next rebuild)."""
    _insert(
        VocabularyCounts(
            Counter(dict.fromkeys(counts.words, 1)), Counter(dict.fromkeys(counts.keys, 1))
        )
    )


@transaction.atomic
def vocabulary_replace(counts: VocabularyCounts) -> None:
    """Replace the vocabulary (after a rebuild), dropping tokens no document holds any more."""
    SearchWord.objects.all().delete()
    SearchTerm.objects.all().delete()
    _insert(counts)
