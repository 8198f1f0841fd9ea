"""Operator console: vendors (approval, suspension) and their artisans."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from odopmart.catalog.services import catalogue_refresh_counts
from odopmart.sellers.models import Artisan, Vendor, VendorStatus
from odopmart.sellers.services import VendorStatusError, vendor_set_status


@admin.register(Vendor)
class VendorAdmin(admin.ModelAdmin):
    list_display = (
        "name_en", "type", "gstin", "state", "status", "artisans_link", "is_demo", "created_at",
    )  # fmt: skip
    list_filter = ("status", "type", "is_demo", "state")
    list_select_related = ("state",)
    search_fields = ("name_en", "name_hi", "slug", "=gstin", "email", "phone")
    prepopulated_fields = {"slug": ("name_en",)}
    # Status moves only through the approve/suspend actions, which check the transition.
    readonly_fields = ("status", "created_at")
    date_hierarchy = "created_at"
    actions = ("approve_vendors", "suspend_vendors")
    fieldsets = (
        (None, {"fields": ("name_en", "name_hi", "slug", "type", "status", "is_demo")}),
        (_("Registration"), {"fields": ("gstin", "state", "address", "pincode")}),
        (_("Contact"), {"fields": ("email", "phone")}),
        (_("History"), {"fields": ("created_at",)}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Vendor]:
        return super().get_queryset(request).annotate(artisan_total=Count("artisans"))

    @admin.display(description=_("artisans"), ordering="artisan_total")
    def artisans_link(self, vendor: Vendor) -> SafeString:
        url = reverse("admin:sellers_artisan_changelist") + f"?vendor__id__exact={vendor.pk}"
        return format_html('<a href="{}">{}</a>', url, vendor.artisan_total)  # type: ignore[attr-defined]

    def _move(self, request: HttpRequest, queryset: QuerySet[Vendor], to: VendorStatus) -> None:
        moved = 0
        for vendor in queryset.order_by("pk"):
            if vendor.status == to:
                continue
            try:
                vendor_set_status(vendor_id=vendor.pk, status=to, actor=request.user)
            except VendorStatusError as error:
                self.message_user(request, str(error), messages.WARNING)
                continue
            self.log_change(request, vendor, gettext("Status changed to %s.") % to.label)
            moved += 1
        if moved:
            # What buyers see depends on vendor status.
            catalogue_refresh_counts()
        self.message_user(
            request,
            ngettext(
                "%(count)d vendor is now %(status)s.",
                "%(count)d vendors are now %(status)s.",
                moved,
            )
            % {"count": moved, "status": to.label},
            messages.SUCCESS if moved else messages.INFO,
        )

    @admin.action(description=_("Approve the selected vendors"), permissions=["change"])
    def approve_vendors(self, request: HttpRequest, queryset: QuerySet[Vendor]) -> None:
        self._move(request, queryset, VendorStatus.APPROVED)

    @admin.action(description=_("Suspend the selected vendors"), permissions=["change"])
    def suspend_vendors(self, request: HttpRequest, queryset: QuerySet[Vendor]) -> None:
        self._move(request, queryset, VendorStatus.SUSPENDED)


@admin.register(Artisan)
class ArtisanAdmin(admin.ModelAdmin):
    list_display = (
        "name_en", "name_hi", "craft_en", "district", "town", "vendor", "preferred_language",
        "is_demo",
    )  # fmt: skip
    list_filter = ("is_demo", "preferred_language", "vendor__status", "district__state")
    list_select_related = ("vendor", "district")
    search_fields = (
        "name_en", "name_hi", "slug", "phone", "town", "craft_en", "craft_hi", "vendor__name_en",
    )  # fmt: skip
    autocomplete_fields = ("vendor", "district")
    prepopulated_fields = {"slug": ("name_en",)}
    readonly_fields = ("created_at",)
    fieldsets = (
        (None, {"fields": ("vendor", "name_en", "name_hi", "slug", "is_demo")}),
        (_("Craft"), {"fields": ("craft_en", "craft_hi", "story_en", "story_hi")}),
        (_("Address"), {"fields": ("district", "town", "pincode")}),
        (_("Contact"), {"fields": ("phone", "preferred_language")}),
        (_("History"), {"fields": ("created_at",)}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Artisan]:
        # __str__ names the district (autocomplete shows it). The change list keeps these joins
        # and skips list_select_related once a queryset already selects related rows.
        return super().get_queryset(request).select_related(*self.list_select_related)
