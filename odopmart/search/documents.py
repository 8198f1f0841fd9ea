"""What a product's search document says: its name, and everything a buyer may type to find
it (description, material, technique, category, district, ODOP product and GI tag, artisan,
vendor, variant labels and colours), in both languages, as words and phonetic keys."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from odopmart.catalog.models import Product, Variant
from odopmart.search.models import SearchDocument
from odopmart.search.query import MIN_PREFIX_LENGTH
from odopmart.search.text import MAX_WORD_LENGTH, phonetic_key, text_forms

# Keys shorter than this are never widened to typo neighbours, so the vocabulary skips them.
MIN_VOCABULARY_KEY_LENGTH = 3


@dataclass
class VocabularyCounts:
    """How many documents hold each word and each key. Joined word pairs are left out (too
    many, and a query's joined words are matched whole), and so are words too short ever to
    complete a query prefix and keys too short for typo lookups."""

    words: Counter[str] = field(default_factory=Counter)
    keys: Counter[str] = field(default_factory=Counter)

    def add_document(self, words: Iterable[str], keys: Iterable[str]) -> None:
        self.words.update(w for w in words if len(w) >= MIN_PREFIX_LENGTH and not w.isdigit())
        self.keys.update(
            k for k in keys if len(k) >= MIN_VOCABULARY_KEY_LENGTH and not k.isdigit()
        )


@dataclass(frozen=True)
class _Analysed:
    words: tuple[str, ...]  # with joined pairs
    keys: tuple[str, ...]
    single_words: tuple[str, ...]
    single_keys: tuple[str, ...]


def _analyse(text: str, *, pairs: bool) -> _Analysed:
    """Every word of a text and, when `pairs`, every two neighbouring words joined (so
    "chikan kari" is also found as "chikankari" and the other way round)."""
    words: list[str] = []
    singles: list[str] = []
    previous: tuple[str, ...] = ()
    for forms in text_forms(text):
        words += forms
        singles += forms
        if pairs and previous:
            # Like with like: both romanised with schwa deletion, or both without.
            joined = dict.fromkeys(
                previous[min(i, len(previous) - 1)] + forms[min(i, len(forms) - 1)]
                for i in range(max(len(previous), len(forms)))
            )
            words += [pair for pair in joined if len(pair) <= 2 * MAX_WORD_LENGTH]
        previous = forms
    unique = tuple(dict.fromkeys(words))
    single = tuple(dict.fromkeys(singles))
    return _Analysed(
        unique,
        tuple(dict.fromkeys(phonetic_key(word) for word in unique)),
        single,
        tuple(dict.fromkeys(phonetic_key(word) for word in single)),
    )


@lru_cache(maxsize=20_000)
def _analyse_short(text: str) -> _Analysed:
    # Names of districts, categories, ODOP products, artisans and vendors recur in thousands
    # of documents; analysing each once keeps a rebuild fast.
    return _analyse(text, pairs=True)


def _joined(parts: Iterable[_Analysed]) -> tuple[str, str]:
    words: dict[str, None] = {}
    keys: dict[str, None] = {}
    for part in parts:
        words.update(dict.fromkeys(part.words))
        keys.update(dict.fromkeys(part.keys))
    return " ".join(words), " ".join(keys)


_NAME_FIELDS = ("name_en", "name_hi")
_ATTRIBUTE_FIELDS = (
    "material_en", "material_hi", "technique_en", "technique_hi",
    "category__name_en", "category__name_hi",
    "odop_product__name_en", "odop_product__name_hi", "odop_product__gi_tag",
    "district__name_en", "district__name_hi",
    "artisan__name_en", "artisan__name_hi", "artisan__craft_en", "artisan__craft_hi",
    "vendor__name_en", "vendor__name_hi",
)
_DESCRIPTION_FIELDS = ("description_en", "description_hi")


def build_documents(
    product_ids: Iterable[int], vocabulary: VocabularyCounts
) -> list[SearchDocument]:
    """Documents of the visible products among the ids (plain rows, not model instances: a
    rebuild reads every product), counted into `vocabulary`."""
    rows = list(
        Product.objects.visible()
        .filter(pk__in=list(product_ids))
        .values("pk", *_NAME_FIELDS, *_ATTRIBUTE_FIELDS, *_DESCRIPTION_FIELDS)
    )
    variant_texts: dict[int, list[str]] = defaultdict(list)
    for product_id, *texts in Variant.objects.filter(
        product_id__in=[row["pk"] for row in rows], is_active=True
    ).values_list("product_id", "label_en", "label_hi", "colour_en", "colour_hi"):
        variant_texts[product_id] += texts
    return [build_document(row, variant_texts[row["pk"]], vocabulary) for row in rows]


def build_document(
    row: dict[str, Any], variant_texts: list[str], vocabulary: VocabularyCounts
) -> SearchDocument:
    name = [_analyse_short(row[field] or "") for field in _NAME_FIELDS]
    attributes = [row[field] or "" for field in _ATTRIBUTE_FIELDS] + variant_texts
    body = [_analyse_short(text) for text in dict.fromkeys(attributes) if text]
    # Descriptions are long and free: their word pairs would double the index for little gain.
    body += [_analyse(row[field] or "", pairs=False) for field in _DESCRIPTION_FIELDS]
    vocabulary.add_document(
        {word for part in name + body for word in part.single_words},
        {key for part in name + body for key in part.single_keys},
    )
    name_words, name_keys = _joined(name)
    body_words, body_keys = _joined(body)
    return SearchDocument(
        product_id=row["pk"],
        name_words=name_words,
        name_keys=name_keys,
        body_words=body_words,
        body_keys=body_keys,
    )
