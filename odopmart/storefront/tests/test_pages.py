"""Every storefront page renders in English and Hindi, with the language switch and landmarks."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from odopmart.catalog.models import Product
from odopmart.catalog.services import catalogue_refresh_counts

pytestmark = pytest.mark.django_db


@pytest.fixture
def product(make_product: Callable[..., Product]) -> Product:
    item = make_product(
        district_slug="agra",
        category_slug="leather-footwear",
        name_en="Hand-stitched leather wallet",
        name_hi="हाथ से सिला चमड़े का बटुआ",
        price_paise=89900,
        mrp_paise=119900,
    )
    # Featured products need a photo.
    Product.objects.filter(pk=item.pk).update(thumbnail="renditions/demo/wallet-320.webp")
    catalogue_refresh_counts()
    item.refresh_from_db()
    return item


def page_urls(product: Product) -> list[str]:
    return [
        "/",
        "/districts/",
        "/districts/agra/",
        "/crafts/",
        "/crafts/leather-footwear/",
        f"/odop/{product.odop_product.slug}/",
        "/products/",
        "/search/?q=wallet",
        product.get_absolute_url(),
    ]


def test_every_page_renders_in_english(client: Client, product: Product) -> None:
    for url in page_urls(product):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<html lang="en">' in html, url
        for landmark in ("<header", "<nav", "<main", "<footer"):
            assert landmark in html, (url, landmark)
        assert 'href="/hi' in html, url  # the switch to Hindi


def test_every_page_renders_in_hindi(client: Client, product: Product) -> None:
    for url in page_urls(product):
        response = client.get(f"/hi{url}")
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<html lang="hi">' in html, url
        assert "मूल की गारंटी" in html, url  # "Origin guaranteed", from the compiled catalogue
        assert "Shop by craft" not in html, url


def test_hindi_pages_show_hindi_content(client: Client, product: Product) -> None:
    product_url = product.get_absolute_url()
    district_page = client.get("/hi/districts/agra/").content.decode()
    assert "आगरा" in district_page
    assert "चमड़ा उत्पाद" in district_page  # Agra's ODOP product in Hindi
    product_page = client.get(f"/hi{product_url}").content.decode()
    assert "हाथ से सिला चमड़े का बटुआ" in product_page
    assert "Hand-stitched leather wallet" not in product_page
    home = client.get("/hi/").content.decode()
    assert "ज़िले के अनुसार खरीदें" in home
    assert "वाराणसी" in home


def test_english_pages_show_english_content(client: Client, product: Product) -> None:
    page = client.get(product.get_absolute_url()).content.decode()
    assert "Hand-stitched leather wallet" in page
    assert "हाथ से सिला चमड़े का बटुआ" not in page


def test_language_switch_keeps_the_page_and_query(client: Client, product: Product) -> None:
    english = client.get("/districts/agra/?sort=price_asc&page=1").content.decode()
    assert 'href="/hi/districts/agra/?sort=price_asc&amp;page=1"' in english
    hindi = client.get("/hi/districts/agra/?sort=price_asc").content.decode()
    assert 'href="/districts/agra/?sort=price_asc"' in hindi
    assert ">English</a>" in hindi
    assert ">हिन्दी</a>" in english


def test_home_lists_all_districts_and_crafts(client: Client, product: Product) -> None:
    response = client.get("/")
    html = response.content.decode()
    assert len(response.context["districts"]) == 75
    assert len(response.context["categories"]) == 15
    assert html.count('href="/districts/') >= 75
    assert "Origin guaranteed" in html
    assert 'name="q"' in html
    assert "Leather Products" in html  # Agra's signature craft on its tile
    assert product.name_en in html  # featured


def test_districts_page_groups_and_filters_by_name(client: Client) -> None:
    response = client.get("/districts/")
    assert response.status_code == 200
    names = [d.name_en for g in response.context["groups"] for d in g.districts]
    assert len(names) == 75
    assert names == sorted(names, key=str.casefold)
    narrowed = client.get("/districts/", {"q": "luck"})
    assert [d.slug for g in narrowed.context["groups"] for d in g.districts] == ["lucknow"]
    hindi = client.get("/hi/districts/", {"q": "वाराणसी"})
    assert [d.slug for g in hindi.context["groups"] for d in g.districts] == ["varanasi"]
    none = client.get("/districts/", {"q": "atlantis"})
    assert "No district matches" in none.content.decode()


def test_district_page_shows_its_odop_products_with_gi_tag(client: Client) -> None:
    html = client.get("/districts/lucknow/").content.decode()
    assert "Chikankari" in html
    assert "GI tag" in html
    assert "Lucknow Chikan Craft" in html
    # Registry verification is an operator concern: nothing about it on the storefront.
    assert "nverified" not in html


def test_odop_product_page(client: Client, product: Product) -> None:
    odop = product.odop_product
    html = client.get(f"/odop/{odop.slug}/").content.decode()
    assert odop.name_en in html
    assert 'href="/districts/agra/"' in html
    assert product.name_en in html


def test_category_page_lists_only_its_products(
    client: Client, make_product: Callable[..., Product]
) -> None:
    shoe = make_product(category_slug="leather-footwear", name_en="Agra jutti")
    saree = make_product(category_slug="sarees-silk", name_en="Banarasi saree")
    response = client.get("/crafts/leather-footwear/")
    ids = [p.pk for p in response.context["results"].items]
    assert shoe.pk in ids
    assert saree.pk not in ids


def test_static_assets_are_small(client: Client) -> None:
    from django.contrib.staticfiles import finders

    css = finders.find("storefront/css/site.css")
    js = finders.find("storefront/js/site.js")
    with open(css, "rb") as a, open(js, "rb") as b:
        assert len(a.read()) + len(b.read()) < 40_000


def test_page_weight_before_images_is_small(client: Client, product: Product) -> None:
    assert len(client.get("/").content) < 120_000
    assert len(client.get("/hi/").content) < 160_000


def test_featured_products_spread_over_districts_and_crafts(
    client: Client, make_product: Callable[..., Product]
) -> None:
    made = [
        make_product(district_slug="agra", category_slug="leather-footwear"),
        make_product(district_slug="agra", category_slug="clothing"),
        make_product(district_slug="lucknow", category_slug="clothing"),
        make_product(district_slug="varanasi", category_slug="sarees-silk"),
        make_product(district_slug="moradabad", category_slug="metal-brass", stock=0),
    ]
    Product.objects.update(thumbnail="renditions/demo/x-320.webp")
    featured = client.get("/").context["featured"]
    # Newest per district (Agra's clothing, Lucknow's clothing, Varanasi's saree; Moradabad's is
    # out of stock), then one per craft.
    assert [p.pk for p in featured] == [made[3].pk, made[2].pk]
