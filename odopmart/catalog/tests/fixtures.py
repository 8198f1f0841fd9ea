"""Factories-as-fixtures for catalogue tests: a vendor, an artisan and products with variants."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import pytest

from odopmart.catalog.models import Category, Product, ProductStatus, Variant
from odopmart.odop.models import OdopProduct
from odopmart.regions.models import District, State
from odopmart.sellers.models import Artisan, Vendor, VendorStatus, VendorType

_sequence = itertools.count(1)


@pytest.fixture
def make_vendor(reference_data: None) -> Callable[..., Vendor]:
    def make(**overrides: Any) -> Vendor:
        n = next(_sequence)
        fields: dict[str, Any] = {
            "name_en": f"Test Handicrafts {n}",
            "name_hi": f"टेस्ट हस्तशिल्प {n}",
            "slug": f"test-handicrafts-{n}",
            "type": VendorType.COOPERATIVE,
            "gstin": f"09AAAPL{n:04d}C1Z{n % 10}",
            "state": State.objects.get(gst_state_code="09"),
            "address": "12 Hazratganj, Lucknow",
            "pincode": "226001",
            "status": VendorStatus.APPROVED,
        }
        fields.update(overrides)
        return Vendor.objects.create(**fields)

    return make


@pytest.fixture
def make_artisan(make_vendor: Callable[..., Vendor]) -> Callable[..., Artisan]:
    def make(**overrides: Any) -> Artisan:
        n = next(_sequence)
        fields: dict[str, Any] = {
            "name_en": f"Rukhsana Bano {n}",
            "name_hi": f"रुख़साना बानो {n}",
            "slug": f"rukhsana-bano-{n}",
            "craft_en": "Chikankari",
            "craft_hi": "चिकनकारी",
            "district": District.objects.get(slug="lucknow"),
            "town": "Chowk",
            "pincode": "226003",
        }
        fields.update(overrides)
        if "vendor" not in fields:
            fields["vendor"] = make_vendor()
        return Artisan.objects.create(**fields)

    return make


@pytest.fixture
def make_product(make_artisan: Callable[..., Artisan]) -> Callable[..., Product]:
    """make_product(name_en=..., district_slug='varanasi', price_paise=..., stock=...)"""

    def make(
        *,
        district_slug: str = "lucknow",
        category_slug: str = "clothing",
        price_paise: int = 249900,
        mrp_paise: int | None = None,
        stock: int = 5,
        variants: int = 1,
        **overrides: Any,
    ) -> Product:
        n = next(_sequence)
        district = District.objects.get(slug=district_slug)
        odop = OdopProduct.objects.filter(district=district, rank="primary").first()
        artisan = overrides.pop("artisan", None) or make_artisan(district=district)
        fields: dict[str, Any] = {
            "slug": f"test-product-{n}",
            "name_en": f"Test Product {n}",
            "name_hi": f"परीक्षण उत्पाद {n}",
            "description_en": "Hand made.",
            "description_hi": "हाथ से बना।",
            "category": Category.objects.get(slug=category_slug),
            "odop_product": odop,
            "district": district,
            "artisan": artisan,
            "vendor": artisan.vendor,
            "hsn_code": "6204",
            "gst_rate_bp": 500,
            "status": ProductStatus.APPROVED,
        }
        fields.update(overrides)
        product = Product.objects.create(**fields)
        for index in range(variants):
            Variant.objects.create(
                product=product,
                sku=f"SKU-{n}-{index}",
                label_en=f"Option {index + 1}",
                mrp_paise=(mrp_paise or price_paise) + index * 10000,
                price_paise=price_paise + index * 10000,
                stock=stock,
                weight_grams=400,
                length_mm=300,
                width_mm=200,
                height_mm=50,
                position=index,
            )
        from odopmart.catalog.services import product_refresh_summary

        product_refresh_summary(product)
        product.refresh_from_db()
        return product

    return make
