"""The moderators' queue and review page: warnings a moderator may accept, and a queue whose
queries do not grow with the number of listings on it."""

from __future__ import annotations

import itertools

import pytest
from django.core.cache import cache
from django.urls import reverse

from odopmart.catalog.models import Product, ProductImage, ProductStatus, ProductStatusEvent
from odopmart.catalog.tests.listing_helpers import VARANASI_ODOP, make_user
from odopmart.odop.models import OdopProduct
from odopmart.regions.models import District
from odopmart.sellers.models import ArtisanDistrictException, ExceptionStatus

pytestmark = pytest.mark.django_db

QUEUE = "sellercentre:moderation"


@pytest.fixture
def moderator(client):
    user = make_user("moderator")
    client.force_login(user)
    return user


@pytest.fixture
def submitted(make_product):
    """A listing waiting for review, with a photo (so only its content decides the checks)."""

    def make(**overrides):
        product = make_product(status=ProductStatus.SUBMITTED, **overrides)
        ProductImage.objects.create(
            product=product, image="products/x.jpg", thumbnail="products/x-320.webp", alt_en="x"
        )
        return product

    return make


def _usual_prices(make_product, category_slug="clothing", price_paise=100000):
    for _ in range(5):
        make_product(category_slug=category_slug, price_paise=price_paise)


def test_review_page_shows_the_price_warning_with_a_box_to_approve_anyway(
    client, moderator, make_product, submitted
):
    _usual_prices(make_product)
    cheap = submitted(price_paise=1000)

    page = client.get(reverse("sellercentre:moderation_review", args=[cheap.pk]))

    content = page.content.decode()
    assert page.status_code == 200
    assert "(a warning: the moderator decides)" in content
    assert "Outside that:" in content
    assert 'name="accept_warnings"' in content
    assert "I have looked at the warning: approve anyway" in content


def test_review_page_of_a_usual_price_has_no_box(client, moderator, make_product, submitted):
    _usual_prices(make_product)
    usual = submitted(price_paise=100000)

    content = client.get(reverse("sellercentre:moderation_review", args=[usual.pk])).content
    assert b'name="accept_warnings"' not in content


def test_approving_without_accepting_the_warning_is_refused(
    client, moderator, make_product, submitted
):
    _usual_prices(make_product)
    cheap = submitted(price_paise=1000)
    url = reverse("sellercentre:moderation_review", args=[cheap.pk])

    response = client.post(url, {"decision": "approved", "reason": ""})

    assert response.status_code == 400
    assert "tick the box to approve it anyway" in response.content.decode()
    cheap.refresh_from_db()
    assert cheap.status == ProductStatus.SUBMITTED
    assert not ProductStatusEvent.objects.filter(product=cheap).exists()


def test_approving_with_the_warning_accepted_records_it(client, moderator, make_product, submitted):
    _usual_prices(make_product)
    cheap = submitted(price_paise=1000)
    url = reverse("sellercentre:moderation_review", args=[cheap.pk])

    response = client.post(
        url, {"decision": "approved", "reason": "A small piece", "accept_warnings": "on"}
    )

    assert response.status_code == 302
    cheap.refresh_from_db()
    assert cheap.status == ProductStatus.APPROVED
    event = ProductStatusEvent.objects.get(product=cheap)
    assert event.actor == moderator
    assert event.reason.startswith("A small piece\nPrice-band warning acknowledged. Usual prices")


def test_the_box_does_not_approve_a_listing_that_fails_a_check(client, moderator, make_product):
    _usual_prices(make_product)
    no_photo = make_product(status=ProductStatus.SUBMITTED, price_paise=1000)
    url = reverse("sellercentre:moderation_review", args=[no_photo.pk])

    response = client.post(url, {"decision": "approved", "accept_warnings": "on"})

    assert response.status_code == 400
    assert "Every check must pass before approval" in response.content.decode()
    no_photo.refresh_from_db()
    assert no_photo.status == ProductStatus.SUBMITTED


def test_queue_marks_failing_checks_warnings_and_clean_listings(
    client, moderator, make_product, submitted
):
    _usual_prices(make_product)
    clean = submitted(price_paise=100000, name_en="Clean kurta")
    cheap = submitted(price_paise=1000, name_en="Cheap kurta")
    broken = make_product(status=ProductStatus.SUBMITTED, name_en="Broken kurta")  # no photo

    content = client.get(reverse(QUEUE)).content.decode()

    def badge(product):
        row = content.split(f">{product.name_en}</a>")[1].split("</span>")[0]
        return row.rsplit(">", 1)[1]

    assert badge(clean) == "All checks pass"
    assert badge(cheap) == "Checks pass, 1 warning"
    assert badge(broken) == "1 check fails"


def _fill_queue(make_artisan, make_product, count):
    """`count` listings waiting, spread over three categories, districts, HSN codes and
    artisans, a third of them made outside their ODOP product's district under an exception."""
    varanasi = District.objects.get(slug="varanasi")
    silk = OdopProduct.objects.get(slug=VARANASI_ODOP)
    kinds = itertools.cycle(
        [
            {"district_slug": "lucknow", "category_slug": "clothing", "hsn_code": "6204"},
            {
                "district_slug": "agra",
                "category_slug": "leather-footwear",
                "hsn_code": "6403",
                "gst_rate_bp": 1800,
            },
            {"district_slug": "varanasi", "category_slug": "sarees-silk", "hsn_code": "5007"},
        ]
    )
    for index, kind in zip(range(count), kinds, strict=False):
        product = make_product(status=ProductStatus.SUBMITTED, variants=2, **kind)
        ProductImage.objects.create(product=product, image=f"products/{index}.jpg", alt_en="x")
        if kind["district_slug"] == "varanasi":
            artisan = make_artisan(district=District.objects.get(slug="lucknow"))
            ArtisanDistrictException.objects.create(
                artisan=artisan,
                odop_product=silk,
                status=ExceptionStatus.APPROVED,
                request_reason="moved",
            )
            Product.objects.filter(pk=product.pk).update(
                artisan=artisan, vendor=artisan.vendor, odop_product=silk, district=varanasi
            )


def test_queue_queries_do_not_grow_with_the_listings(
    client, moderator, make_artisan, make_product, django_assert_max_num_queries
):
    for category_slug in ("clothing", "leather-footwear", "sarees-silk"):
        _usual_prices(make_product, category_slug=category_slug)

    _fill_queue(make_artisan, make_product, 3)
    cache.clear()
    with django_assert_max_num_queries(20) as few:
        response = client.get(reverse(QUEUE))
    assert response.content.decode().count("All checks pass") == 3

    _fill_queue(make_artisan, make_product, 17)
    cache.clear()
    with django_assert_max_num_queries(20) as many:
        response = client.get(reverse(QUEUE))

    assert response.status_code == 200
    assert response.context["page"].paginator.count == 20
    assert response.content.decode().count("All checks pass") == 20
    assert len(many.captured_queries) == len(few.captured_queries)


def test_review_page_speaks_hindi(client, moderator, make_product, submitted):
    _usual_prices(make_product)
    cheap = submitted(price_paise=1000)

    content = client.get(f"/hi/seller/listings/moderation/{cheap.pk}/").content.decode()

    assert "मैंने चेतावनी देख ली है: फिर भी स्वीकृत करें" in content
    assert "(चेतावनी: फ़ैसला मॉडरेटर करेंगे)" in content
    assert "I have looked at the warning" not in content
