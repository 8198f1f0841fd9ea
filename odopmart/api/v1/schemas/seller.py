"""Input and output shapes of the seller endpoints: vendors, listings, stock, artisans."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from ninja import Field, Schema
from pydantic import StrictInt

from odopmart.api.language import LanguageCode
from odopmart.api.links import media_url
from odopmart.api.v1.schemas.common import CategoryRefOut, DistrictRefOut, PriceOut
from odopmart.catalog.listing_services import MAX_STOCK

MAX_PAGE = 100_000
MAX_PAGE_SIZE = 100
# Ids are 64-bit database integers.
MAX_ID = 2**63 - 1

# The values of catalog.models.ProductStatus.
ListingStatus = Literal["draft", "submitted", "changes_requested", "approved", "archived"]


# --- vendors ---------------------------------------------------------------------------------


class SellerVendorOut(Schema):
    id: int
    slug: str
    name: str
    name_en: str
    name_hi: str
    gstin: str
    status: str
    status_label: str
    role: str = Field(description="The user's role for this vendor: `owner` or `staff`.")


# --- listings --------------------------------------------------------------------------------


class SellerListingListIn(Schema):
    vendor: int | None = Field(
        None, ge=1, le=MAX_ID, description="Only this vendor's listings (one of yours)."
    )
    status: ListingStatus | None = Field(None, description="Only listings in this status.")
    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int | None = Field(None, ge=1, le=MAX_PAGE_SIZE)
    lang: LanguageCode | None = Field(None, description="Language of localised fields.")


class SellerVariantOut(PriceOut):
    id: int
    sku: str
    label: str
    label_en: str
    label_hi: str
    size: str
    stock: int
    is_active: bool


class SellerArtisanRefOut(Schema):
    id: int
    name: str
    name_en: str
    name_hi: str


class SellerListingOut(PriceOut):
    id: int
    slug: str
    name: str
    name_en: str
    name_hi: str
    status: ListingStatus
    status_label: str
    vendor_id: int
    artisan: SellerArtisanRefOut
    in_stock: bool
    thumbnail_url: str | None
    variants: list[SellerVariantOut]
    updated_at: datetime

    @staticmethod
    def resolve_status_label(obj: Any) -> str:
        return str(obj.get_status_display())

    @staticmethod
    def resolve_thumbnail_url(obj: Any, context: dict[str, Any]) -> str | None:
        return media_url(context["request"], obj.thumbnail)


class SellerListingListOut(Schema):
    count: int
    page: int
    pages: int
    page_size: int
    next: str | None
    previous: str | None
    results: list[SellerListingOut]


class SellerImageOut(Schema):
    id: int
    thumbnail_url: str | None
    medium_url: str | None
    alt: str
    position: int

    @staticmethod
    def resolve_thumbnail_url(obj: Any, context: dict[str, Any]) -> str | None:
        return media_url(context["request"], obj.thumbnail)

    @staticmethod
    def resolve_medium_url(obj: Any, context: dict[str, Any]) -> str | None:
        return media_url(context["request"], obj.medium)


class SellerListingDetailOut(SellerListingOut):
    description: str
    description_en: str
    description_hi: str
    category: CategoryRefOut
    district: DistrictRefOut
    odop_product_id: int
    hsn_code: str
    gst_rate_bp: int
    images: list[SellerImageOut]
    created_at: datetime


# --- stock -----------------------------------------------------------------------------------


class VariantStockIn(Schema):
    stock: StrictInt = Field(
        ge=0, le=MAX_STOCK, description=f"How many are in stock now (0 to {MAX_STOCK})."
    )


class VariantStockOut(Schema):
    id: int
    product_id: int
    sku: str
    stock: int
    product_in_stock: bool = Field(description="Whether any option of the listing can be bought")

    @staticmethod
    def resolve_product_in_stock(obj: Any) -> bool:
        return bool(obj.product.in_stock)


# --- artisans --------------------------------------------------------------------------------


class SellerArtisanListIn(Schema):
    vendor: int | None = Field(
        None, ge=1, le=MAX_ID, description="Only this vendor's artisans (one of yours)."
    )
    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int | None = Field(None, ge=1, le=MAX_PAGE_SIZE)
    lang: LanguageCode | None = Field(None, description="Language of localised fields.")


class SellerArtisanOut(Schema):
    id: int
    slug: str
    name: str
    name_en: str
    name_hi: str
    craft: str
    craft_en: str
    craft_hi: str
    vendor_id: int
    phone: str
    preferred_language: str
    town: str
    district: DistrictRefOut
    has_sign_in: bool = Field(description="Whether the artisan signs in with their own phone")

    @staticmethod
    def resolve_has_sign_in(obj: Any) -> bool:
        return obj.user_id is not None


class SellerArtisanListOut(Schema):
    count: int
    page: int
    pages: int
    page_size: int
    next: str | None
    previous: str | None
    results: list[SellerArtisanOut]
