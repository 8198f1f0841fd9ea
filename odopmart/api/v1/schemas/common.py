"""Output shapes shared by several endpoints: short references to states, districts, etc."""

from __future__ import annotations

from decimal import Decimal

from ninja import Schema

from odopmart.core.money import format_inr, percent_off


class StateRefOut(Schema):
    gst_state_code: str
    slug: str
    name: str
    name_en: str
    name_hi: str


class DistrictRefOut(Schema):
    slug: str
    name: str
    name_en: str
    name_hi: str


class CategoryRefOut(Schema):
    slug: str
    name: str
    name_en: str
    name_hi: str


class OdopProductRefOut(Schema):
    slug: str
    name: str
    name_en: str
    name_hi: str


class PriceOut(Schema):
    """Selling price (incl. GST) and MRP in paise, with rupee strings for display."""

    price_paise: int
    price_formatted: str
    mrp_paise: int
    mrp_formatted: str
    discount_percent: int

    @staticmethod
    def resolve_price_formatted(obj: object) -> str:
        return format_inr(obj.price_paise)  # type: ignore[attr-defined]

    @staticmethod
    def resolve_mrp_formatted(obj: object) -> str:
        return format_inr(obj.mrp_paise)  # type: ignore[attr-defined]

    @staticmethod
    def resolve_discount_percent(obj: object) -> int:
        return percent_off(obj.mrp_paise, obj.price_paise)  # type: ignore[attr-defined]


def rate_percent(rate_bp: int) -> str:
    """1800 -> '18', 25 -> '0.25' (basis points to a percentage string, no floats)."""
    return str(Decimal(rate_bp) / 100)
