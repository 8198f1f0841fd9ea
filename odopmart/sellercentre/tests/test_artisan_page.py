"""The artisan's own page: their items with stock, − / + and typed numbers, in their language."""

from __future__ import annotations

from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from odopmart.catalog.models import Product, ProductStatus, Variant

pytestmark = pytest.mark.django_db

HOME = "/seller/me/"


@pytest.fixture
def artisan(make_artisan, make_user):
    return make_artisan(user=make_user(), preferred_language="hi")


@pytest.fixture
def signed_in(client, artisan):
    client.force_login(artisan.user)
    return client


def _stock_url(variant: Variant) -> str:
    return f"/seller/me/stock/{variant.pk}/"


def _page(response) -> str:
    return unescape(response.content.decode())


def test_the_page_lists_the_artisans_own_live_items(signed_in, artisan, make_product):
    on_sale = make_product(artisan=artisan, stock=4, name_en="Chikan kurta")
    draft = make_product(
        artisan=artisan, stock=0, status=ProductStatus.DRAFT, name_en="Chikan dupatta"
    )
    make_product(artisan=artisan, status=ProductStatus.ARCHIVED, name_en="Old stole")
    make_product(name_en="Someone else's saree")

    response = signed_in.get(HOME)

    assert response.status_code == 200
    page = _page(response)
    assert f"Namaste, {artisan.name_en}" in page
    assert "Orders to keep ready" in page
    assert "No orders yet" in page
    assert "Chikan kurta" in page
    assert "Chikan dupatta" in page
    assert "Old stole" not in page
    assert "Someone else's saree" not in page
    assert [product.pk for product in response.context["page"].object_list] == [
        draft.pk,
        on_sale.pk,
    ]
    kurta_variant = on_sale.variants.get()
    assert f'action="{_stock_url(kurta_variant)}"' in page
    assert '<input type="hidden" name="stock" value="3">' in page
    assert '<input type="hidden" name="stock" value="5">' in page
    assert '<span class="am-digits">4</span>' in page
    # The empty item says so, and its − button can't be pressed.
    assert "None ready: buyers can't order it" in page
    assert "On sale" in page
    assert "Not on sale yet" in page


def test_the_page_is_in_hindi_under_hi(signed_in, artisan, make_product):
    make_product(artisan=artisan, stock=2)

    response = signed_in.get(f"/hi{HOME}")

    assert response.status_code == 200
    page = _page(response)
    assert f"नमस्ते, {artisan.name_hi}" in page
    assert "तैयार रखने वाले ऑर्डर" in page
    assert "अभी कोई ऑर्डर नहीं" in page
    assert "बिकने को तैयार" in page


def test_plus_adds_one_and_comes_back_to_the_card(signed_in, artisan, make_product):
    product = make_product(artisan=artisan, stock=0)
    variant = product.variants.get()
    assert Product.objects.get(pk=product.pk).in_stock is False

    response = signed_in.post(_stock_url(variant), {"stock": "1", "page": "1"})

    assert response.status_code == 302
    assert response["Location"] == f"{HOME}?page=1&changed={variant.pk}#item-{product.pk}"
    assert Variant.objects.get(pk=variant.pk).stock == 1
    assert Product.objects.get(pk=product.pk).in_stock is True
    page = _page(signed_in.get(response["Location"]))
    assert "Saved" in page
    assert '<span class="am-digits">1</span>' in page


def test_minus_takes_one_away(signed_in, artisan, make_product):
    variant = make_product(artisan=artisan, stock=3).variants.get()

    response = signed_in.post(_stock_url(variant), {"stock": "2"})

    assert response.status_code == 302
    assert response["Location"] == f"{HOME}?changed={variant.pk}#item-{variant.product_id}"
    assert Variant.objects.get(pk=variant.pk).stock == 2


def test_a_typed_number_in_hindi_digits_is_saved(signed_in, artisan, make_product):
    variant = make_product(artisan=artisan, stock=3).variants.get()

    form = signed_in.get(_stock_url(variant))
    assert form.status_code == 200
    assert 'name="stock" value="3"' in _page(form)

    response = signed_in.post(_stock_url(variant), {"stock": "१२"})

    assert response.status_code == 302
    assert Variant.objects.get(pk=variant.pk).stock == 12


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-1", "Stock can't be negative."),
        ("x", "Enter a whole number, like 12."),
        ("2.5", "Enter a whole number, like 12."),
        ("", "This is required."),
        ("1000001", "That number is too large (at most 1000000)."),
        ("99999999999999999999", "That number is too large (at most 1000000)."),
    ],
)
def test_a_bad_number_is_refused_and_nothing_changes(
    signed_in, artisan, make_product, typed, message
):
    variant = make_product(artisan=artisan, stock=3).variants.get()

    response = signed_in.post(_stock_url(variant), {"stock": typed})

    assert response.status_code == 400
    assert response.context["form"].errors == {"stock": [message]}
    assert message in _page(response)
    assert 'aria-invalid="true"' in _page(response)
    assert Variant.objects.get(pk=variant.pk).stock == 3


def test_another_artisan_cannot_touch_these_items(client, artisan, make_artisan, make_user,
                                                   make_product):  # fmt: skip
    variant = make_product(artisan=artisan, stock=3).variants.get()
    other = make_artisan(user=make_user())
    client.force_login(other.user)

    assert client.get(_stock_url(variant)).status_code == 404
    assert client.post(_stock_url(variant), {"stock": "9"}).status_code == 404
    assert Variant.objects.get(pk=variant.pk).stock == 3
    assert list(client.get(HOME).context["page"].object_list) == []


def test_a_vendor_member_is_not_an_artisan_here(client, artisan, make_member, make_product):
    variant = make_product(artisan=artisan, stock=3).variants.get()
    client.force_login(make_member(artisan.vendor))

    assert client.get(HOME).status_code == 404
    assert client.post(_stock_url(variant), {"stock": "9"}).status_code == 404
    assert Variant.objects.get(pk=variant.pk).stock == 3


def test_archived_items_and_switched_off_options_cannot_be_changed(
    signed_in, artisan, make_product
):
    archived = make_product(artisan=artisan, stock=3, status=ProductStatus.ARCHIVED)
    archived_variant = archived.variants.get()
    switched_off = make_product(artisan=artisan, stock=3, variants=2).variants.last()
    Variant.objects.filter(pk=switched_off.pk).update(is_active=False)

    for variant in (archived_variant, switched_off):
        assert signed_in.post(_stock_url(variant), {"stock": "9"}).status_code == 404
        assert Variant.objects.get(pk=variant.pk).stock == 3


def test_visitors_are_sent_to_sign_in(client, artisan, make_product):
    variant = make_product(artisan=artisan, stock=3).variants.get()

    for response in (client.get(HOME), client.post(_stock_url(variant), {"stock": "9"})):
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/signin/?next=")
    assert Variant.objects.get(pk=variant.pk).stock == 3


def test_items_with_several_options_show_each(signed_in, artisan, make_product):
    product = make_product(artisan=artisan, stock=2, variants=3)

    page = _page(signed_in.get(HOME))

    for variant in product.variants.all():
        assert f'action="{_stock_url(variant)}"' in page
        assert f'<p class="am-variant">{variant.label_en}</p>' in page


def test_the_page_takes_the_same_queries_for_few_or_many_items(signed_in, artisan, make_product):
    make_product(artisan=artisan, variants=2)
    with CaptureQueriesContext(connection) as few:
        assert signed_in.get(HOME).status_code == 200
    for _ in range(6):
        make_product(artisan=artisan, variants=3)
    with CaptureQueriesContext(connection) as many:
        assert signed_in.get(HOME).status_code == 200

    assert len(many) == len(few)
    # The header, the items, the open readiness requests and the earnings box.
    assert len(many) <= 14


def test_sign_in_lands_an_artisan_on_their_page_in_their_language(client, artisan):
    client.force_login(artisan.user)

    response = client.get(reverse("sellercentre:dashboard"))

    assert response.status_code == 302
    assert response["Location"] == f"/hi{HOME}"
    artisan.preferred_language = "en"
    artisan.save(update_fields=["preferred_language"])
    with translation.override("hi"):
        assert client.get("/hi/seller/")["Location"] == HOME


def test_an_artisan_who_is_also_a_member_sees_the_dashboard(client, artisan, make_member):
    make_member(artisan.vendor, user=artisan.user)
    client.force_login(artisan.user)

    response = client.get(reverse("sellercentre:dashboard"))

    assert response.status_code == 200
    assert f'href="{HOME}"' in response.content.decode()
