"""Input and output shapes of the category and product endpoints."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from ninja import Field, Schema
from pydantic import ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from odopmart.api.language import LanguageCode
from odopmart.api.links import media_url, product_url
from odopmart.api.v1.schemas.common import (
    CategoryRefOut,
    DistrictRefOut,
    OdopProductRefOut,
    PriceOut,
    StateRefOut,
    rate_percent,
)

# Largest amount a price filter accepts: ₹1,000 crore, far above any listing and far below
# what the database's 64-bit integers hold.
MAX_PRICE_PAISE = 10**12
MAX_PAGE = 100_000
MAX_PAGE_SIZE = 100

# The values of catalog.selectors.Sort.
SortChoice = Literal["relevance", "newest", "price_asc", "price_desc"]


def _product_url(obj: Any, context: dict[str, Any]) -> str:
    return product_url(context["request"], obj.id)


# --- categories ------------------------------------------------------------------------------


class CategoryListOut(Schema):
    slug: str
    name: str
    name_en: str
    name_hi: str
    description: str
    description_en: str
    description_hi: str
    icon: str
    position: int
    product_count: int
    return_window_days: int


# --- product list ----------------------------------------------------------------------------


class ProductListIn(Schema):
    q: str = Field("", max_length=200, description="Search words, in Hindi or English.")
    district: str = Field("", max_length=80, description="District slug, e.g. `lucknow`.")
    category: str = Field("", max_length=80, description="Category slug, e.g. `clothing`.")
    odop_product: str = Field("", max_length=200, description="ODOP product slug.")
    min_price: int | None = Field(
        None, ge=0, le=MAX_PRICE_PAISE, description="Lowest price in paise."
    )
    max_price: int | None = Field(
        None, ge=0, le=MAX_PRICE_PAISE, description="Highest price in paise."
    )
    in_stock: bool = Field(False, description="Only products that can be bought now.")
    sort: SortChoice | None = Field(
        None, description="Default: `relevance` with `q`, else `newest`."
    )
    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int | None = Field(None, ge=1, le=MAX_PAGE_SIZE)
    lang: LanguageCode | None = Field(None, description="Language of localised fields.")

    @field_validator("max_price")
    @classmethod
    def _max_not_below_min(cls, value: int | None, info: ValidationInfo) -> int | None:
        low = info.data.get("min_price")
        if value is not None and low is not None and value < low:
            raise PydanticCustomError(
                "price_range", "max_price must be greater than or equal to min_price"
            )
        return value


class ArtisanCardOut(Schema):
    name: str
    name_en: str
    name_hi: str
    town: str


class ProductCardOut(PriceOut):
    id: int
    slug: str
    name: str
    name_en: str
    name_hi: str
    in_stock: bool
    thumbnail_url: str | None
    url: str
    district: DistrictRefOut
    category: CategoryRefOut
    odop_product: OdopProductRefOut
    artisan: ArtisanCardOut

    @staticmethod
    def resolve_thumbnail_url(obj: Any, context: dict[str, Any]) -> str | None:
        return media_url(context["request"], obj.thumbnail)

    @staticmethod
    def resolve_url(obj: Any, context: dict[str, Any]) -> str:
        return _product_url(obj, context)


class ProductListOut(Schema):
    count: int
    page: int
    pages: int
    page_size: int
    next: str | None
    previous: str | None
    results: list[ProductCardOut]


# --- product detail --------------------------------------------------------------------------


class VariantOut(PriceOut):
    id: int
    sku: str
    label: str
    label_en: str
    label_hi: str
    size: str
    colour: str
    colour_en: str
    colour_hi: str
    stock: int
    in_stock: bool
    weight_grams: int
    length_mm: int
    width_mm: int
    height_mm: int

    @staticmethod
    def resolve_in_stock(obj: Any) -> bool:
        return obj.stock > 0


class ProductImageOut(Schema):
    id: int
    url: str | None
    thumbnail_url: str | None
    medium_url: str | None
    alt: str
    alt_en: str
    alt_hi: str
    position: int

    @staticmethod
    def resolve_url(obj: Any, context: dict[str, Any]) -> str | None:
        return media_url(context["request"], obj.image.name)

    @staticmethod
    def resolve_thumbnail_url(obj: Any, context: dict[str, Any]) -> str | None:
        return media_url(context["request"], obj.thumbnail)

    @staticmethod
    def resolve_medium_url(obj: Any, context: dict[str, Any]) -> str | None:
        return media_url(context["request"], obj.medium)


class DistrictWithStateOut(DistrictRefOut):
    state: StateRefOut


class OdopProductBriefOut(OdopProductRefOut):
    rank: str
    gi_tag: str
    verification: str
    verification_label: str

    @staticmethod
    def resolve_verification_label(obj: Any) -> str:
        return str(obj.get_verification_display())


class ArtisanPublicOut(Schema):
    """What buyers may know about the maker; never contact details."""

    name: str
    name_en: str
    name_hi: str
    craft: str
    craft_en: str
    craft_hi: str
    town: str
    district: DistrictRefOut


class VendorPublicOut(Schema):
    """The seller on the invoice, as the e-commerce rules require it to be disclosed."""

    name: str
    name_en: str
    name_hi: str
    gstin: str
    state: StateRefOut


class HsnOut(Schema):
    code: str
    description: str


class ProductDetailOut(PriceOut):
    id: int
    slug: str
    url: str
    name: str
    name_en: str
    name_hi: str
    description: str
    description_en: str
    description_hi: str
    material: str
    material_en: str
    material_hi: str
    technique: str
    technique_en: str
    technique_hi: str
    in_stock: bool
    category: CategoryRefOut
    district: DistrictWithStateOut
    odop_product: OdopProductBriefOut
    artisan: ArtisanPublicOut
    vendor: VendorPublicOut
    hsn: HsnOut
    gst_rate_bp: int
    gst_rate_percent: str
    return_window_days: int
    variants: list[VariantOut]
    images: list[ProductImageOut]
    updated_at: datetime

    @staticmethod
    def resolve_url(obj: Any, context: dict[str, Any]) -> str:
        return _product_url(obj, context)

    @staticmethod
    def resolve_hsn(obj: Any) -> dict[str, str]:
        return {"code": obj.hsn_code, "description": getattr(obj, "hsn_description", None) or ""}

    @staticmethod
    def resolve_gst_rate_percent(obj: Any) -> str:
        return rate_percent(obj.gst_rate_bp)

    @staticmethod
    def resolve_return_window_days(obj: Any) -> int:
        return obj.category.return_window_days
