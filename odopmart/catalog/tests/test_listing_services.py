from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from odopmart.catalog.listing_issues import ListingError
from odopmart.catalog.listing_services import (
    gst_rate_default,
    product_create,
    product_image_add,
    product_image_remove,
    product_update,
    variant_set_stock,
    variant_upsert,
    variants_set_stock,
)
from odopmart.catalog.models import (
    Category,
    Product,
    ProductImage,
    ProductStatus,
    ProductStatusEvent,
    Variant,
)
from odopmart.catalog.tests.listing_helpers import (
    VARANASI_ODOP,
    make_user,
    photo_bytes,
    photo_upload,
    product_data,
    variant_data,
)
from odopmart.odop.models import OdopProduct
from odopmart.sellers.models import ArtisanDistrictException, ExceptionStatus

pytestmark = pytest.mark.django_db


def _codes(error: ListingError) -> set[tuple[str, str]]:
    return {(issue.field, issue.code) for issue in error.issues}


@pytest.fixture
def artisan(make_artisan):
    return make_artisan()


@pytest.fixture
def seller():
    return make_user()


# --- create ---------------------------------------------------------------------------------


def test_create_makes_a_draft_with_variants_origin_and_the_category_gst(artisan, seller):
    data = product_data(variants=2)

    product = product_create(actor=seller, vendor=artisan.vendor, artisan=artisan, data=data)

    product.refresh_from_db()
    assert product.status == ProductStatus.DRAFT
    assert product.district.slug == "lucknow"
    assert product.vendor_id == artisan.vendor_id
    assert product.slug == "chikankari-kurta"
    # HSN 6204 has no rate on record: the category's default applies.
    assert product.gst_rate_bp == Category.objects.get(slug="clothing").default_gst_rate_bp
    assert list(product.variants.values_list("sku", "position")) == [
        (data.variants[0].sku, 0),
        (data.variants[1].sku, 1),
    ]
    assert (product.price_paise, product.mrp_paise, product.in_stock) == (199900, 249900, True)


def test_create_takes_the_verified_gst_rate_of_the_hsn_over_the_category_default(artisan, seller):
    # Pottery's default is 5 %; HSN 6914 (other ceramic articles) is 18 % on record.
    category = Category.objects.get(slug="pottery-glass")
    data = product_data(category=category, hsn_code="6914")

    product = product_create(actor=seller, vendor=artisan.vendor, artisan=artisan, data=data)

    assert category.default_gst_rate_bp == 500
    assert product.gst_rate_bp == 1800 == gst_rate_default("6914", category)


def test_most_specific_hsn_row_wins(artisan, seller):
    # 4202 allows 5 % or 18 % (default 18 %); tariff item 42022220 is 5 % only.
    assert gst_rate_default("42022220", Category.objects.get(slug="leather-footwear")) == 500
    data = product_data(hsn_code="42022220", gst_rate_bp=1800)

    with pytest.raises(ListingError) as caught:
        product_create(actor=seller, vendor=artisan.vendor, artisan=artisan, data=data)

    assert _codes(caught.value) == {("gst_rate_bp", "gst_not_allowed")}
    assert "5%" in caught.value.issues[0].message


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"name_hi": "  "}, {("name_hi", "required")}),
        ({"description_en": ""}, {("description_en", "required")}),
        ({"name_en": "x" * 201}, {("name_en", "too_long")}),
        ({"hsn_code": "62"}, {("hsn_code", "hsn_format")}),
        ({"hsn_code": "62abc"}, {("hsn_code", "hsn_format")}),
        ({"hsn_code": "9999"}, {("hsn_code", "hsn_unknown")}),
        ({"hsn_code": "6914", "gst_rate_bp": 500}, {("gst_rate_bp", "gst_not_allowed")}),
        ({"gst_rate_bp": 1200}, {("gst_rate_bp", "gst_unknown_rate")}),
        ({"odop_slug": VARANASI_ODOP}, {("odop_product", "origin_mismatch")}),
    ],
)
def test_create_refuses_bad_product_fields_and_saves_nothing(artisan, seller, overrides, expected):
    before = (Product.objects.count(), Variant.objects.count())
    odop_slug = overrides.pop("odop_slug", None)
    data = product_data(**({"odop_slug": odop_slug} if odop_slug else {}), **overrides)

    with pytest.raises(ListingError) as caught:
        product_create(actor=seller, vendor=artisan.vendor, artisan=artisan, data=data)

    assert _codes(caught.value) == expected
    assert (Product.objects.count(), Variant.objects.count()) == before


def test_hsn_code_with_spaces_and_dots_is_normalised(artisan, seller):
    product = product_create(
        actor=seller, vendor=artisan.vendor, artisan=artisan, data=product_data(hsn_code=" 62.04 ")
    )
    assert product.hsn_code == "6204"


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"price_paise": 300000}, {("price_paise", "price_above_mrp")}),
        ({"price_paise": 0}, {("price_paise", "price_positive")}),
        ({"mrp_paise": -5}, {("mrp_paise", "price_positive")}),
        ({"stock": -1}, {("stock", "stock_negative")}),
        ({"weight_grams": 0}, {("weight_grams", "at_least_one")}),
        ({"sku": "bad sku!"}, {("sku", "sku_format")}),
        ({"sku": ""}, {("sku", "required")}),
        ({"label_en": ""}, {("label_en", "required")}),
    ],
)
def test_create_refuses_bad_variants(artisan, seller, overrides, expected):
    data = product_data(variants=0)
    data.variants = [variant_data(**overrides)]

    with pytest.raises(ListingError) as caught:
        product_create(actor=seller, vendor=artisan.vendor, artisan=artisan, data=data)

    assert _codes(caught.value) == expected
    assert all(issue.index == 0 for issue in caught.value.issues)
    assert not Product.objects.filter(artisan=artisan).exists()


def test_price_equal_to_mrp_is_fine(artisan, seller):
    data = product_data(variants=0)
    data.variants = [variant_data(mrp_paise=150000, price_paise=150000)]
    product = product_create(actor=seller, vendor=artisan.vendor, artisan=artisan, data=data)
    assert product.price_paise == product.mrp_paise == 150000


def test_sku_already_used_or_repeated_is_refused(artisan, seller, make_product):
    existing = make_product().variants.get()
    data = product_data(variants=0)
    data.variants = [
        variant_data(sku=existing.sku.lower()),
        variant_data(sku="NEW-1"),
        variant_data(sku="new-1"),
    ]

    with pytest.raises(ListingError) as caught:
        product_create(actor=seller, vendor=artisan.vendor, artisan=artisan, data=data)

    assert {(i.index, i.code) for i in caught.value.issues} == {
        (0, "sku_taken"),
        (2, "sku_repeated"),
    }


def test_artisan_of_another_vendor_is_refused(make_artisan, make_vendor, seller):
    artisan = make_artisan()
    other_vendor = make_vendor()

    with pytest.raises(ListingError) as caught:
        product_create(actor=seller, vendor=other_vendor, artisan=artisan, data=product_data())

    assert _codes(caught.value) == {("artisan", "artisan_other_vendor")}
    assert not Product.objects.filter(vendor=other_vendor).exists()


def test_approved_district_exception_allows_another_districts_product(artisan, seller):
    odop = OdopProduct.objects.get(slug=VARANASI_ODOP)
    exception = ArtisanDistrictException.objects.create(
        artisan=artisan, odop_product=odop, request_reason="Moved from Varanasi"
    )
    with pytest.raises(ListingError):  # only requested, not yet approved
        product_create(
            actor=seller,
            vendor=artisan.vendor,
            artisan=artisan,
            data=product_data(odop_slug=VARANASI_ODOP),
        )
    exception.status = ExceptionStatus.APPROVED
    exception.save()

    product = product_create(
        actor=seller,
        vendor=artisan.vendor,
        artisan=artisan,
        data=product_data(odop_slug=VARANASI_ODOP),
    )

    assert product.district.slug == "varanasi"


# --- update ---------------------------------------------------------------------------------


def _data_of(product: Product, **changes):
    data = product_data(
        category=product.category,
        odop_product=product.odop_product,
        name_en=product.name_en,
        name_hi=product.name_hi,
        description_en=product.description_en,
        description_hi=product.description_hi,
        hsn_code=product.hsn_code,
        gst_rate_bp=product.gst_rate_bp,
        variants=0,
    )
    return replace(data, **changes)


def test_editing_an_approved_listings_words_sends_it_back_to_review(make_product, seller):
    product = make_product(name_en="Kurta")

    product_update(
        actor=seller, product_id=product.pk, data=_data_of(product, name_en="Long kurta")
    )

    product.refresh_from_db()
    assert (product.status, product.name_en, product.slug) == (
        "submitted",
        "Long kurta",
        "long-kurta",
    )
    event = ProductStatusEvent.objects.get(product=product)
    assert (event.from_status, event.to_status, event.actor) == ("approved", "submitted", seller)


def test_saving_an_approved_listing_unchanged_keeps_it_on_sale(make_product, seller):
    product = make_product()
    product_update(actor=seller, product_id=product.pk, data=_data_of(product))
    product.refresh_from_db()
    assert product.status == ProductStatus.APPROVED
    assert not ProductStatusEvent.objects.exists()


def test_editing_a_draft_keeps_it_a_draft(make_product, seller):
    product = make_product(status=ProductStatus.DRAFT)
    product_update(actor=seller, product_id=product.pk, data=_data_of(product, name_hi="नया नाम"))
    product.refresh_from_db()
    assert (product.status, product.name_hi) == ("draft", "नया नाम")


def test_update_checks_the_same_rules_and_saves_nothing_on_error(make_product, seller):
    product = make_product(name_en="Kurta")
    with pytest.raises(ListingError) as caught:
        product_update(
            actor=seller,
            product_id=product.pk,
            data=_data_of(product, name_en="Other", hsn_code="0000"),
        )
    assert _codes(caught.value) == {("hsn_code", "hsn_unknown")}
    product.refresh_from_db()
    assert (product.name_en, product.status) == ("Kurta", "approved")


def test_archived_listings_cannot_be_edited(make_product, seller):
    product = make_product(status=ProductStatus.ARCHIVED)
    with pytest.raises(ListingError) as caught:
        product_update(actor=seller, product_id=product.pk, data=_data_of(product, name_en="New"))
    assert _codes(caught.value) == {("", "archived")}


def test_price_and_stock_changes_keep_an_approved_listing_on_sale(make_product, seller):
    product = make_product(price_paise=100000)
    variant = product.variants.get()
    data = variant_data(
        sku=variant.sku,
        label_en=variant.label_en,
        label_hi=variant.label_hi,
        mrp_paise=150000,
        price_paise=90000,
        stock=9,
    )

    variant_upsert(actor=seller, product_id=product.pk, variant_id=variant.pk, data=data)

    product.refresh_from_db()
    variant.refresh_from_db()
    assert (variant.price_paise, variant.mrp_paise, variant.stock) == (90000, 150000, 9)
    assert (product.status, product.price_paise) == ("approved", 90000)


def test_renaming_or_adding_a_variant_sends_an_approved_listing_to_review(make_product, seller):
    product = make_product()
    variant = product.variants.get()
    data = variant_data(
        sku=variant.sku,
        label_en="Size XL",
        mrp_paise=variant.mrp_paise,
        price_paise=variant.price_paise,
    )
    variant_upsert(actor=seller, product_id=product.pk, variant_id=variant.pk, data=data)
    product.refresh_from_db()
    assert product.status == ProductStatus.SUBMITTED

    draft = make_product(status=ProductStatus.DRAFT)
    added = variant_upsert(actor=seller, product_id=draft.pk, data=variant_data(sku="ADD-1"))
    assert (added.position, added.product_id) == (1, draft.pk)


def test_variant_of_another_listing_is_not_found(make_product, seller):
    product, other = make_product(), make_product()
    foreign = other.variants.get()
    with pytest.raises(ListingError) as caught:
        variant_upsert(
            actor=seller,
            product_id=product.pk,
            variant_id=foreign.pk,
            data=variant_data(sku=foreign.sku),
        )
    assert _codes(caught.value) == {("", "variant_unknown")}


# --- stock ----------------------------------------------------------------------------------


def test_set_stock_updates_the_in_stock_flag(make_product, seller):
    product = make_product(stock=3)
    variant = product.variants.get()

    variant_set_stock(actor=seller, variant_id=variant.pk, stock=0)

    product.refresh_from_db()
    variant.refresh_from_db()
    assert (variant.stock, product.in_stock, product.status) == (0, False, "approved")


@pytest.mark.parametrize("stock", [-1, "3", 1.5, True, 10_000_000])
def test_set_stock_refuses_negative_and_non_numbers(make_product, seller, stock):
    variant = make_product(stock=3).variants.get()
    with pytest.raises(ListingError):
        variant_set_stock(actor=seller, variant_id=variant.pk, stock=stock)
    variant.refresh_from_db()
    assert variant.stock == 3


def test_set_several_stocks_is_all_or_nothing(make_product, seller):
    product = make_product(variants=2, stock=3)
    first, second = product.variants.order_by("position")
    with pytest.raises(ListingError):
        variants_set_stock(actor=seller, product_id=product.pk, stock={first.pk: 7, second.pk: -2})
    assert sorted(product.variants.values_list("stock", flat=True)) == [3, 3]

    variants_set_stock(actor=seller, product_id=product.pk, stock={first.pk: 7, second.pk: 0})
    assert list(product.variants.order_by("position").values_list("stock", flat=True)) == [7, 0]


# --- photos ---------------------------------------------------------------------------------


def _media(name: str) -> Path:
    return Path(settings.MEDIA_ROOT) / name


def test_photo_is_re_encoded_without_metadata_with_renditions(make_product, seller):
    product = make_product(status=ProductStatus.DRAFT)
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make; GPS would sit in the same block
    upload = SimpleUploadedFile("IMG_1.JPG", photo_bytes((1200, 900), exif=exif.tobytes()))

    image = product_image_add(
        actor=seller, product=product, upload=upload, alt_en="Kurta on a hanger", alt_hi="कुर्ता"
    )

    image.refresh_from_db()
    product.refresh_from_db()
    assert image.image.name.startswith(f"products/{product.pk}/")
    assert image.image.name.endswith(".jpg")
    with Image.open(_media(image.image.name)) as stored:
        assert stored.format == "JPEG"
        assert not stored.getexif()
    with Image.open(_media(image.thumbnail)) as thumbnail:
        assert (thumbnail.format, thumbnail.size) == ("WEBP", (320, 240))
    assert product.thumbnail == image.thumbnail
    assert product.status == ProductStatus.DRAFT


def test_png_with_transparency_stays_png(make_product, seller):
    product = make_product(status=ProductStatus.DRAFT)
    upload = SimpleUploadedFile("logo.png", photo_bytes(kind="PNG"))
    image = product_image_add(actor=seller, product=product, upload=upload, alt_en="Pot")
    assert image.image.name.endswith(".png")


def test_new_photo_on_an_approved_listing_sends_it_to_review(make_product, seller):
    product = make_product()
    product_image_add(actor=seller, product=product, upload=photo_upload(), alt_en="Front")
    product.refresh_from_db()
    assert product.status == ProductStatus.SUBMITTED


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (SimpleUploadedFile("x.jpg", b"<html>not a photo</html>"), "image_unreadable"),
        (SimpleUploadedFile("x.jpg", photo_bytes()[:300]), "image_unreadable"),
        (SimpleUploadedFile("x.gif", photo_bytes(kind="GIF")), "image_unreadable"),
        (SimpleUploadedFile("x.jpg", photo_bytes((300, 900))), "image_too_small"),
    ],
)
def test_bad_photos_are_refused_and_nothing_is_stored(make_product, seller, upload, code):
    product = make_product(status=ProductStatus.DRAFT)
    with pytest.raises(ListingError) as caught:
        product_image_add(actor=seller, product=product, upload=upload, alt_en="Photo")
    assert _codes(caught.value) == {("image", code)}
    assert not ProductImage.objects.filter(product=product).exists()
    assert not _media(f"products/{product.pk}").exists()


def test_photo_larger_than_the_limit_is_refused(make_product, seller, settings):
    settings.ODOPMART = {**settings.ODOPMART, "LISTING_PHOTO_MAX_MB": 0}
    product = make_product(status=ProductStatus.DRAFT)
    with pytest.raises(ListingError) as caught:
        product_image_add(actor=seller, product=product, upload=photo_upload(), alt_en="Photo")
    assert _codes(caught.value) == {("image", "image_too_big")}


def test_photo_needs_an_english_description(make_product, seller):
    product = make_product(status=ProductStatus.DRAFT)
    with pytest.raises(ListingError) as caught:
        product_image_add(actor=seller, product=product, upload=photo_upload(), alt_en=" ")
    assert _codes(caught.value) == {("alt_en", "required")}


def test_removing_a_photo_deletes_its_files_after_commit(
    make_product, seller, django_capture_on_commit_callbacks
):
    product = make_product(status=ProductStatus.DRAFT)
    image = product_image_add(actor=seller, product=product, upload=photo_upload(), alt_en="A")
    files = [image.image.name, image.thumbnail, image.medium]
    assert all(_media(name).exists() for name in files)

    with django_capture_on_commit_callbacks(execute=True):
        product_image_remove(actor=seller, image_id=image.pk)

    product.refresh_from_db()
    assert not ProductImage.objects.filter(pk=image.pk).exists()
    assert not any(_media(name).exists() for name in files)
    assert product.thumbnail == ""


def test_an_approved_listing_keeps_its_last_photo(make_product, seller):
    product = make_product(status=ProductStatus.DRAFT)
    image = product_image_add(actor=seller, product=product, upload=photo_upload(), alt_en="A")
    Product.objects.filter(pk=product.pk).update(status=ProductStatus.APPROVED)

    with pytest.raises(ListingError) as caught:
        product_image_remove(actor=seller, image_id=image.pk)

    assert _codes(caught.value) == {("", "last_photo")}
    assert ProductImage.objects.filter(pk=image.pk).exists()


def test_photo_bytes_helper_really_makes_exif():
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    with Image.open(io.BytesIO(photo_bytes(exif=exif.tobytes()))) as original:
        assert original.getexif()[0x010F] == "PhoneMaker"
