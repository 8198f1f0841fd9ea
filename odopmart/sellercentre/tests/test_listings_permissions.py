"""Every listing page and POST, asked by someone who may not: 404, and nothing changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse

from odopmart.catalog.models import (
    ImportBatch,
    Product,
    ProductImage,
    ProductStatusEvent,
    Variant,
)
from odopmart.catalog.tests.listing_helpers import World, build_world, photo_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_vendor, make_artisan, make_product) -> World:
    world = build_world(make_vendor, make_artisan, make_product)
    ProductImage.objects.create(product=world.approved_a, image="products/a.jpg", alt_en="A")
    ProductImage.objects.create(product=world.approved_a, image="products/b.jpg", alt_en="B")
    world.batch_a = ImportBatch.objects.create(
        created_by=world.member_a,
        vendor=world.vendor_a,
        file_name="a.csv",
        file_format="csv",
        content=b"artisan\n",
        content_sha256="0" * 64,
        status="previewed",
    )
    world.desk_batch = ImportBatch.objects.create(
        created_by=world.desk,
        file_name="d.csv",
        file_format="csv",
        content=b"artisan\n",
        content_sha256="0" * 64,
        status="previewed",
    )
    return world


def _snapshot() -> tuple[Any, ...]:
    return (
        list(Product.objects.order_by("pk").values()),
        list(Variant.objects.order_by("pk").values()),
        list(ProductImage.objects.order_by("pk").values_list("pk", "product_id")),
        ProductStatusEvent.objects.count(),
        list(ImportBatch.objects.order_by("pk").values_list("pk", "status")),
    )


def _product_post(world: World) -> dict[str, str]:
    return {
        "odop_product": str(world.draft_a.odop_product_id),
        "category": str(world.draft_a.category_id),
        "name_en": "Changed",
        "name_hi": "बदला",
        "description_en": "x",
        "description_hi": "क",
        "hsn_code": "6204",
        "variant-sku": "NEW-1",
        "variant-label_en": "M",
        "variant-mrp_rupees": "100",
        "variant-price_rupees": "90",
        "variant-stock": "1",
        "variant-weight_grams": "1",
        "variant-length_mm": "1",
        "variant-width_mm": "1",
        "variant-height_mm": "1",
    }


def _variant_post() -> dict[str, str]:
    return {
        "sku": "V-NEW",
        "label_en": "L",
        "mrp_rupees": "100",
        "price_rupees": "50",
        "stock": "3",
        "weight_grams": "1",
        "length_mm": "1",
        "width_mm": "1",
        "height_mm": "1",
        "is_active": "on",
    }


# (method, url name, url arguments, form data) for every seller-side listing page of vendor A.
Case = tuple[str, str, Callable[[World], list[int]], Callable[[World], dict[str, Any]] | None]
SELLER_CASES: list[Case] = [
    ("get", "sellercentre:listing_detail", lambda w: [w.draft_a.pk], None),
    ("get", "sellercentre:listing_edit", lambda w: [w.draft_a.pk], None),
    ("post", "sellercentre:listing_edit", lambda w: [w.draft_a.pk], _product_post),
    ("get", "sellercentre:listing_variant_add", lambda w: [w.draft_a.pk], None),
    (
        "post",
        "sellercentre:listing_variant_add",
        lambda w: [w.draft_a.pk],
        lambda w: _variant_post(),
    ),
    (
        "get",
        "sellercentre:listing_variant_edit",
        lambda w: [w.draft_a.pk, w.draft_a.variants.get().pk],
        None,
    ),
    (
        "post",
        "sellercentre:listing_variant_edit",
        lambda w: [w.draft_a.pk, w.draft_a.variants.get().pk],
        lambda w: _variant_post(),
    ),
    (
        "post",
        "sellercentre:listing_stock",
        lambda w: [w.draft_a.pk],
        lambda w: {f"stock_{w.draft_a.variants.get().pk}": "99"},
    ),
    (
        "post",
        "sellercentre:listing_photo_add",
        lambda w: [w.draft_a.pk],
        lambda w: {
            "image": SimpleUploadedFile("p.jpg", photo_bytes()),
            "alt_en": "Front",
        },
    ),
    (
        "post",
        "sellercentre:listing_photo_remove",
        lambda w: [w.approved_a.pk, w.approved_a.images.first().pk],
        lambda w: {},
    ),
    ("get", "sellercentre:listing_submit", lambda w: [w.draft_a.pk], None),
    ("post", "sellercentre:listing_submit", lambda w: [w.draft_a.pk], lambda w: {"reason": ""}),
    ("post", "sellercentre:listing_archive", lambda w: [w.approved_a.pk], lambda w: {}),
    ("get", "sellercentre:listing_create", lambda w: [w.artisan_a.pk], None),
    ("post", "sellercentre:listing_create", lambda w: [w.artisan_a.pk], _product_post),
    ("get", "sellercentre:listing_import_batch", lambda w: [w.batch_a.pk], None),
    ("post", "sellercentre:listing_import_batch", lambda w: [w.batch_a.pk], lambda w: {}),
]
MODERATION_CASES: list[Case] = [
    ("get", "sellercentre:moderation", lambda w: [], None),
    ("get", "sellercentre:moderation_review", lambda w: [w.draft_a.pk], None),
    (
        "post",
        "sellercentre:moderation_review",
        lambda w: [w.draft_a.pk],
        lambda w: {"decision": "approved", "reason": ""},
    ),
]


def _ask(client, world: World, case: Case):
    method, name, args, data = case
    url = reverse(name, args=args(world))
    if method == "get":
        return client.get(url)
    return client.post(url, data(world) if data else {})


def _case_id(case: Case) -> str:
    return f"{case[0]}-{case[1].split(':')[1]}"


@pytest.mark.parametrize("case", SELLER_CASES, ids=_case_id)
def test_another_vendors_member_gets_404_and_changes_nothing(client, world, case):
    client.force_login(world.member_b)
    before = _snapshot()

    response = _ask(client, world, case)

    assert response.status_code == 404
    assert _snapshot() == before


@pytest.mark.parametrize("case", SELLER_CASES, ids=_case_id)
def test_a_moderator_is_not_a_seller(client, world, case):
    client.force_login(world.moderator)
    before = _snapshot()
    assert _ask(client, world, case).status_code == 404
    assert _snapshot() == before


@pytest.mark.parametrize("case", SELLER_CASES + MODERATION_CASES, ids=_case_id)
def test_visitors_are_not_let_in(client, world, case):
    before = _snapshot()
    response = _ask(client, world, case)
    try:
        reverse(settings.LOGIN_URL)
    except NoReverseMatch:
        assert response.status_code == 404
    else:
        assert response.status_code == 302
    assert _snapshot() == before


@pytest.mark.parametrize("case", MODERATION_CASES, ids=_case_id)
@pytest.mark.parametrize("who", ["member_a", "desk"])
def test_only_moderators_moderate(client, world, case, who):
    client.force_login(getattr(world, who))
    before = _snapshot()
    assert _ask(client, world, case).status_code == 404
    assert _snapshot() == before


def test_the_desk_reaches_only_its_assigned_artisans(client, world, make_product):
    not_assigned = make_product(artisan=world.artisan_a2, vendor=world.vendor_a, status="draft")
    client.force_login(world.desk)
    before = _snapshot()

    assert (
        client.get(reverse("sellercentre:listing_detail", args=[world.draft_a.pk])).status_code
        == 200
    )
    assert (
        client.get(reverse("sellercentre:listing_detail", args=[not_assigned.pk])).status_code
        == 404
    )
    assert (
        client.get(reverse("sellercentre:listing_create", args=[world.artisan_a2.pk])).status_code
        == 404
    )
    assert (
        client.get(reverse("sellercentre:listing_create", args=[world.artisan_b.pk])).status_code
        == 404
    )
    response = client.post(
        reverse("sellercentre:listing_stock", args=[not_assigned.pk]),
        {f"stock_{not_assigned.variants.get().pk}": "0"},
    )
    assert response.status_code == 404
    # A vendor's batch is its members' business, not the desk's.
    assert (
        client.get(
            reverse("sellercentre:listing_import_batch", args=[world.batch_a.pk])
        ).status_code
        == 404
    )
    assert _snapshot() == before


def test_desk_batches_belong_to_the_desk_member_who_uploaded(client, world):
    client.force_login(world.member_a)
    url = reverse("sellercentre:listing_import_batch", args=[world.desk_batch.pk])
    assert client.get(url).status_code == 404
    client.force_login(world.desk)
    assert client.get(url).status_code == 200


def test_a_variant_of_another_listing_is_404_through_ones_own_listing(client, world):
    client.force_login(world.member_a)
    before = _snapshot()
    foreign = world.product_b.variants.get()
    url = reverse("sellercentre:listing_variant_edit", args=[world.draft_a.pk, foreign.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, _variant_post()).status_code == 404
    stock_url = reverse("sellercentre:listing_stock", args=[world.draft_a.pk])
    response = client.post(stock_url, {f"stock_{foreign.pk}": "0"})
    # The form only knows the listing's own variants: the foreign one is ignored.
    assert response.status_code in (302, 400)
    foreign.refresh_from_db()
    assert foreign.stock == 5
    photo = ProductImage.objects.create(product=world.product_b, image="products/z.jpg", alt_en="Z")
    remove = reverse("sellercentre:listing_photo_remove", args=[world.draft_a.pk, photo.pk])
    assert client.post(remove).status_code == 404
    assert ProductImage.objects.filter(pk=photo.pk).exists()
    assert _snapshot()[:2] == before[:2]


def test_listing_index_shows_only_ones_own_listings(client, world):
    client.force_login(world.member_a)
    content = client.get(reverse("sellercentre:listings")).content.decode()
    assert world.draft_a.name_en in content
    assert world.approved_a.name_en in content
    assert world.product_b.name_en not in content

    client.force_login(world.member_b)
    content = client.get(reverse("sellercentre:listings")).content.decode()
    assert world.product_b.name_en in content
    assert world.draft_a.name_en not in content


def test_pages_for_nobodies_are_404(client, world):
    from odopmart.catalog.tests.listing_helpers import make_user

    client.force_login(make_user())
    for name in (
        "sellercentre:listing_import",
        "sellercentre:listing_desk",
        "sellercentre:listing_new",
    ):
        assert client.get(reverse(name)).status_code == 404
    content = client.get(reverse("sellercentre:listings")).content.decode()
    assert world.draft_a.name_en not in content
