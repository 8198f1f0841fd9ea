from __future__ import annotations

from datetime import date

import pytest

from odopmart.ledger.exceptions import LedgerError
from odopmart.ledger.models import CommissionRule, StatutoryRateKind
from odopmart.ledger.rates import artisan_share_bp, commission_rate_bp, statutory_rate_bp

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("kind", "on", "expected_bp"),
    [
        # TCS: 1 % up to 9 Jul 2024, 0.5 % from 10 Jul 2024 (INDIA_COMMERCE 3.2).
        (StatutoryRateKind.TCS_INTRA, date(2024, 7, 9), 100),
        (StatutoryRateKind.TCS_INTRA, date(2024, 7, 10), 50),
        (StatutoryRateKind.TCS_INTER, date(2024, 7, 9), 100),
        (StatutoryRateKind.TCS_INTER, date(2024, 7, 10), 50),
        # TDS 194-O: 1 % up to 30 Sep 2024, 0.1 % from 1 Oct 2024 (INDIA_COMMERCE 3.3).
        (StatutoryRateKind.TDS_194O, date(2024, 9, 30), 100),
        (StatutoryRateKind.TDS_194O, date(2024, 10, 1), 10),
        (StatutoryRateKind.TDS_194O_NO_PAN, date(2026, 11, 24), 500),
        (StatutoryRateKind.GST_ON_COMMISSION, date(2026, 11, 24), 1800),
    ],
)
def test_reference_rates_change_on_their_dates(kind: str, on: date, expected_bp: int) -> None:
    assert statutory_rate_bp(kind, on) == expected_bp


def test_a_date_before_any_rate_is_an_error() -> None:
    with pytest.raises(LedgerError) as error:
        statutory_rate_bp(StatutoryRateKind.TCS_INTRA, date(2017, 1, 1))
    assert error.value.code == "rate_missing"


def test_most_specific_commission_rule_in_force_wins(make_vendor) -> None:  # noqa: ANN001
    from odopmart.catalog.models import Category

    vendor, other = make_vendor(), make_vendor()
    textiles, pottery = Category.objects.all()[:2]
    on = date(2026, 11, 24)
    CommissionRule.objects.create(rate_bp=800, effective_from=date(2025, 4, 1))
    CommissionRule.objects.create(rate_bp=600, category=textiles, effective_from=date(2025, 4, 1))
    CommissionRule.objects.create(rate_bp=400, vendor=vendor, effective_from=date(2025, 4, 1))
    CommissionRule.objects.create(
        rate_bp=300, vendor=vendor, category=textiles, effective_from=date(2026, 12, 1)
    )
    assert commission_rate_bp(vendor_id=other.pk, category_id=pottery.pk, on=on) == 800
    assert commission_rate_bp(vendor_id=other.pk, category_id=textiles.pk, on=on) == 600
    assert commission_rate_bp(vendor_id=vendor.pk, category_id=textiles.pk, on=on) == 400
    # The vendor+category rule starts later.
    later = date(2026, 12, 1)
    assert commission_rate_bp(vendor_id=vendor.pk, category_id=textiles.pk, on=later) == 300


def test_no_commission_rule_is_an_error_and_no_share_rule_is_zero(make_vendor) -> None:  # noqa: ANN001

    vendor = make_vendor()
    with pytest.raises(LedgerError):
        commission_rate_bp(vendor_id=vendor.pk, category_id=1, on=date(2026, 1, 1))
    assert artisan_share_bp(vendor_id=vendor.pk, on=date(2026, 1, 1)) == 0
