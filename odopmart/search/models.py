"""The search index: one document per visible product, and the vocabulary of phonetic keys.

The document columns hold space-separated lowercase ASCII tokens made by `search.text`; the
database's own full-text machinery indexes them (an FTS5 table on SQLite, generated
`tsvector` columns on PostgreSQL, created by migrations 0002/0003 outside the model state).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    product = models.OneToOneField(
        "catalog.Product", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    # Words are exact (romanised) spellings, keys their phonetic keys; "name" is the product
    # name, "body" everything else (description, materials, district, ODOP product, artisan).
    name_words = models.TextField(_("name words"))
    name_keys = models.TextField(_("name keys"))
    body_words = models.TextField(_("other words"))
    body_keys = models.TextField(_("other keys"))

    class Meta:
        verbose_name = _("search document")

    def __str__(self) -> str:
        return f"search document of product {self.product_id}"


class SearchWord(models.Model):
    """A word (4 letters or more) that occurs in the index: a query word also matches the
    commonest indexed words that begin with it ("chikan" -> "chikankari")."""

    word = models.CharField(max_length=100, unique=True)
    # Documents holding the word at the last rebuild (1 for words added since).
    frequency = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return self.word


class SearchTerm(models.Model):
    """A phonetic key that occurs in the index. A query key also matches the commonest keys
    that begin with it, and a misspelt one is widened to the nearby ones, commonest first.
    `head` and `length` narrow the candidates before edit distances are computed (SQLite);
    PostgreSQL uses a trigram index on `key` instead."""

    key = models.CharField(max_length=100, unique=True)
    head = models.CharField(max_length=1)
    length = models.PositiveSmallIntegerField()
    # Documents holding the key at the last rebuild (1 for keys added since).
    frequency = models.PositiveIntegerField(default=1)

    class Meta:
        indexes = [models.Index(fields=["head", "length"], name="search_term_head_len_idx")]

    def __str__(self) -> str:
        return self.key
