from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from odopmart.invoicing.models import CreditNote, TaxInvoice
from odopmart.invoicing.selectors import invoices_for_order
from odopmart.invoicing.services import credit_note_issue
from odopmart.sellers.models import VendorMembership

pytestmark = pytest.mark.django_db

ON = date(2025, 6, 16)


def _user(name: str):
    return get_user_model().objects.create_user(username=name, password="x-long-password")


@pytest.fixture
def invoiced(seller, product_of, sale):
    order = sale((product_of(seller, price_paise=21000), 2), on=ON)
    invoice = TaxInvoice.objects.get(seller_order__order=order)
    note = credit_note_issue(
        invoice, item=order.items.get(), reason="Damaged", dedupe_key="t:1", quantity=1
    )
    return order, invoice, note


def test_buyer_downloads_their_invoice_and_credit_note(client, buyer, invoiced):
    order, invoice, note = invoiced
    with CaptureQueriesContext(connection) as queries:
        documents = invoices_for_order(order)
    assert len(queries) == 1
    assert [(d.kind, d.number) for d in documents] == [
        ("invoice", invoice.number),
        ("credit-note", note.number),
    ]
    client.force_login(buyer)
    for document in documents:
        response = client.get(document.url)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")


def test_another_buyer_or_a_stranger_gets_404(client, invoiced):
    order, invoice, _note = invoiced
    url = reverse(
        "sellercentre:invoice_buyer_pdf",
        kwargs={"number": order.number, "kind": "invoice", "pk": invoice.pk},
    )
    assert client.get(url).status_code == 404
    client.force_login(_user("someone-else"))
    assert client.get(url).status_code == 404
    # The access token opens it without an account (a guest's link).
    assert client.get(f"{url}?t={order.access_token}").status_code == 200
    assert client.get(f"{url}?t=00000000-0000-0000-0000-000000000000").status_code == 404


def test_a_document_of_another_order_is_404_even_with_a_valid_token(
    client, seller, product_of, sale, invoiced
):
    order, _invoice, _note = invoiced
    other = sale((product_of(seller, price_paise=21000), 1), on=ON)
    other_invoice = TaxInvoice.objects.get(seller_order__order=other)
    url = reverse(
        "sellercentre:invoice_buyer_pdf",
        kwargs={"number": order.number, "kind": "invoice", "pk": other_invoice.pk},
    )
    assert client.get(f"{url}?t={order.access_token}").status_code == 404


def test_vendor_sees_only_its_own_documents(client, seller, make_vendor, invoiced):
    _order, invoice, note = invoiced
    member = _user("vendor-member")
    VendorMembership.objects.create(user=member, vendor=seller)
    stranger = _user("other-vendor")
    VendorMembership.objects.create(user=stranger, vendor=make_vendor())
    client.force_login(member)
    listing = client.get(reverse("sellercentre:invoices"))
    assert listing.status_code == 200
    assert invoice.number in listing.content.decode()
    notes = client.get(reverse("sellercentre:invoices") + "?type=credit-note")
    assert note.number in notes.content.decode()
    for kind, pk in (("invoice", invoice.pk), ("credit-note", note.pk)):
        url = reverse("sellercentre:invoice_pdf", kwargs={"kind": kind, "pk": pk})
        assert client.get(url).status_code == 200
    client.force_login(stranger)
    assert invoice.number not in client.get(reverse("sellercentre:invoices")).content.decode()
    for kind, pk in (("invoice", invoice.pk), ("credit-note", note.pk)):
        url = reverse("sellercentre:invoice_pdf", kwargs={"kind": kind, "pk": pk})
        assert client.get(url).status_code == 404


def test_list_needs_a_vendor_or_staff(client, buyer, invoiced):
    _order, invoice, _note = invoiced
    client.force_login(buyer)
    assert client.get(reverse("sellercentre:invoices")).status_code == 404
    admin = get_user_model().objects.create_superuser(username="ops", password="x-long-password")
    client.force_login(admin)
    page = client.get(reverse("sellercentre:invoices"))
    assert page.status_code == 200
    assert invoice.number in page.content.decode()
    assert CreditNote.objects.count() == 1
