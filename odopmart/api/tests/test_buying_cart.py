"""The cart endpoints: guests by X-Cart-Token, buyers by bearer token, merging, bad input."""

from __future__ import annotations

import pytest

from odopmart.api.tests.buying_fixtures import *  # noqa: F403
from odopmart.api.tests.buying_fixtures import AppClient
from odopmart.orders.models import Cart, CartLine

pytestmark = pytest.mark.django_db


@pytest.fixture
def variant(make_product):
    return make_product(price_paise=249900, stock=5).variants.get()


def _token(response) -> str:
    return response["X-Cart-Token"]


def test_a_guest_without_a_token_sees_an_empty_cart_and_nothing_is_made(
    guest, assert_matches_schema
):
    response = guest.get("/cart")

    assert response.status_code == 200
    body = response.json()
    assert (body["token"], body["count"], body["lines"], body["signed_in"]) == (None, 0, [], False)
    assert body["items_total_paise"] == 0
    assert not Cart.objects.exists()
    assert_matches_schema(response, "/api/v1/cart")


def test_a_guest_adds_and_keeps_the_token(guest, variant, assert_matches_schema):
    added = guest.post("/cart/items", {"variant_id": variant.pk, "quantity": 2})

    assert added.status_code == 200
    token = _token(added)
    assert added.json()["token"] == token
    cart = Cart.objects.get(token=token)
    assert cart.user is None

    again = guest.post("/cart/items", {"variant_id": variant.pk}, **{"X-Cart-Token": token})
    body = again.json()
    assert again.status_code == 200
    assert _token(again) == token
    assert Cart.objects.count() == 1
    [line] = body["lines"]
    assert line["quantity"] == 3
    assert (line["unit_price_paise"], line["unit_price_formatted"]) == (249900, "₹2,499")
    assert (line["line_total_paise"], line["line_total_formatted"]) == (749700, "₹7,497")
    assert (line["purchasable"], line["problem"], line["price_changed"]) == (True, None, False)
    assert body["count"] == 3
    assert body["items_total_paise"] == 749700
    fetched = guest.get("/cart", **{"X-Cart-Token": token})
    assert fetched.json()["lines"] == body["lines"]
    assert_matches_schema(fetched, "/api/v1/cart")


def test_signed_in_buyers_use_their_own_cart(buyer_app, variant):
    response = buyer_app.post("/cart/items", {"variant_id": variant.pk, "quantity": 1})

    assert response.status_code == 200
    body = response.json()
    assert body["token"] is None
    assert body["signed_in"] is True
    assert "X-Cart-Token" not in response
    assert Cart.objects.get().user == buyer_app.user


def test_price_changes_are_pointed_out(guest, variant):
    token = _token(guest.post("/cart/items", {"variant_id": variant.pk}))
    variant.price_paise = variant.mrp_paise = 259900
    variant.save(update_fields=["price_paise", "mrp_paise"])

    [line] = guest.get("/cart", **{"X-Cart-Token": token}).json()["lines"]

    assert (line["price_seen_paise"], line["unit_price_paise"], line["price_changed"]) == (
        249900,
        259900,
        True,
    )


def test_update_quantity_save_for_later_and_remove(guest, variant, make_product):
    other = make_product(stock=3).variants.get()
    token = _token(guest.post("/cart/items", {"variant_id": variant.pk}))
    headers = {"X-Cart-Token": token}
    guest.post("/cart/items", {"variant_id": other.pk}, **headers)

    changed = guest.send("patch", f"/cart/items/{variant.pk}", {"quantity": 4}, **headers)
    assert changed.status_code == 200
    assert {line["variant_id"]: line["quantity"] for line in changed.json()["lines"]} == {
        variant.pk: 4,
        other.pk: 1,
    }

    saved = guest.send("patch", f"/cart/items/{other.pk}", {"saved_for_later": True}, **headers)
    body = saved.json()
    assert [line["variant_id"] for line in body["lines"]] == [variant.pk]
    assert [line["variant_id"] for line in body["saved_for_later"]] == [other.pk]
    assert body["count"] == 4

    removed = guest.send("delete", f"/cart/items/{variant.pk}", **headers)
    assert removed.status_code == 200
    assert removed.json()["lines"] == []

    zero = guest.send("patch", f"/cart/items/{other.pk}", {"quantity": 0}, **headers)
    assert zero.status_code == 200
    assert zero.json()["saved_for_later"] == []
    assert not CartLine.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"variant_id": 1, "quantity": -1}, "quantity"),
        ({"variant_id": 1, "quantity": 0}, "quantity"),
        ({"variant_id": 1, "quantity": 10**9}, "quantity"),
        ({"variant_id": 1, "quantity": 1.5}, "quantity"),
        ({"variant_id": 1, "quantity": "2"}, "quantity"),
        ({"variant_id": 1, "quantity": True}, "quantity"),
        ({"variant_id": -5}, "variant_id"),
        ({"variant_id": 2**63}, "variant_id"),
        ({"variant_id": 1, "price_paise": 100}, "price_paise"),
        ({}, "variant_id"),
    ],
)
def test_bad_input_is_a_422_naming_the_field_and_makes_nothing(guest, variant, body, field):
    body = {**body, "variant_id": variant.pk} if body.get("variant_id") == 1 else body

    response = guest.post("/cart/items", body)

    assert response.status_code == 422
    error = response.json()
    assert error["code"] == "validation_error"
    assert error["detail"][0]["loc"][-1] == field
    assert not Cart.objects.exists()


def test_unknown_and_unavailable_variants_are_refused(guest, make_product):
    hidden = make_product(status="draft").variants.get()
    out = make_product(stock=0).variants.get()

    for variant_id, code in (
        (999_999, "unavailable"),
        (hidden.pk, "unavailable"),
        (out.pk, "out_of_stock"),
    ):
        response = guest.post("/cart/items", {"variant_id": variant_id, "quantity": 1})
        assert response.status_code == 422
        detail = response.json()["detail"][0]
        assert detail["type"] == code
        assert detail["loc"][-1] in ("variant_id", "quantity")
    assert not Cart.objects.exists()


def test_more_than_in_stock_is_refused_and_the_line_stays(guest, variant):
    token = _token(guest.post("/cart/items", {"variant_id": variant.pk, "quantity": 2}))

    response = guest.send(
        "patch", f"/cart/items/{variant.pk}", {"quantity": 6}, **{"X-Cart-Token": token}
    )

    assert response.status_code == 422
    assert response.json()["detail"][0]["type"] in ("insufficient_stock", "quantity_limit")
    assert CartLine.objects.get().quantity == 2


def test_unknown_tokens_and_lines(guest, variant):
    missing = guest.get("/cart", **{"X-Cart-Token": "3f1b7c3e-0000-4000-8000-000000000000"})
    assert (missing.status_code, missing.json()["code"]) == (404, "cart_not_found")
    garbage = guest.post("/cart/items", {"variant_id": variant.pk}, **{"X-Cart-Token": "nope"})
    assert garbage.status_code == 404
    assert not Cart.objects.exists()

    token = _token(guest.post("/cart/items", {"variant_id": variant.pk}))
    absent = guest.send("delete", "/cart/items/999999", **{"X-Cart-Token": token})
    assert (absent.status_code, absent.json()["code"]) == (404, "not_in_cart")


def test_another_guests_token_never_opens_a_buyers_cart(buyer_app, guest, variant):
    buyer_app.post("/cart/items", {"variant_id": variant.pk})
    buyers_cart = Cart.objects.get(user=buyer_app.user)

    response = guest.get("/cart", **{"X-Cart-Token": str(buyers_cart.token)})

    assert response.status_code == 404


def test_a_wrong_bearer_token_is_a_401_not_a_guest(variant):
    client = AppClient()
    client.headers["HTTP_AUTHORIZATION"] = "Bearer not-a-token"

    response = client.post("/cart/items", {"variant_id": variant.pk})

    assert response.status_code == 401
    assert not Cart.objects.exists()


def test_merge_a_guest_cart_into_the_buyers(guest, buyer_app, variant, make_product):
    other = make_product(stock=4).variants.get()
    token = _token(guest.post("/cart/items", {"variant_id": variant.pk, "quantity": 2}))
    guest.post("/cart/items", {"variant_id": other.pk}, **{"X-Cart-Token": token})
    buyer_app.post("/cart/items", {"variant_id": variant.pk, "quantity": 1})

    merged = buyer_app.post("/cart/merge", {"cart_token": token})

    assert merged.status_code == 200
    quantities = {line["variant_id"]: line["quantity"] for line in merged.json()["lines"]}
    assert quantities == {variant.pk: 3, other.pk: 1}
    assert list(Cart.objects.values_list("user", flat=True)) == [buyer_app.user.pk]
    again = buyer_app.post("/cart/merge", {"cart_token": token})
    assert again.status_code == 404


def test_merge_needs_a_signed_in_buyer(guest, variant):
    token = _token(guest.post("/cart/items", {"variant_id": variant.pk}))

    response = guest.post("/cart/merge", {"cart_token": token})

    assert response.status_code == 401
    assert Cart.objects.filter(token=token).exists()


def test_cart_answers_in_hindi(guest, variant):
    token = _token(guest.post("/cart/items", {"variant_id": variant.pk}))

    response = guest.get("/cart", {"lang": "hi"}, **{"X-Cart-Token": token})

    assert response["Content-Language"] == "hi"
    assert response.json()["lines"][0]["name"] == variant.product.name_hi
