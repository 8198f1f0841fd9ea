"""Operator console: the ODOP registry, with how sure each row is shown everywhere."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from odopmart.odop.models import OdopProduct, Verification
from odopmart.regions.admin import DistrictAdmin
from odopmart.regions.models import District

# Colours of the verification badge: unverified rows must stand out in lists.
_BADGE_COLOURS = {
    Verification.VERIFIED_OFFICIAL: ("#14532d", "#dcfce7"),
    Verification.VERIFIED_SECONDARY: ("#1e3a8a", "#dbeafe"),
    Verification.PARTIALLY_VERIFIED: ("#78350f", "#fef3c7"),
    Verification.UNVERIFIED: ("#7f1d1d", "#fee2e2"),
}


def verification_badge(verification: str) -> SafeString:
    colour, background = _BADGE_COLOURS.get(verification, ("#111827", "#f3f4f6"))
    return format_html(
        '<span style="color:{};background:{};padding:1px 6px;border-radius:8px;'
        'white-space:nowrap">{}</span>',
        colour,
        background,
        Verification(verification).label if verification in Verification.values else verification,
    )


@admin.register(OdopProduct)
class OdopProductAdmin(admin.ModelAdmin):
    list_display = (
        "name_en", "name_hi", "district", "rank", "verification_status", "gi_tag", "sector",
        "year_added", "product_count",
    )  # fmt: skip
    list_filter = (
        "verification", "rank", "year_added", ("gi_tag", admin.EmptyFieldListFilter),
        "district__state",
    )  # fmt: skip
    list_select_related = ("district",)
    search_fields = (
        "name_en", "name_hi", "slug", "district__name_en", "district__name_hi", "gi_tag", "sector",
    )  # fmt: skip
    autocomplete_fields = ("district",)
    readonly_fields = ("product_count",)
    fieldsets = (
        (None, {"fields": ("district", "rank", "name_en", "name_hi", "slug")}),
        (
            _("Registry"),
            {
                "fields": ("verification", "source_ids", "notes", "sector", "gi_tag", "year_added"),
                "description": _(
                    "How sure the registry is about this row, and where it comes from. "
                    "Check unverified rows against the state's official ODOP list."
                ),
            },
        ),
        (_("Description"), {"fields": ("description_en", "description_hi")}),
        (_("Catalogue"), {"fields": ("product_count",)}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[OdopProduct]:
        # __str__ names the district (autocomplete and related lists show it).
        return super().get_queryset(request).select_related("district")

    @admin.display(description=_("verification"), ordering="verification")
    def verification_status(self, product: OdopProduct) -> SafeString:
        return verification_badge(product.verification)


class OdopProductInline(admin.TabularInline):
    model = OdopProduct
    fields = ("name_en", "name_hi", "slug", "rank", "sector", "gi_tag", "verification")
    extra = 0
    show_change_link = True


# The district page lists its ODOP products (the registry app extends the regions admin).
admin.site.unregister(District)


@admin.register(District)
class DistrictWithRegistryAdmin(DistrictAdmin):
    inlines = (*DistrictAdmin.inlines, OdopProductInline)
