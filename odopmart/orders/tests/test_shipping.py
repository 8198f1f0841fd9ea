from __future__ import annotations

from datetime import date

import pytest

from odopmart.orders.exceptions import OrderError
from odopmart.orders.models import ShippingRate
from odopmart.orders.pricing import quote
from odopmart.orders.shipping import Zone, shipping_for
from odopmart.regions.models import Pincode

pytestmark = pytest.mark.django_db
ON = date(2026, 1, 10)


@pytest.fixture(autouse=True)
def _free_from_999(settings):
    settings.ORDERS = {"FREE_SHIPPING_FROM_PAISE": 99900}


def test_rate_card_is_seeded():
    assert ShippingRate.objects.filter(zone="national").count() >= 3


@pytest.mark.parametrize(
    ("pickup", "delivery", "zone"),
    [
        ("226003", "226001", Zone.LOCAL),  # Lucknow to Lucknow
        ("226003", "221001", Zone.STATE),  # Lucknow to Varanasi
        ("226003", "110001", Zone.NATIONAL),  # Lucknow to Delhi
        ("", "110001", Zone.NATIONAL),  # unknown pickup: charged as far
    ],
)
def test_zone_from_pickup_and_delivery(pickup, delivery, zone):
    assert shipping_for([pickup], 400, delivery, 10000, ON).zone == zone


def test_charge_by_weight_slab_and_extra_beyond_the_largest():
    ShippingRate.objects.all().delete()
    for up_to, charge in ((500, 5000), (1000, 7000)):
        ShippingRate.objects.create(
            zone="state", up_to_grams=up_to, charge_paise=charge, extra_per_500g_paise=2000,
            effective_from=date(2025, 1, 1),
        )  # fmt: skip
    charge = lambda grams: shipping_for(["226003"], grams, "221001", 0, ON).charge_paise  # noqa: E731
    assert charge(1) == 5000
    assert charge(500) == 5000
    assert charge(501) == 7000
    assert charge(1000) == 7000
    assert charge(1001) == 9000  # one extra 500 g (part of one)
    assert charge(1500) == 9000
    assert charge(1501) == 11000


def test_newest_card_in_force_applies():
    ShippingRate.objects.create(
        zone="local", up_to_grams=500, charge_paise=1, effective_from=date(2027, 1, 1)
    )
    assert shipping_for(["226003"], 100, "226001", 0, ON).charge_paise == 4000
    assert shipping_for(["226003"], 100, "226001", 0, date(2027, 1, 2)).charge_paise == 1


def test_free_above_the_threshold():
    assert shipping_for(["226003"], 400, "110001", 99899, ON).charge_paise == 8000
    free = shipping_for(["226003"], 400, "110001", 99900, ON)
    assert (free.charge_paise, free.free) == (0, True)


def test_empty_table_falls_back_to_the_shipped_card():
    ShippingRate.objects.all().delete()
    assert shipping_for(["226003"], 400, "110001", 0, ON).charge_paise == 8000


@pytest.mark.parametrize(
    ("code", "error"), [("12345", "pincode_invalid"), ("100000", "pincode_unknown")]
)
def test_bad_pincodes_are_refused(code, error):
    with pytest.raises(OrderError) as raised:
        shipping_for(["226003"], 400, code, 0, ON)
    assert raised.value.code == error


def test_not_serviceable_pincode_is_a_problem_before_payment(make_product):
    Pincode.objects.filter(code="110001").update(is_serviceable=False)
    product = make_product()
    found = quote([(product.variants.get(), 1)], "110001")
    assert [p.code for p in found.problems] == ["not_serviceable"]
    assert not found.ok


def test_seller_order_records_shipping_and_its_tax(make_product, cart_with, place):
    product = make_product(price_paise=50000)  # below the free threshold
    order = place(cart_with((product, 1)))
    seller_order = order.seller_orders.get()
    assert seller_order.zone == Zone.LOCAL
    assert seller_order.shipping_paise == 4000
    assert (
        seller_order.shipping_taxable_paise
        + seller_order.shipping_cgst_paise
        + seller_order.shipping_sgst_paise
        == 4000
    )
    assert seller_order.shipping_cgst_paise == seller_order.shipping_sgst_paise > 0
    assert seller_order.grand_total_paise == 54000
    assert order.shipping_total_paise == 4000


def test_a_vendor_stands_for_its_pickup_point(make_vendor):
    vendor = make_vendor(pickup_pincode="221001")
    assert shipping_for(vendor, 400, "221001", 0, ON).zone == Zone.LOCAL
    assert shipping_for(make_vendor(), 400, "221001", 0, ON).zone == Zone.STATE
