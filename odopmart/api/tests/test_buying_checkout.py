"""Checkout from the app: the breakdown, placing with a verified phone, Idempotency-Key."""

from __future__ import annotations

import pytest

from odopmart.api.tests.buying_fixtures import *  # noqa: F403
from odopmart.api.tests.buying_fixtures import AppClient
from odopmart.catalog.models import Variant
from odopmart.core.models import IdempotencyRecord
from odopmart.orders.models import Order
from odopmart.regions.models import Pincode

pytestmark = pytest.mark.django_db

ADDRESS = {
    "name": "Asha Verma",
    "line1": "14 Gomti Nagar",
    "city": "Lucknow",
    "pincode": "226010",
}


@pytest.fixture
def two_vendors(make_product, make_vendor, make_artisan):
    """One listing from a UP vendor and one from a Delhi vendor."""
    up = make_product(price_paise=249900, stock=5).variants.get()
    delhi_vendor = make_vendor(gstin="07AAAPL9999C1Z1")
    delhi = make_product(
        price_paise=99900, stock=3, artisan=make_artisan(vendor=delhi_vendor)
    ).variants.get()
    return up, delhi


def _fill(app: AppClient, *variants: Variant) -> dict[str, str]:
    headers: dict[str, str] = {}
    for variant in variants:
        response = app.post("/cart/items", {"variant_id": variant.pk, "quantity": 1}, **headers)
        assert response.status_code == 200, response.json()
        if response.json()["token"]:
            headers = {"X-Cart-Token": response.json()["token"]}
    return headers


def test_quote_splits_per_vendor_with_the_right_tax(buyer_app, two_vendors):
    up, delhi = two_vendors
    _fill(buyer_app, up, delhi)

    response = buyer_app.post("/checkout/quote", {"pincode": "226010"})

    assert response.status_code == 200, response.json()
    body = response.json()
    shipments = {s["vendor"]["id"]: s for s in body["shipments"]}
    intra = shipments[up.product.vendor_id]
    inter = shipments[delhi.product.vendor_id]
    assert intra["supply_type"] == "intra"
    assert inter["supply_type"] == "inter"
    [line] = intra["lines"]
    assert line["cgst_paise"] == line["sgst_paise"] > 0
    assert line["igst_paise"] == 0
    assert line["taxable_paise"] + line["cgst_paise"] + line["sgst_paise"] == 249900
    [other] = inter["lines"]
    assert other["cgst_paise"] == other["sgst_paise"] == 0
    assert other["taxable_paise"] + other["igst_paise"] == 99900
    totals = body["totals"]
    assert totals["items_paise"] == 249900 + 99900
    assert totals["grand_total_paise"] == totals["items_paise"] + totals["shipping_paise"]
    assert totals["grand_total_paise"] == sum(
        s["totals"]["grand_total_paise"] for s in body["shipments"]
    )
    assert (
        totals["taxable_paise"] + totals["cgst_paise"] + totals["sgst_paise"] + totals["igst_paise"]
        == totals["grand_total_paise"]
    )
    assert body["problems"] == []
    assert body["state_code"] == "09"


@pytest.mark.parametrize(
    ("pincode", "code"),
    [
        ("100000", "pincode_unknown"),
        ("110001", "not_serviceable"),
        ("12345", "string_pattern_mismatch"),
        ("0226001", "string_pattern_mismatch"),
    ],
)
def test_quote_for_a_pincode_we_cannot_use_names_the_field(buyer_app, two_vendors, pincode, code):
    Pincode.objects.filter(code="110001").update(is_serviceable=False)
    _fill(buyer_app, two_vendors[0])

    response = buyer_app.post("/checkout/quote", {"pincode": pincode})

    assert response.status_code == 422
    detail = response.json()["detail"][0]
    assert (detail["loc"], detail["type"]) == (["body", "payload", "pincode"], code)


def test_quote_of_an_empty_cart(buyer_app):
    response = buyer_app.post("/checkout/quote", {"pincode": "226010"})

    assert (response.status_code, response.json()["code"]) == (409, "cart_empty")


def _checkout_body(**overrides):
    return {"address": ADDRESS, "payment_method": "online", **overrides}


def test_a_signed_in_buyer_places_an_order(buyer_app, two_vendors):
    up, delhi = two_vendors
    _fill(buyer_app, up, delhi)
    total = buyer_app.post("/checkout/quote", {"pincode": "226010"}).json()["totals"]

    response = buyer_app.post(
        "/checkout", _checkout_body(expected_total_paise=total["grand_total_paise"])
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    order = Order.objects.get()
    assert body["order"]["number"] == order.number
    assert body["access_token"] is None
    assert body["payment_url"].endswith(f"/api/v1/orders/{order.number}/payments")
    assert order.buyer == buyer_app.user
    assert order.phone == buyer_app.user.profile.phone
    assert body["order"]["totals"] == total
    assert len(body["order"]["seller_orders"]) == 2
    assert body["order"]["needs_payment"] is True
    assert buyer_app.get("/cart").json()["lines"] == []
    up.refresh_from_db()
    assert up.stock == 4


def test_the_same_key_replays_and_a_different_body_is_refused(buyer_app, two_vendors):
    _fill(buyer_app, two_vendors[0])
    key = {"Idempotency-Key": "5b0c6d1e-tap-1"}

    first = buyer_app.post("/checkout", _checkout_body(), **key)
    again = buyer_app.post("/checkout", _checkout_body(), **key)
    other = buyer_app.post("/checkout", _checkout_body(payment_method="cod"), **key)

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again["Idempotent-Replayed"] == "true"
    assert (other.status_code, other.json()["code"]) == (409, "idempotency_key_reused")
    assert Order.objects.count() == 1
    assert IdempotencyRecord.objects.filter(scope__startswith="api.checkout").count() == 1


def test_a_malformed_key_is_a_422(buyer_app, two_vendors):
    _fill(buyer_app, two_vendors[0])

    response = buyer_app.post("/checkout", _checkout_body(), **{"Idempotency-Key": "x" * 200})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["header", "Idempotency-Key"]
    assert not Order.objects.exists()


def test_a_changed_total_places_nothing(buyer_app, two_vendors):
    _fill(buyer_app, two_vendors[0])

    response = buyer_app.post("/checkout", _checkout_body(expected_total_paise=100))

    assert (response.status_code, response.json()["code"]) == (409, "total_changed")
    assert not Order.objects.exists()


def test_a_price_change_since_adding_places_nothing(buyer_app, two_vendors):
    up = two_vendors[0]
    _fill(buyer_app, up)
    Variant.objects.filter(pk=up.pk).update(price_paise=199900)

    response = buyer_app.post("/checkout", _checkout_body())

    assert (response.status_code, response.json()["code"]) == (409, "price_changed")
    assert not Order.objects.exists()


@pytest.mark.parametrize(
    ("change", "loc"),
    [
        ({"grand_total_paise": 1}, ["body", "payload", "grand_total_paise"]),
        ({"payment_method": "bitcoin"}, ["body", "payload", "payment_method"]),
        ({"address": {**ADDRESS, "pincode": "abc"}}, ["body", "payload", "address", "pincode"]),
        ({"address": {**ADDRESS, "name": ""}}, ["body", "payload", "address", "name"]),
        ({"expected_total_paise": -1}, ["body", "payload", "expected_total_paise"]),
    ],
)
def test_bad_checkout_input_names_the_field(buyer_app, two_vendors, change, loc):
    _fill(buyer_app, two_vendors[0])

    response = buyer_app.post("/checkout", _checkout_body(**change))

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == loc
    assert not Order.objects.exists()


def test_an_unserviceable_address_is_a_422_on_the_pincode(buyer_app, two_vendors):
    _fill(buyer_app, two_vendors[0])

    response = buyer_app.post("/checkout", _checkout_body(address={**ADDRESS, "pincode": "100000"}))

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "payload", "address", "pincode"]
    assert not Order.objects.exists()


def test_a_guest_checks_out_with_a_verified_phone(
    guest,
    two_vendors,
    last_code,
    django_capture_on_commit_callbacks,
):
    headers = _fill(guest, two_vendors[0])
    with django_capture_on_commit_callbacks(execute=True):
        guest.post("/auth/otp/request", {"phone": "98765 11111"})

    wrong = guest.post(
        "/checkout", _checkout_body(phone="98765 11111", otp_code="000000"), **headers
    )
    assert wrong.status_code == 422
    assert wrong.json()["detail"][0]["loc"] == ["body", "payload", "otp_code"]
    assert not Order.objects.exists()

    placed = guest.post(
        "/checkout", _checkout_body(phone="98765 11111", otp_code=last_code()), **headers
    )

    assert placed.status_code == 201, placed.json()
    body = placed.json()
    order = Order.objects.get()
    assert order.buyer is None
    assert order.phone == "+919876511111"
    assert body["access_token"] == str(order.access_token)
    opened = guest.get(f"/orders/{order.number}", **{"X-Order-Token": body["access_token"]})
    assert opened.status_code == 200
    assert opened.json()["number"] == order.number


def test_a_guest_without_a_code_places_nothing(guest, two_vendors):
    headers = _fill(guest, two_vendors[0])

    response = guest.post("/checkout", _checkout_body(phone="98765 11111"), **headers)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "payload", "otp_code"]
    assert not Order.objects.exists()
