from __future__ import annotations

from datetime import date

import pytest
from django.core.management import call_command

from odopmart.invoicing.exceptions import InvoicingError
from odopmart.invoicing.models import CommissionInvoice
from odopmart.invoicing.services import commission_invoice_issue, previous_month
from odopmart.invoicing.tests.conftest import DELHI, at, deliver
from odopmart.ledger.services import ledger_recognise_due
from odopmart.regions.models import State

pytestmark = pytest.mark.django_db

JULY = {"period_start": date(2025, 7, 1), "period_end": date(2025, 7, 31), "on": date(2025, 8, 1)}


def _earn(sale, *lines, address=None):
    kwargs = {"address": address} if address else {}
    order = sale(*lines, on=date(2025, 6, 16), **kwargs)
    deliver(order, date(2025, 6, 20))
    ledger_recognise_due(now=at(date(2025, 7, 5)))  # the 7-day return window has closed
    return order


def test_commission_invoice_math_and_cgst_sgst_split(seller, product_of, sale, commission):
    # Taxable values ₹1,000 and ₹2,000 (5 % GST inclusive prices); commission 10 % = ₹300;
    # GST on it 18 % within Uttar Pradesh: CGST 9 % ₹27 + SGST 9 % ₹27; total ₹354.
    _earn(
        sale,
        (product_of(seller, price_paise=105000), 1),
        (product_of(seller, price_paise=210000), 1),
    )
    invoice = commission_invoice_issue(seller, **JULY)
    assert invoice.taxable_total_paise == 30000
    assert (invoice.cgst_total_paise, invoice.sgst_total_paise, invoice.igst_total_paise) == (
        2700,
        2700,
        0,
    )
    assert invoice.grand_total_paise == 35400
    (line,) = invoice.lines
    assert line["base_paise"] == 300000
    assert line["commission_rate_bp"] == 1000
    assert (line["cgst_rate_bp"], line["sgst_rate_bp"]) == (900, 900)
    assert line["hsn"] == "996211"
    assert invoice.number == "OPCM2526/00001"
    assert invoice.supplier["gstin"] == invoice.details["operator_gstin"]
    assert invoice.recipient["gstin"] == seller.gstin
    assert invoice.details["amount_in_words_en"] == "Rupees Three Hundred Fifty-Four Only"
    assert invoice.details["gst_accrued_paise"] == 5400  # what the books withheld
    # One per vendor and period.
    assert commission_invoice_issue(seller, **JULY) == invoice
    assert CommissionInvoice.objects.count() == 1


def test_vendor_in_another_state_is_charged_igst(make_vendor, product_of, sale, commission):
    delhi = make_vendor(
        gstin="07AAACD1234E1Z2", pan="AAACD1234E", state=State.objects.get(gst_state_code="07")
    )
    _earn(sale, (product_of(delhi, price_paise=105000), 1), address=DELHI)
    invoice = commission_invoice_issue(delhi, **JULY)
    assert (invoice.cgst_total_paise, invoice.sgst_total_paise, invoice.igst_total_paise) == (
        0,
        0,
        1800,
    )
    assert invoice.place_of_supply_code == "07"
    assert invoice.lines[0]["igst_rate_bp"] == 1800


def test_nothing_due_and_an_open_period_are_refused(seller, commission):
    with pytest.raises(InvoicingError) as refused:
        commission_invoice_issue(seller, **JULY)
    assert refused.value.code == "nothing_due"
    with pytest.raises(InvoicingError) as early:
        commission_invoice_issue(
            seller,
            period_start=date(2025, 7, 1),
            period_end=date(2025, 7, 31),
            on=date(2025, 7, 20),
        )
    assert early.value.code == "period_open"


def test_command_issues_each_vendor_once(seller, make_vendor, product_of, sale, commission, capsys):
    _earn(sale, (product_of(seller, price_paise=105000), 1))
    call_command("invoicing_issue_commission", "--month", "2025-07")
    call_command("invoicing_issue_commission", "--month", "2025-07")
    out = capsys.readouterr().out
    assert "1 issued" in out
    assert "1 already issued" in out
    assert CommissionInvoice.objects.filter(vendor=seller).count() == 1


def test_previous_month():
    assert previous_month(date(2026, 1, 1)) == (date(2025, 12, 1), date(2025, 12, 31))
    assert previous_month(date(2026, 3, 15)) == (date(2026, 2, 1), date(2026, 2, 28))
