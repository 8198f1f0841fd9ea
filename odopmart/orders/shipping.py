"""Shipping per vendor shipment: zone from the pickup and delivery PIN codes, charge by weight.

Rates are ShippingRate rows (the default card is seeded from data/reference/shipping_rates.csv).
A charge includes GST: the vendor bills delivery as part of the supply, at the goods' rate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from django.db.models import TextChoices
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from odopmart.orders.conf import orders_setting
from odopmart.orders.exceptions import OrderError
from odopmart.orders.loaders import RateCardRow, rate_card_read
from odopmart.orders.models import ShippingRate
from odopmart.regions.models import Pincode
from odopmart.sellers.models import Vendor


class Zone(TextChoices):
    LOCAL = "local", gettext_lazy("Same district")
    STATE = "state", gettext_lazy("Same state")
    NATIONAL = "national", gettext_lazy("Rest of India")


_ZONE_ORDER = [Zone.LOCAL, Zone.STATE, Zone.NATIONAL]


@dataclass(frozen=True)
class ShippingCharge:
    zone: str
    charge_paise: int
    free: bool = False  # the shipment reached the free-shipping amount


def _district_key(pincode: Pincode) -> tuple[object, ...]:
    # Only UP PIN codes are linked to a District row; elsewhere the directory's first district
    # name within the state stands in for it.
    if pincode.district_id is not None:
        return ("id", pincode.district_id)
    first = pincode.district_names.split(";")[0].strip().lower()
    return ("name", pincode.state_id, first)


def pincodes_get(codes: Iterable[str]) -> dict[str, Pincode]:
    wanted = {code for code in codes if code}
    return {p.code: p for p in Pincode.objects.filter(code__in=wanted)}


def zone_between(pickup: Pincode | None, delivery: Pincode) -> str:
    """Local within a district, state within a state, national otherwise (or if unknown)."""
    if pickup is None or pickup.state_id is None or pickup.state_id != delivery.state_id:
        return Zone.NATIONAL
    if _district_key(pickup) == _district_key(delivery):
        return Zone.LOCAL
    return Zone.STATE


def delivery_pincode_check(code: str) -> Pincode:
    """The delivery PIN code if we deliver there, else a clear error (before any payment)."""
    code = (code or "").strip()
    if len(code) != 6 or not code.isdigit() or code[0] == "0":
        raise OrderError("pincode_invalid", _("Enter a valid 6-digit PIN code."), field="pincode")
    pincode = Pincode.objects.select_related("state").filter(code=code).first()
    if pincode is None or pincode.state_id is None:
        raise OrderError(
            "pincode_unknown",
            _("We could not find PIN code %(code)s. Please check it.") % {"code": code},
            field="pincode",
        )
    if not pincode.is_serviceable:
        raise OrderError(
            "not_serviceable",
            _("Sorry, we do not deliver to PIN code %(code)s yet.") % {"code": code},
            field="pincode",
        )
    return pincode


@lru_cache(maxsize=1)
def _default_card() -> tuple[RateCardRow, ...]:
    return tuple(rate_card_read())


def _rates(zone: str, on: date) -> list[tuple[int, int, int]]:
    """(up_to_grams, charge, extra per 500 g) of the zone's card in force on the date."""
    rows = list(
        ShippingRate.objects.filter(zone=zone, effective_from__lte=on).values_list(
            "up_to_grams", "charge_paise", "extra_per_500g_paise", "effective_from"
        )
    )
    if not rows and not ShippingRate.objects.exists():
        # No card in the database at all (a fresh or emptied table): the shipped default.
        rows = [
            (r.up_to_grams, r.charge_paise, r.extra_per_500g_paise, r.effective_from)
            for r in _default_card()
            if r.zone == zone and r.effective_from <= on
        ]
    if not rows:
        return []
    newest = max(row[3] for row in rows)
    return sorted((row[0], row[1], row[2]) for row in rows if row[3] == newest)


def charge_for_weight(zone: str, weight_grams: int, on: date) -> int:
    slabs = _rates(zone, on)
    if not slabs:
        raise OrderError(
            "no_shipping_rate", _("Shipping to this address cannot be priced yet."), field="pincode"
        )
    for up_to, charge, _extra in slabs:
        if weight_grams <= up_to:
            return charge
    up_to, charge, extra = slabs[-1]
    extra_units = -(-(weight_grams - up_to) // 500)  # each 500 g or part of it
    return charge + extra_units * extra


def shipping_for(
    pickup_pincodes: Iterable[str] | Vendor,
    weight_grams: int,
    delivery_pincode: Pincode | str,
    items_total_paise: int,
    on: date | None = None,
) -> ShippingCharge:
    """The charge for one vendor's shipment of `weight_grams` from its pickups to the buyer.

    `pickup_pincodes` are the artisans' PIN codes (parcels leave from their doors), or a Vendor
    for its own pickup point.

    A shipment with several pickup points is charged at the widest zone among them. It ships
    free when its items (incl. GST) reach the configured amount.
    """
    on = on or timezone.localdate()
    delivery = (
        delivery_pincode
        if isinstance(delivery_pincode, Pincode)
        else delivery_pincode_check(delivery_pincode)
    )
    if isinstance(pickup_pincodes, Vendor):
        vendor = pickup_pincodes
        pickups = [vendor.pickup_pincode or vendor.pincode]
    else:
        pickups = list(pickup_pincodes)
    known = pincodes_get(pickups)
    zones = [zone_between(known.get(code), delivery) for code in pickups] or [Zone.NATIONAL]
    zone = max(zones, key=_ZONE_ORDER.index)
    threshold = orders_setting("FREE_SHIPPING_FROM_PAISE")
    if threshold is not None and items_total_paise >= threshold:
        return ShippingCharge(zone=zone, charge_paise=0, free=True)
    return ShippingCharge(zone=zone, charge_paise=charge_for_weight(zone, weight_grams, on))
