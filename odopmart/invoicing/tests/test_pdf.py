"""The printed documents: every particular is in the PDF text, Hindi is embedded and shaped.

Set INVOICING_PDF_DIR to keep the PDFs (to render them with pdftoppm and look at them).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from odopmart.invoicing.models import CommissionInvoice, CreditNote, TaxInvoice
from odopmart.invoicing.pdf import document_pdf, rupees
from odopmart.invoicing.services import commission_invoice_issue
from odopmart.invoicing.tests.conftest import DELHI, deliver
from odopmart.ledger.services import ledger_recognise_due
from odopmart.ledger.tests.conftest import at
from odopmart.orders.services import item_cancel

pytestmark = pytest.mark.django_db

ON = date(2025, 6, 16)
LONG = (
    "Hand-embroidered Chikankari kurta in pure cotton mulmul with shadow work and jaali, "
    "made to order in the old city"
)


def _text(doc, tmp_path: Path, name: str) -> str:  # noqa: ANN001
    pdf = document_pdf(doc)
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    keep = os.environ.get("INVOICING_PDF_DIR")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / path.name)
        snapshot = {f.attname: f.value_to_string(doc) for f in doc._meta.concrete_fields}
        (Path(keep) / f"{name}.json").write_text(json.dumps(snapshot, default=str))
    assert pdf.startswith(b"%PDF")
    assert b"NotoSansDevanagari" in pdf  # the Hindi font is embedded
    if shutil.which("pdftotext") is None:
        return ""
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
    )
    return result.stdout.decode()


def test_rupees_use_indian_grouping():
    assert rupees(12345678) == "₹1,23,456.78"
    assert rupees(99) == "₹0.99"
    assert rupees(100000000000) == "₹1,00,00,00,000.00"


def test_tax_invoice_pdf_prints_every_particular(seller, product_of, sale, tmp_path):
    product = product_of(seller, price_paise=42000, name_en=LONG, name_hi="हाथ से कढ़ा चिकनकारी कुर्ता")
    other = product_of(seller, price_paise=21000)
    order = sale((product, 1), (other, 2), on=ON)
    invoice = TaxInvoice.objects.get(seller_order__order=order)
    text = _text(invoice, tmp_path, "tax-invoice-intra")
    if not text:
        pytest.skip("pdftotext is not installed; the snapshot tests cover the fields")
    flat = " ".join(text.split())
    for expected in (
        "TAX INVOICE",
        invoice.number,
        "16-06-2025",
        seller.name_en,
        seller.gstin,
        seller.address,
        order.ship_name,
        "Place of supply",
        "Uttar Pradesh",
        "(09)",
        "9901",
        "NOS",
        "CGST",
        "SGST",
        "Delivery charges",
        "reverse charge",
        "No",
        "Made by",
        invoice.details["operator_gstin"],
        "Digitally issued on behalf of",
        "computer-generated",
        rupees(invoice.grand_total_paise),
        "Only",
        "Hand-embroidered Chikankari",
    ):
        assert expected in flat, expected


def test_inter_state_pdf_shows_igst(seller, product_of, sale, tmp_path):
    order = sale((product_of(seller, price_paise=42000), 1), on=ON, address=DELHI)
    text = _text(
        TaxInvoice.objects.get(seller_order__order=order),
        tmp_path,
        "tax-invoice-inter",
    )
    if text:
        assert "IGST" in text
        assert "CGST" not in text.replace("CGST Rules", "")
        assert "Delhi" in text


def test_bill_of_supply_pdf(make_vendor, product_of, sale, tmp_path):
    vendor = make_vendor(
        gstin="", registration="enrolled_unregistered", enrolment_number="EN0912345"
    )
    order = sale((product_of(vendor, price_paise=42000), 1), on=ON)
    text = _text(TaxInvoice.objects.get(seller_order__order=order), tmp_path, "bill-of-supply")
    if text:
        assert "BILL OF SUPPLY" in text
        assert "EN0912345" in text
        assert "no GST is charged" in " ".join(text.split())
        body = text.replace("CGST Rules", "")
        assert "CGST" not in body
        assert "IGST" not in body


def test_credit_note_pdf(seller, product_of, sale, buyer, tmp_path):
    order = sale(
        (product_of(seller, price_paise=42000), 1),
        (product_of(seller, price_paise=21000), 1),
        on=ON,
    )
    invoice = TaxInvoice.objects.get(seller_order__order=order)
    item = order.items.order_by("pk").first()
    from odopmart.ledger.tests.conftest import dispatch

    item_cancel(item, actor=buyer, reason="Ordered by mistake")
    dispatch()
    note = CreditNote.objects.get(invoice=invoice)
    text = _text(note, tmp_path, "credit-note")
    if text:
        flat = " ".join(text.split())
        assert "CREDIT NOTE" in flat
        assert note.number in flat
        assert invoice.number in flat
        assert "Ordered by mistake" in flat


def test_commission_invoice_pdf(seller, product_of, sale, commission, tmp_path):
    order = sale((product_of(seller, price_paise=105000), 1), on=ON)
    deliver(order, date(2025, 6, 20))
    ledger_recognise_due(now=at(date(2025, 7, 5)))
    invoice = commission_invoice_issue(
        seller, period_start=date(2025, 7, 1), period_end=date(2025, 7, 31), on=date(2025, 8, 1)
    )
    assert isinstance(invoice, CommissionInvoice)
    text = _text(invoice, tmp_path, "commission-invoice")
    if text:
        flat = " ".join(text.split())
        assert "TAX INVOICE (COMMISSION)" in flat
        assert "996211" in flat
        assert seller.gstin in flat
        assert invoice.details["operator_gstin"] in flat
