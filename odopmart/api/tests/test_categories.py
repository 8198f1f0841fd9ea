from __future__ import annotations

import pytest

from odopmart.catalog.services import catalogue_refresh_counts

pytestmark = pytest.mark.django_db

LIST = "/api/v1/categories"


def test_category_list(api_client, make_product, assert_matches_schema):
    make_product(category_slug="clothing")
    make_product(category_slug="clothing")
    make_product(category_slug="clothing", status="archived")
    catalogue_refresh_counts()

    response = api_client.get(LIST)

    assert response.status_code == 200
    rows = response.json()
    assert [row["slug"] for row in rows] == [
        "sarees-silk", "clothing", "home-textiles", "carpets-durries", "pottery-glass",
        "wood-furniture", "metal-brass", "leather-footwear", "natural-fibre", "food-agro",
        "perfumes-incense", "toys-sports", "art-stone-tribal", "musical-instruments",
        "hardware-tools",
    ]  # fmt: skip
    assert rows[1] == {
        "slug": "clothing",
        "name": "Clothing & Accessories",
        "name_en": "Clothing & Accessories",
        "name_hi": "परिधान और एक्सेसरीज़",
        "description": (
            "Chikankari, zardozi, appliqué and ready-to-wear from UP's tailoring towns."
        ),
        "description_en": (
            "Chikankari, zardozi, appliqué and ready-to-wear from UP's tailoring towns."
        ),
        "description_hi": "चिकनकारी, ज़रदोज़ी, ऐप्लिक और उत्तर प्रदेश के कारीगरों के सिले रेडीमेड वस्त्र।",
        "icon": "👗",
        "position": 2,
        "product_count": 2,
        "return_window_days": 7,
    }
    assert rows[0]["product_count"] == 0
    assert "max-age=60" in response["Cache-Control"]
    assert_matches_schema(response, LIST)


@pytest.mark.parametrize("kwargs", [{"data": {"lang": "hi"}}, {"HTTP_ACCEPT_LANGUAGE": "hi"}])
def test_category_list_in_hindi(api_client, kwargs):
    response = api_client.get(LIST, **kwargs)

    assert response["Content-Language"] == "hi"
    clothing = response.json()[1]
    assert clothing["name"] == "परिधान और एक्सेसरीज़"
    assert clothing["name_en"] == "Clothing & Accessories"


def test_category_list_query_count(api_client, django_assert_num_queries):
    with django_assert_num_queries(1):
        api_client.get(LIST)
