"""The operator's commission on a vendor's sale and the GST on it.

Commission is a percentage of the goods' taxable value (not of shipping, not of GST), by the
most specific `CommissionRule` in force (vendor + category, vendor, category, default). The
operator supplies it as a service from its own GSTIN, so its GST is CGST + SGST when the vendor
is in the operator's state and IGST otherwise (IGST Act s.12(2)(a), INDIA_COMMERCE.md 2.1).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from odopmart.ledger.conf import operator_state_code
from odopmart.ledger.models import StatutoryRateKind
from odopmart.ledger.rates import commission_rate_bp, statutory_rate_bp
from odopmart.ledger.withholding import TaxSplit, percent_of, split_tax
from odopmart.orders.states import SupplyType


@dataclass(frozen=True)
class Commission:
    base_paise: int
    rate_bp: int
    commission_paise: int
    gst_rate_bp: int
    gst: TaxSplit

    @property
    def total_paise(self) -> int:
        return self.commission_paise + self.gst.total_paise


def commission_supply_type(vendor_state_code: str) -> str:
    same = vendor_state_code == operator_state_code()
    return SupplyType.INTRA_STATE if same else SupplyType.INTER_STATE


def commission_for(
    *, vendor_id: int, category_id: int, vendor_state_code: str, base_paise: int, on: date
) -> Commission:
    rate = commission_rate_bp(vendor_id=vendor_id, category_id=category_id, on=on)
    amount = percent_of(base_paise, rate)
    gst_rate = statutory_rate_bp(StatutoryRateKind.GST_ON_COMMISSION, on)
    gst = split_tax(amount, gst_rate, commission_supply_type(vendor_state_code))
    return Commission(base_paise, rate, amount, gst_rate, gst)
