"""The seller endpoints: a member sees their vendors' listings and artisans and sets stock; an
artisan only their own items; other sellers' ids answer 404 and change nothing."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from odopmart.accounts.services import api_token_create
from odopmart.api.tests.openapi_check import schema_errors
from odopmart.catalog.models import Product, ProductStatus, Variant
from odopmart.sellers.tests.fixtures import make_member, make_user  # noqa: F401

pytestmark = pytest.mark.django_db


class Seller:
    """A client that sends one user's bearer token."""

    def __init__(self, user: Any) -> None:
        self.user = user
        self.client = Client()
        _token, raw = api_token_create(user=user, name="test")
        self.headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    def get(self, path: str, **params: Any) -> Any:
        return self.client.get(f"/api/v1{path}", params, **self.headers)

    def set_stock(self, variant_id: int, body: Any) -> Any:
        return self.client.patch(
            f"/api/v1/seller/variants/{variant_id}/stock",
            json.dumps(body),
            content_type="application/json",
            **self.headers,
        )


@dataclass
class World:
    vendor_a: Any
    vendor_b: Any
    member_a: Seller
    member_b: Seller
    artisan_a: Any
    colleague: Any  # another artisan of vendor A, with their own sign-in
    artisan_b: Any
    artisan_self: Seller
    draft_a: Product
    approved_a: Product
    colleague_item: Product
    product_b: Product


@pytest.fixture
def world(make_vendor, make_artisan, make_product, make_member, make_user):  # noqa: F811
    vendor_a = make_vendor(name_en="Chowk Chikan Cooperative", name_hi="चौक चिकन सहकारी")
    vendor_b = make_vendor()
    artisan_a = make_artisan(vendor=vendor_a, name_en="Rukhsana Bano", name_hi="रुख़साना बानो")
    colleague = make_artisan(vendor=vendor_a, name_en="Anis Ahmad", user=make_user())
    artisan_b = make_artisan(vendor=vendor_b)
    return World(
        vendor_a=vendor_a,
        vendor_b=vendor_b,
        member_a=Seller(make_member(vendor_a)),
        member_b=Seller(make_member(vendor_b)),
        artisan_a=artisan_a,
        colleague=colleague,
        artisan_b=artisan_b,
        artisan_self=Seller(colleague.user),
        draft_a=make_product(artisan=artisan_a, status=ProductStatus.DRAFT, stock=0),
        approved_a=make_product(artisan=artisan_a, stock=4, variants=2, price_paise=199900),
        colleague_item=make_product(artisan=colleague, stock=2),
        product_b=make_product(artisan=artisan_b, stock=6),
    )


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    from odopmart.api.urls import api

    return json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/v1/")))


def _matches(document: dict[str, Any], response: Any, path: str, method: str = "get") -> None:
    operation = document["paths"][path][method]
    content = operation["responses"][str(response.status_code)]["content"]
    assert schema_errors(response.json(), content["application/json"]["schema"], document) == []


def _stock(variant_id: int) -> int:
    return Variant.objects.get(pk=variant_id).stock


# --- who may call ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/v1/seller/vendors"),
        ("get", "/api/v1/seller/listings"),
        ("get", "/api/v1/seller/listings/1"),
        ("patch", "/api/v1/seller/variants/1/stock"),
        ("get", "/api/v1/seller/artisans"),
    ],
)
@pytest.mark.parametrize("header", [None, "Bearer odm_not-a-token"])
def test_every_seller_endpoint_needs_a_token(world, method, path, header):
    variant = world.approved_a.variants.first()
    path = path.replace("/1", f"/{variant.pk}") if "variants" in path else path
    headers = {"HTTP_AUTHORIZATION": header} if header else {}

    if method == "patch":
        response = Client().patch(
            path, json.dumps({"stock": 9}), content_type="application/json", **headers
        )
    else:
        response = Client().get(path, **headers)

    assert response.status_code == 401
    assert response.json() == {"code": "http_401", "detail": "Unauthorized"}
    assert _stock(variant.pk) == 4


# --- vendors --------------------------------------------------------------------------------


def test_vendors_are_the_users_own(world, document):
    response = world.member_a.get("/seller/vendors")

    assert response.status_code == 200
    assert response.json() == [
        {
            "id": world.vendor_a.pk,
            "slug": world.vendor_a.slug,
            "name": "Chowk Chikan Cooperative",
            "name_en": "Chowk Chikan Cooperative",
            "name_hi": "चौक चिकन सहकारी",
            "gstin": world.vendor_a.gstin,
            "status": "approved",
            "status_label": "Approved",
            "role": "owner",
        }
    ]
    _matches(document, response, "/api/v1/seller/vendors")
    hindi = world.member_a.get("/seller/vendors", lang="hi").json()[0]
    assert (hindi["name"], hindi["status_label"]) == ("चौक चिकन सहकारी", "स्वीकृत")
    assert world.artisan_self.get("/seller/vendors").json() == []


# --- listings -------------------------------------------------------------------------------


def test_a_member_lists_their_vendors_listings_with_stock(world, document):
    response = world.member_a.get("/seller/listings")

    assert response.status_code == 200
    body = response.json()
    ids = [item["id"] for item in body["results"]]
    assert ids == [world.colleague_item.pk, world.approved_a.pk, world.draft_a.pk]
    assert (body["count"], body["page"], body["pages"], body["next"], body["previous"]) == (
        3,
        1,
        1,
        None,
        None,
    )
    approved = body["results"][1]
    variants = list(world.approved_a.variants.order_by("position"))
    assert approved["status"] == "approved"
    assert approved["status_label"] == "Approved"
    assert approved["vendor_id"] == world.vendor_a.pk
    assert approved["artisan"] == {
        "id": world.artisan_a.pk,
        "name": "Rukhsana Bano",
        "name_en": "Rukhsana Bano",
        "name_hi": "रुख़साना बानो",
    }
    assert approved["in_stock"] is True
    assert approved["price_paise"] == 199900
    assert [
        (v["id"], v["sku"], v["stock"], v["price_paise"], v["is_active"])
        for v in approved["variants"]
    ] == [(v.pk, v.sku, 4, v.price_paise, True) for v in variants]
    assert body["results"][2]["in_stock"] is False
    _matches(document, response, "/api/v1/seller/listings")


def test_listings_filter_by_status_vendor_and_page(world):
    drafts = world.member_a.get("/seller/listings", status="draft").json()
    own_vendor = world.member_a.get("/seller/listings", vendor=world.vendor_a.pk).json()
    second_page = world.member_a.get("/seller/listings", page_size=2, page=2).json()
    past_the_end = world.member_a.get("/seller/listings", page=5).json()

    assert [item["id"] for item in drafts["results"]] == [world.draft_a.pk]
    assert own_vendor["count"] == 3
    assert [item["id"] for item in second_page["results"]] == [world.draft_a.pk]
    assert (second_page["pages"], second_page["next"]) == (2, None)
    assert second_page["previous"].endswith("/api/v1/seller/listings?page_size=2&page=1")
    assert past_the_end["results"] == []
    assert past_the_end["count"] == 3


def test_another_vendors_id_is_not_found(world):
    response = world.member_b.get("/seller/listings", vendor=world.vendor_a.pk)

    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "detail": "Not found"}
    only_own = world.member_b.get("/seller/listings").json()
    assert [item["id"] for item in only_own["results"]] == [world.product_b.pk]


@pytest.mark.parametrize(
    ("params", "field", "kind"),
    [
        ({"status": "sold"}, "status", "literal_error"),
        ({"vendor": "x"}, "vendor", "int_parsing"),
        ({"page": 0}, "page", "greater_than_equal"),
        ({"page_size": 101}, "page_size", "less_than_equal"),
    ],
)
def test_bad_listing_filters_are_422_naming_the_field(world, params, field, kind):
    response = world.member_a.get("/seller/listings", **params)

    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "validation_error"
    assert [(error["loc"][-1], error["type"]) for error in body["detail"]] == [(field, kind)]


def test_an_artisan_lists_only_their_own_items(world):
    response = world.artisan_self.get("/seller/listings")
    same_vendor = world.artisan_self.get("/seller/listings", vendor=world.vendor_a.pk)

    assert [item["id"] for item in response.json()["results"]] == [world.colleague_item.pk]
    assert [item["id"] for item in same_vendor.json()["results"]] == [world.colleague_item.pk]
    assert world.artisan_self.get("/seller/listings", vendor=world.vendor_b.pk).status_code == 404


def test_listing_detail(world, document):
    response = world.member_a.get(f"/seller/listings/{world.approved_a.pk}")

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == world.approved_a.pk
    assert body["description_en"] == "Hand made."
    assert body["description"] == "Hand made."
    assert body["category"]["slug"] == "clothing"
    assert body["district"]["slug"] == "lucknow"
    assert body["hsn_code"] == "6204"
    assert body["gst_rate_bp"] == 500
    assert body["images"] == []
    assert [v["stock"] for v in body["variants"]] == [4, 4]
    _matches(document, response, "/api/v1/seller/listings/{listing_id}")
    hindi = world.member_a.get(f"/seller/listings/{world.approved_a.pk}", lang="hi").json()
    assert hindi["description"] == "हाथ से बना।"


@pytest.mark.parametrize("who", ["member_b", "artisan_self"])
def test_listing_detail_of_someone_elses_listing_is_not_found(world, who):
    seller = getattr(world, who)

    for listing_id in (world.approved_a.pk, 2**63, 0):
        response = seller.get(f"/seller/listings/{listing_id}")
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"


def test_listings_take_the_same_queries_for_few_or_many(world, make_product):
    world.member_a.get("/seller/vendors")  # the token's first use of the minute is recorded
    with CaptureQueriesContext(connection) as few:
        assert world.member_a.get("/seller/listings").status_code == 200
    for _ in range(5):
        make_product(artisan=world.artisan_a, variants=3)
    with CaptureQueriesContext(connection) as many:
        assert world.member_a.get("/seller/listings").status_code == 200

    assert len(many) == len(few)
    assert len(many) == 4  # token, count, page, variants


# --- stock ----------------------------------------------------------------------------------


def test_a_member_sets_stock(world, document):
    variant = world.draft_a.variants.get()

    response = world.member_a.set_stock(variant.pk, {"stock": 7})

    assert response.status_code == 200
    assert response.json() == {
        "id": variant.pk,
        "product_id": world.draft_a.pk,
        "sku": variant.sku,
        "stock": 7,
        "product_in_stock": True,
    }
    assert _stock(variant.pk) == 7
    assert Product.objects.get(pk=world.draft_a.pk).in_stock is True
    _matches(document, response, "/api/v1/seller/variants/{variant_id}/stock", "patch")
    back_to_zero = world.member_a.set_stock(variant.pk, {"stock": 0}).json()
    assert (back_to_zero["stock"], back_to_zero["product_in_stock"]) == (0, False)


def test_an_artisan_sets_the_stock_of_their_own_item(world):
    variant = world.colleague_item.variants.get()

    response = world.artisan_self.set_stock(variant.pk, {"stock": 5})

    assert response.status_code == 200
    assert response.json()["stock"] == 5
    assert _stock(variant.pk) == 5


@pytest.mark.parametrize(
    ("who", "item"),
    [
        ("member_b", "approved_a"),  # another vendor
        ("artisan_self", "approved_a"),  # an artisan's colleague under the same vendor
        ("member_a", "product_b"),  # the other way round
    ],
)
def test_stock_of_someone_elses_item_is_not_found_and_unchanged(world, who, item):
    variant = getattr(world, item).variants.first()
    before = variant.stock

    response = getattr(world, who).set_stock(variant.pk, {"stock": before + 10})

    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "detail": "Not found"}
    assert _stock(variant.pk) == before


def test_stock_of_an_unknown_variant_is_not_found(world):
    for variant_id in (10**9, 2**63):
        assert world.member_a.set_stock(variant_id, {"stock": 1}).status_code == 404


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ({"stock": -1}, "greater_than_equal"),
        ({"stock": "x"}, "int_type"),
        ({"stock": "5"}, "int_type"),
        ({"stock": 2.5}, "int_type"),
        ({"stock": True}, "int_type"),
        ({"stock": 1_000_001}, "less_than_equal"),
        ({"stock": 10**30}, "less_than_equal"),
        ({"stock": None}, "int_type"),
        ({}, "missing"),
    ],
)
def test_bad_stock_is_422_naming_the_field_and_nothing_changes(world, body, kind):
    variant = world.approved_a.variants.first()

    response = world.member_a.set_stock(variant.pk, body)

    assert response.status_code == 422
    detail = response.json()["detail"]
    assert [(error["loc"], error["type"]) for error in detail] == [
        (["body", "payload", "stock"], kind)
    ]
    assert _stock(variant.pk) == 4


# --- artisans -------------------------------------------------------------------------------


def test_a_member_lists_their_vendors_artisans(world, document):
    response = world.member_a.get("/seller/artisans")

    assert response.status_code == 200
    body = response.json()
    assert [(a["id"], a["name_en"], a["has_sign_in"]) for a in body["results"]] == [
        (world.colleague.pk, "Anis Ahmad", True),
        (world.artisan_a.pk, "Rukhsana Bano", False),
    ]
    assert body["count"] == 2
    first = body["results"][1]
    assert first["vendor_id"] == world.vendor_a.pk
    assert first["district"]["slug"] == "lucknow"
    assert first["craft_en"] == "Chikankari"
    _matches(document, response, "/api/v1/seller/artisans")
    assert world.member_a.get("/seller/artisans", vendor=world.vendor_a.pk).json()["count"] == 2


def test_artisans_of_another_vendor_are_not_found(world):
    response = world.member_b.get("/seller/artisans", vendor=world.vendor_a.pk)

    assert response.status_code == 404
    own = world.member_b.get("/seller/artisans").json()
    assert [a["id"] for a in own["results"]] == [world.artisan_b.pk]


def test_an_artisan_sees_only_themself(world):
    body = world.artisan_self.get("/seller/artisans").json()

    assert [a["id"] for a in body["results"]] == [world.colleague.pk]
