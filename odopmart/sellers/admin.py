"""Operator console: vendors (approval, rejection, suspension), their artisans and KYC documents.

Status changes go through the sellers services (transition table, event row); rejecting and
suspending ask for the reason the vendor will see.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from odopmart.accounts.models import StaffRole, StaffRoleGrant
from odopmart.catalog.services import catalogue_refresh_counts
from odopmart.sellers.models import (
    Artisan,
    ArtisanDistrictException,
    ArtisanVendorHistory,
    DeskAssignment,
    KycDocument,
    Vendor,
    VendorMembership,
    VendorStatus,
    VendorStatusEvent,
)
from odopmart.sellers.services import (
    VendorStatusError,
    desk_assignment_create,
    vendor_set_status,
)


class VendorMembershipInline(admin.TabularInline):
    model = VendorMembership
    extra = 0
    raw_id_fields = ("user",)
    fields = ("user", "role", "created_at")
    readonly_fields = ("created_at",)


class KycDocumentInline(admin.TabularInline):
    model = KycDocument
    extra = 0
    can_delete = False
    fields = ("kind", "download", "content_type", "size_bytes", "uploaded_by", "uploaded_at")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # uploaded by the vendor in the seller centre, where the content is checked

    @admin.display(description=_("file"))
    def download(self, document: KycDocument) -> SafeString:
        url = reverse("sellercentre:document_download", args=[document.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Download"))


class VendorStatusEventInline(admin.TabularInline):
    model = VendorStatusEvent
    extra = 0
    can_delete = False
    fields = ("at", "from_status", "to_status", "actor", "reason")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (shown to the vendor)"), widget=forms.Textarea(attrs={"rows": 4})
    )


@admin.register(Vendor)
class VendorAdmin(admin.ModelAdmin):
    list_display = (
        "name_en", "type", "gstin", "state", "status", "artisans_link", "is_demo", "created_at",
    )  # fmt: skip
    list_filter = ("status", "type", "is_demo", "state")
    list_select_related = ("state",)
    search_fields = ("name_en", "name_hi", "legal_name", "slug", "=gstin", "=pan", "email", "phone")
    prepopulated_fields = {"slug": ("name_en",)}
    autocomplete_fields = ("district",)
    # Status moves only through the actions, which check the transition and record it.
    readonly_fields = (
        "status", "status_reason", "status_changed_at", "onboarding_step", "created_at",
    )  # fmt: skip
    date_hierarchy = "created_at"
    actions = ("approve_vendors", "reject_vendors", "suspend_vendors")
    inlines = (VendorMembershipInline, KycDocumentInline, VendorStatusEventInline)
    fieldsets = (
        (None, {"fields": ("name_en", "name_hi", "slug", "type", "is_demo")}),
        (
            _("Status"),
            {"fields": ("status", "status_reason", "status_changed_at", "onboarding_step")},
        ),
        (
            _("Registration"),
            {"fields": ("registration", "legal_name", "gstin", "enrolment_number", "pan", "state")},
        ),
        (_("Address"), {"fields": ("address", "pincode", "district")}),
        (_("Pickup"), {"fields": ("pickup_address", "pickup_pincode")}),
        (
            _("Contact"),
            {"fields": ("contact_name", "contact_phone", "contact_email", "phone", "email")},
        ),
        (_("Bank"), {"fields": ("bank_account_holder", "bank_account_number", "bank_ifsc")}),
        (_("History"), {"fields": ("created_at",)}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Vendor]:
        return super().get_queryset(request).annotate(artisan_total=Count("artisans"))

    @admin.display(description=_("artisans"), ordering="artisan_total")
    def artisans_link(self, vendor: Vendor) -> SafeString:
        url = reverse("admin:sellers_artisan_changelist") + f"?vendor__id__exact={vendor.pk}"
        return format_html('<a href="{}">{}</a>', url, vendor.artisan_total)  # type: ignore[attr-defined]

    def _move(
        self, request: HttpRequest, queryset: QuerySet[Vendor], to: VendorStatus, reason: str = ""
    ) -> None:
        moved = 0
        for vendor in queryset.order_by("pk"):
            if vendor.status == to:
                continue
            try:
                vendor_set_status(vendor_id=vendor.pk, status=to, actor=request.user, reason=reason)
            except VendorStatusError as error:
                self.message_user(request, str(error), messages.WARNING)
                continue
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.WARNING)
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

    def _move_with_reason(
        self, request: HttpRequest, queryset: QuerySet[Vendor], to: VendorStatus, action: str
    ) -> HttpResponse | None:
        """Ask for the reason first (an intermediate page), then move."""
        form = ReasonForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            self._move(request, queryset, to, reason=form.cleaned_data["reason"])
            return None
        return TemplateResponse(
            request,
            "admin/sellers/vendor/status_reason.html",
            {
                **self.admin_site.each_context(request),
                "title": gettext("Why are these vendors becoming %(status)s?")
                % {"status": to.label},
                "opts": self.model._meta,
                "vendors": queryset.order_by("name_en"),
                "form": form,
                "action": action,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )

    @admin.action(description=_("Approve the selected vendors"), permissions=["change"])
    def approve_vendors(self, request: HttpRequest, queryset: QuerySet[Vendor]) -> None:
        self._move(request, queryset, VendorStatus.APPROVED)

    @admin.action(description=_("Reject the selected vendors"), permissions=["change"])
    def reject_vendors(
        self, request: HttpRequest, queryset: QuerySet[Vendor]
    ) -> HttpResponse | None:
        return self._move_with_reason(request, queryset, VendorStatus.REJECTED, "reject_vendors")

    @admin.action(description=_("Suspend the selected vendors"), permissions=["change"])
    def suspend_vendors(
        self, request: HttpRequest, queryset: QuerySet[Vendor]
    ) -> HttpResponse | None:
        return self._move_with_reason(request, queryset, VendorStatus.SUSPENDED, "suspend_vendors")


class ArtisanVendorHistoryInline(admin.TabularInline):
    model = ArtisanVendorHistory
    fk_name = "artisan"
    extra = 0
    can_delete = False
    fields = ("at", "from_vendor", "to_vendor", "actor", "reason")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


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
    raw_id_fields = ("user",)
    filter_horizontal = ("odop_products",)
    prepopulated_fields = {"slug": ("name_en",)}
    readonly_fields = ("created_at", "move_link")
    inlines = (ArtisanVendorHistoryInline,)
    fieldsets = (
        (
            None,
            {"fields": ("vendor", "move_link", "name_en", "name_hi", "slug", "user", "is_demo")},
        ),
        (
            _("Craft"),
            {"fields": ("craft_en", "craft_hi", "odop_products", "story_en", "story_hi", "photo")},
        ),
        (_("Address"), {"fields": ("address_line", "district", "town", "pincode")}),
        (_("Contact"), {"fields": ("phone", "preferred_language")}),
        (
            _("Identity and payment"),
            {
                "fields": (
                    "pehchan_number",
                    "udyam_number",
                    "bank_account_number",
                    "bank_ifsc",
                    "upi_id",
                )  # fmt: skip
            },
        ),
        (_("History"), {"fields": ("created_at",)}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Artisan]:
        # __str__ names the district (autocomplete shows it). The change list keeps these joins
        # and skips list_select_related once a queryset already selects related rows.
        return super().get_queryset(request).select_related(*self.list_select_related)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> tuple[str, ...]:
        # An artisan changes vendor only through a move, which keeps the history.
        fields = tuple(super().get_readonly_fields(request, obj))
        return (*fields, "vendor") if obj is not None else fields

    @admin.display(description=_("move"))
    def move_link(self, artisan: Artisan) -> SafeString | str:
        if artisan.pk is None:
            return "—"
        url = reverse("sellercentre:artisan_move", args=[artisan.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Move to another vendor"))


@admin.register(ArtisanDistrictException)
class ArtisanDistrictExceptionAdmin(admin.ModelAdmin):
    """Read-only record; moderators decide on the seller centre's moderation page."""

    list_display = ("artisan", "odop_product", "status", "requested_by", "requested_at",
                    "decided_by", "decided_at")  # fmt: skip
    list_filter = ("status",)
    list_select_related = ("artisan__district", "odop_product__district", "requested_by",
                           "decided_by")  # fmt: skip
    search_fields = ("artisan__name_en", "odop_product__name_en")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class DeskAssignmentForm(forms.ModelForm):
    class Meta:
        model = DeskAssignment
        fields = ("desk_user", "vendor", "artisan", "active")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        desk_user, vendor, artisan = data.get("desk_user"), data.get("vendor"), data.get("artisan")
        if (
            desk_user is not None
            and not StaffRoleGrant.objects.filter(
                user=desk_user, role=StaffRole.CATALOGUE_DESK
            ).exists()
        ):
            self.add_error("desk_user", _("This person is not on the catalogue desk."))
        if artisan is not None and vendor is not None and artisan.vendor_id != vendor.pk:
            self.add_error("artisan", _("The artisan does not sell under this vendor."))
        return data


@admin.register(DeskAssignment)
class DeskAssignmentAdmin(admin.ModelAdmin):
    form = DeskAssignmentForm
    list_display = ("desk_user", "vendor", "artisan", "active", "assigned_by", "created_at")
    list_filter = ("active",)
    list_select_related = ("desk_user", "vendor", "artisan__district", "assigned_by")
    raw_id_fields = ("desk_user",)
    autocomplete_fields = ("vendor", "artisan")

    def save_model(
        self, request: HttpRequest, obj: DeskAssignment, form: Any, change: bool
    ) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        created = desk_assignment_create(
            desk_user_id=obj.desk_user_id,
            vendor_id=obj.vendor_id,
            artisan_id=obj.artisan_id,
            actor=request.user,
        )
        obj.pk, obj.assigned_by, obj.created_at = (
            created.pk,
            created.assigned_by,
            created.created_at,
        )


@admin.register(VendorMembership)
class VendorMembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "vendor", "role", "created_at")
    list_filter = ("role",)
    list_select_related = ("user", "vendor")
    search_fields = ("user__username", "user__profile__phone", "vendor__name_en", "=vendor__gstin")
    raw_id_fields = ("user",)
    autocomplete_fields = ("vendor",)


class ReadOnlyAdmin(admin.ModelAdmin):
    """A record written by the services; the console only shows it."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(VendorStatusEvent)
class VendorStatusEventAdmin(ReadOnlyAdmin):
    list_display = ("at", "vendor", "from_status", "to_status", "actor", "reason")
    list_filter = ("to_status",)
    list_select_related = ("vendor", "actor")
    search_fields = ("vendor__name_en", "=vendor__gstin", "reason")
    date_hierarchy = "at"


@admin.register(KycDocument)
class KycDocumentAdmin(ReadOnlyAdmin):
    list_display = ("vendor", "kind", "download", "content_type", "size_bytes", "uploaded_at")
    list_filter = ("kind", "content_type")
    list_select_related = ("vendor",)
    search_fields = ("vendor__name_en", "=vendor__gstin")
    exclude = ("file",)

    @admin.display(description=_("file"))
    def download(self, document: KycDocument) -> SafeString:
        url = reverse("sellercentre:document_download", args=[document.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Download"))


@admin.register(ArtisanVendorHistory)
class ArtisanVendorHistoryAdmin(ReadOnlyAdmin):
    list_display = ("at", "artisan", "from_vendor", "to_vendor", "actor", "reason")
    list_select_related = ("artisan__district", "from_vendor", "to_vendor", "actor")
    search_fields = ("artisan__name_en", "from_vendor__name_en", "to_vendor__name_en")
