"""What a product's search document says: its name, and everything a buyer may type to find
it (description, material, technique, category, district, ODOP product and GI tag, artisan,
vendor, variant labels and colours), in both languages, as words and phonetic keys."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any

from odopmart.catalog.models import Product, Variant
from odopmart.search.models import SearchDocument
from odopmart.search.text import MAX_WORD_LENGTH, phonetic_key, text_forms

# Keys shorter than this are never widened to typo neighbours, so the vocabulary skips them.
MIN_VOCABULARY_KEY_LENGTH = 3


@dataclass(frozen=True)
class _Analysed:
    words: tuple[str, ...]
    keys: tuple[str, ...]
    vocabulary: frozenset[str]


def _analyse(text: str, *, pairs: bool) -> _Analysed:
    """Every word of a text and, when `pairs`, every two neighbouring words joined (so
    "chikan kari" is also found as "chikankari" and the other way round)."""
    words: list[str] = []
    previous: tuple[str, ...] = ()
    for forms in text_forms(text):
        words += forms
        if pairs and previous:
            # Like with like: both romanised with schwa deletion, or both without.
            joined = dict.fromkeys(
                previous[min(i, len(previous) - 1)] + forms[min(i, len(forms) - 1)]
                for i in range(max(len(previous), len(forms)))
            )
            words += [pair for pair in joined if len(pair) <= 2 * MAX_WORD_LENGTH]
        previous = forms
    keys = tuple(dict.fromkeys(phonetic_key(word) for word in words))
    vocabulary = frozenset(
        key for key in keys if len(key) >= MIN_VOCABULARY_KEY_LENGTH and not key.isdigit()
    )
    return _Analysed(tuple(dict.fromkeys(words)), keys, vocabulary)


# Names of districts, categories, ODOP products, artisans and vendors recur in thousands of
# documents; analysing each once keeps a rebuild fast. Descriptions are analysed uncached.
_analyse_short = lru_cache(maxsize=20_000)(partial(_analyse, pairs=True))


def _column(parts: Iterable[_Analysed], vocabulary: set[str]) -> tuple[str, str]:
    words: dict[str, None] = {}
    keys: dict[str, None] = {}
    for part in parts:
        words.update(dict.fromkeys(part.words))
        keys.update(dict.fromkeys(part.keys))
        vocabulary.update(part.vocabulary)
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
    product_ids: Iterable[int], vocabulary: Counter[str]
) -> list[SearchDocument]:
    """Documents of the visible products among the ids (plain rows, not model instances: a
    rebuild reads every product); counts the documents holding each key in `vocabulary`."""
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
    row: dict[str, Any], variant_texts: list[str], vocabulary: Counter[str]
) -> SearchDocument:
    keys_of_document: set[str] = set()
    name_words, name_keys = _column(
        (_analyse_short(row[field] or "") for field in _NAME_FIELDS), keys_of_document
    )
    attributes = [row[field] or "" for field in _ATTRIBUTE_FIELDS] + variant_texts
    body = [_analyse_short(text) for text in dict.fromkeys(attributes) if text]
    # Descriptions are long and free: their word pairs would double the index for little gain.
    body += [_analyse(row[field] or "", pairs=False) for field in _DESCRIPTION_FIELDS]
    body_words, body_keys = _column(body, keys_of_document)
    vocabulary.update(keys_of_document)
    return SearchDocument(
        product_id=row["pk"],
        name_words=name_words,
        name_keys=name_keys,
        body_words=body_words,
        body_keys=body_keys,
    )
