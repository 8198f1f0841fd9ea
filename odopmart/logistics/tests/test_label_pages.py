"""The label PDF, the staff/vendor pages and who may see them, the buyer's tracking selector."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from odopmart.logistics.label import shipment_label_pdf
from odopmart.logistics.models import Shipment
from odopmart.logistics.selectors import order_tracking_summary, shipments_for_order
from odopmart.logistics.services import shipment_set_manual_status
from odopmart.logistics.states import ShipmentStatus as S

pytestmark = pytest.mark.django_db


def test_label_has_the_awb_and_devanagari(
    booked: Shipment, helpline_user: Any, tmp_path: Path
) -> None:
    shipment_set_manual_status(booked, None, actor=helpline_user, awb="EZ123456789IN")
    pdf = shipment_label_pdf(booked)
    assert pdf.startswith(b"%PDF")
    path = tmp_path / "label.pdf"
    path.write_bytes(pdf)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    assert "NotoSansDevanagari" in fonts.stdout
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "EZ123456789IN" in text
    assert booked.seller_order.order.number in text
    assert "पाने वाला" in text


def test_pages_for_the_vendor_and_the_helpline(
    client: Client, booked: Shipment, make_user: Any, helpline_user: Any
) -> None:
    vendor_user = make_user(vendor=booked.seller_order.vendor)
    for user in (vendor_user, helpline_user):
        client.force_login(user)
        listing = client.get("/shipments/")
        assert listing.status_code == 200
        assert booked.reference in listing.content.decode()
        detail = client.get(f"/shipments/{booked.pk}/")
        assert detail.status_code == 200
        label = client.get(f"/shipments/{booked.pk}/label.pdf")
        assert label["Content-Type"] == "application/pdf"
    hindi = client.get(f"/hi/shipments/{booked.pk}/")
    assert "शिपमेंट" in hindi.content.decode()


def test_manual_form_on_the_page(client: Client, booked: Shipment, helpline_user: Any) -> None:
    client.force_login(helpline_user)
    response = client.post(
        f"/shipments/{booked.pk}/manual/",
        {"awb": "AB1234567", "courier_name": "DTDC", "status": S.PICKED_UP, "note": "ok"},
    )
    assert response.status_code == 302
    booked.refresh_from_db()
    assert (booked.awb, booked.status) == ("AB1234567", S.PICKED_UP)
    back = client.post(f"/shipments/{booked.pk}/manual/", {"status": S.PICKUP_SCHEDULED})
    assert back.status_code == 400  # not a choice any more: the form refuses it
    booked.refresh_from_db()
    assert booked.status == S.PICKED_UP


def test_others_get_404_and_anonymous_signs_in(
    client: Client, booked: Shipment, make_user: Any, make_vendor: Any, buyer: Any
) -> None:
    assert client.get("/shipments/").status_code == 302
    other_vendor_user = make_user(vendor=make_vendor())
    for user in (other_vendor_user, buyer):
        client.force_login(user)
        assert booked.reference not in client.get("/shipments/").content.decode()
        for url in (f"/shipments/{booked.pk}/", f"/shipments/{booked.pk}/label.pdf"):
            assert client.get(url).status_code == 404
        assert (
            client.post(f"/shipments/{booked.pk}/manual/", {"awb": "ZZ999999"}).status_code == 404
        )
        assert client.post(f"/shipments/{booked.pk}/cancel/", {"reason": "x"}).status_code == 404
    booked.refresh_from_db()
    assert booked.awb == ""
    assert booked.status == S.PICKUP_SCHEDULED


def test_book_button_only_for_own_ready_items(
    client: Client, order: Any, make_user: Any, make_vendor: Any
) -> None:
    seller_order = order.seller_orders.get()
    artisan = seller_order.items.first().artisan
    url = f"/shipments/book/{seller_order.pk}/{artisan.pk}/"
    client.force_login(make_user(vendor=make_vendor()))
    assert client.post(url).status_code == 404
    assert not Shipment.objects.exists()
    client.force_login(make_user(vendor=seller_order.vendor))
    assert "Book pickup" in client.get("/shipments/").content.decode()
    response = client.post(url)
    shipment = Shipment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/shipments/{shipment.pk}/"


def test_tracking_for_the_buyer_in_fixed_queries(
    booked: Shipment, helpline_user: Any, django_assert_num_queries: Any
) -> None:
    shipment_set_manual_status(booked, S.PICKED_UP, actor=helpline_user)
    order = booked.seller_order.order
    with django_assert_num_queries(3):
        shipments = shipments_for_order(order)
        summary = [len(s.timeline) + len(s.lines.all()) for s in shipments]
    assert summary == [3]
    data = order_tracking_summary(order)
    assert data[0]["status"] == S.PICKED_UP
    assert [event["status"] for event in data[0]["events"]] == [S.PICKUP_SCHEDULED, S.PICKED_UP]
    assert "phone" not in str(data)
