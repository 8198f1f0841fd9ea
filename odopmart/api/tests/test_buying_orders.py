"""The buyer's orders from the app: list, detail, cancel, return; nobody else's order."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from odopmart.api.tests.buying_fixtures import *  # noqa: F403
from odopmart.api.tests.buying_fixtures import AppClient, place
from odopmart.orders import services as order_services
from odopmart.orders.models import Order, OrderItem, ReturnRequest
from odopmart.payments.services import payment_start

pytestmark = pytest.mark.django_db


@pytest.fixture
def variants(make_product, make_vendor, make_artisan):
    first = make_product(price_paise=249900, stock=5).variants.get()
    other_vendor = make_vendor()
    second = make_product(
        price_paise=99900, stock=3, artisan=make_artisan(vendor=other_vendor)
    ).variants.get()
    return first, second


@pytest.fixture
def placed(buyer_app, variants, django_capture_on_commit_callbacks):
    """A cash-on-delivery order of two items from two vendors, confirmed."""
    body = place(buyer_app, list(variants))
    order = Order.objects.get(number=body["order"]["number"])
    with django_capture_on_commit_callbacks(execute=True):
        payment_start(order)
    order.refresh_from_db()
    assert order.status == "placed"
    return order


def test_order_list_is_the_buyers_own(
    buyer_app, make_buyer, placed, variants, assert_matches_schema
):
    stranger = AppClient(make_buyer())

    mine = buyer_app.get("/orders")
    theirs = stranger.get("/orders")

    assert mine.status_code == 200
    body = mine.json()
    assert body["count"] == 1
    [summary] = body["results"]
    assert (summary["number"], summary["status"], summary["item_count"]) == (
        placed.number,
        "placed",
        2,
    )
    assert summary["grand_total_paise"] == placed.grand_total_paise
    assert summary["url"].endswith(f"/api/v1/orders/{placed.number}")
    assert theirs.json()["count"] == 0
    assert_matches_schema(mine, "/api/v1/orders")


def test_order_list_needs_a_sign_in(guest):
    assert guest.get("/orders").status_code == 401


def test_order_detail(buyer_app, placed, assert_matches_schema, django_assert_max_num_queries):
    with django_assert_max_num_queries(14):
        response = buyer_app.get(f"/orders/{placed.number}")

    assert response.status_code == 200
    body = response.json()
    assert body["number"] == placed.number
    assert len(body["seller_orders"]) == 2
    items = [item for so in body["seller_orders"] for item in so["items"]]
    assert {item["line_total_paise"] for item in items} == {249900, 99900}
    assert all(item["can_cancel"] for item in items)
    assert body["can_cancel"] is True
    assert body["totals"]["grand_total_paise"] == placed.grand_total_paise
    statuses = [(event["about"], event["status"]) for event in body["timeline"]]
    assert ("order", "placed") in statuses
    assert all(event["status_label"] for event in body["timeline"])
    assert_matches_schema(response, "/api/v1/orders/{number}")


@pytest.mark.parametrize("how", ["stranger", "guest", "wrong_token", "id"])
def test_nobody_else_sees_or_touches_an_order(buyer_app, make_buyer, placed, guest, how):
    if how == "stranger":
        client, headers, ref = AppClient(make_buyer()), {}, placed.number
    elif how == "guest":
        client, headers, ref = guest, {}, placed.number
    elif how == "wrong_token":
        client, headers = guest, {"X-Order-Token": "8d1c9b52-7b43-4ab6-9f3b-2d5e1f0a9c11"}
        ref = placed.number
    else:
        client, headers, ref = AppClient(make_buyer()), {}, str(placed.pk)
    item = placed.items.first()

    responses = [
        client.get(f"/orders/{ref}", **headers),
        client.post(f"/orders/{ref}/cancel", {"reason": "mine now"}, **headers),
        client.post(f"/orders/{ref}/payments", **headers),
        client.post(
            f"/orders/{ref}/payments/verify",
            {"razorpay_order_id": "o", "razorpay_payment_id": "p", "razorpay_signature": "s"},
            **headers,
        ),
        client.client.post(
            f"/api/v1/orders/{ref}/items/{item.pk}/return",
            {"reason_code": "other"},
            **{
                **client.headers,
                **{"HTTP_" + k.upper().replace("-", "_"): v for k, v in headers.items()},
            },
        ),
    ]

    assert [r.status_code for r in responses] == [404] * 5
    assert all(r.json()["code"] == "not_found" for r in responses)
    placed.refresh_from_db()
    assert placed.status == "placed"
    assert not ReturnRequest.objects.exists()


def test_cancel_one_item_then_the_rest(buyer_app, placed, variants):
    first, second = variants
    item = placed.items.get(variant=second)

    response = buyer_app.post(
        f"/orders/{placed.number}/cancel", {"item_ids": [item.pk], "reason": "Changed my mind"}
    )

    assert response.status_code == 200, response.json()
    statuses = {
        i["id"]: i["status"] for so in response.json()["seller_orders"] for i in so["items"]
    }
    assert statuses[item.pk] == "cancelled"
    second.refresh_from_db()
    assert second.stock == 3

    whole = buyer_app.post(f"/orders/{placed.number}/cancel", {"reason": "No longer needed"})
    assert whole.status_code == 200
    assert whole.json()["status"] == "cancelled"


def test_cancel_an_unknown_item_changes_nothing(buyer_app, placed, make_buyer, variants):
    other = place(AppClient(make_buyer()), [variants[0]])
    foreign = OrderItem.objects.get(order__number=other["order"]["number"])

    response = buyer_app.post(f"/orders/{placed.number}/cancel", {"item_ids": [foreign.pk]})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "payload", "item_ids", 0]
    assert set(placed.items.values_list("status", flat=True)) == {"placed"}
    foreign.refresh_from_db()
    assert foreign.status != "cancelled"


def test_cancel_after_shipping_is_a_409(buyer_app, placed):
    for seller_order in placed.seller_orders.all():
        order_services.seller_order_accept(seller_order, actor=None)
        order_services.seller_order_mark_shipped(seller_order, actor=None)

    response = buyer_app.post(f"/orders/{placed.number}/cancel", {})

    assert (response.status_code, response.json()["code"]) == (409, "not_cancellable")
    placed.refresh_from_db()
    assert placed.status != "cancelled"


def _photo() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (120, 60, 30)).save(buffer, format="JPEG")
    return SimpleUploadedFile("damage.jpg", buffer.getvalue(), content_type="image/jpeg")


def _deliver(order: Order) -> None:
    for seller_order in order.seller_orders.all():
        order_services.seller_order_accept(seller_order, actor=None)
        order_services.seller_order_mark_ready(seller_order, actor=None)
        order_services.seller_order_mark_shipped(seller_order, actor=None)
        order_services.seller_order_mark_delivered(seller_order, actor=None)


def test_return_a_delivered_item_with_photos(buyer_app, placed):
    _deliver(placed)
    item = placed.items.first()
    url = f"/api/v1/orders/{placed.number}/items/{item.pk}/return"

    missing_photo = buyer_app.client.post(url, {"reason_code": "damaged"}, **buyer_app.headers)
    assert missing_photo.status_code == 422
    assert missing_photo.json()["detail"][0]["loc"] == ["form", "photos"]

    bad_reason = buyer_app.client.post(url, {"reason_code": "bored"}, **buyer_app.headers)
    assert bad_reason.status_code == 422
    assert bad_reason.json()["detail"][0]["loc"] == ["form", "reason_code"]
    assert not ReturnRequest.objects.exists()

    response = buyer_app.client.post(
        url,
        {"reason_code": "damaged", "details": "Cracked at the rim", "photos": [_photo()]},
        **buyer_app.headers,
    )

    assert response.status_code == 201, response.json()
    return_request = ReturnRequest.objects.get()
    assert (return_request.item, return_request.reason_code) == (item, "damaged")
    assert return_request.photos.count() == 1
    [returned] = [
        i for so in response.json()["seller_orders"] for i in so["items"] if i["id"] == item.pk
    ]
    assert returned["status"] == "return_requested"
    assert returned["returns"][0]["status"] == "requested"
    assert returned["can_return"] is False


def test_return_before_delivery_is_a_409(buyer_app, placed):
    item = placed.items.first()

    response = buyer_app.client.post(
        f"/api/v1/orders/{placed.number}/items/{item.pk}/return",
        {"reason_code": "other"},
        **buyer_app.headers,
    )

    assert (response.status_code, response.json()["code"]) == (409, "not_returnable")
    assert not ReturnRequest.objects.exists()
