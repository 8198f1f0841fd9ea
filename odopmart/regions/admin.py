"""Operator console: states, districts, PIN codes and post offices."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from odopmart.regions.models import District, Pincode, PostOffice, State


@admin.register(State)
class StateAdmin(admin.ModelAdmin):
    list_display = (
        "name_en", "name_hi", "gst_state_code", "type", "iso_3166_2_code", "lgd_state_code",
        "district_count",
    )  # fmt: skip
    list_filter = ("type",)
    search_fields = ("name_en", "name_hi", "=gst_state_code", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
    ordering = ("gst_state_code",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[State]:
        return super().get_queryset(request).annotate(district_total=Count("districts"))

    @admin.display(description=_("districts"), ordering="district_total")
    def district_count(self, state: State) -> int:
        return state.district_total  # type: ignore[attr-defined]


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ("name_en", "name_hi", "state", "headline_en", "lgd_code", "product_count")
    list_filter = ("state",)
    list_select_related = ("state",)
    search_fields = ("name_en", "name_hi", "name_lgd", "slug", "headline_en", "headline_hi")
    prepopulated_fields = {"slug": ("name_en",)}
    readonly_fields = ("product_count",)
    fieldsets = (
        (None, {"fields": ("state", "name_en", "name_hi", "slug", "name_lgd", "lgd_code")}),
        (_("Signature craft"), {"fields": ("headline_en", "headline_hi")}),
        (_("Catalogue"), {"fields": ("product_count",)}),
    )


class PostOfficeInline(admin.TabularInline):
    model = PostOffice
    fields = ("name", "branch_type", "delivers", "district", "qa_flag")
    autocomplete_fields = ("district",)
    extra = 0


@admin.register(Pincode)
class PincodeAdmin(admin.ModelAdmin):
    list_display = (
        "code", "district_names", "district", "state", "head_office", "office_count",
        "is_serviceable",
    )  # fmt: skip
    list_filter = ("is_serviceable", "state")
    list_select_related = ("district", "state")
    search_fields = ("^code", "district_names", "head_office")
    autocomplete_fields = ("district",)
    inlines = (PostOfficeInline,)
    list_per_page = 50
    show_full_result_count = False


@admin.register(PostOffice)
class PostOfficeAdmin(admin.ModelAdmin):
    list_display = ("name", "pincode", "branch_type", "delivers", "district", "qa_flag")
    list_filter = ("delivers", "branch_type")
    list_select_related = ("pincode", "district")
    search_fields = ("name", "^pincode__code")
    autocomplete_fields = ("pincode", "district")
    list_per_page = 50
    show_full_result_count = False
