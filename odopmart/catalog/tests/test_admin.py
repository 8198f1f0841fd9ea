from __future__ import annotations

import io

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from odopmart.catalog.models import (
    Category,
    GstRate,
    HsnCode,
    Product,
    ProductImage,
    ProductStatus,
    Variant,
)
from odopmart.regions.models import District

pytestmark = pytest.mark.django_db

PRODUCTS = "admin:catalog_product_changelist"
OWN_APPS = {"regions", "odop", "sellers", "catalog"}


def _url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_model_of_the_marketplace_apps_is_registered():
    from django.apps import apps

    models = {m for m in apps.get_models() if m._meta.app_label in OWN_APPS}
    assert models <= set(admin.site._registry)


def test_site_header():
    assert admin.site.site_header == "odopmart"
    assert admin.site.site_title == "odopmart"


@pytest.mark.parametrize("model", [Category, HsnCode, GstRate, Product, Variant, ProductImage])
def test_changelist_add_and_change_pages(admin_client, make_product, model):
    product = make_product()
    ProductImage.objects.create(product=product, image="products/x.jpg", alt_en="x")

    assert admin_client.get(_url(model, "changelist")).status_code == 200
    assert admin_client.get(_url(model, "changelist"), {"q": "test"}).status_code == 200
    assert admin_client.get(_url(model, "add")).status_code == 200
    obj = model.objects.order_by("pk").first()
    assert admin_client.get(_url(model, "change", obj.pk)).status_code == 200


def test_index_lists_the_operator_console(admin_client):
    response = admin_client.get(reverse("admin:index"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "<title>Operator console | odopmart</title>" in content
    for name in ("ODOP products", "Districts", "Vendors", "Artisans", "Products", "GST rates"):
        assert name in content


def test_product_filters_and_search(admin_client, make_product):
    lucknow = make_product(name_en="Chikankari kurta", district_slug="lucknow")
    draft = make_product(name_en="Draft saree", district_slug="varanasi", status="draft")
    demo = make_product(district_slug="agra", category_slug="leather-footwear", is_demo=True)
    url = reverse(PRODUCTS)

    def listed(**params):
        response = admin_client.get(url, params)
        assert response.status_code == 200
        return list(response.context["cl"].result_list)

    assert listed(status__exact="draft") == [draft]
    assert listed(district__id__exact=District.objects.get(slug="lucknow").pk) == [lucknow]
    assert listed(category__id__exact=Category.objects.get(slug="leather-footwear").pk) == [demo]
    assert listed(is_demo__exact="1") == [demo]
    assert listed(is_demo__exact="0", status__exact="approved") == [lucknow]
    assert listed(q="chikankari") == [lucknow]
    assert draft in listed(q=str(draft.pk))  # by id (other rows may contain the digits)
    assert listed(q=lucknow.vendor.gstin) == [lucknow]


def test_product_changelist_query_count_does_not_grow(
    admin_client, make_product, django_assert_max_num_queries
):
    make_product()
    with django_assert_max_num_queries(12) as few:
        admin_client.get(reverse(PRODUCTS))
    for district in ("varanasi", "agra", "moradabad", "firozabad", "lucknow") * 4:
        make_product(district_slug=district, variants=2)
    with django_assert_max_num_queries(12) as many:
        response = admin_client.get(reverse(PRODUCTS))
    assert response.context["cl"].result_count == 21
    assert len(many.captured_queries) == len(few.captured_queries)


def test_product_form_uses_autocomplete_not_long_dropdowns(admin_client, make_product):
    product = make_product()

    response = admin_client.get(_url(Product, "change", product.pk))

    content = response.content.decode()
    for field in ("odop_product", "district", "artisan", "vendor"):
        assert f'name="{field}"' in content
    # Only the 15 categories and a few choice lists are rendered as plain options.
    assert content.count("<option") < 80


def _post_data(product: Product, **changes):
    variant = product.variants.get()
    data = {
        "status": product.status, "name_en": product.name_en, "name_hi": product.name_hi,
        "slug": product.slug, "category": product.category_id,
        "description_en": product.description_en, "description_hi": product.description_hi,
        "material_en": "", "material_hi": "", "technique_en": "", "technique_hi": "",
        "district": product.district_id, "odop_product": product.odop_product_id,
        "artisan": product.artisan_id, "vendor": product.vendor_id,
        "hsn_code": product.hsn_code, "gst_rate_bp": product.gst_rate_bp,
        "variants-TOTAL_FORMS": "1", "variants-INITIAL_FORMS": "1",
        "variants-MIN_NUM_FORMS": "0", "variants-MAX_NUM_FORMS": "1000",
        "variants-0-id": variant.pk, "variants-0-product": product.pk,
        "variants-0-sku": variant.sku, "variants-0-label_en": variant.label_en,
        "variants-0-label_hi": "", "variants-0-size": "", "variants-0-colour_en": "",
        "variants-0-colour_hi": "", "variants-0-mrp_paise": variant.mrp_paise,
        "variants-0-price_paise": variant.price_paise, "variants-0-stock": variant.stock,
        "variants-0-weight_grams": 400, "variants-0-length_mm": 300, "variants-0-width_mm": 200,
        "variants-0-height_mm": 50, "variants-0-position": 0, "variants-0-is_active": "on",
        "images-TOTAL_FORMS": "0", "images-INITIAL_FORMS": "0",
        "images-MIN_NUM_FORMS": "0", "images-MAX_NUM_FORMS": "1000",
        "status_events-TOTAL_FORMS": "0", "status_events-INITIAL_FORMS": "0",
        "status_events-MIN_NUM_FORMS": "0", "status_events-MAX_NUM_FORMS": "1000",
    }  # fmt: skip
    data.update(changes)
    return data


def test_saving_a_product_refreshes_its_listing_summary(admin_client, make_product):
    product = make_product(price_paise=100000, stock=2)

    response = admin_client.post(
        _url(Product, "change", product.pk),
        _post_data(product, **{"variants-0-price_paise": 80000, "variants-0-stock": 0}),
    )

    assert response.status_code == 302
    product.refresh_from_db()
    assert product.price_paise == 80000
    assert product.in_stock is False


def test_status_is_not_editable_in_the_form(admin_client, make_product):
    product = make_product(district_slug="agra", category_slug="leather-footwear", status="draft")
    agra = District.objects.get(slug="agra")

    response = admin_client.post(
        _url(Product, "change", product.pk), _post_data(product, status=ProductStatus.APPROVED)
    )

    assert response.status_code == 302
    product.refresh_from_db()
    agra.refresh_from_db()
    assert product.status == ProductStatus.DRAFT  # moves only through the moderation actions
    assert agra.product_count == 0
    assert not product.status_events.exists()


def test_invalid_variant_price_is_a_form_error_not_a_500(admin_client, make_product):
    product = make_product(price_paise=100000)

    response = admin_client.post(
        _url(Product, "change", product.pk),
        _post_data(product, **{"variants-0-price_paise": 999999}),  # above MRP
    )

    assert response.status_code == 200
    assert response.context["errors"]
    assert Variant.objects.get(product=product).price_paise == 100000


def _png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 900), (180, 60, 40)).save(buffer, "PNG")
    return SimpleUploadedFile("kurta.png", buffer.getvalue(), content_type="image/png")


def test_uploading_an_image_makes_renditions_and_the_card_thumbnail(admin_client, make_product):
    product = make_product()
    data = _post_data(product)
    data.update({
        "images-TOTAL_FORMS": "1", "images-0-product": product.pk, "images-0-image": _png(),
        "images-0-alt_en": "Kurta", "images-0-alt_hi": "कुर्ता", "images-0-position": 0,
    })  # fmt: skip

    response = admin_client.post(_url(Product, "change", product.pk), data)

    assert response.status_code == 302
    image = ProductImage.objects.get(product=product)
    assert image.thumbnail.endswith("-320.webp")
    assert image.medium.endswith("-800.webp")
    product.refresh_from_db()
    assert product.thumbnail == image.thumbnail


def test_editing_a_variant_on_its_own_refreshes_the_product(admin_client, make_product):
    product = make_product(price_paise=100000, stock=3)
    variant = product.variants.get()
    data = {
        "product": product.pk, "sku": variant.sku, "label_en": "One", "label_hi": "",
        "size": "", "colour_en": "", "colour_hi": "", "mrp_paise": 100000,
        "price_paise": 90000, "stock": 3, "weight_grams": 400, "length_mm": 300,
        "width_mm": 200, "height_mm": 50, "position": 0, "is_active": "on",
    }  # fmt: skip

    response = admin_client.post(_url(Variant, "change", variant.pk), data)

    assert response.status_code == 302
    product.refresh_from_db()
    assert product.price_paise == 90000


def test_gst_rates_without_a_rate_can_be_listed(admin_client):
    unset = GstRate.objects.filter(rate_bp__isnull=True).count()

    response = admin_client.get(_url(GstRate, "changelist"), {"rate_set": "no"})

    assert response.status_code == 200
    assert response.context["cl"].result_count == unset
    assert response.content.decode().count(">not set</strong>") == min(unset, 100)


def test_gst_rate_verified_filter(admin_client):
    response = admin_client.get(_url(GstRate, "changelist"), {"verified__exact": "0"})

    assert response.status_code == 200
    assert response.context["cl"].result_count == GstRate.objects.filter(verified=False).count()


def test_hsn_search_by_code_prefix(admin_client):
    response = admin_client.get(_url(HsnCode, "changelist"), {"q": "6204"})

    found = set(response.context["cl"].queryset.values_list("code", flat=True))
    expected = set(HsnCode.objects.filter(code__startswith="6204").values_list("code", flat=True))
    assert "6204" in expected
    assert expected <= found
