"""What the Consumer Protection (E-Commerce) Rules 2020 require a listing to show before purchase
(rules 5 and 6; INDIA_COMMERCE.md §4): who sells it (legal name, address, GSTIN or that the
seller is an enrolled unregistered supplier), country and district of origin, the return and
refund terms, a delivery estimate and the total price with its breakup.

The product page is cached for anonymous visitors, so everything here depends only on the
product and the chosen variant; the delivery estimate for a PIN code is a separate, uncached
request (`delivery_estimate`).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

from odopmart.catalog.models import Product, Variant
from odopmart.orders.exceptions import OrderError
from odopmart.orders.shipping import delivery_pincode_check, shipping_for
from odopmart.orders.states import SupplyType
from odopmart.orders.tax import gst_rate_on, line_tax

# Working days: the artisan makes the parcel ready (dispatch), then the courier carries it
# (transit, by zone). Override with settings.DELIVERY_ESTIMATE_DAYS or the env variable of the
# same name (JSON), e.g. {"dispatch": [1, 3], "local": [1, 2], "state": [2, 4], "national": [4, 8]}.
GST_RATE_CACHE_SECONDS = 300
DELIVERY_DAYS_DEFAULT: dict[str, tuple[int, int]] = {
    "dispatch": (1, 3),
    "local": (1, 2),
    "state": (2, 4),
    "national": (4, 8),
}


def delivery_days() -> dict[str, tuple[int, int]]:
    configured: Any = getattr(settings, "DELIVERY_ESTIMATE_DAYS", None)
    if configured is None and os.environ.get("DELIVERY_ESTIMATE_DAYS"):
        configured = json.loads(os.environ["DELIVERY_ESTIMATE_DAYS"])
    days = dict(DELIVERY_DAYS_DEFAULT)
    for key, value in (configured or {}).items():
        low, high = value
        days[key] = (int(low), int(high))
    return days


@dataclass(frozen=True)
class PriceBreakup:
    price_paise: int  # incl. GST
    rate_bp: int
    gst_paise: int
    taxable_paise: int


@dataclass(frozen=True)
class Disclosures:
    seller_name: str
    seller_legal_name: str
    seller_address: str
    registered: bool
    gstin: str
    enrolment_number: str
    seller_state: str
    country_of_origin: str
    district_of_origin: str
    return_window_days: int
    breakup: PriceBreakup
    delivery_days_low: int
    delivery_days_high: int


def price_breakup(product: Product, price_paise: int, on: date | None = None) -> PriceBreakup:
    """The GST inside a tax-inclusive price, at the rate in force today for this price.

    An enrolled unregistered supplier charges no GST. The split is shown as one figure (the
    CGST/SGST or IGST split depends on the delivery state, settled at checkout).
    """
    if not product.vendor.is_registered:
        return PriceBreakup(price_paise, 0, 0, price_paise)
    on = on or timezone.localdate()
    key = f"disclosures:gst:v1:{product.hsn_code}:{product.gst_rate_bp}:{price_paise}:{on}"
    rate = cache.get(key)
    if rate is None:
        try:
            rate = gst_rate_on(product, price_paise, on)
        except OrderError:
            rate = product.gst_rate_bp
        # Rates change on notified dates, not by the minute: keep the answer a few minutes.
        cache.set(key, rate, GST_RATE_CACHE_SECONDS)
    split = line_tax(price_paise, rate, SupplyType.INTER_STATE)
    return PriceBreakup(price_paise, rate, split.tax_paise, split.taxable_paise)


def _address(product: Product) -> str:
    vendor = product.vendor
    parts = [vendor.address.strip().replace("\n", ", ")]
    if vendor.pincode and vendor.pincode not in parts[0]:
        parts.append(vendor.pincode)
    state = vendor.state.name if vendor.state_id else ""
    if state and state not in parts[0]:
        parts.append(state)
    return ", ".join(part for part in parts if part)


def product_disclosures(product: Product, variant: Variant | None) -> Disclosures:
    """Everything the listing must disclose; no queries beyond the GST rate row (the product
    comes with vendor__state, district and category selected)."""
    vendor = product.vendor
    days = delivery_days()
    price = variant.price_paise if variant else product.price_paise
    return Disclosures(
        seller_name=vendor.name,
        seller_legal_name=vendor.legal_name or vendor.name_en,
        seller_address=_address(product),
        registered=vendor.is_registered,
        gstin=vendor.gstin,
        enrolment_number=vendor.enrolment_number,
        seller_state=vendor.state.name if vendor.state_id else "",
        country_of_origin=_("India"),
        district_of_origin=product.district.name,
        return_window_days=product.category.return_window_days,
        breakup=price_breakup(product, price),
        delivery_days_low=days["dispatch"][0]
        + min(v[0] for k, v in days.items() if k != "dispatch"),
        delivery_days_high=days["dispatch"][1]
        + max(v[1] for k, v in days.items() if k != "dispatch"),
    )


@dataclass(frozen=True)
class DeliveryEstimate:
    pincode: str
    place: str
    zone: str
    zone_label: str
    days_low: int
    days_high: int
    earliest: date
    latest: date
    shipping_paise: int
    free: bool
    total_paise: int


def delivery_estimate(
    product: Product, variant: Variant, pincode: str, *, today: date | None = None
) -> DeliveryEstimate:
    """Estimated delivery days and shipping for one piece of the variant to a PIN code.

    Raises OrderError (with a message for the buyer) for a PIN code that is invalid, unknown,
    not served, or outside the state of an enrolled unregistered supplier (who may sell only
    within its own state).
    """
    from odopmart.orders.shipping import Zone

    today = today or timezone.localdate()
    place = delivery_pincode_check(pincode)
    vendor = product.vendor
    if not vendor.is_registered and place.state.gst_state_code != vendor.gst_state_code:
        raise OrderError(
            "seller_intra_state_only",
            _("This seller can deliver only within %(state)s.") % {"state": vendor.state.name},
            field="pincode",
        )
    charge = shipping_for(vendor, variant.weight_grams, place, variant.price_paise, on=today)
    days = delivery_days()
    transit = days.get(charge.zone, days["national"])
    low, high = days["dispatch"][0] + transit[0], days["dispatch"][1] + transit[1]
    if place.district_id is not None:
        district = place.district.name
    else:
        district = (place.district_names or "").split(";")[0].strip().title()
    return DeliveryEstimate(
        pincode=place.code,
        place=", ".join(part for part in (district, place.state.name) if part),
        zone=charge.zone,
        zone_label=str(Zone(charge.zone).label),
        days_low=low,
        days_high=high,
        earliest=today + timedelta(days=low),
        latest=today + timedelta(days=high),
        shipping_paise=charge.charge_paise,
        free=charge.free,
        total_paise=variant.price_paise + charge.charge_paise,
    )
