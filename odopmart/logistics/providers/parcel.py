"""What couriers ask about a parcel, read once from the shipment and its order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from odopmart.logistics.models import Shipment
    from odopmart.orders.models import Order


def rupees(paise: int) -> str:
    """Courier APIs take rupees with two decimals: 123456 -> "1234.56" (no floats)."""
    sign = "-" if paise < 0 else ""
    paise = abs(paise)
    return f"{sign}{paise // 100}.{paise % 100:02d}"


def national_digits(phone: str) -> str:
    """'+919876543210' -> '9876543210' (couriers want ten digits)."""
    digits = "".join(char for char in phone if char.isdigit())
    return digits[-10:]


@dataclass(frozen=True)
class ParcelLine:
    name: str
    sku: str
    quantity: int
    unit_price_rupees: str
    gst_rate_percent: str
    hsn_code: str


@dataclass(frozen=True)
class ParcelFacts:
    order: Order
    lines: list[ParcelLine]
    vendor_name: str
    vendor_email: str
    vendor_gstin: str
    pickup_city: str
    pickup_state: str
    pickup_phone_digits: str
    delivery_state: str
    delivery_phone_digits: str
    declared_value_rupees: str
    cod_amount_rupees: str
    products_description: str


def parcel_facts(shipment: Shipment) -> ParcelFacts:
    seller_order = shipment.seller_order
    order = seller_order.order
    vendor = seller_order.vendor
    artisan = shipment.artisan
    lines = [
        ParcelLine(
            name=line.item.name_en,
            sku=line.item.sku,
            quantity=line.quantity,
            unit_price_rupees=rupees(line.item.unit_price_paise),
            gst_rate_percent=rupees(line.item.gst_rate_bp),  # basis points -> percent
            hsn_code=line.item.hsn_code,
        )
        for line in shipment.lines.select_related("item").all()
    ]
    return ParcelFacts(
        order=order,
        lines=lines,
        vendor_name=vendor.name_en,
        vendor_email=getattr(vendor, "email", "") or "",
        vendor_gstin=vendor.gstin,
        pickup_city=artisan.town,
        pickup_state=artisan.district.state.name_en,
        pickup_phone_digits=national_digits(shipment.pickup_phone),
        delivery_state=order.ship_state.name_en,
        delivery_phone_digits=national_digits(order.phone),
        declared_value_rupees=rupees(shipment.declared_value_paise),
        cod_amount_rupees=rupees(shipment.cod_amount_paise),
        products_description=", ".join(f"{line.name} × {line.quantity}" for line in lines)[:200],
    )
