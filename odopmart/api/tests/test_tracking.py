"""The app's tracking view of an order: parcels, certificates of origin, invoices."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from odopmart.api.tests.buying_fixtures import *  # noqa: F403
from odopmart.api.tests.buying_fixtures import AppClient, place
from odopmart.core.outbox import outbox_dispatch_due
from odopmart.orders.models import Order
from odopmart.orders.services import seller_order_mark_ready
from odopmart.payments.services import payment_start

pytestmark = pytest.mark.django_db


def test_tracking_shows_parcels_certificates_and_invoices(
    buyer_app, make_buyer, make_product, django_capture_on_commit_callbacks
):
    from odopmart.logistics.services import (
        shipment_book_for_ready_items,
        shipment_set_manual_status,
    )

    variant = make_product(price_paise=149900, stock=4).variants.get()
    body = place(buyer_app, [variant])
    order = Order.objects.get(number=body["order"]["number"])
    with django_capture_on_commit_callbacks(execute=True):
        payment_start(order)
    outbox_dispatch_due()

    before = buyer_app.get(f"/orders/{order.number}/tracking").json()
    assert before["parcels"] == []
    assert before["certificates"] == []
    assert [d["kind"] for d in before["documents"]] == ["invoice"]

    seller_order = order.seller_orders.get()
    seller_order_mark_ready(seller_order, actor=None)
    with django_capture_on_commit_callbacks(execute=True):
        shipment = shipment_book_for_ready_items(seller_order, order.items.get().artisan)
    shipment.refresh_from_db()
    desk = get_user_model().objects.create_superuser("desk", password="x")
    shipment_set_manual_status(shipment, "picked_up", actor=desk, awb="AWB2611001")
    outbox_dispatch_due()

    after = buyer_app.get(f"/orders/{order.number}/tracking")
    assert after.status_code == 200
    data = after.json()
    (parcel,) = data["parcels"]
    assert parcel["awb"] == "AWB2611001"
    assert parcel["status"] == "picked_up"
    assert "picked_up" in [event["status"] for event in parcel["events"]]
    (certificate,) = data["certificates"]
    assert certificate["order_item_id"] == order.items.get().pk
    assert certificate["verify_url"].endswith(f"/origin/{certificate['code']}/")

    # Someone else's order is not there at all.
    stranger = AppClient(make_buyer())
    assert stranger.get(f"/orders/{order.number}/tracking").status_code == 404
    assert AppClient().get(f"/orders/{order.number}/tracking").status_code == 404
