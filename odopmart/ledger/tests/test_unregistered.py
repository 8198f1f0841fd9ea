"""Enrolled unregistered suppliers (Notifications 34/2023-CT and 37/2023-CT): no GST on their
sales, no delivery to another state, no TCS, reported apart in GSTR-8."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import IntegrityError, transaction

from odopmart.ledger.models import ItemAccrual
from odopmart.ledger.reports import Month, gstr8_statement
from odopmart.ledger.services import ledger_recognise_due
from odopmart.ledger.tests.conftest import DELHI, at, deliver
from odopmart.orders.exceptions import OrderError
from odopmart.orders.pricing import quote
from odopmart.sellers.models import SupplierRegistration
from odopmart.sellers.selectors import vendor_onboarding_problems

pytestmark = pytest.mark.django_db
ENROLLED = SupplierRegistration.ENROLLED_UNREGISTERED


@pytest.fixture
def artisan_seller(make_vendor):
    return make_vendor(
        registration=ENROLLED, gstin="", enrolment_number="091234567890ENR", pan="ABCPK1234L"
    )


def test_their_lines_carry_no_gst(artisan_seller, product_of):
    product = product_of(artisan_seller, price_paise=105000)
    found = quote([(product.variants.first(), 2)], "226001", on=date(2025, 6, 16))
    assert not found.problems
    line = found.lines[0]
    assert line.tax.taxable_paise == 210000
    assert line.tax.tax_paise == 0
    assert found.shipments[0].shipping_tax.tax_paise == 0


def test_delivery_to_another_state_is_refused_before_payment(
    artisan_seller, product_of, cart_with, place
):
    product = product_of(artisan_seller)
    found = quote([(product.variants.first(), 1)], "110001", on=date(2025, 6, 16))
    assert [p.code for p in found.problems] == ["seller_intra_state_only"]
    assert not found.shipments
    with pytest.raises(OrderError) as refused:
        place(cart_with((product, 1)), address=DELHI)
    assert refused.value.code == "seller_intra_state_only"


def test_no_tcs_but_tds_and_reported_apart(artisan_seller, seller, sale, product_of, commission):
    order = sale((product_of(artisan_seller), 2), (product_of(seller), 2))
    deliver(order, date(2025, 1, 20))
    assert ledger_recognise_due(now=at(date(2025, 2, 10))) == 2
    accrual = ItemAccrual.objects.get(vendor=artisan_seller)
    assert accrual.taxable_paise == 210000  # the whole price
    assert accrual.tcs_paise == 0
    assert accrual.tcs_rate is None
    assert accrual.tds_paise == 210  # 0.1 % of ₹2,100
    assert accrual.commission_paise == 21000
    statement = gstr8_statement(Month(2025, 2))
    assert [r["vendor_gstin"] for r in statement.registered] == [seller.gstin]
    assert statement.unregistered == [
        {
            "enrolment_number": "091234567890ENR",
            "vendor_id": artisan_seller.pk,
            "vendor__name_en": artisan_seller.name_en,
            "gross_paise": 210000,
            "returns_paise": 0,
            "net_paise": 210000,
        }
    ]


def test_gstin_blank_only_for_enrolled_suppliers(make_vendor, artisan_seller):
    make_vendor(registration=ENROLLED, gstin="", enrolment_number="09ENR2")  # two blanks: fine
    with pytest.raises(IntegrityError), transaction.atomic():
        make_vendor(gstin="")  # a registered vendor needs its GSTIN
    with pytest.raises(IntegrityError), transaction.atomic():
        make_vendor(registration=ENROLLED, gstin="", enrolment_number="")
    make_vendor(gstin="09AAACT5555B1Z3")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_vendor(gstin="09AAACT5555B1Z3")


def test_onboarding_asks_an_enrolled_supplier_for_no_gstin(artisan_seller, make_vendor):
    problems = " ".join(vendor_onboarding_problems(artisan_seller).get("business", []))
    assert "GSTIN" not in problems
    registered = make_vendor(gstin="09AAACH7409R1ZZ", pan="")
    registered.gstin = ""  # in memory only: what the check says of a missing GSTIN
    assert "GSTIN" in " ".join(vendor_onboarding_problems(registered).get("business", []))
