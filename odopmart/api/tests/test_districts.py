from __future__ import annotations

import pytest

from odopmart.catalog.services import catalogue_refresh_counts
from odopmart.regions.models import District

pytestmark = pytest.mark.django_db

LIST = "/api/v1/districts"
DETAIL = "/api/v1/districts/{slug}"


def _by_slug(rows):
    return {row["slug"]: row for row in rows}


def test_district_list_has_every_district_with_registry_summary(
    api_client, make_product, assert_matches_schema
):
    make_product(district_slug="varanasi", category_slug="sarees-silk")
    catalogue_refresh_counts()

    response = api_client.get(LIST)

    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    rows = response.json()
    assert len(rows) == District.objects.count() == 75
    assert [row["slug"] for row in rows][:3] == ["agra", "aligarh", "ambedkar-nagar"]
    varanasi = _by_slug(rows)["varanasi"]
    assert varanasi == {
        "slug": "varanasi",
        "name": "Varanasi",
        "name_en": "Varanasi",
        "name_hi": "वाराणसी",
        "state": {
            "gst_state_code": "09",
            "slug": "uttar-pradesh",
            "name": "Uttar Pradesh",
            "name_en": "Uttar Pradesh",
            "name_hi": "उत्तर प्रदेश",
        },
        "signature_craft": "Banarasi Silk Sarees",
        "signature_craft_en": "Banarasi Silk Sarees",
        "signature_craft_hi": "बनारसी रेशमी साड़ी",
        "product_count": 1,
        "odop_products": [
            {
                "slug": "varanasi-banarasi-silk-sarees",
                "name": "Banarasi Silk Sarees",
                "name_en": "Banarasi Silk Sarees",
                "name_hi": "बनारसी रेशमी साड़ी",
                "rank": "primary",
            },
            {
                "slug": "varanasi-pink-meenakari",
                "name": "Pink meenakari",
                "name_en": "Pink meenakari",
                "name_hi": "गुलाबी मीनाकारी",
                "rank": "secondary",
            },
            {
                "slug": "varanasi-toys-wooden-lacquerware-toys",
                "name": "Toys (wooden lacquerware & toys)",
                "name_en": "Toys (wooden lacquerware & toys)",
                "name_hi": "लकड़ी के लाख के खिलौने",
                "rank": "secondary",
            },
        ],
    }
    assert _by_slug(rows)["lucknow"]["product_count"] == 0
    assert_matches_schema(response, LIST)


def test_district_list_is_cacheable_for_anonymous_visitors(api_client):
    response = api_client.get(LIST)

    assert "public" in response["Cache-Control"]
    assert "max-age=60" in response["Cache-Control"]
    assert "Accept-Language" in response["Vary"]


def test_district_list_is_private_for_signed_in_users(api_client, django_user_model):
    api_client.force_login(django_user_model.objects.create_user("buyer", password="x"))

    response = api_client.get(LIST)

    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_district_list_query_count_is_constant(api_client, django_assert_num_queries):
    with django_assert_num_queries(2):
        response = api_client.get(LIST)
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("request_kwargs", "language", "name"),
    [
        ({"HTTP_ACCEPT_LANGUAGE": "hi"}, "hi", "लखनऊ"),
        ({"HTTP_ACCEPT_LANGUAGE": "hi-IN,hi;q=0.9,en;q=0.8"}, "hi", "लखनऊ"),
        ({"data": {"lang": "hi"}}, "hi", "लखनऊ"),
        ({"data": {"lang": "en"}, "HTTP_ACCEPT_LANGUAGE": "hi"}, "en", "Lucknow"),
        ({"HTTP_ACCEPT_LANGUAGE": "fr"}, "en", "Lucknow"),
    ],
)
def test_district_list_language(api_client, request_kwargs, language, name):
    response = api_client.get(LIST, **request_kwargs)

    assert response.status_code == 200
    assert response["Content-Language"] == language
    lucknow = _by_slug(response.json())["lucknow"]
    assert lucknow["name"] == name
    assert lucknow["name_en"] == "Lucknow"
    assert lucknow["name_hi"] == "लखनऊ"


def test_district_list_in_hindi_localises_nested_fields(api_client):
    response = api_client.get(LIST, {"lang": "hi"})

    lucknow = _by_slug(response.json())["lucknow"]
    assert lucknow["signature_craft"] == "चिकनकारी और ज़री-ज़रदोज़ी"
    assert lucknow["state"]["name"] == "उत्तर प्रदेश"
    assert lucknow["odop_products"][0]["name"] == "चिकनकारी और ज़री-ज़रदोज़ी"


def test_district_list_rejects_unknown_language(api_client):
    response = api_client.get(LIST, {"lang": "fr"})

    assert response.status_code == 422
    assert response.json()["code"] == "validation_error"
    assert [error["loc"] for error in response.json()["detail"]] == [["query", "lang"]]


def test_district_detail(api_client, make_product, assert_matches_schema):
    make_product(district_slug="lucknow")
    make_product(district_slug="lucknow", status="draft")
    catalogue_refresh_counts()

    response = api_client.get(DETAIL.format(slug="lucknow"))

    assert response.status_code == 200
    body = response.json()
    assert body["slug"] == "lucknow"
    assert body["name"] == "Lucknow"
    assert body["name_hi"] == "लखनऊ"
    assert body["lgd_code"] == 162
    assert body["product_count"] == 1
    assert body["products_url"] == "http://testserver/api/v1/products?district=lucknow"
    assert body["odop_products"] == [
        {
            "slug": "lucknow-chikankari-and-zari-zardozi",
            "name": "Chikankari and Zari Zardozi",
            "name_en": "Chikankari and Zari Zardozi",
            "name_hi": "चिकनकारी और ज़री-ज़रदोज़ी",
            "rank": "primary",
            "rank_label": "Primary",
            "sector": "Handicraft (embroidery)",
            "gi_tag": "Lucknow Chikan Craft; Lucknow Zardozi",
            "verification": "verified_official",
            "verification_label": "Verified (official)",
            "description": "",
            "description_en": "",
            "description_hi": "",
            "year_added": 2018,
            "product_count": 1,
            "products_url": (
                "http://testserver/api/v1/products?odop_product=lucknow-chikankari-and-zari-zardozi"
            ),
        }
    ]
    assert "max-age=60" in response["Cache-Control"]
    assert_matches_schema(response, DETAIL)


def test_district_detail_shows_unverified_registry_rows(api_client):
    response = api_client.get(DETAIL.format(slug="varanasi"))

    verifications = {row["slug"]: row["verification"] for row in response.json()["odop_products"]}
    assert verifications == {
        "varanasi-banarasi-silk-sarees": "verified_official",
        "varanasi-pink-meenakari": "verified_secondary",
        "varanasi-toys-wooden-lacquerware-toys": "verified_secondary",
    }


def test_district_detail_in_hindi(api_client):
    response = api_client.get(DETAIL.format(slug="varanasi"), HTTP_ACCEPT_LANGUAGE="hi")

    body = response.json()
    assert response["Content-Language"] == "hi"
    assert body["name"] == "वाराणसी"
    assert body["signature_craft"] == "बनारसी रेशमी साड़ी"
    assert body["odop_products"][1]["name"] == "गुलाबी मीनाकारी"
    assert body["odop_products"][0]["rank"] == "primary"
    assert body["odop_products"][0]["rank_label"] == "मुख्य"
    assert body["odop_products"][0]["verification_label"] == "सत्यापित (आधिकारिक)"


def test_district_detail_query_count(api_client, django_assert_num_queries):
    with django_assert_num_queries(2):
        response = api_client.get(DETAIL.format(slug="varanasi"))
    assert response.status_code == 200


@pytest.mark.parametrize("slug", ["atlantis", "LUCKNOW", "%E0%A4%B2", "x" * 300])
def test_unknown_district_is_404(api_client, slug, assert_matches_schema):
    response = api_client.get(DETAIL.format(slug=slug))

    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "detail": "Not found"}
    assert_matches_schema(response, DETAIL)
