from django.contrib import admin

from odopmart.search.models import SearchDocument, SearchTerm


@admin.register(SearchDocument)
class SearchDocumentAdmin(admin.ModelAdmin):
    """Read-only: documents are written by the indexer (`rebuild_search_index`)."""

    list_display = ("product", "name_words")
    search_fields = ("=product__id",)
    readonly_fields = ("product", "name_words", "name_keys", "body_words", "body_keys")
    list_select_related = ("product",)

    def has_add_permission(self, request: object) -> bool:
        return False

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(SearchTerm)
class SearchTermAdmin(admin.ModelAdmin):
    list_display = ("key", "length")
    search_fields = ("key",)
    ordering = ("key",)
