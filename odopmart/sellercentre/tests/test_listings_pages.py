"""The listing pages doing their work for the people allowed to use them."""

from __future__ import annotations

import csv
import io
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from odopmart.catalog.bulk_import import COLUMNS
from odopmart.catalog.models import (
    ImportBatch,
    Product,
    ProductImage,
    ProductStatus,
    ProductStatusEvent,
    Variant,
)
from odopmart.catalog.tests.listing_helpers import (
    LUCKNOW_ODOP,
    World,
    build_world,
    photo_bytes,
)
from odopmart.odop.models import OdopProduct

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_vendor, make_artisan, make_product) -> World:
    return build_world(make_vendor, make_artisan, make_product)


@pytest.fixture
def member(client, world):
    client.force_login(world.member_a)
    return client


def _create_post(**overrides: str) -> dict[str, str]:
    data = {
        "odop_product": str(OdopProduct.objects.get(slug=LUCKNOW_ODOP).pk),
        "category": "",
        "name_en": "Chikan kurta",
        "name_hi": "चिकन कुर्ता",
        "description_en": "Hand embroidered.",
        "description_hi": "हाथ की कढ़ाई।",
        "hsn_code": "",
        "gst_rate_percent": "",
        "variant-sku": "CHK-M-1",
        "variant-label_en": "Size M",
        "variant-mrp_rupees": "2,499",
        "variant-price_rupees": "1,999.50",
        "variant-stock": "3",
        "variant-weight_grams": "300",
        "variant-length_mm": "300",
        "variant-width_mm": "200",
        "variant-height_mm": "30",
    }
    data.update(overrides)
    return data


def _clothing_id() -> str:
    from odopmart.catalog.models import Category

    return str(Category.objects.get(slug="clothing").pk)


def test_create_a_listing_with_its_first_option(member, world):
    url = reverse("sellercentre:listing_create", args=[world.artisan_a.pk])
    assert member.get(url).status_code == 200

    response = member.post(url, _create_post(category=_clothing_id()))

    product = Product.objects.get(name_en="Chikan kurta")
    assert response.status_code == 302
    assert response["Location"] == reverse("sellercentre:listing_detail", args=[product.pk])
    # Empty HSN takes the category's usual code, empty GST the rate on record.
    assert (product.status, product.hsn_code, product.gst_rate_bp) == ("draft", "6204", 500)
    assert (product.artisan, product.vendor) == (world.artisan_a, world.vendor_a)
    variant = product.variants.get()
    assert (variant.sku, variant.mrp_paise, variant.price_paise, variant.stock) == (
        "CHK-M-1",
        249900,
        199950,
        3,
    )


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"variant-price_rupees": "2600"}, "variant-price_rupees", "can't be more than the MRP"),
        ({"variant-mrp_rupees": "12.345"}, "variant-mrp_rupees", "Enter an amount in rupees"),
        ({"hsn_code": "9999"}, "hsn_code", "not in the official HSN list"),
        ({"gst_rate_percent": "1200"}, "gst_rate_percent", "Select a valid choice"),
        ({"name_hi": ""}, "name_hi", "This is required."),
        ({"variant-stock": "-1"}, "variant-stock", "greater than or equal to 0"),
    ],
)
def test_create_shows_the_problem_next_to_its_field_and_saves_nothing(
    member, world, overrides, field, message
):
    before = Product.objects.count()
    url = reverse("sellercentre:listing_create", args=[world.artisan_a.pk])

    response = member.post(url, _create_post(category=_clothing_id(), **overrides))

    assert response.status_code == 400
    html = unescape(response.content.decode())
    assert f'id="id_{field}_error"' in html
    assert message in html
    assert Product.objects.count() == before


def test_create_refuses_a_sku_someone_else_uses(member, world):
    taken = world.product_b.variants.get().sku
    url = reverse("sellercentre:listing_create", args=[world.artisan_a.pk])
    response = member.post(url, _create_post(category=_clothing_id(), **{"variant-sku": taken}))
    assert response.status_code == 400
    assert f"SKU {taken} is already used by another listing." in response.content.decode()


def test_choosing_the_artisan(member, world):
    response = member.get(reverse("sellercentre:listing_new"))
    assert response.status_code == 200
    assert world.artisan_a.name_en in response.content.decode()
    response = member.get(reverse("sellercentre:listing_new"), {"artisan": world.artisan_a2.pk})
    assert response["Location"] == reverse(
        "sellercentre:listing_create", args=[world.artisan_a2.pk]
    )


def test_index_filters_by_status_and_finds_by_sku(member, world):
    url = reverse("sellercentre:listings")
    content = member.get(url, {"status": "draft"}).content.decode()
    assert world.draft_a.name_en in content
    assert world.approved_a.name_en not in content
    sku = world.approved_a.variants.get().sku
    content = member.get(url, {"q": sku}).content.decode()
    assert world.approved_a.name_en in content
    assert world.draft_a.name_en not in content


def test_editing_an_approved_listing_sends_it_back_to_review(member, world):
    product = world.approved_a
    url = reverse("sellercentre:listing_edit", args=[product.pk])
    page = member.get(url)
    assert "sends it back to the moderators" in page.content.decode()

    response = member.post(
        url,
        {
            "odop_product": product.odop_product_id,
            "category": product.category_id,
            "name_en": "Renamed kurta",
            "name_hi": product.name_hi,
            "description_en": product.description_en,
            "description_hi": product.description_hi,
            "hsn_code": product.hsn_code,
            "gst_rate_percent": str(product.gst_rate_bp),
        },
        follow=True,
    )

    product.refresh_from_db()
    assert (product.status, product.name_en) == ("submitted", "Renamed kurta")
    assert "back with the moderators" in response.content.decode()


def test_add_and_edit_an_option(member, world):
    product = world.draft_a
    data = {
        "sku": "OPT-L",
        "label_en": "Size L",
        "mrp_rupees": "3000",
        "price_rupees": "2500",
        "stock": "2",
        "weight_grams": "350",
        "length_mm": "300",
        "width_mm": "200",
        "height_mm": "30",
    }
    response = member.post(reverse("sellercentre:listing_variant_add", args=[product.pk]), data)
    assert response.status_code == 302
    added = Variant.objects.get(sku="OPT-L")
    assert (added.product_id, added.price_paise) == (product.pk, 250000)

    url = reverse("sellercentre:listing_variant_edit", args=[product.pk, added.pk])
    form = member.get(url).content.decode()
    assert 'value="2500"' in form  # paise shown back as rupees
    response = member.post(url, {**data, "price_rupees": "2,400.50", "is_active": ""})
    added.refresh_from_db()
    assert (added.price_paise, added.is_active) == (240050, False)


def test_quick_stock_form(member, world):
    product = world.approved_a
    variant = product.variants.get()
    url = reverse("sellercentre:listing_stock", args=[product.pk])

    response = member.post(url, {f"stock_{variant.pk}": "0"})

    assert response.status_code == 302
    variant.refresh_from_db()
    product.refresh_from_db()
    assert (variant.stock, product.in_stock, product.status) == (0, False, "approved")

    response = member.post(url, {f"stock_{variant.pk}": "-4"})
    assert response.status_code == 400
    variant.refresh_from_db()
    assert variant.stock == 0


def test_photos_added_and_removed(member, world):
    product = world.draft_a
    url = reverse("sellercentre:listing_photo_add", args=[product.pk])

    response = member.post(
        url,
        {"image": SimpleUploadedFile("kurta.png", photo_bytes(kind="PNG")), "alt_en": "Front"},
    )

    assert response.status_code == 302
    image = product.images.get()
    assert image.thumbnail

    response = member.post(
        url, {"image": SimpleUploadedFile("evil.jpg", b"<?php echo 1; ?>"), "alt_en": "x"}
    )
    assert response.status_code == 400
    assert "not a JPEG, PNG or WebP photo" in response.content.decode()
    assert product.images.count() == 1

    remove = reverse("sellercentre:listing_photo_remove", args=[product.pk, image.pk])
    assert member.post(remove).status_code == 302
    assert not product.images.exists()


def test_submit_shows_the_checklist_and_needs_its_blocking_items(member, world):
    product = world.draft_a
    url = reverse("sellercentre:listing_submit", args=[product.pk])

    page = member.get(url).content.decode()
    assert "At least one photo" in page
    assert "Fix the items marked" in page
    response = member.post(url, {"reason": ""})
    assert response.status_code == 400
    product.refresh_from_db()
    assert product.status == "draft"

    ProductImage.objects.create(product=product, image="products/x.jpg", alt_en="x")
    response = member.post(url, {"reason": "First listing"})
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.status == "submitted"
    event = ProductStatusEvent.objects.get(product=product)
    assert (event.actor, event.reason) == (world.member_a, "First listing")


def test_archive(member, world):
    product = world.approved_a
    response = member.post(
        reverse("sellercentre:listing_archive", args=[product.pk]), {"reason": "sold out"}
    )
    assert response.status_code == 302
    product.refresh_from_db()
    assert product.status == "archived"
    assert member.get(reverse("sellercentre:listing_edit", args=[product.pk])).status_code == 404


# --- moderation -----------------------------------------------------------------------------


@pytest.fixture
def waiting(world):
    ProductImage.objects.create(product=world.draft_a, image="products/x.jpg", alt_en="x")
    Product.objects.filter(pk=world.draft_a.pk).update(status=ProductStatus.SUBMITTED)
    return world.draft_a


def test_moderator_sees_the_queue_and_approves(client, world, waiting):
    client.force_login(world.moderator)
    queue = client.get(reverse("sellercentre:moderation")).content.decode()
    assert waiting.name_en in queue
    assert world.approved_a.name_en not in queue

    url = reverse("sellercentre:moderation_review", args=[waiting.pk])
    page = client.get(url).content.decode()
    assert "At least one photo" in page
    response = client.post(url, {"decision": "approved", "reason": ""})

    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == "approved"
    assert ProductStatusEvent.objects.get(product=waiting).actor == world.moderator


def test_asking_for_changes_needs_a_reason(client, world, waiting):
    client.force_login(world.moderator)
    url = reverse("sellercentre:moderation_review", args=[waiting.pk])

    response = client.post(url, {"decision": "changes_requested", "reason": ""})
    assert response.status_code == 400
    assert "Say what needs to change." in response.content.decode()

    client.post(url, {"decision": "changes_requested", "reason": "Photo is blurred"})
    waiting.refresh_from_db()
    assert waiting.status == "changes_requested"
    event = ProductStatusEvent.objects.get(product=waiting)
    assert event.reason == "Photo is blurred"


def test_approving_a_listing_that_fails_a_check_is_refused(client, world, waiting):
    ProductImage.objects.filter(product=waiting).delete()
    client.force_login(world.moderator)
    url = reverse("sellercentre:moderation_review", args=[waiting.pk])
    response = client.post(url, {"decision": "approved"})
    assert response.status_code == 400
    assert "Every check must pass before approval" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == "submitted"


# --- bulk import ----------------------------------------------------------------------------


def _sheet(world: World, **overrides: str) -> bytes:
    row = {
        "artisan": world.artisan_a.slug,
        "odop_product": LUCKNOW_ODOP,
        "category": "clothing",
        "name_en": "Imported kurta",
        "name_hi": "आयातित कुर्ता",
        "description_en": "Nice.",
        "description_hi": "सुंदर।",
        "hsn_code": "6204",
        "sku": "IMP-1",
        "variant_label_en": "M",
        "mrp_rupees": "1000",
        "price_rupees": "900",
        "stock": "2",
        "weight_grams": "200",
        "length_mm": "200",
        "width_mm": "200",
        "height_mm": "20",
    }
    row.update(overrides)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    writer.writerow([row.get(column, "") for column in COLUMNS])
    return buffer.getvalue().encode()


def test_import_page_and_templates(member):
    page = member.get(reverse("sellercentre:listing_import"))
    assert page.status_code == 200
    for file_format, content_type in (
        ("csv", "text/csv; charset=utf-8"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ):
        response = member.get(reverse("sellercentre:listing_import_template", args=[file_format]))
        assert response["Content-Type"] == content_type
        assert f"odopmart-listings.{file_format}" in response["Content-Disposition"]


def test_upload_preview_then_import(member, world):
    response = member.post(
        reverse("sellercentre:listing_import"),
        {"file": SimpleUploadedFile("mine.csv", _sheet(world))},
    )
    batch = ImportBatch.objects.get()
    assert response["Location"] == reverse("sellercentre:listing_import_batch", args=[batch.pk])
    page = member.get(response["Location"]).content.decode()
    assert "1 listing with 1 options will be created" in page
    assert not Product.objects.filter(name_en="Imported kurta").exists()

    response = member.post(response["Location"], {"submit_for_review": ""}, follow=True)

    product = Product.objects.get(name_en="Imported kurta")
    assert (product.vendor, product.status) == (world.vendor_a, "draft")
    assert "Imported 1 listings with 1 variants." in response.content.decode()


def test_upload_with_bad_rows_lists_them(member, world):
    response = member.post(
        reverse("sellercentre:listing_import"),
        {"file": SimpleUploadedFile("mine.csv", _sheet(world, hsn_code="1", stock="x"))},
        follow=True,
    )
    page = response.content.decode()
    assert "2 problems to fix" in page
    assert "An HSN code has 4, 6 or 8 digits" in page
    assert "<code>stock</code>" in page
    assert "Import now" not in page


def test_spoofed_upload_is_refused_with_a_message(member):
    response = member.post(
        reverse("sellercentre:listing_import"),
        {"file": SimpleUploadedFile("sheet.xlsx", b"artisan,sku\n")},
    )
    assert response.status_code == 400
    assert "not a real XLSX file" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_desk_imports_for_its_artisans(client, world):
    client.force_login(world.desk)
    assert client.get(reverse("sellercentre:listing_import")).status_code == 200
    response = client.post(
        reverse("sellercentre:listing_import"),
        {"file": SimpleUploadedFile("d.csv", _sheet(world)), "for": "desk"},
    )
    batch = ImportBatch.objects.get()
    assert (batch.vendor, batch.status, batch.created_by) == (None, "previewed", world.desk)
    client.post(response["Location"], {})
    assert Product.objects.get(name_en="Imported kurta").vendor == world.vendor_a

    # The other artisan of the same vendor is not assigned to this desk member.
    response = client.post(
        reverse("sellercentre:listing_import"),
        {
            "file": SimpleUploadedFile(
                "d2.csv", _sheet(world, artisan=world.artisan_a2.slug, sku="IMP-2")
            ),
            "for": "desk",
        },
        follow=True,
    )
    assert "There is no artisan" in response.content.decode()


def test_desk_page_lists_assigned_artisans(client, world):
    client.force_login(world.desk)
    page = client.get(reverse("sellercentre:listing_desk")).content.decode()
    assert world.artisan_a.name_en in page
    assert world.artisan_a2.name_en not in page
    assert reverse("sellercentre:listing_create", args=[world.artisan_a.pk]) in page


@pytest.fixture
def hindi_catalogue():
    """The compiled Hindi catalogue (compiled here when missing or older than the .po)."""
    from pathlib import Path

    from django.conf import settings
    from django.core.signals import setting_changed

    from odopmart.storefront.management.commands.compile_translations import compile_po

    for locale_dir in settings.LOCALE_PATHS:
        for po in Path(locale_dir).rglob("*.po"):
            mo = po.with_suffix(".mo")
            if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
                compile_po(po)
                setting_changed.send(
                    sender=None, setting="LOCALE_PATHS", value=settings.LOCALE_PATHS, enter=False
                )
    yield
    translation.activate(settings.LANGUAGE_CODE)


def _hindi(name: str, *args: object) -> str:
    with translation.override("hi"):
        return reverse(name, args=args)


def test_listing_page_in_hindi(member, world, hindi_catalogue):
    url = _hindi("sellercentre:listing_detail", world.draft_a.pk)
    assert url.startswith("/hi/")
    page = member.get(url).content.decode()
    assert '<html lang="hi">' in page
    assert "जाँच-सूची" in page
    assert "कम से कम एक फ़ोटो" in page


def test_import_problems_read_in_the_readers_language(member, world, hindi_catalogue):
    member.post(
        reverse("sellercentre:listing_import"),
        {"file": SimpleUploadedFile("mine.csv", _sheet(world, hsn_code="1"))},
    )
    batch = ImportBatch.objects.get()
    english = unescape(
        member.get(reverse("sellercentre:listing_import_batch", args=[batch.pk])).content.decode()
    )
    hindi = unescape(
        member.get(_hindi("sellercentre:listing_import_batch", batch.pk)).content.decode()
    )
    assert "An HSN code has 4, 6 or 8 digits, like 6204." in english
    assert "HSN कोड में 4, 6 या 8 अंक होते हैं, जैसे 6204।" in hindi


def test_form_errors_in_hindi(member, world, hindi_catalogue):
    url = _hindi("sellercentre:listing_create", world.artisan_a.pk)
    response = member.post(url, _create_post(category=_clothing_id(), name_hi=""))
    assert response.status_code == 400
    assert "यह भरना ज़रूरी है।" in response.content.decode()


def test_listings_can_be_narrowed_to_one_vendor(client, make_vendor, make_artisan, make_product):
    from django.contrib.auth import get_user_model

    from odopmart.sellers.models import VendorMembership

    first, second = make_vendor(), make_vendor()
    user = get_user_model().objects.create_user("two-hats")
    for vendor in (first, second):
        VendorMembership.objects.create(user=user, vendor=vendor, role="owner")
    ours = make_product(name_en="First vendor shawl", artisan=make_artisan(vendor=first))
    theirs = make_product(name_en="Second vendor shawl", artisan=make_artisan(vendor=second))
    client.force_login(user)

    both = client.get("/seller/listings/").content.decode()
    only_first = client.get(f"/seller/listings/?vendor={first.pk}").content.decode()

    assert ours.name_en in both
    assert theirs.name_en in both
    assert ours.name_en in only_first
    assert theirs.name_en not in only_first
