"""Commission: the rule in force on the date of supply, the most specific winning; GST on it by
the operator's state; withholding arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from odopmart.ledger.commission import commission_for
from odopmart.ledger.models import CommissionRule, ItemAccrual
from odopmart.ledger.services import ledger_recognise_due
from odopmart.ledger.tests.conftest import at, deliver
from odopmart.ledger.withholding import percent_of, split_tax, tcs_on, tds_on

pytestmark = pytest.mark.django_db


def test_vendor_rule_from_a_date_applies_to_sales_from_that_date(
    sale, seller, product_of, commission
):
    CommissionRule.objects.create(vendor=seller, rate_bp=500, effective_from=date(2025, 2, 1))
    product = product_of(seller)
    CommissionRule.objects.create(
        category=product.category, rate_bp=700, effective_from=date(2017, 7, 1)
    )
    before = sale((product, 2), on=date(2025, 1, 31))
    after = sale((product, 2), on=date(2025, 2, 1))
    deliver(before, date(2025, 2, 3))
    deliver(after, date(2025, 2, 3))
    assert ledger_recognise_due(now=at(date(2025, 3, 1))) == 2
    # Before 1 Feb the category rule (more specific than the default) applies: 7 %.
    assert ItemAccrual.objects.get(order=before).commission_paise == 14000
    # From 1 Feb the vendor's own rule wins over the category rule: 5 %.
    assert ItemAccrual.objects.get(order=after).commission_paise == 10000


def test_gst_on_commission_follows_the_operators_state(seller, commission, settings):
    args = {
        "vendor_id": seller.pk,
        "category_id": 1,
        "vendor_state_code": "09",
        "base_paise": 200000,
        "on": date(2025, 1, 1),
    }
    same = commission_for(**args)
    assert (same.gst.cgst_paise, same.gst.sgst_paise, same.gst.igst_paise) == (1800, 1800, 0)
    settings.LEDGER = {"OPERATOR_GSTIN": "07AAACU1234F1Z1"}  # an operator based in Delhi
    other = commission_for(**args)
    assert (other.gst.cgst_paise, other.gst.igst_paise) == (0, 3600)
    assert other.total_paise == 23600


@pytest.mark.parametrize(
    ("base", "rate", "supply", "expected"),
    [
        (100001, 50, "intra", (250, 250, 0)),  # 0.25 % of ₹1,000.01 = 250.0025 → 250 each
        (100200, 50, "intra", (251, 251, 0)),  # 250.5 → 251 (half up), halves stay equal
        (100100, 50, "inter", (0, 0, 501)),  # 500.5 → 501
        (0, 50, "intra", (0, 0, 0)),
    ],
)
def test_tax_split_rounds_half_up_per_item(base, rate, supply, expected):
    split = split_tax(base, rate, supply)
    assert (split.cgst_paise, split.sgst_paise, split.igst_paise) == expected


def test_withholding_never_goes_negative_and_rounds_half_up():
    assert tcs_on(-5, 50, "inter").total_paise == 0
    assert tds_on(-5, 10) == 0
    assert tds_on(5000, 10) == 5  # 0.1 % of ₹50
    assert tds_on(5500, 10) == 6  # 5.5 → 6
    assert percent_of(1999, 500) == 100  # 99.95 → 100
    with pytest.raises(ValueError, match="supply type"):
        split_tax(100, 50, "abroad")
