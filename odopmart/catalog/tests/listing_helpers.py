"""Builders shared by the listing, moderation and import tests."""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from odopmart.accounts.models import StaffRoleGrant
from odopmart.catalog.listing_services import ProductData, VariantData
from odopmart.catalog.models import Category
from odopmart.odop.models import OdopProduct

_sequence = itertools.count(1)

LUCKNOW_ODOP = "lucknow-chikankari-and-zari-zardozi"
VARANASI_ODOP = "varanasi-banarasi-silk-sarees"


def variant_data(**overrides: Any) -> VariantData:
    fields: dict[str, Any] = {
        "sku": f"LST-{next(_sequence)}",
        "label_en": "Size M",
        "label_hi": "साइज़ M",
        "mrp_paise": 249900,
        "price_paise": 199900,
        "stock": 4,
        "weight_grams": 350,
        "length_mm": 300,
        "width_mm": 250,
        "height_mm": 40,
    }
    fields.update(overrides)
    return VariantData(**fields)


def product_data(
    *, odop_slug: str = LUCKNOW_ODOP, variants: int = 1, **overrides: Any
) -> ProductData:
    fields: dict[str, Any] = {
        "category": Category.objects.get(slug="clothing"),
        "odop_product": OdopProduct.objects.get(slug=odop_slug),
        "name_en": "Chikankari kurta",
        "name_hi": "चिकनकारी कुर्ता",
        "description_en": "Hand embroidered cotton kurta.",
        "description_hi": "हाथ से कढ़ाई किया सूती कुर्ता।",
        "hsn_code": "6204",
        "variants": [variant_data() for _ in range(variants)],
    }
    fields.update(overrides)
    return ProductData(**fields)


def photo_bytes(size: tuple[int, int] = (600, 600), kind: str = "JPEG", **save: Any) -> bytes:
    buffer = io.BytesIO()
    mode = "RGBA" if kind == "PNG" else "RGB"
    Image.new(mode, size, (180, 90, 60, 255) if mode == "RGBA" else (180, 90, 60)).save(
        buffer, kind, **save
    )
    return buffer.getvalue()


def photo_upload(name: str = "kurta.jpg", **kwargs: Any) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, photo_bytes(**kwargs), content_type="image/jpeg")


def make_user(*roles: str, **fields: Any) -> Any:
    n = next(_sequence)
    user = get_user_model().objects.create_user(
        username=fields.pop("username", f"user{n}"), password=None, **fields
    )
    for role in roles:
        StaffRoleGrant.objects.create(user=user, role=role)
    return user


@dataclass
class World:
    """Two vendors with a member and an artisan each, a desk member assigned to one artisan of
    vendor A (but not the other), a moderator, and a draft and an approved listing of vendor A."""

    vendor_a: Any
    vendor_b: Any
    member_a: Any
    member_b: Any
    artisan_a: Any
    artisan_a2: Any
    artisan_b: Any
    desk: Any
    moderator: Any
    draft_a: Any
    approved_a: Any
    product_b: Any


def build_world(make_vendor: Any, make_artisan: Any, make_product: Any) -> World:
    from odopmart.catalog.models import ProductStatus
    from odopmart.sellers.models import DeskAssignment, VendorMembership

    vendor_a, vendor_b = make_vendor(), make_vendor()
    member_a, member_b = make_user(), make_user()
    VendorMembership.objects.create(user=member_a, vendor=vendor_a, role="owner")
    VendorMembership.objects.create(user=member_b, vendor=vendor_b, role="owner")
    artisan_a = make_artisan(vendor=vendor_a)
    artisan_a2 = make_artisan(vendor=vendor_a)
    artisan_b = make_artisan(vendor=vendor_b)
    desk = make_user("catalogue_desk")
    DeskAssignment.objects.create(desk_user=desk, vendor=vendor_a, artisan=artisan_a)
    return World(
        vendor_a=vendor_a,
        vendor_b=vendor_b,
        member_a=member_a,
        member_b=member_b,
        artisan_a=artisan_a,
        artisan_a2=artisan_a2,
        artisan_b=artisan_b,
        desk=desk,
        moderator=make_user("moderator"),
        draft_a=make_product(artisan=artisan_a, vendor=vendor_a, status=ProductStatus.DRAFT),
        approved_a=make_product(artisan=artisan_a, vendor=vendor_a),
        product_b=make_product(artisan=artisan_b, vendor=vendor_b),
    )
