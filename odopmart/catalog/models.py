"""The catalogue: categories, products (bilingual), variants/SKUs with stock, images, GST data.

Money is integer paise; GST rates are integer basis points (1800 = 18 %).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from odopmart.core.i18n import localized
from odopmart.odop.models import OdopProduct
from odopmart.regions.models import District
from odopmart.sellers.models import Artisan, Vendor


class Category(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=80)
    name_hi = models.CharField(_("name (Hindi)"), max_length=80)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_hi = models.TextField(_("description (Hindi)"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    icon = models.CharField(_("icon"), max_length=8, blank=True, help_text=_("An emoji or glyph"))
    default_hsn_code = models.CharField(_("default HSN code"), max_length=8, blank=True)
    default_gst_rate_bp = models.PositiveIntegerField(
        _("default GST rate (basis points)"), default=500
    )
    return_window_days = models.PositiveSmallIntegerField(_("return window (days)"), default=7)
    product_count = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["position", "name_en"]
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.name_en

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def description(self) -> str:
        return localized(self, "description")

    def get_absolute_url(self) -> str:
        return reverse("storefront:category", args=[self.slug])


class HsnCode(models.Model):
    """The official HSN list (goods), from the GST portal's HSN master."""

    code = models.CharField(_("HSN code"), max_length=8, unique=True)
    description = models.TextField(_("description"))

    class Meta:
        ordering = ["code"]
        verbose_name = _("HSN code")

    def __str__(self) -> str:
        return f"{self.code} {self.description[:60]}"


class GstRate(models.Model):
    """A GST rate for an HSN heading or tariff item, in force from a date (rules of law are data).

    Rows with no rate (`rate_bp` empty) are known to need an operator's decision.
    """

    hsn_code = models.CharField(_("HSN code"), max_length=8, db_index=True)
    rate_bp = models.PositiveIntegerField(_("default rate (basis points)"), null=True, blank=True)
    allowed_rates_bp = models.JSONField(_("allowed rates (basis points)"), default=list, blank=True)
    conditions = models.TextField(_("conditions"), blank=True)
    # Value-dependent rates (apparel, footwear): `rate_bp` applies up to this sale value per
    # piece (taxable value, excluding GST) and `rate_above_threshold_bp` above it.
    value_threshold_paise = models.BigIntegerField(
        _("value threshold per piece (paise)"), null=True, blank=True
    )
    rate_above_threshold_bp = models.PositiveIntegerField(
        _("rate above the threshold (basis points)"), null=True, blank=True
    )
    effective_from = models.DateField(_("in force from"))
    effective_to = models.DateField(_("in force until"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)
    verified = models.BooleanField(_("verified"), default=False)

    class Meta:
        ordering = ["hsn_code", "-effective_from"]
        verbose_name = _("GST rate")
        constraints = [
            models.UniqueConstraint(
                fields=["hsn_code", "effective_from"], name="gst_rate_unique_from"
            ),
            models.CheckConstraint(
                condition=Q(value_threshold_paise__isnull=True)
                | (Q(rate_above_threshold_bp__isnull=False) & Q(rate_bp__isnull=False)),
                name="gst_rate_threshold_complete",
            ),
        ]

    def __str__(self) -> str:
        rate = "unset" if self.rate_bp is None else f"{self.rate_bp / 100:g}%"
        return f"{self.hsn_code} {rate} from {self.effective_from}"


class ProductStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    APPROVED = "approved", _("Approved")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    ARCHIVED = "archived", _("Archived")


class ProductQuerySet(models.QuerySet["Product"]):
    def visible(self) -> ProductQuerySet:
        """What buyers may see: approved listings of approved vendors."""
        return self.filter(status=ProductStatus.APPROVED, vendor__status="approved")


class Product(models.Model):
    slug = models.SlugField(max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_hi = models.CharField(_("name (Hindi)"), max_length=200)
    description_en = models.TextField(_("description (English)"))
    description_hi = models.TextField(_("description (Hindi)"))
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="products")
    odop_product = models.ForeignKey(OdopProduct, on_delete=models.PROTECT, related_name="products")
    # Denormalised from odop_product so district filters need no join.
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="products")
    artisan = models.ForeignKey(Artisan, on_delete=models.PROTECT, related_name="products")
    vendor = models.ForeignKey(Vendor, on_delete=models.PROTECT, related_name="products")
    material_en = models.CharField(_("material (English)"), max_length=120, blank=True)
    material_hi = models.CharField(_("material (Hindi)"), max_length=120, blank=True)
    technique_en = models.CharField(_("craft technique (English)"), max_length=120, blank=True)
    technique_hi = models.CharField(_("craft technique (Hindi)"), max_length=120, blank=True)
    hsn_code = models.CharField(_("HSN code"), max_length=8)
    gst_rate_bp = models.PositiveIntegerField(_("GST rate (basis points)"))
    status = models.CharField(
        _("status"), max_length=20, choices=ProductStatus.choices, default=ProductStatus.DRAFT
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Listing summary, denormalised from variants and images for cheap product cards;
    # kept up to date by catalog.services.product_refresh_summary.
    price_paise = models.BigIntegerField(_("lowest price incl. GST (paise)"), default=0)
    mrp_paise = models.BigIntegerField(_("MRP of that variant (paise)"), default=0)
    in_stock = models.BooleanField(_("in stock"), default=False)
    thumbnail = models.CharField(max_length=255, blank=True, editable=False)

    objects = ProductQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["status", "-id"], name="product_newest_idx"),
            models.Index(fields=["status", "category", "-id"], name="product_cat_idx"),
            models.Index(fields=["status", "district", "-id"], name="product_district_idx"),
            models.Index(fields=["status", "odop_product", "-id"], name="product_odop_idx"),
            models.Index(fields=["status", "price_paise"], name="product_price_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(price_paise__gte=0), name="product_price_nonneg"),
            models.CheckConstraint(
                condition=Q(gst_rate_bp__lte=4000), name="product_gst_rate_sane"
            ),
        ]

    def __str__(self) -> str:
        return self.name_en

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def description(self) -> str:
        return localized(self, "description")

    @property
    def material(self) -> str:
        return localized(self, "material")

    @property
    def technique(self) -> str:
        return localized(self, "technique")

    def get_absolute_url(self) -> str:
        return reverse("storefront:product", args=[self.pk, self.slug])


class Variant(models.Model):
    """A sellable SKU. `price_paise` is the selling price including GST; MRP is printed price."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="variants")
    sku = models.CharField(_("SKU"), max_length=40, unique=True)
    label_en = models.CharField(_("label (English)"), max_length=120)
    label_hi = models.CharField(_("label (Hindi)"), max_length=120, blank=True)
    size = models.CharField(_("size"), max_length=40, blank=True)
    colour_en = models.CharField(_("colour (English)"), max_length=40, blank=True)
    colour_hi = models.CharField(_("colour (Hindi)"), max_length=40, blank=True)
    mrp_paise = models.BigIntegerField(_("MRP (paise)"))
    price_paise = models.BigIntegerField(_("selling price incl. GST (paise)"))
    stock = models.PositiveIntegerField(_("stock"), default=0)
    weight_grams = models.PositiveIntegerField(_("weight (g)"))
    length_mm = models.PositiveIntegerField(_("length (mm)"))
    width_mm = models.PositiveIntegerField(_("width (mm)"))
    height_mm = models.PositiveIntegerField(_("height (mm)"))
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(price_paise__gt=0), name="variant_price_positive"),
            models.CheckConstraint(
                condition=Q(price_paise__lte=models.F("mrp_paise")), name="variant_price_le_mrp"
            ),
            models.CheckConstraint(condition=Q(stock__gte=0), name="variant_stock_nonneg"),
        ]

    def __str__(self) -> str:
        return f"{self.sku} {self.label_en}"

    @property
    def label(self) -> str:
        return localized(self, "label")

    @property
    def colour(self) -> str:
        return localized(self, "colour")


def product_image_path(instance: ProductImage, filename: str) -> str:
    return f"products/{instance.product_id}/{filename}"


class ProductImage(models.Model):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(_("image"), upload_to=product_image_path)
    # WebP renditions generated by catalog.images.image_generate_renditions.
    thumbnail = models.CharField(max_length=255, blank=True, editable=False)
    medium = models.CharField(max_length=255, blank=True, editable=False)
    alt_en = models.CharField(_("description for screen readers (English)"), max_length=200)
    alt_hi = models.CharField(
        _("description for screen readers (Hindi)"), max_length=200, blank=True
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.product_id}: {self.image.name}"

    @property
    def alt(self) -> str:
        return localized(self, "alt")


class ProductStatusEvent(models.Model):
    """One change of a listing's status: who moved it, when, from what to what, and why."""

    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="status_events")
    from_status = models.CharField(_("from"), max_length=20, choices=ProductStatus.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=ProductStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("listing status change")
        indexes = [
            models.Index(fields=["product", "created_at"], name="product_status_event_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.product_id}: {self.from_status} -> {self.to_status}"


class ImportBatchStatus(models.TextChoices):
    INVALID = "invalid", _("Has errors")
    PREVIEWED = "previewed", _("Checked, waiting to import")
    IMPORTED = "imported", _("Imported")
    FAILED = "failed", _("Import refused")


class ImportBatch(models.Model):
    """An uploaded listings file (CSV or XLSX): checked in a dry run, then imported all at once.

    The file itself is kept so the import re-reads and re-checks exactly what was previewed.
    `errors` holds {"row", "column", "code", "params"} items, shown in the reader's language.
    """

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    # The vendor whose listings these are; empty for the catalogue desk (its assigned artisans).
    vendor = models.ForeignKey(
        Vendor,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="import_batches",
        verbose_name=_("vendor"),
    )
    file_name = models.CharField(_("file name"), max_length=200)
    file_format = models.CharField(_("format"), max_length=4)
    content = models.BinaryField(editable=False)
    content_sha256 = models.CharField(max_length=64, editable=False)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ImportBatchStatus.choices,
        default=ImportBatchStatus.INVALID,
    )
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    product_count = models.PositiveIntegerField(_("products"), default=0)
    variant_count = models.PositiveIntegerField(_("variants"), default=0)
    submitted_count = models.PositiveIntegerField(_("sent for review"), default=0)
    error_count = models.PositiveIntegerField(_("errors"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    # What the import creates: one item per product (rows, names, artisan, variant count).
    summary = models.JSONField(default=list, blank=True, editable=False)
    product_ids = models.JSONField(default=list, blank=True, editable=False)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("listings import")
        verbose_name_plural = _("listings imports")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.status})"
