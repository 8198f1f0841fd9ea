"""The buyer's orders: confirmation, list, detail with timeline, cancel, return, who sees what."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from odopmart.accounts.models import Profile
from odopmart.orders.models import Order, ReturnRequest
from odopmart.orders.services import (
    seller_order_mark_delivered,
    seller_order_mark_ready,
    seller_order_mark_shipped,
)
from odopmart.orders.states import ItemStatus, OrderStatus
from odopmart.payments.models import Refund
from odopmart.storefront.tests.buying_helpers import add, review_form, verified, with_address

pytestmark = pytest.mark.django_db


def place(client: Client, products, method: str = "cod") -> Order:
    for product in products:
        add(client, product)
    verified(client)
    with_address(client)
    before = set(Order.objects.values_list("pk", flat=True))
    response = client.post("/checkout/review/", review_form(client, method))
    assert response.status_code == 302, response
    return Order.objects.exclude(pk__in=before).get()


def paid(order: Order) -> Order:
    from odopmart.orders.tests.helpers import pay

    return pay(order)


def link(order: Order, path: str = "") -> str:
    token = f"?t={order.access_token}" if order.buyer_id is None else ""
    return f"/orders/{order.number}/{path}{token}"


@pytest.fixture
def buyer():
    user = get_user_model().objects.create_user("meera")
    Profile.objects.update_or_create(user=user, defaults={"phone": "+919811111111"})
    return user


def test_guest_reaches_the_order_only_with_its_token(client: Client, make_product):
    order = place(client, [make_product(), make_product()])
    stranger = Client()
    assert stranger.get(f"/orders/{order.number}/").status_code == 404
    assert stranger.get(f"/orders/{order.number}/?t=not-a-uuid").status_code == 404
    other = "00000000-0000-0000-0000-000000000000"
    assert stranger.get(f"/orders/{order.number}/?t={other}").status_code == 404
    assert stranger.get(f"/orders/{order.pk}/").status_code == 404
    page = stranger.get(link(order))
    assert page.status_code == 200
    assert order.number in page.content.decode()
    # The link is remembered in that browser.
    assert stranger.get(f"/orders/{order.number}/").status_code == 200
    assert stranger.get(link(order, "placed/")).status_code == 200


def test_another_buyers_order_is_a_404_everywhere(client: Client, make_product, buyer):
    client.force_login(buyer)
    order = place(client, [make_product()])
    assert order.buyer_id == buyer.pk
    item = order.items.get()
    intruder = Client()
    intruder.force_login(get_user_model().objects.create_user("intruder"))
    for path in ("", "placed/", "cancel/", f"items/{item.pk}/cancel/", f"items/{item.pk}/return/"):
        assert intruder.get(f"/orders/{order.number}/{path}").status_code == 404, path
    assert intruder.post(f"/orders/{order.number}/cancel/", {"reason": "other"}).status_code == (
        404
    )
    assert intruder.post(f"/orders/{order.number}/pay/").status_code == 404
    order.refresh_from_db()
    assert order.status == OrderStatus.PLACED
    # Even with the guest token: a signed-in buyer's order is not reachable by token alone
    # unless it is a guest order.
    assert client.get(f"/orders/{order.number}/").status_code == 200


def test_orders_list_shows_only_mine(client: Client, make_product, buyer):
    client.force_login(buyer)
    mine = place(client, [make_product()])
    other = Client()
    theirs = place(other, [make_product()])
    page = client.get("/orders/")
    html = page.content.decode()
    assert mine.number in html
    assert theirs.number not in html
    # A guest sees the orders placed in this browser.
    guest_html = other.get("/orders/").content.decode()
    assert theirs.number in guest_html
    assert mine.number not in guest_html
    assert "My orders" in client.get("/").content.decode()


def test_order_detail_in_both_languages(client: Client, make_product):
    order = place(client, [make_product(name_hi="चिकन कुर्ता"), make_product()])
    html = client.get(link(order)).content.decode()
    assert "Shipment 1 of 2" in html
    assert "Shipment 2 of 2" in html
    assert "Cancel this item" in html
    assert "Cancel order" in html
    hindi = client.get("/hi" + link(order)).content.decode()
    assert "पार्सल 2 में से 1" in hindi
    assert "चिकन कुर्ता" in hindi


def test_cancel_one_item_of_a_cod_order(client: Client, make_product):
    order = place(client, [make_product(name_en="Brass lamp"), make_product(name_en="Rug")])
    lamp = order.items.get(name_en="Brass lamp")
    page = client.get(link(order, f"items/{lamp.pk}/cancel/"))
    assert page.status_code == 200
    refused = client.post(link(order, f"items/{lamp.pk}/cancel/"), {"reason": "bogus"})
    assert refused.status_code == 200
    lamp.refresh_from_db()
    assert lamp.status != ItemStatus.CANCELLED
    response = client.post(
        link(order, f"items/{lamp.pk}/cancel/"), {"reason": "changed_mind", "details": "Gift"}
    )
    assert response["Location"] == link(order)
    lamp.refresh_from_db()
    assert lamp.status == ItemStatus.CANCELLED
    html = client.get(link(order)).content.decode()
    assert "The item is cancelled." in html
    assert "I changed my mind: Gift" in html  # the reason, in the timeline


def test_cancel_a_paid_item_shows_the_refund_in_the_timeline(client: Client, make_product):
    order = paid(place(client, [make_product(name_en="Lamp"), make_product()], "online"))
    lamp = order.items.get(name_en="Lamp")
    client.post(link(order, f"items/{lamp.pk}/cancel/"), {"reason": "ordered_by_mistake"})
    refund = Refund.objects.get(payment__order=order)
    assert refund.amount_paise >= lamp.line_total_paise
    html = client.get(link(order)).content.decode()
    assert "Refund of" in html
    assert "Refunded" in html


def test_cancel_the_whole_order(client: Client, make_product):
    order = place(client, [make_product(), make_product()])
    client.post(link(order, "cancel/"), {"reason": "found_cheaper"})
    order.refresh_from_db()
    assert order.status == OrderStatus.CANCELLED
    html = client.get(link(order)).content.decode()
    assert "Cancel order" not in html
    assert "Cancel this item" not in html


def test_shipped_item_cannot_be_cancelled(client: Client, make_product):
    order = place(client, [make_product()])
    seller_order = order.seller_orders.get()
    seller_order_mark_ready(seller_order, actor=None)
    seller_order_mark_shipped(seller_order, actor=None)
    item = order.items.get()
    page = client.post(link(order, f"items/{item.pk}/cancel/"), {"reason": "changed_mind"})
    assert page.status_code == 200
    assert "shipped" in page.content.decode()
    item.refresh_from_db()
    assert item.status == ItemStatus.SHIPPED


def _photo() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (400, 400), (200, 80, 40)).save(buffer, "JPEG")
    return SimpleUploadedFile("damage.jpg", buffer.getvalue(), content_type="image/jpeg")


def _delivered(order: Order) -> None:
    seller_order = order.seller_orders.get()
    seller_order_mark_ready(seller_order, actor=None)
    seller_order_mark_shipped(seller_order, actor=None)
    seller_order_mark_delivered(seller_order, actor=None)


def test_return_a_delivered_item_with_photos(client: Client, make_product):
    order = place(client, [make_product()])
    item = order.items.get()
    assert "Return this item" not in client.get(link(order)).content.decode()
    _delivered(order)
    assert "Return this item" in client.get(link(order)).content.decode()
    url = link(order, f"items/{item.pk}/return/")
    missing_photo = client.post(url, {"reason_code": "damaged"})
    assert missing_photo.status_code == 200
    assert not ReturnRequest.objects.exists()
    not_a_photo = client.post(
        url,
        {"reason_code": "damaged", "photos": SimpleUploadedFile("x.jpg", b"not an image")},
    )
    assert not_a_photo.status_code == 200
    assert not ReturnRequest.objects.exists()
    response = client.post(
        url, {"reason_code": "damaged", "details": "Cracked lid", "photos": [_photo(), _photo()]}
    )
    assert response["Location"] == link(order)
    request = ReturnRequest.objects.get()
    assert request.photos.count() == 2
    item.refresh_from_db()
    assert item.status == ItemStatus.RETURN_REQUESTED


def test_return_after_the_window_is_refused(client: Client, make_product):
    from datetime import timedelta

    from django.utils import timezone

    from odopmart.orders.models import OrderItem

    order = place(client, [make_product()])
    _delivered(order)
    item = order.items.get()
    OrderItem.objects.filter(pk=item.pk).update(delivered_at=timezone.now() - timedelta(days=30))
    assert "Return this item" not in client.get(link(order)).content.decode()
    page = client.post(link(order, f"items/{item.pk}/return/"), {"reason_code": "other"})
    assert page.status_code == 200
    assert not ReturnRequest.objects.exists()


def test_unpaid_order_offers_to_pay(client: Client, make_product):
    order = place(client, [make_product()], "online")
    html = client.get(link(order)).content.decode()
    assert "This order is not paid yet." in html
    response = client.post(link(order, "pay/"))
    assert response.status_code == 302
    assert response["Location"].startswith("/pay/")


def test_order_page_shows_tracking_invoice_and_certificate(
    client: Client, make_product, django_capture_on_commit_callbacks
):
    from odopmart.core.outbox import outbox_dispatch_due
    from odopmart.logistics.services import (
        shipment_book_for_ready_items,
        shipment_set_manual_status,
    )

    order = place(client, [make_product(name_en="Chikan kurta")])
    seller_order = order.seller_orders.get()
    seller_order_mark_ready(seller_order, actor=None)
    staff = get_user_model().objects.create_superuser("desk", password="x")
    with django_capture_on_commit_callbacks(execute=True):
        shipment = shipment_book_for_ready_items(seller_order, order.items.get().artisan)
    shipment.refresh_from_db()
    shipment_set_manual_status(
        shipment, "picked_up", actor=staff, awb="DL12345678", courier_name="Delhivery"
    )
    outbox_dispatch_due()

    html = client.get(link(order)).content.decode()
    assert "DL12345678" in html
    assert "Picked up" in html
    invoice = seller_order.tax_invoice
    assert f"Invoice {invoice.number}" in html
    from odopmart.certificates.models import Certificate

    certificate = Certificate.objects.get(item__order=order)
    assert certificate.get_absolute_url() in html
    assert "Certificate of origin" in html
    # The certificate's public page confirms it.
    assert "Chikan kurta" in client.get(certificate.get_absolute_url()).content.decode()
