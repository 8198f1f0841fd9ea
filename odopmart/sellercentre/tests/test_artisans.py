"""Artisan pages: add and edit with the district taken from the PIN code, the district rule and
exceptions, photos checked by content."""

from __future__ import annotations

import pytest
from django.urls import reverse

from odopmart.odop.models import OdopProduct
from odopmart.regions.models import District
from odopmart.sellers.models import (
    Artisan,
    ArtisanDistrictException,
    ArtisanVendorHistory,
    ExceptionStatus,
    VendorStatus,
)
from odopmart.sellers.tests.fixtures import PDF_BYTES, picture_bytes, upload

pytestmark = pytest.mark.django_db


def odop(slug: str) -> OdopProduct:
    return OdopProduct.objects.filter(district__slug=slug).order_by("rank", "pk").first()


@pytest.fixture
def vendor(make_application):
    return make_application(status=VendorStatus.APPROVED)


@pytest.fixture
def owner(vendor, make_member, client):
    user = make_member(vendor)
    client.force_login(user)
    return user


def artisan_data(**overrides):
    data = {
        "name_en": "Shabana Khatoon",
        "name_hi": "शबाना ख़ातून",
        "phone": "98390 12345",
        "preferred_language": "hi",
        "craft_en": "Chikankari",
        "craft_hi": "चिकनकारी",
        "address_line": "House 14, Gali Kashmiri Mohalla",
        "town": "Chowk",
        "pincode": "226003",
        "district": "",
        "odop_products": [odop("lucknow").pk],
        "pehchan_number": "uplko123456",
        "udyam_number": "udyam-up-01-0012345",
        "bank_account_number": "",
        "bank_ifsc": "",
        "upi_id": "shabana@okaxis",
    }
    data.update(overrides)
    return data


def test_add_an_artisan(client, vendor, owner):
    response = client.post(
        reverse("sellercentre:artisan_add", args=[vendor.pk]),
        {**artisan_data(), "photo": upload("me.png", picture_bytes("PNG"), "image/png")},
    )

    artisan = Artisan.objects.get()
    assert response["Location"] == reverse("sellercentre:artisan", args=[artisan.pk])
    assert artisan.vendor == vendor
    assert artisan.district == District.objects.get(slug="lucknow")  # from the PIN code
    assert artisan.phone == "+919839012345"
    assert (artisan.pehchan_number, artisan.udyam_number) == ("UPLKO123456", "UDYAM-UP-01-0012345")
    assert list(artisan.odop_products.all()) == [odop("lucknow")]
    assert artisan.photo.name.startswith("artisans/")
    history = ArtisanVendorHistory.objects.get(artisan=artisan)
    assert (history.from_vendor, history.to_vendor, history.actor) == (None, vendor, owner)


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        ({"district": "agra"}, "district", "is in Lucknow district, not Agra"),
        ({"pincode": "199999"}, "pincode", "not in the India Post directory"),
        ({"pincode": "2260"}, "pincode", "6 digits"),
        ({"odop_products": "varanasi"}, "odop_products", "not an ODOP product of Lucknow"),
        ({"phone": "12345"}, "phone", "10-digit Indian mobile"),
        ({"udyam_number": "UDYAM-12345"}, "udyam_number", "UDYAM-UP-01-0012345"),
        ({"upi_id": "shabana"}, "upi_id", "name@bank"),
        ({"bank_account_number": "123456789012"}, "bank_ifsc", "both"),
        ({"bank_ifsc": "SBIN0001234"}, "bank_account_number", "both"),
        ({"bank_ifsc": "SBIN1234", "bank_account_number": "123456789"}, "bank_ifsc", "IFSC"),
        ({"name_en": ""}, "name_en", "required"),
    ],
)
def test_bad_artisan_details_are_named_and_nothing_is_saved(
    client, vendor, owner, changes, field, expected
):
    if changes.get("district"):
        changes["district"] = District.objects.get(slug=changes["district"]).pk
    if changes.get("odop_products"):
        changes["odop_products"] = [odop(changes["odop_products"]).pk]

    response = client.post(
        reverse("sellercentre:artisan_add", args=[vendor.pk]), artisan_data(**changes)
    )

    assert response.status_code == 200
    assert expected in " ".join(response.context["form"].errors[field])
    assert not Artisan.objects.exists()


def test_a_photo_that_is_really_a_pdf_is_refused(client, vendor, owner):
    response = client.post(
        reverse("sellercentre:artisan_add", args=[vendor.pk]),
        {**artisan_data(), "photo": upload("me.jpg", PDF_BYTES, "image/jpeg")},
    )

    assert "photo" in response.context["form"].errors
    assert not Artisan.objects.exists()


def test_a_pincode_without_a_district_needs_one_chosen(client, vendor, owner):
    no_district = artisan_data(pincode="900056", odop_products=[])

    missing = client.post(reverse("sellercentre:artisan_add", args=[vendor.pk]), no_district)
    chosen = client.post(
        reverse("sellercentre:artisan_add", args=[vendor.pk]),
        {**no_district, "district": District.objects.get(slug="kushinagar").pk},
    )

    assert "Choose the district" in " ".join(missing.context["form"].errors["district"])
    assert chosen.status_code == 302
    assert Artisan.objects.get().district.slug == "kushinagar"


def test_edit_an_artisan(client, vendor, owner, make_artisan):
    artisan = make_artisan(vendor=vendor)

    page = client.get(reverse("sellercentre:artisan", args=[artisan.pk]))
    response = client.post(
        reverse("sellercentre:artisan", args=[artisan.pk]),
        artisan_data(name_en="Shabana K.", pincode="282001", odop_products=[odop("agra").pk]),
    )

    assert page.status_code == 200
    assert response.status_code == 302
    artisan.refresh_from_db()
    assert (artisan.name_en, artisan.district.slug) == ("Shabana K.", "agra")
    assert list(artisan.odop_products.all()) == [odop("agra")]


def test_exception_requested_on_the_page_and_approved_by_a_moderator(
    client, vendor, owner, make_artisan, moderator
):
    artisan = make_artisan(vendor=vendor)
    silk = odop("varanasi")

    client.post(
        reverse("sellercentre:artisan_exception", args=[artisan.pk]),
        {"odop_product": silk.pk, "reason": "Trained as a weaver in Varanasi"},
    )
    refused = client.post(
        reverse("sellercentre:artisan", args=[artisan.pk]),
        artisan_data(odop_products=[odop("lucknow").pk, silk.pk]),
    )
    request = ArtisanDistrictException.objects.get()
    assert request.status == ExceptionStatus.REQUESTED
    assert "odop_products" in refused.context["form"].errors

    client.force_login(moderator)
    queue = client.get(reverse("sellercentre:seller_moderation_exceptions"))
    client.post(
        reverse("sellercentre:seller_moderation_exception_decide", args=[request.pk]),
        {"action": "approve"},
    )
    client.force_login(owner)
    allowed = client.post(
        reverse("sellercentre:artisan", args=[artisan.pk]),
        artisan_data(odop_products=[odop("lucknow").pk, silk.pk]),
    )

    assert list(queue.context["exceptions"]) == [request]
    request.refresh_from_db()
    assert (request.status, request.decided_by) == (ExceptionStatus.APPROVED, moderator)
    assert allowed.status_code == 302
    assert set(artisan.odop_products.all()) == {odop("lucknow"), silk}


def test_moderator_rejection_needs_a_note(client, make_artisan, moderator):
    artisan = make_artisan()
    request = ArtisanDistrictException.objects.create(
        artisan=artisan, odop_product=odop("agra"), request_reason="x"
    )
    client.force_login(moderator)
    url = reverse("sellercentre:seller_moderation_exception_decide", args=[request.pk])

    client.post(url, {"action": "reject", "reason": ""})
    request.refresh_from_db()
    assert request.status == ExceptionStatus.REQUESTED

    client.post(url, {"action": "reject", "reason": "No proof"})
    request.refresh_from_db()
    assert (request.status, request.reason) == (ExceptionStatus.REJECTED, "No proof")


def test_exception_for_own_district_is_refused_on_the_page(client, vendor, owner, make_artisan):
    artisan = make_artisan(vendor=vendor)

    page = client.get(reverse("sellercentre:artisan_exception", args=[artisan.pk]))

    choices = {product.pk for product in page.context["form"].fields["odop_product"].queryset}
    assert odop("lucknow").pk not in choices
    assert odop("varanasi").pk in choices


def test_artisans_of_a_suspended_vendor_cannot_be_added(client, make_application, make_member):
    vendor = make_application(status=VendorStatus.SUSPENDED)
    client.force_login(make_member(vendor))

    response = client.post(reverse("sellercentre:artisan_add", args=[vendor.pk]), artisan_data())

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Artisan.objects.exists()


@pytest.mark.parametrize("language", ["", "/hi"])
def test_artisan_pages_render_in_both_languages(
    client, vendor, owner, make_artisan, operator_admin, language
):
    artisan = make_artisan(vendor=vendor)
    urls = [
        reverse("sellercentre:artisans"),
        reverse("sellercentre:artisan_add", args=[vendor.pk]),
        reverse("sellercentre:artisan", args=[artisan.pk]),
        reverse("sellercentre:artisan_exception", args=[artisan.pk]),
    ]
    move_url = reverse("sellercentre:artisan_move", args=[artisan.pk])
    for url in urls:
        assert client.get(language + url).status_code == 200, url
    client.force_login(operator_admin)
    move = client.get(language + move_url)
    assert move.status_code == 200
