"""Listing write paths for vendors and the catalogue desk: products, variants, stock and photos.

Every function checks the whole change first and either saves all of it or raises `ListingError`
with every problem found (nothing saved). Prices arrive as paise; the forms and the bulk import
parse rupee text with `rupees_to_paise`. Editing the content of an approved listing (words,
origin, tax, photos, variant names) sends it back to review; price, MRP and stock changes don't.
"""

from __future__ import annotations

import io
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_noop
from PIL import Image, ImageOps, UnidentifiedImageError

from odopmart.catalog.listing_issues import ListingError, ListingIssue, percent_text
from odopmart.catalog.models import (
    Category,
    GstRate,
    HsnCode,
    Product,
    ProductImage,
    ProductStatus,
    Variant,
)
from odopmart.catalog.services import product_refresh_summary
from odopmart.odop.models import OdopProduct
from odopmart.sellers.models import Artisan, Vendor
from odopmart.sellers.selectors import artisan_may_make

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    Actor = AbstractBaseUser | AnonymousUser | None
else:
    Actor = Any

SKU_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_/-]*$")
HSN_PATTERN = re.compile(r"^\d{4}(\d{2}){0,2}$")
DESCRIPTION_MAX = 5000
# Upper bounds that keep mistyped numbers (an extra zero or five) out of the catalogue.
MAX_AMOUNT_PAISE = 10_000_000 * 100
MAX_STOCK = 1_000_000
MAX_WEIGHT_GRAMS = 1_000_000
MAX_DIMENSION_MM = 10_000

PHOTO_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def _limit(name: str, default: int) -> int:
    return int(settings.ODOPMART.get(name, default))


# --- input ----------------------------------------------------------------------------------


@dataclass
class VariantData:
    """One sellable option. Money in paise, including GST."""

    sku: str
    label_en: str
    mrp_paise: int
    price_paise: int
    weight_grams: int
    length_mm: int
    width_mm: int
    height_mm: int
    label_hi: str = ""
    size: str = ""
    colour_en: str = ""
    colour_hi: str = ""
    stock: int = 0
    is_active: bool = True


@dataclass
class ProductData:
    """What a seller says about a product. `gst_rate_bp=None` takes the rate on record."""

    category: Category
    odop_product: OdopProduct
    name_en: str
    name_hi: str
    description_en: str
    description_hi: str
    hsn_code: str
    gst_rate_bp: int | None = None
    material_en: str = ""
    material_hi: str = ""
    technique_en: str = ""
    technique_hi: str = ""
    variants: list[VariantData] = field(default_factory=list)


# Fields whose change makes an approved listing go back to review.
PRODUCT_CONTENT_FIELDS = (
    "name_en",
    "name_hi",
    "description_en",
    "description_hi",
    "material_en",
    "material_hi",
    "technique_en",
    "technique_hi",
    "hsn_code",
    "gst_rate_bp",
)
VARIANT_CONTENT_FIELDS = ("label_en", "label_hi", "size", "colour_en", "colour_hi")
_TEXT_LIMITS = {
    "name_en": 200,
    "name_hi": 200,
    "description_en": DESCRIPTION_MAX,
    "description_hi": DESCRIPTION_MAX,
    "material_en": 120,
    "material_hi": 120,
    "technique_en": 120,
    "technique_hi": 120,
}
_REQUIRED_TEXT = ("name_en", "name_hi", "description_en", "description_hi")
_VARIANT_TEXT_LIMITS = {
    "label_en": 120,
    "label_hi": 120,
    "size": 40,
    "colour_en": 40,
    "colour_hi": 40,
}
_VARIANT_NUMBERS = {
    "weight_grams": MAX_WEIGHT_GRAMS,
    "length_mm": MAX_DIMENSION_MM,
    "width_mm": MAX_DIMENSION_MM,
    "height_mm": MAX_DIMENSION_MM,
}


def _clean_text(value: object) -> str:
    """One line of text: surrounding space removed, inner runs of space made single."""
    return " ".join(str(value or "").split())


def _clean_paragraphs(value: object) -> str:
    """Text that may have several lines: each line trimmed, Windows line ends made plain."""
    lines = [line.strip() for line in str(value or "").replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip()


def normalise_hsn(value: str) -> str:
    return re.sub(r"[\s.]", "", str(value or ""))


def cleaned_product(data: ProductData) -> ProductData:
    changes: dict[str, Any] = {
        name: (_clean_paragraphs if name.startswith("description") else _clean_text)(
            getattr(data, name)
        )
        for name in _TEXT_LIMITS
    }
    changes["hsn_code"] = normalise_hsn(data.hsn_code)
    return replace(data, **changes)


def cleaned_variant(data: VariantData) -> VariantData:
    changes: dict[str, Any] = {
        name: _clean_text(getattr(data, name)) for name in _VARIANT_TEXT_LIMITS
    }
    changes["sku"] = str(data.sku or "").strip().upper()
    return replace(data, **changes)


# --- GST on record ------------------------------------------------------------------------


def _hsn_prefixes(hsn_code: str) -> list[str]:
    return [hsn_code[:length] for length in range(2, len(hsn_code) + 1, 2)]


def gst_rates_in_force(hsn_code: str, *, on: date | None = None) -> list[GstRate]:
    """Rate rows that apply to an HSN code on a day, the most specific (longest code) first."""
    on = on or timezone.localdate()
    rows = GstRate.objects.filter(
        Q(effective_to__isnull=True) | Q(effective_to__gte=on),
        hsn_code__in=_hsn_prefixes(hsn_code),
        effective_from__lte=on,
    )
    return sorted(rows, key=lambda row: (-len(row.hsn_code), -row.effective_from.toordinal()))


def gst_rate_verified_row(hsn_code: str, *, on: date | None = None) -> GstRate | None:
    """The most specific verified rate row in force for an HSN code, if any."""
    return next(
        (
            row
            for row in gst_rates_in_force(hsn_code, on=on)
            if row.verified and row.rate_bp is not None
        ),
        None,
    )


def gst_rate_default(hsn_code: str, category: Category, *, on: date | None = None) -> int:
    """The rate to pre-fill: the HSN's rate on record today, else the category's default."""
    for row in gst_rates_in_force(hsn_code, on=on):
        if row.rate_bp is not None:
            return row.rate_bp
    return category.default_gst_rate_bp


def gst_rates_in_use(*, on: date | None = None) -> list[int]:
    """Every rate the rate table and the categories use (the slabs, as data)."""
    on = on or timezone.localdate()
    rates: set[int] = set(Category.objects.values_list("default_gst_rate_bp", flat=True))
    rows = GstRate.objects.filter(
        Q(effective_to__isnull=True) | Q(effective_to__gte=on), effective_from__lte=on
    ).values_list("rate_bp", "allowed_rates_bp")
    for rate_bp, allowed in rows:
        if rate_bp is not None:
            rates.add(rate_bp)
        rates.update(int(value) for value in allowed or [])
    return sorted(rates)


def gst_rate_issue(hsn_code: str, rate_bp: int, *, on: date | None = None) -> ListingIssue | None:
    """Why `rate_bp` is wrong for the HSN code, or None when it is acceptable."""
    row = gst_rate_verified_row(hsn_code, on=on)
    if row is not None and row.allowed_rates_bp:
        allowed = sorted(int(value) for value in row.allowed_rates_bp)
        if rate_bp not in allowed:
            return ListingIssue(
                "gst_rate_bp",
                "gst_not_allowed",
                {
                    "hsn": row.hsn_code,
                    "allowed": ", ".join(percent_text(value) for value in allowed),
                    "rate": percent_text(rate_bp),
                },
            )
        return None
    in_use = gst_rates_in_use(on=on)
    if rate_bp not in in_use:
        return ListingIssue(
            "gst_rate_bp",
            "gst_unknown_rate",
            {
                "rate": percent_text(rate_bp),
                "allowed": ", ".join(percent_text(value) for value in in_use),
            },
        )
    return None


class ListingLookups:
    """Reference lookups remembered while checking many listings at once (the bulk import)."""

    def __init__(self) -> None:
        self._hsn: dict[str, bool] = {}
        self._gst: dict[tuple[str, int], ListingIssue | None] = {}
        self._default: dict[tuple[str, int], int] = {}
        self._may: dict[tuple[int, int], bool] = {}

    def hsn_exists(self, code: str) -> bool:
        if code not in self._hsn:
            self._hsn[code] = HsnCode.objects.filter(code=code).exists()
        return self._hsn[code]

    def gst_issue(self, hsn_code: str, rate_bp: int) -> ListingIssue | None:
        key = (hsn_code, rate_bp)
        if key not in self._gst:
            self._gst[key] = gst_rate_issue(hsn_code, rate_bp)
        return self._gst[key]

    def gst_default(self, hsn_code: str, category: Category) -> int:
        key = (hsn_code, category.pk)
        if key not in self._default:
            self._default[key] = gst_rate_default(hsn_code, category)
        return self._default[key]

    def may_list(self, artisan: Artisan, odop_product: OdopProduct) -> bool:
        key = (artisan.pk, odop_product.pk)
        if key not in self._may:
            self._may[key] = artisan_may_list(artisan, odop_product)
        return self._may[key]


def category_usual_for(odop_product: OdopProduct | None) -> Category | None:
    """The category most listings of an ODOP product are in (to pre-fill forms)."""
    if odop_product is None:
        return None
    usual = (
        Product.objects.filter(odop_product=odop_product)
        .values("category")
        .annotate(n=Count("id"))
        .order_by("-n", "category")
        .first()
    )
    return Category.objects.filter(pk=usual["category"]).first() if usual else None


# --- rules ----------------------------------------------------------------------------------


def artisan_may_list(artisan: Artisan, odop_product: OdopProduct) -> bool:
    """May this artisan's work be listed as this ODOP product? (district rule with exceptions)"""
    return artisan_may_make(artisan, odop_product)


def _origin_issue(
    artisan: Artisan, odop_product: OdopProduct, lookups: ListingLookups
) -> ListingIssue | None:
    if lookups.may_list(artisan, odop_product):
        return None
    return ListingIssue(
        "odop_product",
        "origin_mismatch",
        {
            "odop": odop_product.name_en,
            "odop_district": odop_product.district.name_en,
            "artisan_district": artisan.district.name_en,
        },
    )


def product_issues(
    *,
    vendor: Vendor,
    artisan: Artisan,
    data: ProductData,
    lookups: ListingLookups | None = None,
) -> list[ListingIssue]:
    """Every problem with the product-level fields (variants are checked separately)."""
    lookups = lookups or ListingLookups()
    issues: list[ListingIssue] = []
    if artisan.vendor_id != vendor.pk:
        issues.append(ListingIssue("artisan", "artisan_other_vendor", {"vendor": vendor.name_en}))
    issue = _origin_issue(artisan, data.odop_product, lookups)
    if issue:
        issues.append(issue)
    for name, limit in _TEXT_LIMITS.items():
        value = getattr(data, name)
        if name in _REQUIRED_TEXT and not value:
            issues.append(ListingIssue(name, "required"))
        elif len(value) > limit:
            issues.append(ListingIssue(name, "too_long", {"max": limit}))
    if not data.hsn_code:
        issues.append(ListingIssue("hsn_code", "required"))
    elif not HSN_PATTERN.match(data.hsn_code):
        issues.append(ListingIssue("hsn_code", "hsn_format"))
    elif not lookups.hsn_exists(data.hsn_code):
        issues.append(ListingIssue("hsn_code", "hsn_unknown", {"value": data.hsn_code}))
    elif data.gst_rate_bp is not None:
        issue = lookups.gst_issue(data.hsn_code, data.gst_rate_bp)
        if issue:
            issues.append(issue)
    return issues


def _number_issue(name: str, value: object, *, minimum: int, maximum: int) -> ListingIssue | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return ListingIssue(name, "whole_number")
    if value < minimum:
        return ListingIssue(name, "stock_negative" if name == "stock" else "at_least_one")
    if value > maximum:
        return ListingIssue(name, "number_too_large", {"max": maximum})
    return None


def variant_issues(
    data: VariantData,
    *,
    index: int | None = None,
    exclude_variant_id: int | None = None,
    check_taken: bool = True,
) -> list[ListingIssue]:
    """Every problem with one variant, including an SKU another listing already uses."""
    issues: list[ListingIssue] = []
    max_sku = Variant._meta.get_field("sku").max_length
    if not data.sku:
        issues.append(ListingIssue("sku", "required", index=index))
    elif len(data.sku) > max_sku or not SKU_PATTERN.match(data.sku):
        issues.append(ListingIssue("sku", "sku_format", {"max": max_sku}, index=index))
    elif check_taken:
        taken = Variant.objects.filter(sku__iexact=data.sku)
        if exclude_variant_id:
            taken = taken.exclude(pk=exclude_variant_id)
        if taken.exists():
            issues.append(ListingIssue("sku", "sku_taken", {"sku": data.sku}, index=index))
    if not data.label_en:
        issues.append(ListingIssue("label_en", "required", index=index))
    for name, limit in _VARIANT_TEXT_LIMITS.items():
        if len(getattr(data, name)) > limit:
            issues.append(ListingIssue(name, "too_long", {"max": limit}, index=index))
    money_ok = True
    for name in ("mrp_paise", "price_paise"):
        value = getattr(data, name)
        if isinstance(value, bool) or not isinstance(value, int):
            issues.append(ListingIssue(name, "amount_format", index=index))
            money_ok = False
        elif value <= 0:
            issues.append(ListingIssue(name, "price_positive", index=index))
            money_ok = False
        elif value > MAX_AMOUNT_PAISE:
            issues.append(ListingIssue(name, "amount_too_large", index=index))
            money_ok = False
    if money_ok and data.price_paise > data.mrp_paise:
        issues.append(ListingIssue("price_paise", "price_above_mrp", index=index))
    issue = _number_issue("stock", data.stock, minimum=0, maximum=MAX_STOCK)
    if issue:
        issues.append(replace(issue, index=index))
    for name, maximum in _VARIANT_NUMBERS.items():
        issue = _number_issue(name, getattr(data, name), minimum=1, maximum=maximum)
        if issue:
            issues.append(replace(issue, index=index))
    return issues


def variants_issues(variants: list[VariantData]) -> list[ListingIssue]:
    issues: list[ListingIssue] = []
    seen: set[str] = set()
    for index, variant in enumerate(variants):
        issues.extend(variant_issues(variant, index=index))
        key = variant.sku.upper()
        if key and key in seen:
            issues.append(ListingIssue("sku", "sku_repeated", {"sku": variant.sku}, index=index))
        seen.add(key)
    return issues


# --- helpers shared with moderation and the bulk import ----------------------------------------


def _lock_product(product_id: int) -> Product:
    return (
        Product.objects.select_for_update(of=("self",))
        .select_related("artisan__district", "vendor", "odop_product__district", "category")
        .get(pk=product_id)
    )


def _back_to_review(product: Product, *, actor: Actor, reason: str) -> None:
    """An approved listing whose content changed goes back to the moderators."""
    if product.status == ProductStatus.APPROVED:
        from odopmart.catalog.moderation import transition_locked

        transition_locked(
            product, to=ProductStatus.SUBMITTED, actor=actor, reason=reason, system=True
        )


def _refuse_if_archived(product: Product) -> None:
    if product.status == ProductStatus.ARCHIVED:
        raise ListingError([ListingIssue("", "archived")])


def _variant_fields(data: VariantData) -> dict[str, Any]:
    return {item.name: getattr(data, item.name) for item in fields(VariantData)}


def product_build(
    *,
    vendor: Vendor,
    artisan: Artisan,
    data: ProductData,
    lookups: ListingLookups | None = None,
) -> Product:
    """Create a checked product and its variants (inside the caller's transaction)."""
    gst_rate_bp = data.gst_rate_bp
    if gst_rate_bp is None:
        gst_rate_bp = (lookups or ListingLookups()).gst_default(data.hsn_code, data.category)
    product = Product.objects.create(
        slug=slugify(data.name_en)[:200] or "listing",
        name_en=data.name_en,
        name_hi=data.name_hi,
        description_en=data.description_en,
        description_hi=data.description_hi,
        material_en=data.material_en,
        material_hi=data.material_hi,
        technique_en=data.technique_en,
        technique_hi=data.technique_hi,
        category=data.category,
        odop_product=data.odop_product,
        district_id=data.odop_product.district_id,
        artisan=artisan,
        vendor=vendor,
        hsn_code=data.hsn_code,
        gst_rate_bp=gst_rate_bp,
        status=ProductStatus.DRAFT,
    )
    Variant.objects.bulk_create(
        Variant(product=product, position=position, **_variant_fields(variant))
        for position, variant in enumerate(data.variants)
    )
    return product


# --- services -------------------------------------------------------------------------------


@transaction.atomic
def product_create(*, actor: Actor, vendor: Vendor, artisan: Artisan, data: ProductData) -> Product:
    """Create a draft listing (with any variants given) for an artisan of the vendor."""
    data = cleaned_product(data)
    data.variants = [cleaned_variant(variant) for variant in data.variants]
    issues = product_issues(vendor=vendor, artisan=artisan, data=data)
    issues += variants_issues(data.variants)
    if issues:
        raise ListingError(issues)
    product = product_build(vendor=vendor, artisan=artisan, data=data)
    return product_refresh_summary(product)


@transaction.atomic
def product_update(
    *, actor: Actor, product_id: int, data: ProductData, artisan: Artisan | None = None
) -> Product:
    """Change a listing's words, origin, category or tax. Variants go through variant_upsert."""
    product = _lock_product(product_id)
    _refuse_if_archived(product)
    artisan = artisan or product.artisan
    data = cleaned_product(data)
    if data.gst_rate_bp is None:
        data.gst_rate_bp = (
            product.gst_rate_bp
            if data.hsn_code == product.hsn_code
            else gst_rate_default(data.hsn_code, data.category)
        )
    issues = product_issues(vendor=product.vendor, artisan=artisan, data=data)
    if issues:
        raise ListingError(issues)
    changed = [
        name for name in PRODUCT_CONTENT_FIELDS if getattr(product, name) != getattr(data, name)
    ]
    for name, value in (
        ("category_id", data.category.pk),
        ("odop_product_id", data.odop_product.pk),
        ("artisan_id", artisan.pk),
    ):
        if getattr(product, name) != value:
            changed.append(name)
    if not changed:
        return product
    # Leave sale first, so the tile counts come off the old district and category.
    _back_to_review(product, actor=actor, reason=gettext_noop("Content changed: back to review."))
    for name in PRODUCT_CONTENT_FIELDS:
        setattr(product, name, getattr(data, name))
    product.category = data.category
    product.odop_product = data.odop_product
    product.district_id = data.odop_product.district_id
    product.artisan = artisan
    if "name_en" in changed:
        product.slug = slugify(data.name_en)[:200] or "listing"
    product.save()
    return product


@transaction.atomic
def variant_upsert(
    *, actor: Actor, product_id: int, data: VariantData, variant_id: int | None = None
) -> Variant:
    """Add a variant to a listing, or change one. New variants and new names need review."""
    product = _lock_product(product_id)
    _refuse_if_archived(product)
    data = cleaned_variant(data)
    variant: Variant | None = None
    if variant_id is not None:
        variant = Variant.objects.filter(pk=variant_id, product=product).first()
        if variant is None:
            raise ListingError([ListingIssue("", "variant_unknown")])
    issues = variant_issues(data, exclude_variant_id=variant_id)
    if issues:
        raise ListingError(issues)
    values = _variant_fields(data)
    if variant is None:
        position = product.variants.aggregate(top=Max("position"))["top"]
        variant = Variant.objects.create(
            product=product, position=0 if position is None else position + 1, **values
        )
        content_changed = True
    else:
        content_changed = any(
            getattr(variant, name) != values[name] for name in VARIANT_CONTENT_FIELDS
        )
        for name, value in values.items():
            setattr(variant, name, value)
        variant.save()
    if content_changed:
        _back_to_review(
            product, actor=actor, reason=gettext_noop("Option added or renamed: back to review.")
        )
    product_refresh_summary(product)
    return variant


@transaction.atomic
def variant_set_stock(*, actor: Actor, variant_id: int, stock: int) -> Variant:
    """Set how many of a variant are in stock (never negative). Needs no review."""
    issue = _number_issue("stock", stock, minimum=0, maximum=MAX_STOCK)
    if issue:
        raise ListingError([issue])
    variant = Variant.objects.select_for_update().select_related("product").get(pk=variant_id)
    if variant.stock != stock:
        variant.stock = stock
        variant.save(update_fields=["stock"])
        product_refresh_summary(variant.product)
    return variant


@transaction.atomic
def variants_set_stock(*, actor: Actor, product_id: int, stock: dict[int, int]) -> list[Variant]:
    """Set the stock of several variants of one listing at once (all or nothing)."""
    issues = []
    for variant_id, value in stock.items():
        issue = _number_issue("stock", value, minimum=0, maximum=MAX_STOCK)
        if issue:
            issues.append(replace(issue, field=f"stock_{variant_id}"))
    if issues:
        raise ListingError(issues)
    product = _lock_product(product_id)
    variants = list(
        Variant.objects.select_for_update().filter(product=product, pk__in=stock).order_by("pk")
    )
    if len(variants) != len(stock):
        raise ListingError([ListingIssue("", "variant_unknown")])
    changed = [variant for variant in variants if variant.stock != stock[variant.pk]]
    for variant in changed:
        variant.stock = stock[variant.pk]
    if changed:
        Variant.objects.bulk_update(changed, ["stock"])
        product_refresh_summary(product)
    return variants


# --- photos ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckedPhoto:
    content: bytes
    extension: str


def photo_check(upload: UploadedFile) -> CheckedPhoto:
    """Read an uploaded photo by its content (not its name), and re-encode it without metadata.

    Re-encoding drops EXIF (which can carry the GPS position of an artisan's home) and anything
    hidden after the picture data.
    """
    max_mb = _limit("LISTING_PHOTO_MAX_MB", 10)
    min_px = _limit("LISTING_PHOTO_MIN_PX", 400)
    max_pixels = _limit("LISTING_PHOTO_MAX_PIXELS", 40_000_000)
    if upload.size is None or upload.size > max_mb * 1024 * 1024:
        raise ListingError([ListingIssue("image", "image_too_big", {"max": max_mb})])
    upload.seek(0)
    raw = upload.read()
    try:
        with Image.open(io.BytesIO(raw)) as probe:
            kind = probe.format
            width, height = probe.size
            probe.verify()
        if kind not in PHOTO_FORMATS:
            raise ListingError([ListingIssue("image", "image_unreadable")])
        if width * height > max_pixels:
            raise ListingError([ListingIssue("image", "image_too_many_pixels")])
        if min(width, height) < min_px:
            raise ListingError([ListingIssue("image", "image_too_small", {"min": min_px})])
        with Image.open(io.BytesIO(raw)) as picture:
            picture = ImageOps.exif_transpose(picture)
            has_alpha = "A" in picture.getbands() or "transparency" in picture.info
            buffer = io.BytesIO()
            if kind == "PNG" or (kind == "WEBP" and has_alpha):
                picture.save(buffer, "PNG", optimize=True)
                extension = "png"
            else:
                picture.convert("RGB").save(buffer, "JPEG", quality=90, optimize=True)
                extension = "jpg"
    except ListingError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise ListingError([ListingIssue("image", "image_unreadable")]) from None
    return CheckedPhoto(buffer.getvalue(), extension)


@transaction.atomic
def product_image_add(
    *, actor: Actor, product: Product, upload: UploadedFile, alt_en: str, alt_hi: str = ""
) -> ProductImage:
    """Add a checked photo with its WebP renditions. A new photo on sale needs review."""
    issues = []
    alt_en, alt_hi = _clean_text(alt_en), _clean_text(alt_hi)
    if not alt_en:
        issues.append(ListingIssue("alt_en", "required"))
    for name, value in (("alt_en", alt_en), ("alt_hi", alt_hi)):
        if len(value) > 200:
            issues.append(ListingIssue(name, "too_long", {"max": 200}))
    try:
        photo = photo_check(upload)
    except ListingError as error:
        issues += error.issues
    if issues:
        raise ListingError(issues)
    locked = _lock_product(product.pk)
    _refuse_if_archived(locked)
    position = locked.images.aggregate(top=Max("position"))["top"]
    image = ProductImage(
        product=locked,
        alt_en=alt_en,
        alt_hi=alt_hi,
        position=0 if position is None else position + 1,
    )
    image.image.save(f"{uuid.uuid4().hex}.{photo.extension}", ContentFile(photo.content), save=True)
    from odopmart.catalog.images import image_generate_renditions

    try:
        image_generate_renditions(image)
        _back_to_review(locked, actor=actor, reason=gettext_noop("Photo added: back to review."))
        product_refresh_summary(locked)
    except BaseException:
        # Files are not transactional: remove what was written before the rollback.
        _delete_files(image.image.storage, _image_files(image))
        raise
    return image


def _image_files(image: ProductImage) -> list[str]:
    return [name for name in (image.image.name, image.thumbnail, image.medium) if name]


def _delete_files(storage: Any, names: Iterable[str]) -> None:
    for name in names:
        if name and storage.exists(name):
            storage.delete(name)


@transaction.atomic
def product_image_remove(*, actor: Actor, image_id: int) -> None:
    """Remove a photo and its renditions. An approved listing keeps at least one photo."""
    image = ProductImage.objects.select_related("product").get(pk=image_id)
    product = _lock_product(image.product_id)
    _refuse_if_archived(product)
    if product.status == ProductStatus.APPROVED and product.images.count() <= 1:
        raise ListingError([ListingIssue("", "last_photo")])
    storage = image.image.storage
    names = _image_files(image)
    # Renditions may be shared by several rows pointing at one source (the demo pool).
    shared = ProductImage.objects.filter(image=image.image.name).exclude(pk=image.pk).exists()
    image.delete()
    if not shared:
        transaction.on_commit(lambda: _delete_files(storage, names))
    product_refresh_summary(product)
