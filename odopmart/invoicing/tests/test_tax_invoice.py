from __future__ import annotations

from datetime import date

import pytest

from odopmart.invoicing.exceptions import InvoicingError
from odopmart.invoicing.models import DocumentKind, TaxInvoice, VendorInvoiceSetting
from odopmart.invoicing.services import invoice_issue_for_seller_order
from odopmart.invoicing.tests.conftest import DELHI, LUCKNOW
from odopmart.invoicing.words import amount_in_words

pytestmark = pytest.mark.django_db

ON = date(2025, 6, 16)  # the shipping rate card is in force


def test_paid_order_gets_an_invoice_with_every_rule_46_particular(seller, product_of, sale):
    product = product_of(seller, price_paise=42000, hsn_code="99011234")  # under free shipping
    order = sale((product, 2), on=ON)
    seller_order = order.seller_orders.get()
    invoice = TaxInvoice.objects.get(seller_order=seller_order)  # issued by the outbox handler
    item = seller_order.items.get()

    # (a) supplier: the vendor's name, address and GSTIN
    assert invoice.supplier["gstin"] == seller.gstin
    assert invoice.supplier["name"] == seller.name_en
    assert invoice.supplier["address"] == seller.address
    assert invoice.supplier["state_code"] == "09"
    # (b) serial number, at most 16 characters, from the vendor's series; (c) date
    assert invoice.number == f"V{seller.pk}IN2526/00001"
    assert len(invoice.number) <= 16
    assert invoice.series.vendor_id == seller.pk
    assert invoice.issued_on == ON
    assert invoice.kind == DocumentKind.TAX_INVOICE
    # (d)-(f), (o): recipient name, delivery address, state name and code
    assert invoice.recipient["name"] == LUCKNOW.name
    assert LUCKNOW.line1 in invoice.recipient["address"]
    assert invoice.recipient["pincode"] == "226001"
    assert invoice.recipient["state_code"] == "09"
    assert invoice.recipient["state_name_en"] == "Uttar Pradesh"
    # (n) place of supply with the state name
    assert (invoice.place_of_supply_code, invoice.place_of_supply_name) == ("09", "Uttar Pradesh")
    goods, shipping = invoice.lines
    # (g) HSN stored in full, printed with 4 digits by default; (h) description; (i) qty + unit
    assert (goods["hsn"], goods["hsn_printed"]) == ("99011234", "9901")
    assert goods["description_en"].startswith(product.name_en)
    assert goods["description_hi"].startswith(product.name_hi)
    assert (goods["quantity"], goods["unit"]) == (2, "NOS")
    # (j)/(k) value, discount, taxable value; (l)/(m) rates and amounts per head
    assert goods["discount_paise"] == 0
    assert goods["taxable_paise"] == item.taxable_value_paise == 80000
    assert (goods["cgst_rate_bp"], goods["sgst_rate_bp"], goods["igst_rate_bp"]) == (250, 250, 0)
    assert (goods["cgst_paise"], goods["sgst_paise"], goods["igst_paise"]) == (2000, 2000, 0)
    assert goods["unit_price_paise"] == 40000
    assert goods["total_paise"] == 84000
    # Made by the artisan, in their district
    assert goods["maker_en"] == f"Made by {item.artisan.name_en}, Lucknow"
    assert item.artisan.name_hi in goods["maker_hi"]
    # Shipping as its own line at the rule the checkout priced it with
    assert shipping["kind"] == "shipping"
    assert shipping["total_paise"] == seller_order.shipping_paise
    assert shipping["taxable_paise"] == seller_order.shipping_taxable_paise
    assert shipping["cgst_paise"] == seller_order.shipping_cgst_paise
    assert shipping["rate_bp"] == 500
    # Totals equal what the buyer paid for this seller order
    assert invoice.grand_total_paise == seller_order.grand_total_paise
    assert invoice.taxable_total_paise == seller_order.taxable_total_paise
    assert invoice.cgst_total_paise == seller_order.cgst_total_paise
    # (p) reverse charge, (q) signature, amount in words, the operator's GSTIN
    details = invoice.details
    assert details["reverse_charge"] is False
    assert details["signature_en"] == f"Digitally issued on behalf of {seller.name_en}"
    assert details["computer_generated"] is True
    assert details["amount_in_words_en"] == amount_in_words(invoice.grand_total_paise)
    assert details["amount_in_words_en"].endswith("Only")
    assert details["amount_in_words_hi"].endswith("मात्र")
    assert details["operator_gstin"] == "09AAACU1234F1ZO"
    assert details["order_number"] == order.number


def test_inter_state_supply_carries_igst_and_the_buyers_state(seller, product_of, sale):
    order = sale((product_of(seller), 1), on=ON, address=DELHI)
    invoice = TaxInvoice.objects.get(seller_order__order=order)
    assert (invoice.place_of_supply_code, invoice.place_of_supply_name) == ("07", "Delhi")
    assert invoice.details["supply_type"] == "inter"
    for line in invoice.lines:
        assert line["cgst_paise"] == line["sgst_paise"] == 0
        assert line["igst_rate_bp"] == 500
        assert line["igst_paise"] > 0
    assert invoice.cgst_total_paise == invoice.sgst_total_paise == 0
    assert invoice.igst_total_paise == order.igst_total_paise


def test_issuing_twice_returns_the_same_invoice(seller, product_of, sale):
    order = sale((product_of(seller), 1), on=ON)
    seller_order = order.seller_orders.get()
    first = TaxInvoice.objects.get(seller_order=seller_order)
    assert invoice_issue_for_seller_order(seller_order) == first
    assert TaxInvoice.objects.count() == 1


def test_an_unpaid_order_is_refused(seller, product_of, cart_with, place, buyer):
    order = place(cart_with((product_of(seller), 1)), buyer=buyer)
    with pytest.raises(InvoicingError) as refused:
        invoice_issue_for_seller_order(order.seller_orders.get())
    assert refused.value.code == "not_paid"
    assert TaxInvoice.objects.count() == 0


def test_cash_on_delivery_is_invoiced_when_confirmed(seller, product_of, sale):
    order = sale((product_of(seller), 1), on=ON, method="cod")
    assert TaxInvoice.objects.filter(seller_order__order=order).count() == 1


def test_hsn_printed_per_the_vendors_setting(seller, product_of, sale):
    VendorInvoiceSetting.objects.create(vendor=seller, hsn_digits=6)
    order = sale((product_of(seller, hsn_code="99011234"), 1), on=ON)
    invoice = TaxInvoice.objects.get(seller_order__order=order)
    assert invoice.lines[0]["hsn_printed"] == "990112"
    assert invoice.details["hsn_digits"] == 6


def test_unregistered_supplier_issues_a_bill_of_supply(make_vendor, product_of, sale):
    vendor = make_vendor(
        gstin="", registration="enrolled_unregistered", enrolment_number="EN0912345"
    )
    order = sale((product_of(vendor), 1), on=ON)
    invoice = TaxInvoice.objects.get(seller_order__order=order)
    assert invoice.kind == DocumentKind.BILL_OF_SUPPLY
    assert invoice.number.startswith(f"V{vendor.pk}BS")
    assert invoice.supplier["enrolment_number"] == "EN0912345"
    assert invoice.cgst_total_paise == invoice.sgst_total_paise == invoice.igst_total_paise == 0
    assert all(line["rate_bp"] == 0 for line in invoice.lines)
    assert invoice.grand_total_paise == order.grand_total_paise
