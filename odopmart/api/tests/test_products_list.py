from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from odopmart.catalog.models import Product
from odopmart.sellers.models import VendorStatus

pytestmark = pytest.mark.django_db

LIST = "/api/v1/products"


def _ids(response):
    return [row["id"] for row in response.json()["results"]]


def test_product_list_card(api_client, make_product, assert_matches_schema):
    product = make_product(
        name_en="Chikankari kurta", name_hi="चिकनकारी कुर्ता", price_paise=249950,
        mrp_paise=299900, stock=3,
    )  # fmt: skip
    product.thumbnail = "renditions/products/1/kurta-320.webp"
    product.save(update_fields=["thumbnail"])

    response = api_client.get(LIST)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert body["page"] == 1
    assert body["pages"] == 1
    assert body["page_size"] == 24
    assert body["next"] is None
    assert body["previous"] is None
    assert body["results"] == [
        {
            "id": product.id,
            "slug": product.slug,
            "name": "Chikankari kurta",
            "name_en": "Chikankari kurta",
            "name_hi": "चिकनकारी कुर्ता",
            "price_paise": 249950,
            "price_formatted": "₹2,499.50",
            "mrp_paise": 299900,
            "mrp_formatted": "₹2,999",
            "discount_percent": 16,
            "in_stock": True,
            "thumbnail_url": "http://testserver/media/renditions/products/1/kurta-320.webp",
            "url": f"http://testserver/api/v1/products/{product.id}",
            "district": {
                "slug": "lucknow", "name": "Lucknow", "name_en": "Lucknow", "name_hi": "लखनऊ",
            },
            "category": {
                "slug": "clothing",
                "name": "Clothing & Accessories",
                "name_en": "Clothing & Accessories",
                "name_hi": "परिधान और एक्सेसरीज़",
            },
            "odop_product": {
                "slug": "lucknow-chikankari-and-zari-zardozi",
                "name": "Chikankari and Zari Zardozi",
                "name_en": "Chikankari and Zari Zardozi",
                "name_hi": "चिकनकारी और ज़री-ज़रदोज़ी",
            },
            "artisan": {
                "name": product.artisan.name_en,
                "name_en": product.artisan.name_en,
                "name_hi": product.artisan.name_hi,
                "town": "Chowk",
            },
        }
    ]  # fmt: skip
    assert response["Cache-Control"] == "public, max-age=60"
    assert_matches_schema(response, LIST)


def test_product_list_without_thumbnail_has_null_url(api_client, make_product):
    make_product()

    assert api_client.get(LIST).json()["results"][0]["thumbnail_url"] is None


def test_product_list_in_hindi(api_client, make_product):
    make_product(name_en="Brass lamp", name_hi="पीतल का दीया", district_slug="moradabad")

    for kwargs in ({"data": {"lang": "hi"}}, {"HTTP_ACCEPT_LANGUAGE": "hi"}):
        response = api_client.get(LIST, **kwargs)
        card = response.json()["results"][0]
        assert response["Content-Language"] == "hi"
        assert card["name"] == "पीतल का दीया"
        assert card["name_en"] == "Brass lamp"
        assert card["district"]["name"] == "मुरादाबाद"
        assert card["category"]["name"] == "परिधान और एक्सेसरीज़"


def test_invisible_products_are_not_listed(api_client, make_product, make_vendor, make_artisan):
    visible = make_product()
    make_product(status="draft")
    make_product(status="submitted")
    make_product(status="archived")
    suspended = make_artisan(vendor=make_vendor(status=VendorStatus.SUSPENDED))
    make_product(artisan=suspended)

    response = api_client.get(LIST)

    assert _ids(response) == [visible.id]
    assert response.json()["count"] == 1


def test_product_list_filters(api_client, make_product):
    lucknow_cheap = make_product(district_slug="lucknow", price_paise=50000, stock=0)
    lucknow_dear = make_product(district_slug="lucknow", price_paise=500000)
    varanasi = make_product(
        district_slug="varanasi", category_slug="sarees-silk", price_paise=1500000
    )
    agra = make_product(district_slug="agra", category_slug="leather-footwear", price_paise=300000)

    def ids(**params):
        response = api_client.get(LIST, params)
        assert response.status_code == 200, response.json()
        return _ids(response)

    assert ids() == [agra.id, varanasi.id, lucknow_dear.id, lucknow_cheap.id]
    assert ids(district="lucknow") == [lucknow_dear.id, lucknow_cheap.id]
    assert ids(category="sarees-silk") == [varanasi.id]
    assert ids(odop_product="agra-leather-products") == [agra.id]
    assert ids(min_price=300000) == [agra.id, varanasi.id, lucknow_dear.id]
    assert ids(max_price=300000) == [agra.id, lucknow_cheap.id]
    assert ids(min_price=300000, max_price=300000) == [agra.id]
    assert ids(in_stock="true") == [agra.id, varanasi.id, lucknow_dear.id]
    assert ids(in_stock="false") == [agra.id, varanasi.id, lucknow_dear.id, lucknow_cheap.id]
    assert ids(district="lucknow", in_stock="1") == [lucknow_dear.id]
    assert ids(district="nowhere") == []
    assert ids(sort="price_asc") == [lucknow_cheap.id, agra.id, lucknow_dear.id, varanasi.id]
    assert ids(sort="price_desc") == [varanasi.id, lucknow_dear.id, agra.id, lucknow_cheap.id]
    assert ids(sort="newest") == [agra.id, varanasi.id, lucknow_dear.id, lucknow_cheap.id]


def test_product_list_search_keeps_ranking_and_applies_filters(
    api_client, make_product, monkeypatch
):
    kurta = make_product(name_en="Chikan kurta", price_paise=90000)
    saree = make_product(name_en="Chikan saree", price_paise=190000)
    stole = make_product(name_en="Chikan stole", price_paise=60000)
    calls = []

    def ranked(query, *, limit):
        calls.append((query, limit))
        return [saree.id, stole.id, kurta.id]

    monkeypatch.setattr("odopmart.search.services.search_ranked_ids", ranked)

    assert _ids(api_client.get(LIST, {"q": "chikan"})) == [saree.id, stole.id, kurta.id]
    assert calls == [("chikan", 1000)]
    assert _ids(api_client.get(LIST, {"q": "chikan", "max_price": 100000})) == [
        stole.id, kurta.id,
    ]  # fmt: skip
    assert _ids(api_client.get(LIST, {"q": "chikan", "sort": "price_asc"})) == [
        stole.id, kurta.id, saree.id,
    ]  # fmt: skip
    page = api_client.get(LIST, {"q": "chikan", "page_size": 2, "page": 2}).json()
    assert page["count"] == 3
    assert [row["id"] for row in page["results"]] == [kurta.id]


def test_product_list_search_finds_names(
    api_client, make_product, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        kurta = make_product(name_en="Chikan kurta", name_hi="चिकन कुर्ता")
        make_product(name_en="Brass bowl", name_hi="पीतल का कटोरा", district_slug="moradabad")

    assert _ids(api_client.get(LIST, {"q": "kurta"})) == [kurta.id]
    assert _ids(api_client.get(LIST, {"q": "कुर्ता"})) == [kurta.id]
    assert _ids(api_client.get(LIST, {"q": "kurta", "district": "moradabad"})) == []


def test_product_list_pagination(api_client, make_product):
    products = [make_product() for _ in range(5)]
    newest_first = [p.id for p in reversed(products)]

    first = api_client.get(LIST, {"page_size": 2, "district": "lucknow"}).json()
    assert first["count"] == 5
    assert first["pages"] == 3
    assert first["page_size"] == 2
    assert [r["id"] for r in first["results"]] == newest_first[:2]
    assert first["previous"] is None
    next_url = urlsplit(first["next"])
    assert next_url.path == "/api/v1/products"
    assert parse_qs(next_url.query) == {
        "page_size": ["2"], "district": ["lucknow"], "page": ["2"],
    }  # fmt: skip

    second = api_client.get(f"{next_url.path}?{next_url.query}").json()
    assert [r["id"] for r in second["results"]] == newest_first[2:4]
    assert parse_qs(urlsplit(second["previous"]).query)["page"] == ["1"]
    assert parse_qs(urlsplit(second["next"]).query)["page"] == ["3"]

    last = api_client.get(LIST, {"page_size": 2, "page": 3}).json()
    assert [r["id"] for r in last["results"]] == newest_first[4:]
    assert last["next"] is None

    beyond = api_client.get(LIST, {"page_size": 2, "page": 9}).json()
    assert beyond["results"] == []
    assert beyond["count"] == 5
    assert beyond["next"] is None
    assert parse_qs(urlsplit(beyond["previous"]).query)["page"] == ["3"]


def test_product_list_default_page_size_comes_from_settings(api_client, make_product, settings):
    settings.ODOPMART = {**settings.ODOPMART, "API_PAGE_SIZE": 2}
    for _ in range(3):
        make_product()

    body = api_client.get(LIST).json()

    assert body["page_size"] == 2
    assert len(body["results"]) == 2
    assert body["pages"] == 2


def test_product_list_query_count_does_not_grow_with_items(
    api_client, make_product, django_assert_max_num_queries
):
    make_product()
    with django_assert_max_num_queries(2) as few:
        api_client.get(LIST)
    for _ in range(12):
        make_product(variants=2)
    with django_assert_max_num_queries(2) as many:
        response = api_client.get(LIST)
    assert len(response.json()["results"]) == 13
    assert len(many.captured_queries) == len(few.captured_queries)


def test_product_list_search_query_count_does_not_grow_with_hits(
    api_client, make_product, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_product(name_en="Zardozi clutch")
    with django_assert_max_num_queries(10) as few:
        assert api_client.get(LIST, {"q": "zardozi"}).json()["count"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        for index in range(12):
            make_product(name_en=f"Zardozi clutch {index}", variants=2)
    with django_assert_max_num_queries(10) as many:
        assert api_client.get(LIST, {"q": "zardozi"}).json()["count"] == 13
    assert len(many.captured_queries) == len(few.captured_queries)


@pytest.mark.parametrize(
    ("params", "loc"),
    [
        ({"page": "abc"}, ["query", "page"]),
        ({"page": "0"}, ["query", "page"]),
        ({"page": "-3"}, ["query", "page"]),
        ({"page": "10000000000000000000000"}, ["query", "page"]),
        ({"page_size": "10000"}, ["query", "page_size"]),
        ({"page_size": "0"}, ["query", "page_size"]),
        ({"min_price": "-1"}, ["query", "min_price"]),
        ({"min_price": "12.50"}, ["query", "min_price"]),
        ({"max_price": "cheap"}, ["query", "max_price"]),
        ({"max_price": str(2**70)}, ["query", "max_price"]),
        ({"min_price": "5000", "max_price": "100"}, ["query", "max_price"]),
        ({"sort": "bogus"}, ["query", "sort"]),
        ({"in_stock": "perhaps"}, ["query", "in_stock"]),
        ({"lang": "fr"}, ["query", "lang"]),
        ({"q": "x" * 201}, ["query", "q"]),
    ],
)
def test_product_list_rejects_bad_parameters(api_client, params, loc, assert_matches_schema):
    response = api_client.get(LIST, params)

    assert response.status_code == 422
    assert response["Content-Type"] == "application/json; charset=utf-8"
    body = response.json()
    assert body["code"] == "validation_error"
    assert [error["loc"] for error in body["detail"]] == [loc]
    assert body["detail"][0]["msg"]
    assert "Cache-Control" not in response or "public" not in response["Cache-Control"]
    assert_matches_schema(response, LIST)


def test_price_range_error_names_both_bounds(api_client):
    response = api_client.get(LIST, {"min_price": "5000", "max_price": "100"})

    assert response.json()["detail"] == [
        {
            "loc": ["query", "max_price"],
            "msg": "max_price must be greater than or equal to min_price",
            "type": "price_range",
        }
    ]


def test_unknown_parameters_are_ignored(api_client, make_product):
    product = make_product()

    assert _ids(api_client.get(LIST, {"colour": "red"})) == [product.id]


def test_product_list_of_empty_catalogue(api_client):
    assert Product.objects.count() == 0
    body = api_client.get(LIST).json()
    assert body == {
        "count": 0, "page": 1, "pages": 1, "page_size": 24, "next": None, "previous": None,
        "results": [],
    }  # fmt: skip
