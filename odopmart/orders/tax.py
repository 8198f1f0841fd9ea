"""GST on tax-inclusive prices: the rate in force on a date, and the per-line split.

Rates are data (catalog.GstRate rows by HSN prefix with effective dates and value thresholds),
never literals here. Amounts are integer paise; rates are basis points and go through Decimal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q
from django.utils.translation import gettext as _

from odopmart.catalog.models import GstRate, Product
from odopmart.orders.exceptions import OrderError
from odopmart.orders.states import SupplyType

_BP = Decimal(10000)
_PAISA = Decimal(1)


@dataclass(frozen=True)
class LineTax:
    """One line's split: taxable value + CGST + SGST + IGST == the tax-inclusive line total."""

    taxable_paise: int
    cgst_paise: int
    sgst_paise: int
    igst_paise: int
    rate_bp: int

    @property
    def tax_paise(self) -> int:
        return self.cgst_paise + self.sgst_paise + self.igst_paise

    @property
    def total_paise(self) -> int:
        return self.taxable_paise + self.tax_paise


def _round(value: Decimal) -> int:
    return int(value.quantize(_PAISA, rounding=ROUND_HALF_UP))


def line_tax(line_total_paise: int, rate_bp: int, supply_type: str) -> LineTax:
    """Split a tax-inclusive line total into taxable value and tax, rounded per line.

    Each tax is computed from the exact taxable value (total / (1 + rate)) and rounded to the
    paisa half-up; CGST and SGST are each at half the rate, so they are always equal. The
    taxable value is what remains, so the parts always add up to the line total exactly.
    """
    if line_total_paise < 0:
        raise ValueError("a line total cannot be negative")
    rate = Decimal(rate_bp) / _BP
    taxable_exact = Decimal(line_total_paise) / (1 + rate)
    if supply_type == SupplyType.INTRA_STATE:
        half = _round(taxable_exact * rate / 2)
        return LineTax(line_total_paise - 2 * half, half, half, 0, rate_bp)
    if supply_type == SupplyType.INTER_STATE:
        igst = _round(taxable_exact * rate)
        return LineTax(line_total_paise - igst, 0, 0, igst, rate_bp)
    raise ValueError(f"unknown supply type {supply_type!r}")


def supply_type_for(vendor_state_code: str, place_of_supply_code: str) -> str:
    """Same state → CGST + SGST; different states → IGST (IGST Act s.10, INDIA_COMMERCE 2.3)."""
    if vendor_state_code and vendor_state_code == place_of_supply_code:
        return SupplyType.INTRA_STATE
    return SupplyType.INTER_STATE


def _prefixes(hsn_code: str) -> list[str]:
    code = (hsn_code or "").strip()
    return [code[:length] for length in range(len(code), 1, -1)]


def gst_rate_row(hsn_code: str, on: date) -> GstRate | None:
    """The rate row in force on the date for this HSN code.

    The newest schedule in force wins (a rate change replaces the earlier rows from its date);
    within it, the most specific HSN prefix (tariff item before heading before chapter).
    """
    prefixes = _prefixes(hsn_code)
    if not prefixes:
        return None
    rows = GstRate.objects.filter(hsn_code__in=prefixes, effective_from__lte=on).filter(
        Q(effective_to__isnull=True) | Q(effective_to__gte=on)
    )
    candidates = sorted(rows, key=lambda row: (row.effective_from, len(row.hsn_code)))
    return candidates[-1] if candidates else None


def rate_for_price(row: GstRate, unit_price_paise: int) -> int:
    """The row's rate for one piece sold at this tax-inclusive price.

    Thresholds are on the sale value per piece, which excludes GST: the lower rate applies
    when the price less the tax at the lower rate stays within the threshold.
    """
    assert row.rate_bp is not None
    if row.value_threshold_paise is None or row.rate_above_threshold_bp is None:
        return row.rate_bp
    below = Decimal(row.rate_bp) / _BP
    value_at_lower_rate = Decimal(unit_price_paise) / (1 + below)
    if value_at_lower_rate <= row.value_threshold_paise:
        return row.rate_bp
    return row.rate_above_threshold_bp


def gst_rate_on(
    product_or_hsn: Product | str,
    unit_price_paise: int,
    on: date,
    *,
    default_rate_bp: int | None = None,
) -> int:
    """The GST rate (basis points) of one piece at this tax-inclusive price on the date.

    From the verified rate row in force (with its value threshold, if any). The product's own
    `gst_rate_bp` (or `default_rate_bp` for a bare HSN code) is used when the row leaves a
    choice between several rates, or when no verified row with a rate exists.
    """
    if isinstance(product_or_hsn, Product):
        hsn_code = product_or_hsn.hsn_code
        own_rate = product_or_hsn.gst_rate_bp
    else:
        hsn_code, own_rate = product_or_hsn, default_rate_bp
    row = gst_rate_row(hsn_code, on)
    if row is not None and row.verified and row.rate_bp is not None:
        if row.value_threshold_paise is not None:
            return rate_for_price(row, unit_price_paise)
        allowed = set(row.allowed_rates_bp or [])
        if len(allowed) > 1 and own_rate is not None and own_rate in allowed:
            return own_rate
        return row.rate_bp
    if own_rate is None:
        raise OrderError(
            "no_gst_rate",
            _("No GST rate is known for HSN code %(code)s.") % {"code": hsn_code},
        )
    return own_rate
