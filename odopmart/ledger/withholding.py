"""Amounts the law takes out of a vendor's sales: TCS (CGST s.52) and income-tax TDS (s.194-O).

Pure arithmetic on paise and basis points; which rate applies is looked up by the caller with
`rates.statutory_rate` on the date of supply. Every amount is rounded per item to the paisa,
half up; CGST and SGST halves are each rounded from the half rate, so they are always equal.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from odopmart.orders.states import SupplyType

_BP = Decimal(10000)


def percent_of(amount_paise: int, rate_bp: int) -> int:
    """`rate_bp` basis points of an amount, rounded to the paisa half up."""
    value = Decimal(amount_paise) * Decimal(rate_bp) / _BP
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class TaxSplit:
    cgst_paise: int = 0
    sgst_paise: int = 0
    igst_paise: int = 0

    @property
    def total_paise(self) -> int:
        return self.cgst_paise + self.sgst_paise + self.igst_paise


def split_tax(base_paise: int, rate_bp: int, supply_type: str) -> TaxSplit:
    """A tax on `base_paise`: CGST + SGST at half the rate each within a state, else IGST."""
    if supply_type == SupplyType.INTRA_STATE:
        value = Decimal(base_paise) * Decimal(rate_bp) / 2 / _BP
        half = int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))
        return TaxSplit(cgst_paise=half, sgst_paise=half)
    if supply_type == SupplyType.INTER_STATE:
        return TaxSplit(igst_paise=percent_of(base_paise, rate_bp))
    raise ValueError(f"unknown supply type {supply_type!r}")


def tcs_on(net_taxable_paise: int, rate_bp: int, supply_type: str) -> TaxSplit:
    """TCS on the net taxable value (sales less returns, GST excluded): CGST + SGST for a
    supply within a state, IGST between states (INDIA_COMMERCE.md 3.2)."""
    return split_tax(max(net_taxable_paise, 0), rate_bp, supply_type)


def tds_on(gross_excluding_gst_paise: int, rate_bp: int) -> int:
    """194-O TDS on the gross amount of the sale without GST, shipping the buyer paid included
    (CBDT Circular 20/2023)."""
    return percent_of(max(gross_excluding_gst_paise, 0), rate_bp)
