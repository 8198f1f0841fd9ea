"""The product page: canonical URL, prices with GST, variants, stock, origin and the artisan."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from odopmart.catalog.models import Product, ProductImage, ProductStatus
from odopmart.catalog.services import product_refresh_summary

pytestmark = pytest.mark.django_db


def test_product_page_shows_everything(
    client: Client, make_product: Callable[..., Product]
) -> None:
    product = make_product(
        district_slug="lucknow",
        category_slug="clothing",
        price_paise=249900,
        mrp_paise=312500,
        stock=12,
        material_en="Cotton",
        technique_en="Hand embroidery",
        hsn_code="6204",
        gst_rate_bp=500,
    )
    artisan = product.artisan
    artisan.story_en = "Learnt chikan from her mother in Chowk."
    artisan.save()
    response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert product.name_en in html
    assert "₹2,499" in html
    assert "<s>₹3,125</s>" in html
    assert "20% off" in html
    assert "Inclusive of all taxes (GST 5%: ₹119)" in html
    assert "In stock" in html
    assert "Cotton" in html
    assert "Hand embroidery" in html
    assert "6204" in html
    assert "Return within 7 days of delivery" in html
    assert artisan.name_en in html
    assert "Chowk" in html
    assert "Chikankari" in html
    assert "Learnt chikan from her mother" in html
    assert product.vendor.name_en in html
    assert "Origin guaranteed" in html
    assert "Lucknow Chikan Craft" in html  # the ODOP product's GI tag
    assert f'href="/odop/{product.odop_product.slug}/"' in html
    assert 'href="/districts/lucknow/"' in html
    assert "400 g" in html
    assert "30 × 20 × 5 cm" in html
    # Real buying controls, and nothing pretending to be one.
    assert 'action="/cart/add/"' in html
    assert "Add to cart" in html
    assert "Return policy: 7 days after delivery" in html
    assert "Coming soon" not in html


def test_product_page_in_hindi(client: Client, make_product: Callable[..., Product]) -> None:
    product = make_product(price_paise=150000, mrp_paise=200000)
    html = client.get(f"/hi{product.get_absolute_url()}").content.decode()
    assert product.name_hi in html
    assert "लखनऊ" in html
    assert "₹1,500" in html
    assert "सभी करों सहित" in html  # "Inclusive of all taxes"
    assert "कारीगर" in html


def test_no_discount_shows_no_strike(client: Client, make_product: Callable[..., Product]) -> None:
    html = client.get(make_product(price_paise=99900).get_absolute_url()).content.decode()
    assert "₹999" in html
    assert "<s>" not in html
    assert "% off" not in html


def test_price_with_paise_and_lakhs(client: Client, make_product: Callable[..., Product]) -> None:
    product = make_product(price_paise=12345650, mrp_paise=15000000)
    html = client.get(product.get_absolute_url()).content.decode()
    assert "₹1,23,456.50" in html
    assert "<s>₹1,50,000</s>" in html
    assert "17% off" in html


def test_canonical_redirect(client: Client, make_product: Callable[..., Product]) -> None:
    product = make_product()
    wrong = client.get(f"/p/{product.pk}/old-name/?variant=3")
    assert wrong.status_code == 301
    assert wrong["Location"] == f"{product.get_absolute_url()}?variant=3"
    bare = client.get(f"/p/{product.pk}/")
    assert bare.status_code == 301
    assert bare["Location"] == product.get_absolute_url()
    canonical = product.get_absolute_url()
    hindi = client.get(f"/hi/p/{product.pk}/old-name/")
    assert hindi["Location"] == f"/hi{canonical}"
    page = client.get(canonical, {"variant": "3"}).content.decode()
    assert f'<link rel="canonical" href="http://testserver{canonical}">' in page


def test_variant_choice_changes_price_and_stock(
    client: Client, make_product: Callable[..., Product]
) -> None:
    product = make_product(price_paise=100000, variants=3, stock=3)
    variants = list(product.variants.all())
    variants[2].stock = 0
    variants[2].save()
    default = client.get(product.get_absolute_url())
    assert default.context["variant"] == variants[0]
    html = default.content.decode()
    assert html.count('type="radio" name="variant"') == 3
    assert "Only 3 left" in html
    chosen = client.get(product.get_absolute_url(), {"variant": variants[1].pk})
    assert chosen.context["variant"] == variants[1]
    assert chosen.context["price"] == 110000
    assert f'value="{variants[1].pk}" checked' in chosen.content.decode()
    sold_out = client.get(product.get_absolute_url(), {"variant": variants[2].pk})
    assert "Out of stock" in sold_out.content.decode()
    for junk in ("abc", "-1", "999999999", ""):
        response = client.get(product.get_absolute_url(), {"variant": junk})
        assert response.status_code == 200
        assert response.context["variant"] == variants[0]


def test_other_products_variant_is_ignored(
    client: Client, make_product: Callable[..., Product]
) -> None:
    product, other = make_product(), make_product()
    foreign = other.variants.first()
    response = client.get(product.get_absolute_url(), {"variant": foreign.pk})
    assert response.context["variant"].product_id == product.pk


def test_out_of_stock_product(client: Client, make_product: Callable[..., Product]) -> None:
    html = client.get(make_product(stock=0).get_absolute_url()).content.decode()
    assert "Out of stock" in html


def test_images_have_alt_size_and_media_urls(
    client: Client, make_product: Callable[..., Product]
) -> None:
    product = make_product()
    ProductImage.objects.create(
        product=product,
        image="products/x/a.jpg",
        thumbnail="renditions/products/x/a-320.webp",
        medium="renditions/products/x/a-800.webp",
        alt_en="A white kurta with floral chikan work",
        alt_hi="फूलों वाली चिकनकारी का सफ़ेद कुर्ता",
    )
    product_refresh_summary(product)
    html = client.get(product.get_absolute_url()).content.decode()
    assert 'src="/media/renditions/products/x/a-800.webp"' in html
    assert 'alt="A white kurta with floral chikan work"' in html
    assert 'width="800" height="800"' in html
    listing = client.get("/products/").content.decode()
    assert 'src="/media/renditions/products/x/a-320.webp"' in listing
    assert 'loading="lazy"' in listing
    assert 'width="320" height="320"' in listing
    hindi = client.get(f"/hi{product.get_absolute_url()}").content.decode()
    assert 'alt="फूलों वाली चिकनकारी का सफ़ेद कुर्ता"' in hindi


def test_non_returnable_category(client: Client, make_product: Callable[..., Product]) -> None:
    html = client.get(make_product(category_slug="food-agro").get_absolute_url()).content.decode()
    assert "Not returnable" in html


@pytest.mark.parametrize(
    "status", [ProductStatus.DRAFT, ProductStatus.SUBMITTED, ProductStatus.ARCHIVED]
)
def test_unpublished_product_is_404(
    client: Client, make_product: Callable[..., Product], status: str
) -> None:
    product = make_product(status=status)
    assert client.get(product.get_absolute_url()).status_code == 404


def test_product_page_query_count(
    client: Client,
    make_product: Callable[..., Product],
    django_assert_max_num_queries,  # noqa: ANN001
) -> None:
    product = make_product(variants=4)
    client.get(product.get_absolute_url())
    with django_assert_max_num_queries(3):
        assert client.get(product.get_absolute_url()).status_code == 200
