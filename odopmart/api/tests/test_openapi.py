from __future__ import annotations

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

PATHS = {
    "/api/v1/districts": {"get": "district_list"},
    "/api/v1/districts/{slug}": {"get": "district_detail"},
    "/api/v1/categories": {"get": "category_list"},
    "/api/v1/products": {"get": "product_list"},
    "/api/v1/products/{product_id}": {"get": "product_detail"},
    "/api/v1/auth/otp/request": {"post": "otp_request"},
    "/api/v1/auth/otp/verify": {"post": "otp_verify"},
    "/api/v1/auth/signout": {"post": "auth_signout"},
    "/api/v1/auth/me": {"get": "auth_me"},
    "/api/v1/seller/vendors": {"get": "seller_vendor_list"},
    "/api/v1/seller/listings": {"get": "seller_listing_list"},
    "/api/v1/seller/listings/{listing_id}": {"get": "seller_listing_detail"},
    "/api/v1/seller/variants/{variant_id}/stock": {"patch": "variant_set_stock"},
    "/api/v1/seller/artisans": {"get": "seller_artisan_list"},
    "/api/v1/cart": {"get": "cart_detail"},
    "/api/v1/cart/items": {"post": "cart_item_add"},
    "/api/v1/cart/items/{variant_id}": {"patch": "cart_item_update", "delete": "cart_item_remove"},
    "/api/v1/cart/merge": {"post": "cart_merge"},
    "/api/v1/checkout/quote": {"post": "checkout_quote"},
    "/api/v1/checkout": {"post": "checkout_place"},
    "/api/v1/orders": {"get": "order_list"},
    "/api/v1/orders/{number}": {"get": "order_detail"},
    "/api/v1/orders/{number}/cancel": {"post": "order_cancel"},
    "/api/v1/orders/{number}/items/{item_id}/return": {"post": "item_return_request"},
    "/api/v1/orders/{number}/payments": {"post": "payment_start"},
    "/api/v1/orders/{number}/payments/verify": {"post": "payment_verify"},
    "/api/v1/orders/{number}/tracking": {"get": "order_tracking"},
    "/api/v1/certificates/{code}": {"get": "certificate_verify"},
    "/api/v1/artisan/readiness": {"get": "artisan_readiness_list"},
    "/api/v1/artisan/readiness/{readiness_id}/answer": {"post": "artisan_readiness_answer"},
    "/api/v1/artisan/earnings": {"get": "artisan_earnings_detail"},
    "/api/v1/seller/vendors/{vendor_id}/settlements": {"get": "seller_vendor_settlements"},
}


def test_openapi_document_lists_every_endpoint(api_client, openapi_document):
    response = api_client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    document = response.json()
    assert document == openapi_document
    assert document["info"]["title"] == "odopmart API"
    assert document["info"]["version"] == "1"
    operations = {
        path: {method: operation["operationId"] for method, operation in ops.items()}
        for path, ops in document["paths"].items()
    }
    assert operations == PATHS


def test_openapi_documents_filters_and_error_bodies(openapi_document):
    operation = openapi_document["paths"]["/api/v1/products"]["get"]
    parameters = {parameter["name"]: parameter for parameter in operation["parameters"]}

    assert list(parameters) == [
        "q", "district", "category", "odop_product", "min_price", "max_price", "in_stock",
        "sort", "page", "page_size", "lang",
    ]  # fmt: skip
    assert parameters["page_size"]["schema"]["anyOf"][0]["maximum"] == 100
    assert parameters["sort"]["schema"]["anyOf"][0]["enum"] == [
        "relevance", "newest", "price_asc", "price_desc",
    ]  # fmt: skip
    assert set(operation["responses"]) == {"200", "422"}
    detail = openapi_document["paths"]["/api/v1/products/{product_id}"]["get"]
    assert set(detail["responses"]) == {"200", "404", "422"}
    assert detail["responses"]["404"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ErrorOut"
    }


def test_sort_choices_match_the_selector():
    from typing import get_args

    from odopmart.api.v1.schemas.catalog import SortChoice
    from odopmart.catalog.selectors import Sort

    assert get_args(SortChoice) == Sort.CHOICES


def test_input_and_output_schemas_are_separate(openapi_document):
    names = set(openapi_document["components"]["schemas"])

    assert {name for name in names if not name.endswith("Out")} == {
        "ProductListIn",
        "OtpRequestIn",
        "OtpVerifyIn",
        "SellerListingListIn",
        "SellerArtisanListIn",
        "VariantStockIn",
        "ReadinessAnswerIn",
        "CartItemAddIn",
        "CartItemUpdateIn",
        "CartMergeIn",
        "CheckoutQuoteIn",
        "CheckoutIn",
        "AddressIn",
        "OrderListIn",
        "OrderCancelIn",
        "PaymentVerifyIn",
    }


def test_docs_page(api_client):
    response = api_client.get("/api/v1/docs")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert b"/api/v1/openapi.json" in response.content
    assert b"swagger-ui" in response.content


def test_docs_page_uses_bundled_swagger_ui(api_client):
    # Works offline: Swagger UI comes from ninja's own static files, not a CDN.
    response = api_client.get("/api/v1/docs")

    assert response.status_code == 200
    assert b"/static/ninja/swagger-ui-bundle.js" in response.content
    assert b"cdn.jsdelivr.net" not in response.content
    assert finders.find("ninja/swagger-ui-bundle.js")
