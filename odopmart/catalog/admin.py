"""Operator console: categories, HSN codes, GST rates, products with variants and images, their
status history and listing imports.

A listing's status changes only through the moderation actions (approve, archive, ask for
changes), which go through `moderation.products_set_status`: the transition table, the checklist
and an event row for each listing.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.files.storage import default_storage
from django.db.models import QuerySet
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from odopmart.accounts.roles import has_staff_role
from odopmart.catalog.models import (
    Category,
    GstRate,
    HsnCode,
    ImportBatch,
    Product,
    ProductImage,
    ProductStatus,
    ProductStatusEvent,
    Variant,
)
from odopmart.catalog.moderation import (
    BulkStatusResult,
    checklist_warnings,
    listing_checklists,
    products_set_status,
)
from odopmart.catalog.services import (
    catalogue_refresh_counts,
    product_refresh_summary,
    products_refresh_summaries,
)
from odopmart.core.money import format_inr

admin.site.site_header = "odopmart"
admin.site.site_title = "odopmart"
admin.site.index_title = _("Operator console")


def _rate(rate_bp: int | None) -> str:
    return "—" if rate_bp is None else f"{rate_bp / 100:g} %"


def _preview(name: str) -> SafeString | str:
    """A small picture of a stored rendition (thumbnail), for lists and forms."""
    if not name:
        return "—"
    url = name if name.startswith("/") or "://" in name else default_storage.url(name)
    return format_html('<img src="{}" alt="" style="height:48px;border-radius:4px">', url)


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = (
        "name_en", "name_hi", "icon", "position", "slug", "default_hsn_code", "default_gst_rate",
        "return_window_days", "product_count",
    )  # fmt: skip
    list_editable = ("position",)
    search_fields = ("name_en", "name_hi", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
    readonly_fields = ("product_count",)
    ordering = ("position", "name_en")

    @admin.display(description=_("default GST rate"), ordering="default_gst_rate_bp")
    def default_gst_rate(self, category: Category) -> str:
        return _rate(category.default_gst_rate_bp)


@admin.register(HsnCode)
class HsnCodeAdmin(admin.ModelAdmin):
    list_display = ("code", "description")
    search_fields = ("^code", "description")
    list_per_page = 50
    show_full_result_count = False


class GstRateSetFilter(admin.SimpleListFilter):
    title = _("rate")
    parameter_name = "rate_set"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("no", _("Not set: needs a decision")), ("yes", _("Set"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[GstRate]) -> QuerySet[GstRate]:
        if self.value() == "no":
            return queryset.filter(rate_bp__isnull=True)
        if self.value() == "yes":
            return queryset.filter(rate_bp__isnull=False)
        return queryset


@admin.register(GstRate)
class GstRateAdmin(admin.ModelAdmin):
    list_display = (
        "hsn_code", "rate", "allowed_rates", "effective_from", "effective_to", "verified",
        "source",
    )  # fmt: skip
    list_filter = ("verified", GstRateSetFilter, "effective_from")
    search_fields = ("^hsn_code", "conditions", "source")
    fieldsets = (
        (None, {"fields": ("hsn_code", "rate_bp", "allowed_rates_bp", "conditions")}),
        (_("In force"), {"fields": ("effective_from", "effective_to")}),
        (_("Provenance"), {"fields": ("source", "verified")}),
    )

    @admin.display(description=_("rate"), ordering="rate_bp")
    def rate(self, gst_rate: GstRate) -> SafeString | str:
        if gst_rate.rate_bp is None:
            return format_html('<strong style="color:#b91c1c">{}</strong>', _("not set"))
        return _rate(gst_rate.rate_bp)

    @admin.display(description=_("allowed rates"))
    def allowed_rates(self, gst_rate: GstRate) -> str:
        return ", ".join(_rate(rate) for rate in gst_rate.allowed_rates_bp or [])


# --- products -------------------------------------------------------------------------------


class VariantInline(admin.TabularInline):
    model = Variant
    fields = (
        "sku", "label_en", "label_hi", "size", "colour_en", "colour_hi", "mrp_paise",
        "price_paise", "stock", "weight_grams", "length_mm", "width_mm", "height_mm", "position",
        "is_active",
    )  # fmt: skip
    extra = 0


class ProductImageInline(admin.TabularInline):
    model = ProductImage
    fields = ("preview", "image", "alt_en", "alt_hi", "position")
    readonly_fields = ("preview",)
    extra = 0

    @admin.display(description=_("preview"))
    def preview(self, image: ProductImage) -> SafeString | str:
        return _preview(image.thumbnail)


def _render(image: ProductImage) -> None:
    # Imported on use: the imaging stack is only needed when a picture is uploaded.
    from odopmart.catalog.images import image_generate_renditions

    image_generate_renditions(image)


def _render_new_images(formset: BaseInlineFormSet) -> None:
    for form in formset.forms:
        image = form.instance
        if image.pk and "image" in form.changed_data and image.image:
            _render(image)


class ReadOnlyAdmin(admin.ModelAdmin):
    """A record written by the services; the console only shows it."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ProductStatusEventInline(admin.TabularInline):
    model = ProductStatusEvent
    verbose_name_plural = _("status history")
    extra = 0
    can_delete = False
    fields = ("created_at", "from_status", "to_status", "actor", "reason")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet[ProductStatusEvent]:
        return super().get_queryset(request).select_related("actor")


class ChangesForm(forms.Form):
    reason = forms.CharField(
        label=_("What needs to change (shown to the seller)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ApproveForm(forms.Form):
    accept_warnings = forms.BooleanField(
        label=_("I have looked at the warnings: approve these listings anyway"),
        help_text=_("Each listing's history will say that the warning was accepted."),
        required=False,
    )
    reason = forms.CharField(
        label=_("Note (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


# How many refused listings are named one by one after a bulk action.
REFUSALS_SHOWN = 10


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = (
        "thumbnail_preview", "name_en", "district", "category", "vendor", "artisan_name",
        "price", "in_stock", "status", "is_demo", "updated_at",
    )  # fmt: skip
    list_display_links = ("thumbnail_preview", "name_en")
    list_filter = ("status", "category", "district", "is_demo", "in_stock", "vendor__status")
    list_select_related = ("district", "category", "vendor", "artisan")
    search_fields = (
        "name_en", "name_hi", "slug", "artisan__name_en", "vendor__name_en", "vendor__gstin",
    )  # fmt: skip
    autocomplete_fields = ("odop_product", "district", "artisan", "vendor")
    # The status moves only through the actions below (checked, and recorded in the history).
    readonly_fields = (
        "status", "price", "mrp", "in_stock", "thumbnail_preview", "created_at", "updated_at",
    )  # fmt: skip
    inlines = (VariantInline, ProductImageInline, ProductStatusEventInline)
    actions = ("approve_listings", "archive_listings", "ask_for_changes")
    list_per_page = 50
    fieldsets = (
        (None, {"fields": ("status", "name_en", "name_hi", "slug", "category", "is_demo")}),
        (_("Description"), {"fields": ("description_en", "description_hi")}),
        (
            _("Craft"),
            {"fields": ("material_en", "material_hi", "technique_en", "technique_hi")},
        ),
        (_("Origin"), {"fields": ("district", "odop_product", "artisan", "vendor")}),
        (_("Tax"), {"fields": ("hsn_code", "gst_rate_bp")}),
        (
            _("Listing summary"),
            {
                "fields": ("price", "mrp", "in_stock", "thumbnail_preview"),
                "description": _("Worked out from the variants and images when saved."),
            },
        ),
        (_("History"), {"fields": ("created_at", "updated_at")}),
    )

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Product], search_term: str
    ) -> tuple[QuerySet[Product], bool]:
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if term.isdigit() and len(term) <= 18:
            results |= queryset.filter(pk=int(term))
        return results, may_have_duplicates

    @admin.display(description=_("photo"))
    def thumbnail_preview(self, product: Product) -> SafeString | str:
        return _preview(product.thumbnail)

    @admin.display(description=_("artisan"), ordering="artisan__name_en")
    def artisan_name(self, product: Product) -> str:
        return product.artisan.name_en

    @admin.display(description=_("price"), ordering="price_paise")
    def price(self, product: Product) -> str:
        return format_inr(product.price_paise)

    @admin.display(description=_("MRP"), ordering="mrp_paise")
    def mrp(self, product: Product) -> str:
        return format_inr(product.mrp_paise)

    def save_formset(
        self, request: HttpRequest, form: ModelForm, formset: BaseInlineFormSet, change: bool
    ) -> None:
        super().save_formset(request, form, formset, change)
        if formset.model is ProductImage:
            _render_new_images(formset)

    # --- moderation actions -------------------------------------------------------------

    def has_moderate_permission(self, request: HttpRequest) -> bool:
        return has_staff_role(request.user, "moderator")

    def _report(self, request: HttpRequest, result: BulkStatusResult, to: ProductStatus) -> None:
        changed = {p.pk: p for p in Product.objects.filter(pk__in=result.changed)}
        for product in changed.values():
            self.log_change(request, product, gettext("Status changed to %s.") % to.label)
        if result.changed:
            self.message_user(
                request,
                ngettext(
                    "%(count)d listing is now “%(status)s”.",
                    "%(count)d listings are now “%(status)s”.",
                    len(result.changed),
                )
                % {"count": len(result.changed), "status": to.label},
                messages.SUCCESS,
            )
        if not result.refused:
            return
        self.message_user(
            request,
            ngettext(
                "%(count)d listing was left as it was:",
                "%(count)d listings were left as they were:",
                len(result.refused),
            )
            % {"count": len(result.refused)},
            messages.WARNING,
        )
        names = dict(
            Product.objects.filter(pk__in=list(result.refused)[:REFUSALS_SHOWN]).values_list(
                "pk", "name_en"
            )
        )
        for product_id, why in list(result.refused.items())[:REFUSALS_SHOWN]:
            self.message_user(
                request,
                f"#{product_id} {names.get(product_id, '')}: {why}",
                messages.WARNING,
            )
        if len(result.refused) > REFUSALS_SHOWN:
            self.message_user(
                request,
                gettext("… and %(count)d more.") % {"count": len(result.refused) - REFUSALS_SHOWN},
                messages.WARNING,
            )

    def _confirm(
        self,
        request: HttpRequest,
        queryset: QuerySet[Product],
        *,
        action: str,
        title: str,
        form: forms.Form,
        warnings: dict[int, list[Any]] | None = None,
    ) -> TemplateResponse:
        """The intermediate page of an action that needs a reason or an acceptance."""
        products = list(queryset.select_related("district", "artisan").order_by("pk"))
        return TemplateResponse(
            request,
            "admin/catalog/product/moderation_action.html",
            {
                **self.admin_site.each_context(request),
                "title": title,
                "opts": self.model._meta,
                "rows": [(product, (warnings or {}).get(product.pk, [])) for product in products],
                "form": form,
                "action": action,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )

    @admin.action(description=_("Approve selected listings"), permissions=["moderate"])
    def approve_listings(
        self, request: HttpRequest, queryset: QuerySet[Product]
    ) -> HttpResponse | None:
        form = ApproveForm(request.POST if "apply" in request.POST else None)
        if not form.is_bound:
            waiting = queryset.filter(status=ProductStatus.SUBMITTED).select_related(
                "vendor", "category", "artisan__district", "odop_product__district"
            )
            warnings = {
                pk: found
                for pk, items in listing_checklists(list(waiting)).items()
                if (found := checklist_warnings(items))
            }
            if warnings:
                return self._confirm(
                    request,
                    queryset,
                    action="approve_listings",
                    title=gettext("Some listings have a warning. Approve them anyway?"),
                    form=form,
                    warnings=warnings,
                )
        elif not form.is_valid():
            return self._confirm(
                request,
                queryset,
                action="approve_listings",
                title=gettext("Some listings have a warning. Approve them anyway?"),
                form=form,
            )
        data = form.cleaned_data if form.is_bound else {}
        result = products_set_status(
            product_ids=queryset.values_list("pk", flat=True),
            to=ProductStatus.APPROVED,
            actor=request.user,
            reason=data.get("reason", ""),
            accept_warnings=bool(data.get("accept_warnings")),
        )
        self._report(request, result, ProductStatus.APPROVED)
        return None

    @admin.action(description=_("Archive selected listings"), permissions=["change"])
    def archive_listings(self, request: HttpRequest, queryset: QuerySet[Product]) -> None:
        result = products_set_status(
            product_ids=queryset.values_list("pk", flat=True),
            to=ProductStatus.ARCHIVED,
            actor=request.user,
        )
        self._report(request, result, ProductStatus.ARCHIVED)

    @admin.action(description=_("Ask for changes"), permissions=["moderate"])
    def ask_for_changes(
        self, request: HttpRequest, queryset: QuerySet[Product]
    ) -> HttpResponse | None:
        form = ChangesForm(request.POST if "apply" in request.POST else None)
        if not (form.is_bound and form.is_valid()):
            return self._confirm(
                request,
                queryset,
                action="ask_for_changes",
                title=gettext("What should the sellers change?"),
                form=form,
            )
        result = products_set_status(
            product_ids=queryset.values_list("pk", flat=True),
            to=ProductStatus.CHANGES_REQUESTED,
            actor=request.user,
            reason=form.cleaned_data["reason"],
        )
        self._report(request, result, ProductStatus.CHANGES_REQUESTED)
        return None

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: Any, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        product_refresh_summary(form.instance)
        if "status" in form.changed_data or not change:
            catalogue_refresh_counts()


@admin.register(Variant)
class VariantAdmin(admin.ModelAdmin):
    list_display = ("sku", "product", "label_en", "price", "mrp", "stock", "is_active")
    list_filter = ("is_active",)
    list_select_related = ("product",)
    search_fields = ("^sku", "label_en", "product__name_en")
    autocomplete_fields = ("product",)
    list_per_page = 50

    @admin.display(description=_("price"), ordering="price_paise")
    def price(self, variant: Variant) -> str:
        return format_inr(variant.price_paise)

    @admin.display(description=_("MRP"), ordering="mrp_paise")
    def mrp(self, variant: Variant) -> str:
        return format_inr(variant.mrp_paise)

    def save_model(self, request: HttpRequest, obj: Variant, form: ModelForm, change: bool) -> None:
        super().save_model(request, obj, form, change)
        products_refresh_summaries([obj.product_id])

    def delete_model(self, request: HttpRequest, obj: Variant) -> None:
        super().delete_model(request, obj)
        products_refresh_summaries([obj.product_id])

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Variant]) -> None:
        product_ids = list(queryset.values_list("product_id", flat=True).distinct())
        super().delete_queryset(request, queryset)
        products_refresh_summaries(product_ids)


@admin.register(ProductImage)
class ProductImageAdmin(admin.ModelAdmin):
    list_display = ("preview", "product", "alt_en", "position")
    list_select_related = ("product",)
    search_fields = ("product__name_en", "alt_en", "alt_hi")
    autocomplete_fields = ("product",)
    readonly_fields = ("preview", "thumbnail", "medium")
    list_per_page = 50

    @admin.display(description=_("preview"))
    def preview(self, image: ProductImage) -> SafeString | str:
        return _preview(image.thumbnail)

    def save_model(
        self, request: HttpRequest, obj: ProductImage, form: ModelForm, change: bool
    ) -> None:
        super().save_model(request, obj, form, change)
        if "image" in form.changed_data and obj.image:
            _render(obj)
        products_refresh_summaries([obj.product_id])

    def delete_model(self, request: HttpRequest, obj: ProductImage) -> None:
        super().delete_model(request, obj)
        products_refresh_summaries([obj.product_id])

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[ProductImage]) -> None:
        product_ids = list(queryset.values_list("product_id", flat=True).distinct())
        super().delete_queryset(request, queryset)
        products_refresh_summaries(product_ids)


@admin.register(ProductStatusEvent)
class ProductStatusEventAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "product", "from_status", "to_status", "actor", "short_reason")
    list_filter = ("to_status", "from_status")
    list_select_related = ("product", "actor")
    search_fields = ("product__name_en", "product__name_hi", "=product__id", "reason")
    date_hierarchy = "created_at"
    list_per_page = 50
    show_full_result_count = False

    @admin.display(description=_("reason"))
    def short_reason(self, event: ProductStatusEvent) -> str:
        return Truncator(event.reason).chars(80)


@admin.register(ImportBatch)
class ImportBatchAdmin(ReadOnlyAdmin):
    list_display = (
        "created_at", "file_name", "file_format", "vendor", "created_by", "status", "row_count",
        "product_count", "variant_count", "submitted_count", "error_count",
    )  # fmt: skip
    list_filter = ("status", "file_format")
    list_select_related = ("vendor", "created_by")
    search_fields = ("file_name", "vendor__name_en", "=vendor__gstin", "created_by__username")
    date_hierarchy = "created_at"
    list_per_page = 50
    # The uploaded file itself stays out of the console (and out of every query here).
    exclude = ("content",)
    fields = (
        "file_name", "file_format", "content_sha256", "vendor", "created_by", "status",
        "row_count", "product_count", "variant_count", "submitted_count", "error_count",
        "products", "errors", "created_at", "imported_at",
    )  # fmt: skip
    readonly_fields = fields

    def get_queryset(self, request: HttpRequest) -> QuerySet[ImportBatch]:
        return super().get_queryset(request).defer("content")

    @admin.display(description=_("listings created"))
    def products(self, batch: ImportBatch) -> SafeString | str:
        if not batch.product_ids:
            return "—"
        ids = ",".join(str(int(pk)) for pk in batch.product_ids)
        url = reverse("admin:catalog_product_changelist") + f"?id__in={ids}"
        return format_html('<a href="{}">{}</a>', url, len(batch.product_ids))
