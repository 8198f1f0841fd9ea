"""The moderator's queue and decisions; the vendor's profile and documents page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from odopmart.catalog.services import catalogue_refresh_counts
from odopmart.regions.models import District
from odopmart.sellers.models import KycDocument, Vendor, VendorStatus, VendorStatusEvent
from odopmart.sellers.tests.fixtures import PDF_BYTES, picture_bytes, upload

pytestmark = pytest.mark.django_db


def test_queue_lists_submitted_vendors_oldest_first(client, make_application, moderator):
    from django.utils import timezone

    now = timezone.now()
    newer = make_application(status=VendorStatus.SUBMITTED, status_changed_at=now)
    older = make_application(
        status=VendorStatus.SUBMITTED, status_changed_at=now - timezone.timedelta(days=2)
    )
    make_application(status=VendorStatus.DRAFT)
    client.force_login(moderator)

    response = client.get(reverse("sellercentre:seller_moderation"))

    assert list(response.context["page"].object_list) == [older, newer]


def test_approve_from_the_vendor_page(client, make_application, moderator):
    vendor = make_application(status=VendorStatus.SUBMITTED)
    client.force_login(moderator)

    page = client.get(reverse("sellercentre:seller_moderation_vendor", args=[vendor.pk]))
    response = client.post(
        reverse("sellercentre:seller_moderation_vendor", args=[vendor.pk]), {"action": "approve"}
    )

    assert [document.pk for document in page.context["documents"]] == list(
        vendor.documents.values_list("pk", flat=True)
    )
    assert vendor.gstin in page.content.decode()
    assert response.status_code == 302
    vendor.refresh_from_db()
    assert vendor.status == VendorStatus.APPROVED
    event = VendorStatusEvent.objects.get(vendor=vendor)
    assert (event.from_status, event.to_status, event.actor) == ("submitted", "approved", moderator)


def test_reject_needs_a_reason(client, make_application, moderator):
    vendor = make_application(status=VendorStatus.SUBMITTED)
    client.force_login(moderator)
    url = reverse("sellercentre:seller_moderation_vendor", args=[vendor.pk])

    empty = client.post(url, {"action": "reject", "reason": ""})
    vendor.refresh_from_db()
    assert empty.status_code == 200
    assert empty.context["form"].errors["reason"]
    assert vendor.status == VendorStatus.SUBMITTED

    client.post(url, {"action": "reject", "reason": "The GST certificate is for another firm."})
    vendor.refresh_from_db()
    assert (vendor.status, vendor.status_reason) == (
        VendorStatus.REJECTED,
        "The GST certificate is for another firm.",
    )


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (VendorStatus.DRAFT, "approve"),
        (VendorStatus.APPROVED, "approve"),
        (VendorStatus.APPROVED, "reject"),
        (VendorStatus.SUBMITTED, "suspend"),
        (VendorStatus.REJECTED, "approve"),
        (VendorStatus.SUSPENDED, "reject"),
        (VendorStatus.SUBMITTED, "delete"),
    ],
)
def test_actions_that_do_not_fit_the_status_change_nothing(
    client, make_application, moderator, status, action
):
    vendor = make_application(status=status)
    client.force_login(moderator)

    response = client.post(
        reverse("sellercentre:seller_moderation_vendor", args=[vendor.pk]),
        {"action": action, "reason": "x"},
    )

    assert response.status_code == 302
    vendor.refresh_from_db()
    assert vendor.status == status
    assert not VendorStatusEvent.objects.filter(vendor=vendor).exists()


def test_suspending_hides_products_and_reinstating_shows_them(client, make_product, moderator):
    product = make_product(district_slug="agra", category_slug="leather-footwear")
    catalogue_refresh_counts()
    client.force_login(moderator)
    url = reverse("sellercentre:seller_moderation_vendor", args=[product.vendor_id])
    agra = District.objects.get(slug="agra")

    client.post(url, {"action": "suspend", "reason": "Fake reviews"})
    agra.refresh_from_db()
    assert agra.product_count == 0

    client.post(url, {"action": "reinstate"})
    agra.refresh_from_db()
    assert agra.product_count == 1


@pytest.mark.parametrize("language", ["", "/hi"])
def test_moderation_pages_render_in_both_languages(client, make_application, moderator, language):
    vendor = make_application(status=VendorStatus.SUBMITTED)
    urls = [
        reverse("sellercentre:seller_moderation"),
        reverse("sellercentre:seller_moderation", query={"status": "approved"}),
        reverse("sellercentre:seller_moderation_vendor", args=[vendor.pk]),
        reverse("sellercentre:seller_moderation_exceptions"),
        reverse("sellercentre:dashboard"),
    ]
    client.force_login(moderator)
    for url in urls:
        assert client.get(language + url).status_code == 200, url


# --- the vendor's profile --------------------------------------------------------------------


@pytest.fixture
def approved(make_application, make_member, client):
    vendor = make_application(status=VendorStatus.APPROVED)
    client.force_login(make_member(vendor))
    return vendor


PROFILE = {
    "action": "edit",
    "name_hi": "अवध क्राफ़्ट्स",
    "pickup_address": "Godown 3, Talkatora Industrial Area",
    "pickup_pincode": "226011",
    "contact_name": "Imran Ali",
    "contact_phone": "9415012345",
    "contact_email": "",
    "phone": "9415098765",
    "email": "",
}


def test_approved_vendor_changes_contact_and_pickup(client, approved):
    response = client.post(reverse("sellercentre:profile", args=[approved.pk]), PROFILE)

    assert response.status_code == 302
    approved.refresh_from_db()
    assert (approved.contact_name, approved.contact_phone) == ("Imran Ali", "+919415012345")
    assert (approved.pickup_address, approved.pickup_pincode) == (
        "Godown 3, Talkatora Industrial Area",
        "226011",
    )


def test_profile_form_offers_only_the_allowed_fields(client, approved):
    before = Vendor.objects.filter(pk=approved.pk).values().get()

    response = client.post(
        reverse("sellercentre:profile", args=[approved.pk]),
        {**PROFILE, "gstin": "27AAPFU0939F1ZV", "bank_account_number": "999999999999"},
    )

    after = Vendor.objects.filter(pk=approved.pk).values().get()
    assert response.status_code == 302
    assert (after["gstin"], after["bank_account_number"]) == (
        before["gstin"],
        before["bank_account_number"],
    )
    assert "gstin" not in response.wsgi_request.POST or "gstin" not in PROFILE


def test_bad_pickup_pincode_is_named(client, approved):
    response = client.post(
        reverse("sellercentre:profile", args=[approved.pk]), {**PROFILE, "pickup_pincode": "199999"}
    )

    assert response.status_code == 200
    assert response.context["edit_form"].errors["pickup_pincode"]
    approved.refresh_from_db()
    assert approved.pickup_pincode == ""


def test_draft_vendor_cannot_use_the_profile_edit(client, make_application, make_member):
    vendor = make_application()
    client.force_login(make_member(vendor))

    response = client.post(reverse("sellercentre:profile", args=[vendor.pk]), PROFILE)

    assert response.status_code == 403
    vendor.refresh_from_db()
    assert vendor.contact_name == "Rukhsana Bano"


def test_upload_more_documents_from_the_profile(client, approved):
    response = client.post(
        reverse("sellercentre:profile", args=[approved.pk]),
        {
            "action": "upload",
            "kind": "address_proof",
            "file": upload("bill.jpg", picture_bytes("JPEG")),
        },
    )

    assert response.status_code == 302
    document = approved.documents.get(kind="address_proof")
    assert document.content_type == "image/jpeg"


@pytest.mark.parametrize(
    ("name", "content"),
    [("gst.pdf", picture_bytes("PNG")[:40]), ("gst.pdf", b"plain text"), ("x.png", b"")],
)
def test_spoofed_upload_on_the_page_is_refused(client, approved, name, content):
    before = KycDocument.objects.count()

    response = client.post(
        reverse("sellercentre:profile", args=[approved.pk]),
        {"action": "upload", "kind": "other", "file": upload(name, content)},
    )

    assert response.status_code == 200
    assert response.context["upload_form"].errors["file"]
    assert KycDocument.objects.count() == before


def test_a_real_pdf_is_accepted_on_the_page(client, approved):
    client.post(
        reverse("sellercentre:profile", args=[approved.pk]),
        {"action": "upload", "kind": "other", "file": upload("deed.pdf", PDF_BYTES)},
    )

    assert approved.documents.filter(kind="other", content_type="application/pdf").exists()


def test_documents_of_an_approved_vendor_stay(client, approved):
    document = approved.documents.first()

    client.post(reverse("sellercentre:document_delete", args=[approved.pk, document.pk]))

    assert KycDocument.objects.filter(pk=document.pk).exists()


@pytest.mark.parametrize("language", ["", "/hi"])
def test_profile_renders_in_both_languages(client, approved, language):
    response = client.get(language + reverse("sellercentre:profile", args=[approved.pk]))

    assert response.status_code == 200
    content = response.content.decode()
    assert approved.bank_account_number not in content  # masked
    assert approved.bank_account_masked in content
