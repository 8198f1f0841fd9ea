"""What a product's search document says: its name, and everything a buyer may type to find
it (description, material, technique, category, district, ODOP product and GI tag, artisan,
vendor, variant labels and colours), in both languages, as words and phonetic keys."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet

from odopmart.catalog.models import Product, Variant
from odopmart.search.models import SearchDocument
from odopmart.search.text import MAX_WORD_LENGTH, phonetic_key, text_forms

# Keys shorter than this are never widened to typo neighbours, so the vocabulary skips them.
MIN_VOCABULARY_KEY_LENGTH = 3


@dataclass
class _Column:
    words: dict[str, None] = field(default_factory=dict)
    keys: dict[str, None] = field(default_factory=dict)

    def add(self, form: str, vocabulary: set[str] | None) -> None:
        self.words[form] = None
        key = phonetic_key(form)
        self.keys[key] = None
        if vocabulary is not None and len(key) >= MIN_VOCABULARY_KEY_LENGTH and not key.isdigit():
            vocabulary.add(key)

    def add_text(self, text: str, vocabulary: set[str], *, pairs_in_vocabulary: bool) -> None:
        """Every word, and every two neighbouring words joined (so "chikan kari" is also
        found as "chikankari" and the other way round)."""
        previous: tuple[str, ...] = ()
        for forms in text_forms(text):
            for form in forms:
                self.add(form, vocabulary)
            for left in previous:
                for form in forms:
                    if len(left) + len(form) <= 2 * MAX_WORD_LENGTH:
                        self.add(left + form, vocabulary if pairs_in_vocabulary else None)
            previous = forms


def products_to_index(product_ids: Iterable[int]) -> QuerySet[Product]:
    """The visible products among the ids, with everything their documents need."""
    return (
        Product.objects.visible()
        .filter(pk__in=list(product_ids))
        .select_related("category", "odop_product", "district", "artisan", "vendor")
        .prefetch_related(
            Prefetch(
                "variants",
                queryset=Variant.objects.filter(is_active=True).only(
                    "product_id", "label_en", "label_hi", "colour_en", "colour_hi"
                ),
            )
        )
    )


def _attribute_texts(product: Product) -> list[str]:
    odop = product.odop_product
    texts = [
        product.material_en, product.material_hi, product.technique_en, product.technique_hi,
        product.category.name_en, product.category.name_hi,
        odop.name_en, odop.name_hi, odop.gi_tag,
        product.district.name_en, product.district.name_hi,
        product.artisan.name_en, product.artisan.name_hi,
        product.artisan.craft_en, product.artisan.craft_hi,
        product.vendor.name_en, product.vendor.name_hi,
    ]
    for variant in product.variants.all():
        texts += [variant.label_en, variant.label_hi, variant.colour_en, variant.colour_hi]
    return texts


def build_document(product: Product, vocabulary: set[str]) -> SearchDocument:
    """The document of one product (loaded by `products_to_index`); adds its phonetic keys
    to `vocabulary` (pairs of description words stay out: too many, too rarely typed)."""
    name = _Column()
    body = _Column()
    for text in (product.name_en, product.name_hi):
        name.add_text(text, vocabulary, pairs_in_vocabulary=True)
    for text in dict.fromkeys(_attribute_texts(product)):
        body.add_text(text, vocabulary, pairs_in_vocabulary=True)
    for text in (product.description_en, product.description_hi):
        body.add_text(text, vocabulary, pairs_in_vocabulary=False)
    return SearchDocument(
        product_id=product.pk,
        name_words=" ".join(name.words),
        name_keys=" ".join(name.keys),
        body_words=" ".join(body.words),
        body_keys=" ".join(body.keys),
    )
