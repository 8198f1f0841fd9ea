"""GST: rates by date and value, the per-line split, and quotes over several vendors."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from odopmart.catalog.models import GstRate
from odopmart.orders.exceptions import OrderError
from odopmart.orders.pricing import quote
from odopmart.orders.states import SupplyType
from odopmart.orders.tax import LineTax, gst_rate_on, line_tax
from odopmart.orders.tests.conftest import APPAREL, SLAB_CODES
from odopmart.regions.models import State

BEFORE = date(2025, 9, 21)
FROM = date(2025, 9, 22)
INTRA, INTER = SupplyType.INTRA_STATE, SupplyType.INTER_STATE


# --- the split ----------------------------------------------------------------------------------


def test_intra_state_splits_half_and_half():
    assert line_tax(105000, 500, INTRA) == LineTax(100000, 2500, 2500, 0, 500)


def test_inter_state_is_igst():
    assert line_tax(118000, 1800, INTER) == LineTax(100000, 0, 0, 18000, 1800)


def test_rounding_is_half_up_per_line():
    # 21 paise at 5 %: each half-rate tax is exactly 0.5 paise, which rounds up (not to even).
    assert line_tax(21, 500, INTRA) == LineTax(19, 1, 1, 0, 500)
    # 105 paise: 2.5 paise each way rounds to 3 (half-even would give 2).
    assert line_tax(105, 500, INTRA) == LineTax(99, 3, 3, 0, 500)
    # ₹999.99 at 18 %: taxable 847.4491..., IGST 152.54 (rounded), rest taxable.
    assert line_tax(99999, 1800, INTER) == LineTax(84745, 0, 0, 15254, 1800)


def test_zero_rate_and_zero_total():
    assert line_tax(5000, 0, INTRA) == LineTax(5000, 0, 0, 0, 0)
    assert line_tax(0, 1800, INTER) == LineTax(0, 0, 0, 0, 1800)


@given(
    total=st.integers(min_value=0, max_value=10**10),
    rate=st.sampled_from([0, 250, 500, 1200, 1800, 2800, 4000]),
    supply=st.sampled_from([INTRA, INTER]),
)
def test_parts_always_add_up_and_halves_are_equal(total, rate, supply):
    tax = line_tax(total, rate, supply)
    assert tax.taxable_paise + tax.cgst_paise + tax.sgst_paise + tax.igst_paise == total
    assert tax.cgst_paise == tax.sgst_paise
    exact = Decimal(total) * 10000 / (10000 + rate)
    assert abs(tax.taxable_paise - exact) <= 1
    if supply == INTER:
        assert tax.cgst_paise == 0
    else:
        assert tax.igst_paise == 0


# --- rates by date ------------------------------------------------------------------------------


@pytest.mark.parametrize(("code", "rates"), SLAB_CODES.items())
def test_each_slab_before_and_from_22_september_2025(gst_slabs, code, rates):
    old, new = rates
    assert gst_rate_on(code + "1000", 50000, BEFORE) == old
    assert gst_rate_on(code + "1000", 50000, FROM) == new


@pytest.mark.parametrize(
    ("on", "price_paise", "rate"),
    [
        # Before: up to ₹1,000 of value per piece 5 %, above 12 %.
        (BEFORE, 105000, 500),  # ₹1,050 incl. 5 % = ₹1,000 value
        (BEFORE, 105001, 1200),
        # From 22 Sep 2025: up to ₹2,500 5 %, above 18 %.
        (FROM, 105001, 500),
        (FROM, 262500, 500),  # ₹2,625 incl. 5 % = ₹2,500 value
        (FROM, 262501, 1800),
        (FROM, 400000, 1800),
    ],
)
def test_apparel_rate_depends_on_the_value_per_piece(gst_slabs, on, price_paise, rate):
    assert gst_rate_on(APPAREL + "0000", price_paise, on) == rate


def test_products_own_rate_when_the_row_allows_several(make_product, gst_slabs):
    GstRate.objects.create(
        hsn_code="9906", rate_bp=1800, allowed_rates_bp=[500, 1800], effective_from=FROM,
        verified=True,
    )  # fmt: skip
    assert gst_rate_on(make_product(hsn_code="99061000", gst_rate_bp=500), 10000, FROM) == 500
    # A rate the row does not allow is not trusted: the row's default applies.
    assert gst_rate_on(make_product(hsn_code="99061000", gst_rate_bp=1200), 10000, FROM) == 1800


def test_products_own_rate_when_no_verified_row(make_product):
    GstRate.objects.create(hsn_code="9907", rate_bp=None, effective_from=FROM, verified=False)
    assert gst_rate_on(make_product(hsn_code="99070000", gst_rate_bp=1200), 10000, FROM) == 1200
    with pytest.raises(OrderError) as error:
        gst_rate_on("99070000", 10000, FROM)
    assert error.value.code == "no_gst_rate"


def test_most_specific_row_of_the_newest_schedule_wins(gst_slabs):
    GstRate.objects.create(
        hsn_code="99031234", rate_bp=500, allowed_rates_bp=[500], effective_from=FROM,
        verified=True,
    )  # fmt: skip
    assert gst_rate_on("99031234", 1000, FROM) == 500
    assert gst_rate_on("99039999", 1000, FROM) == 1800
    assert gst_rate_on("99031234", 1000, BEFORE) == 1800


def test_reference_apparel_rows_carry_their_threshold(db):
    row = GstRate.objects.get(hsn_code="61091000")
    assert (row.rate_bp, row.value_threshold_paise, row.rate_above_threshold_bp) == (
        500,
        250000,
        1800,
    )
    assert gst_rate_on("61091000", 262500, FROM) == 500
    assert gst_rate_on("61091000", 300000, FROM) == 1800


# --- quotes -------------------------------------------------------------------------------------


def test_multi_vendor_quote_intra_and_inter_state(
    make_product, make_vendor, make_artisan, gst_slabs
):
    up_product = make_product(hsn_code="99031000", gst_rate_bp=1800, price_paise=118000)
    delhi_vendor = make_vendor(
        gstin="07AAAPL9999C1Z5", state=State.objects.get(gst_state_code="07")
    )
    delhi_product = make_product(
        hsn_code="99051000", gst_rate_bp=500, price_paise=105000,
        artisan=make_artisan(vendor=delhi_vendor),
    )  # fmt: skip

    found = quote(
        [(up_product.variants.get(), 1), (delhi_product.variants.get(), 2)], "226001", on=FROM
    )

    assert found.ok, found.problems
    by_vendor = {s.vendor.pk: s for s in found.shipments}
    up, delhi = by_vendor[up_product.vendor_id], by_vendor[delhi_vendor.pk]
    assert up.supply_type == INTRA
    assert delhi.supply_type == INTER
    assert up.lines[0].tax == LineTax(100000, 9000, 9000, 0, 1800)
    assert delhi.lines[0].tax == LineTax(200000, 0, 0, 10000, 500)
    # Shipping takes the shipment's goods rate and is split the same way.
    assert up.shipping_tax.rate_bp == 1800
    assert up.shipping_tax.igst_paise == 0
    assert delhi.shipping_tax.rate_bp == 500
    assert delhi.shipping_tax.cgst_paise == 0
    totals = found.totals
    assert totals.items_paise == 118000 + 210000
    assert totals.grand_total_paise == totals.items_paise + totals.shipping_paise
    assert totals.taxable_paise + totals.tax_paise == totals.grand_total_paise
    assert totals.cgst_paise == totals.sgst_paise


def test_quote_uses_the_rate_on_the_order_date(make_product, gst_slabs):
    product = make_product(hsn_code="99041000", gst_rate_bp=2800, price_paise=140000)
    before = quote([(product.variants.get(), 1)], "226001", on=BEFORE).lines[0]
    after = quote([(product.variants.get(), 1)], "226001", on=FROM).lines[0]
    assert before.rate_bp == 2800
    assert after.rate_bp == 4000
    assert after.tax == LineTax(100000, 20000, 20000, 0, 4000)
