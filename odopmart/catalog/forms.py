"""Listing forms of the seller centre: they parse what people type (rupees, percent, numbers) and
hand typed values to the listing services, which hold the rules. Service problems come back as
errors next to the fields they concern (`forms_add_issues`)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from odopmart.catalog.listing_issues import ISSUE_MESSAGES, ListingError
from odopmart.catalog.listing_services import (
    MAX_AMOUNT_PAISE,
    MAX_DIMENSION_MM,
    MAX_STOCK,
    MAX_WEIGHT_GRAMS,
    ProductData,
    VariantData,
    gst_rates_in_use,
)
from odopmart.catalog.models import Category, Product, ProductStatus, Variant
from odopmart.core.money import format_inr, rupees_to_paise
from odopmart.odop.models import OdopProduct
from odopmart.sellers.models import Artisan

# Service field names -> form field names, where the form takes a different unit.
FORM_FIELDS = {
    "gst_rate_bp": "gst_rate_percent",
    "mrp_paise": "mrp_rupees",
    "price_paise": "price_rupees",
}


def forms_add_issues(
    form: forms.Form, error: ListingError, *, prefix_map: dict[str, str] | None = None
) -> None:
    """Put each of the service's issues next to its field (or above the form)."""
    names = {**FORM_FIELDS, **(prefix_map or {})}
    for issue in error.issues:
        name = names.get(issue.field, issue.field)
        form.add_error(name if name in form.fields else None, issue.message)


class ListingForm(forms.Form):
    """A form whose "required" message is the listing one (clear in both languages)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["required"] = ISSUE_MESSAGES["required"]


class RupeeField(forms.CharField):
    """An amount in rupees as typed ('1,499' or '1499.50'), cleaned to paise. Never a float."""

    default_error_messages = {
        "invalid": ISSUE_MESSAGES["amount_format"],
        "positive": ISSUE_MESSAGES["price_positive"],
        "too_large": ISSUE_MESSAGES["amount_too_large"],
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 15)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
        )
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            return format_inr(value, symbol=False).replace(",", "")
        return value

    def clean(self, value: Any) -> int | None:  # type: ignore[override]
        text = super().clean(value)
        if not text:
            return None
        try:
            paise = rupees_to_paise(text)
        except (TypeError, ValueError):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        if paise <= 0:
            raise forms.ValidationError(self.error_messages["positive"], code="positive")
        if paise > MAX_AMOUNT_PAISE:
            raise forms.ValidationError(self.error_messages["too_large"], code="too_large")
        return paise


def _count_field(label: Any, *, minimum: int, maximum: int, **kwargs: Any) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=minimum,
        max_value=maximum,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": minimum}),
        **kwargs,
    )


def _percent_label(rate_bp: int) -> str:
    whole, rest = divmod(rate_bp, 100)
    return f"{whole}%" if not rest else f"{whole}.{rest:02d}".rstrip("0") + "%"


class ProductForm(ListingForm):
    odop_product = forms.ModelChoiceField(
        label=_("ODOP product"),
        queryset=OdopProduct.objects.none(),
        empty_label=None,
        help_text=_("The district's official product this is."),
    )
    category = forms.ModelChoiceField(
        label=_("Category"), queryset=Category.objects.all(), empty_label=_("Choose a category")
    )
    name_en = forms.CharField(label=_("Name in English"), max_length=200)
    name_hi = forms.CharField(label=_("Name in Hindi"), max_length=200)
    description_en = forms.CharField(
        label=_("Description in English"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    description_hi = forms.CharField(
        label=_("Description in Hindi"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    material_en = forms.CharField(label=_("Material in English"), max_length=120, required=False)
    material_hi = forms.CharField(label=_("Material in Hindi"), max_length=120, required=False)
    technique_en = forms.CharField(
        label=_("Craft technique in English"), max_length=120, required=False
    )
    technique_hi = forms.CharField(
        label=_("Craft technique in Hindi"), max_length=120, required=False
    )
    hsn_code = forms.CharField(
        label=_("HSN code"),
        max_length=12,
        required=False,
        help_text=_("4, 6 or 8 digits. Leave empty to use the category's usual code."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    gst_rate_percent = forms.TypedChoiceField(
        label=_("GST rate"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Leave on “as on record” to use the rate for the HSN code."),
    )

    def __init__(self, *args: Any, odop_products: QuerySet[OdopProduct], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["odop_product"].queryset = odop_products
        self.fields["odop_product"].label_from_instance = lambda item: (
            f"{item.name} — {item.district.name}"
        )
        self.fields["category"].label_from_instance = lambda item: item.name
        self.fields["gst_rate_percent"].choices = [("", _("As on record for the HSN code"))] + [
            (rate, _percent_label(rate)) for rate in gst_rates_in_use()
        ]

    @staticmethod
    def initial_for(product: Product) -> dict[str, Any]:
        initial: dict[str, Any] = {
            name: getattr(product, name)
            for name in (
                "name_en",
                "name_hi",
                "description_en",
                "description_hi",
                "material_en",
                "material_hi",
                "technique_en",
                "technique_hi",
                "hsn_code",
            )
        }
        initial.update(
            odop_product=product.odop_product_id,
            category=product.category_id,
            gst_rate_percent=product.gst_rate_bp,
        )
        return initial

    def product_data(self, variants: list[VariantData] | None = None) -> ProductData:
        data = self.cleaned_data
        return ProductData(
            category=data["category"],
            odop_product=data["odop_product"],
            name_en=data["name_en"],
            name_hi=data["name_hi"],
            description_en=data["description_en"],
            description_hi=data["description_hi"],
            material_en=data["material_en"],
            material_hi=data["material_hi"],
            technique_en=data["technique_en"],
            technique_hi=data["technique_hi"],
            hsn_code=data["hsn_code"] or data["category"].default_hsn_code,
            gst_rate_bp=data["gst_rate_percent"],
            variants=variants or [],
        )


class VariantForm(ListingForm):
    sku = forms.CharField(
        label=_("SKU"),
        max_length=40,
        help_text=_("Your own unique code for this option, e.g. CHK-KURTA-M."),
    )
    label_en = forms.CharField(
        label=_("Option name in English"), max_length=120, help_text=_("e.g. Size M, or Blue")
    )
    label_hi = forms.CharField(label=_("Option name in Hindi"), max_length=120, required=False)
    size = forms.CharField(label=_("Size"), max_length=40, required=False)
    colour_en = forms.CharField(label=_("Colour in English"), max_length=40, required=False)
    colour_hi = forms.CharField(label=_("Colour in Hindi"), max_length=40, required=False)
    mrp_rupees = RupeeField(label=_("MRP (₹)"))
    price_rupees = RupeeField(
        label=_("Selling price (₹, with GST)"), help_text=_("Not more than the MRP.")
    )
    stock = _count_field(_("In stock"), minimum=0, maximum=MAX_STOCK)
    weight_grams = _count_field(_("Packed weight (grams)"), minimum=1, maximum=MAX_WEIGHT_GRAMS)
    length_mm = _count_field(_("Length (mm)"), minimum=1, maximum=MAX_DIMENSION_MM)
    width_mm = _count_field(_("Width (mm)"), minimum=1, maximum=MAX_DIMENSION_MM)
    height_mm = _count_field(_("Height (mm)"), minimum=1, maximum=MAX_DIMENSION_MM)
    is_active = forms.BooleanField(label=_("On sale"), required=False, initial=True)

    def __init__(self, *args: Any, show_active: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not show_active:
            del self.fields["is_active"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        mrp, price = data.get("mrp_rupees"), data.get("price_rupees")
        if mrp and price and price > mrp:
            self.add_error("price_rupees", ISSUE_MESSAGES["price_above_mrp"])
        return data

    @staticmethod
    def initial_for(variant: Variant) -> dict[str, Any]:
        initial = {
            name: getattr(variant, name)
            for name in (
                "sku",
                "label_en",
                "label_hi",
                "size",
                "colour_en",
                "colour_hi",
                "stock",
                "weight_grams",
                "length_mm",
                "width_mm",
                "height_mm",
                "is_active",
            )
        }
        initial.update(mrp_rupees=variant.mrp_paise, price_rupees=variant.price_paise)
        return initial

    def variant_data(self) -> VariantData:
        data = self.cleaned_data
        return VariantData(
            sku=data["sku"],
            label_en=data["label_en"],
            label_hi=data["label_hi"],
            size=data["size"],
            colour_en=data["colour_en"],
            colour_hi=data["colour_hi"],
            mrp_paise=data["mrp_rupees"],
            price_paise=data["price_rupees"],
            stock=data["stock"],
            weight_grams=data["weight_grams"],
            length_mm=data["length_mm"],
            width_mm=data["width_mm"],
            height_mm=data["height_mm"],
            is_active=data.get("is_active", True),
        )


class StockForm(ListingForm):
    """One number per variant of a listing: how many are in stock now."""

    def __init__(self, *args: Any, variants: list[Variant], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.variants = variants
        for variant in variants:
            self.fields[f"stock_{variant.pk}"] = _count_field(
                variant.label, minimum=0, maximum=MAX_STOCK, initial=variant.stock
            )
            self.fields[f"stock_{variant.pk}"].error_messages["required"] = ISSUE_MESSAGES[
                "required"
            ]

    def rows(self) -> list[tuple[Variant, forms.BoundField]]:
        return [(variant, self[f"stock_{variant.pk}"]) for variant in self.variants]

    def stock_by_variant(self) -> dict[int, int]:
        return {variant.pk: self.cleaned_data[f"stock_{variant.pk}"] for variant in self.variants}


class PhotoForm(ListingForm):
    image = forms.FileField(
        label=_("Photo"),
        help_text=_("JPEG, PNG or WebP, at least 400 pixels on each side."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    alt_en = forms.CharField(
        label=_("What the photo shows, in English"),
        max_length=200,
        help_text=_("Read out to people who can't see the photo."),
    )
    alt_hi = forms.CharField(
        label=_("What the photo shows, in Hindi"), max_length=200, required=False
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Note"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ModerationForm(ListingForm):
    APPROVE = ProductStatus.APPROVED
    CHANGES = ProductStatus.CHANGES_REQUESTED
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(APPROVE, _("Approve")), (CHANGES, _("Ask for changes"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("What needs to change (or a note)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("decision") == self.CHANGES and not (data.get("reason") or "").strip():
            self.add_error("reason", ISSUE_MESSAGES["reason_required"])
        return data


class ListingFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + list(ProductStatus.choices)
    )
    q = forms.CharField(label=_("Search name or SKU"), required=False, max_length=100)

    def filters(self) -> tuple[str, str]:
        if not self.is_valid():
            return "", ""
        return self.cleaned_data["status"], self.cleaned_data["q"].strip()


class ImportUploadForm(ListingForm):
    file = forms.FileField(
        label=_("Filled-in sheet"),
        help_text=_("The template saved as .xlsx or .csv (UTF-8)."),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".csv,.xlsx,text/csv,"
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )


class ImportConfirmForm(forms.Form):
    submit_for_review = forms.BooleanField(
        label=_("Send for review the listings that pass the checklist"),
        required=False,
        help_text=_("Listings without a photo stay drafts until you add one."),
    )


class ArtisanChoiceForm(ListingForm):
    artisan = forms.ModelChoiceField(
        label=_("Artisan"), queryset=Artisan.objects.none(), empty_label=_("Choose the artisan")
    )

    def __init__(self, *args: Any, artisans: QuerySet[Artisan], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["artisan"].queryset = artisans
        self.fields["artisan"].label_from_instance = lambda item: (
            f"{item.name} — {item.district.name}"
        )
