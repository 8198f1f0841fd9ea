from django.contrib import admin
from django.http import HttpRequest

from odopmart.search.models import SearchDocument, SearchTerm, SearchWord


class _DerivedAdmin(admin.ModelAdmin):
    """Read-only: the index is written by the indexer (signals and `rebuild_search_index`),
    and shown here to explain why a product is or is not found."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(SearchDocument)
class SearchDocumentAdmin(_DerivedAdmin):
    list_display = ("product", "name_words")
    search_fields = ("=product__id",)
    list_select_related = ("product",)


@admin.register(SearchWord)
class SearchWordAdmin(_DerivedAdmin):
    list_display = ("word", "frequency")
    search_fields = ("^word",)
    ordering = ("word",)


@admin.register(SearchTerm)
class SearchTermAdmin(_DerivedAdmin):
    list_display = ("key", "frequency")
    search_fields = ("^key",)
    ordering = ("key",)
