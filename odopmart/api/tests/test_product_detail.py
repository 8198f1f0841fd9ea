from __future__ import annotations

from datetime import datetime

import pytest

from odopmart.catalog.models import ProductImage, Variant
from odopmart.sellers.models import VendorStatus

pytestmark = pytest.mark.django_db

DETAIL = "/api/v1/products/{product_id}"


@pytest.fixture
def kurta(make_product, make_artisan, make_vendor):
    vendor = make_vendor(
        name_en="Lucknow Chikan Cooperative", name_hi="लखनऊ चिकन सहकारी समिति",
        gstin="09AAACL1234F1Z5", phone="9415000000", email="coop@example.org",
    )  # fmt: skip
    artisan = make_artisan(
        vendor=vendor, name_en="Rukhsana Bano", name_hi="रुख़साना बानो", phone="9839012345",
        town="Chowk", story_en="Thirty years of shadow work.",
    )  # fmt: skip
    product = make_product(
        artisan=artisan,
        name_en="Chikankari kurta",
        name_hi="चिकनकारी कुर्ता",
        description_en="White cotton kurta with shadow-work chikan.",
        description_hi="सफ़ेद सूती कुर्ता, छाया-काम चिकन के साथ।",
        material_en="Cotton",
        material_hi="सूती",
        technique_en="Shadow work",
        technique_hi="छाया काम",
        price_paise=249900,
        mrp_paise=299900,
        stock=4,
        variants=2,
    )
    Variant.objects.filter(product=product, position=1).update(
        label_en="Large", label_hi="बड़ा", size="L", colour_en="White", colour_hi="सफ़ेद",
        stock=0,
    )  # fmt: skip
    Variant.objects.create(
        product=product, sku="RETIRED-1", label_en="Retired", mrp_paise=100, price_paise=100,
        stock=9, weight_grams=1, length_mm=1, width_mm=1, height_mm=1, is_active=False,
    )  # fmt: skip
    ProductImage.objects.create(
        product=product, image="products/kurta-back.jpg", alt_en="Back", position=2,
        thumbnail="renditions/products/kurta-back-320.webp",
        medium="renditions/products/kurta-back-800.webp",
    )  # fmt: skip
    ProductImage.objects.create(
        product=product, image="products/kurta.jpg", alt_en="Kurta on a hanger",
        alt_hi="हैंगर पर कुर्ता", position=1,
        thumbnail="renditions/products/kurta-320.webp",
        medium="renditions/products/kurta-800.webp",
    )  # fmt: skip
    return product


def kurta_updated_at(product):
    """The product's updated_at as the API writes it (JSON keeps milliseconds)."""
    product.refresh_from_db()
    return product.updated_at.replace(microsecond=product.updated_at.microsecond // 1000 * 1000)


def test_product_detail(api_client, kurta, assert_matches_schema):
    variants = list(kurta.variants.filter(is_active=True).order_by("position"))
    images = list(kurta.images.order_by("position"))

    response = api_client.get(DETAIL.format(product_id=kurta.id))

    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    body = dict(response.json())
    assert datetime.fromisoformat(body.pop("updated_at")) == kurta_updated_at(kurta)
    assert body == {
        "id": kurta.id,
        "slug": kurta.slug,
        "url": f"http://testserver/api/v1/products/{kurta.id}",
        "name": "Chikankari kurta",
        "name_en": "Chikankari kurta",
        "name_hi": "चिकनकारी कुर्ता",
        "description": "White cotton kurta with shadow-work chikan.",
        "description_en": "White cotton kurta with shadow-work chikan.",
        "description_hi": "सफ़ेद सूती कुर्ता, छाया-काम चिकन के साथ।",
        "material": "Cotton",
        "material_en": "Cotton",
        "material_hi": "सूती",
        "technique": "Shadow work",
        "technique_en": "Shadow work",
        "technique_hi": "छाया काम",
        "price_paise": 249900,
        "price_formatted": "₹2,499",
        "mrp_paise": 299900,
        "mrp_formatted": "₹2,999",
        "discount_percent": 16,
        "in_stock": True,
        "category": {
            "slug": "clothing",
            "name": "Clothing & Accessories",
            "name_en": "Clothing & Accessories",
            "name_hi": "परिधान और एक्सेसरीज़",
        },
        "district": {
            "slug": "lucknow",
            "name": "Lucknow",
            "name_en": "Lucknow",
            "name_hi": "लखनऊ",
            "state": {
                "gst_state_code": "09",
                "slug": "uttar-pradesh",
                "name": "Uttar Pradesh",
                "name_en": "Uttar Pradesh",
                "name_hi": "उत्तर प्रदेश",
            },
        },
        "odop_product": {
            "slug": "lucknow-chikankari-and-zari-zardozi",
            "name": "Chikankari and Zari Zardozi",
            "name_en": "Chikankari and Zari Zardozi",
            "name_hi": "चिकनकारी और ज़री-ज़रदोज़ी",
            "rank": "primary",
            "gi_tag": "Lucknow Chikan Craft; Lucknow Zardozi",
            "verification": "verified_official",
            "verification_label": "Verified (official)",
        },
        "artisan": {
            "name": "Rukhsana Bano",
            "name_en": "Rukhsana Bano",
            "name_hi": "रुख़साना बानो",
            "craft": "Chikankari",
            "craft_en": "Chikankari",
            "craft_hi": "चिकनकारी",
            "town": "Chowk",
            "district": {
                "slug": "lucknow", "name": "Lucknow", "name_en": "Lucknow", "name_hi": "लखनऊ",
            },
        },
        "vendor": {
            "name": "Lucknow Chikan Cooperative",
            "name_en": "Lucknow Chikan Cooperative",
            "name_hi": "लखनऊ चिकन सहकारी समिति",
            "gstin": "09AAACL1234F1Z5",
            "state": {
                "gst_state_code": "09",
                "slug": "uttar-pradesh",
                "name": "Uttar Pradesh",
                "name_en": "Uttar Pradesh",
                "name_hi": "उत्तर प्रदेश",
            },
        },
        "hsn": {
            "code": "6204",
            "description": (
                "WOMEN’S OR GIRLS’ SUITS, ENSEMBLES, JACKETS, BLAZERS, DRESSES, SKIRTS, "
                "DIVIDED SKIRTS, TROUSERS, BIB AND BRACE OVERALLS, BREECHES AND SHORTS "
                "(OTHER THAN SWIMWEAR)"
            ),
        },
        "gst_rate_bp": 500,
        "gst_rate_percent": "5",
        "return_window_days": 7,
        "variants": [
            {
                "id": variants[0].id,
                "sku": variants[0].sku,
                "label": "Option 1",
                "label_en": "Option 1",
                "label_hi": "",
                "size": "",
                "colour": "",
                "colour_en": "",
                "colour_hi": "",
                "price_paise": 249900,
                "price_formatted": "₹2,499",
                "mrp_paise": 299900,
                "mrp_formatted": "₹2,999",
                "discount_percent": 16,
                "stock": 4,
                "in_stock": True,
                "weight_grams": 400,
                "length_mm": 300,
                "width_mm": 200,
                "height_mm": 50,
            },
            {
                "id": variants[1].id,
                "sku": variants[1].sku,
                "label": "Large",
                "label_en": "Large",
                "label_hi": "बड़ा",
                "size": "L",
                "colour": "White",
                "colour_en": "White",
                "colour_hi": "सफ़ेद",
                "price_paise": 259900,
                "price_formatted": "₹2,599",
                "mrp_paise": 309900,
                "mrp_formatted": "₹3,099",
                "discount_percent": 16,
                "stock": 0,
                "in_stock": False,
                "weight_grams": 400,
                "length_mm": 300,
                "width_mm": 200,
                "height_mm": 50,
            },
        ],
        "images": [
            {
                "id": images[0].id,
                "url": "http://testserver/media/products/kurta.jpg",
                "thumbnail_url": "http://testserver/media/renditions/products/kurta-320.webp",
                "medium_url": "http://testserver/media/renditions/products/kurta-800.webp",
                "alt": "Kurta on a hanger",
                "alt_en": "Kurta on a hanger",
                "alt_hi": "हैंगर पर कुर्ता",
                "position": 1,
            },
            {
                "id": images[1].id,
                "url": "http://testserver/media/products/kurta-back.jpg",
                "thumbnail_url": "http://testserver/media/renditions/products/kurta-back-320.webp",
                "medium_url": "http://testserver/media/renditions/products/kurta-back-800.webp",
                "alt": "Back",
                "alt_en": "Back",
                "alt_hi": "",
                "position": 2,
            },
        ],
    }  # fmt: skip
    assert_matches_schema(response, DETAIL)


def test_product_detail_never_exposes_contact_details(api_client, kurta):
    text = api_client.get(DETAIL.format(product_id=kurta.id)).content.decode()

    assert "9839012345" not in text  # artisan phone
    assert "9415000000" not in text  # vendor phone
    assert "coop@example.org" not in text
    assert "Thirty years" not in text
    assert "226003" not in text  # artisan PIN code


@pytest.mark.parametrize("kwargs", [{"data": {"lang": "hi"}}, {"HTTP_ACCEPT_LANGUAGE": "hi"}])
def test_product_detail_in_hindi(api_client, kurta, kwargs):
    response = api_client.get(DETAIL.format(product_id=kurta.id), **kwargs)

    body = response.json()
    assert response["Content-Language"] == "hi"
    assert body["name"] == "चिकनकारी कुर्ता"
    assert body["description"] == "सफ़ेद सूती कुर्ता, छाया-काम चिकन के साथ।"
    assert body["material"] == "सूती"
    assert body["artisan"]["name"] == "रुख़साना बानो"
    assert body["artisan"]["craft"] == "चिकनकारी"
    assert body["vendor"]["name"] == "लखनऊ चिकन सहकारी समिति"
    assert body["district"]["state"]["name"] == "उत्तर प्रदेश"
    # Hindi falls back to English where a Hindi text is missing.
    assert body["variants"][0]["label"] == "Option 1"
    assert body["variants"][1]["label"] == "बड़ा"
    assert body["images"][0]["alt"] == "हैंगर पर कुर्ता"
    assert body["images"][1]["alt"] == "Back"
    assert body["name_en"] == "Chikankari kurta"


def test_product_detail_query_count(api_client, kurta, django_assert_num_queries):
    with django_assert_num_queries(3):
        response = api_client.get(DETAIL.format(product_id=kurta.id))
    assert response.status_code == 200


def test_product_detail_is_not_publicly_cached(api_client, kurta):
    response = api_client.get(DETAIL.format(product_id=kurta.id))

    assert "public" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("status", ["draft", "submitted", "changes_requested", "archived"])
def test_products_not_on_sale_are_404_like_unknown_ids(api_client, make_product, status):
    hidden = make_product(status=status)

    response = api_client.get(DETAIL.format(product_id=hidden.id))
    unknown = api_client.get(DETAIL.format(product_id=hidden.id + 1000))

    assert response.status_code == unknown.status_code == 404
    assert response.json() == unknown.json() == {"code": "not_found", "detail": "Not found"}


@pytest.mark.parametrize(
    "vendor_status",
    [VendorStatus.DRAFT, VendorStatus.SUBMITTED, VendorStatus.REJECTED, VendorStatus.SUSPENDED],
)
def test_products_of_unapproved_vendors_are_404(
    api_client, make_product, make_artisan, make_vendor, vendor_status
):
    artisan = make_artisan(vendor=make_vendor(status=vendor_status))
    product = make_product(artisan=artisan)

    response = api_client.get(DETAIL.format(product_id=product.id))

    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "detail": "Not found"}


@pytest.mark.parametrize("product_id", ["0", "-5", str(2**63), "9" * 40])
def test_out_of_range_ids_are_404(api_client, product_id):
    response = api_client.get(f"/api/v1/products/{product_id}")

    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "detail": "Not found"}


def test_non_numeric_id_is_a_validation_error(api_client):
    response = api_client.get("/api/v1/products/abc")

    assert response.status_code == 422
    assert [error["loc"] for error in response.json()["detail"]] == [["path", "product_id"]]


def test_not_found_message_is_translated(api_client):
    response = api_client.get("/api/v1/products/999999", {"lang": "hi"})

    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "detail": "नहीं मिला"}
    assert response["Content-Language"] == "hi"
