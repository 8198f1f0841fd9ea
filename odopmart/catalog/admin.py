"""Operator console: categories, HSN codes, GST rates, products with variants and images."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.core.files.storage import default_storage
from django.db.models import QuerySet
from django.forms import BaseInlineFormSet, ModelForm
from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from odopmart.catalog.models import Category, GstRate, HsnCode, Product, ProductImage, Variant
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
    readonly_fields = (
        "price", "mrp", "in_stock", "thumbnail_preview", "created_at", "updated_at",
    )  # fmt: skip
    inlines = (VariantInline, ProductImageInline)
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
