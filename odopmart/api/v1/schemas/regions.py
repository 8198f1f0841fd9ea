"""Output shapes of the district endpoints."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from ninja import Schema

from odopmart.api.v1.schemas.common import StateRefOut


def _products_url(context: dict[str, Any], **filters: str) -> str:
    request = context["request"]
    return request.build_absolute_uri(f"{reverse('api-v1:product_list')}?{urlencode(filters)}")


class OdopProductSummaryOut(Schema):
    slug: str
    name: str
    name_en: str
    name_hi: str
    rank: str


class OdopProductOut(Schema):
    """A row of the ODOP registry, with how sure the registry is about it."""

    slug: str
    name: str
    name_en: str
    name_hi: str
    rank: str
    rank_label: str
    sector: str
    gi_tag: str
    verification: str
    verification_label: str
    description: str
    description_en: str
    description_hi: str
    year_added: int | None
    product_count: int
    products_url: str

    @staticmethod
    def resolve_rank_label(obj: Any) -> str:
        return str(obj.get_rank_display())

    @staticmethod
    def resolve_verification_label(obj: Any) -> str:
        return str(obj.get_verification_display())

    @staticmethod
    def resolve_products_url(obj: Any, context: dict[str, Any]) -> str:
        return _products_url(context, odop_product=obj.slug)


class _DistrictOut(Schema):
    slug: str
    name: str
    name_en: str
    name_hi: str
    state: StateRefOut
    signature_craft: str
    signature_craft_en: str
    signature_craft_hi: str
    product_count: int

    @staticmethod
    def resolve_signature_craft(obj: Any) -> str:
        return obj.headline

    @staticmethod
    def resolve_signature_craft_en(obj: Any) -> str:
        return obj.headline_en

    @staticmethod
    def resolve_signature_craft_hi(obj: Any) -> str:
        return obj.headline_hi


class DistrictListOut(_DistrictOut):
    odop_products: list[OdopProductSummaryOut]


class DistrictDetailOut(_DistrictOut):
    lgd_code: int | None
    products_url: str
    odop_products: list[OdopProductOut]

    @staticmethod
    def resolve_products_url(obj: Any, context: dict[str, Any]) -> str:
        return _products_url(context, district=obj.slug)
