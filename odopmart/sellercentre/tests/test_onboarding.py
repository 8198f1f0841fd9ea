"""Becoming a seller: the guided steps, saving a draft, resuming, submitting."""

from __future__ import annotations

import pytest
from django.urls import reverse

from odopmart.regions.models import District
from odopmart.sellers.gstin import gstin_build
from odopmart.sellers.models import (
    KycDocument,
    MembershipRole,
    OnboardingStep,
    Vendor,
    VendorMembership,
    VendorStatus,
    VendorStatusEvent,
)
from odopmart.sellers.tests.fixtures import PDF_BYTES, picture_bytes, upload

pytestmark = pytest.mark.django_db

PAN = "AAACU9001K"
GSTIN = gstin_build(state_code="09", pan=PAN)

BUSINESS = {
    "name_en": "Lucknow Chikan House",
    "name_hi": "लखनऊ चिकन हाउस",
    "legal_name": "Lucknow Chikan House Private Limited",
    "type": "company",
    "gstin": GSTIN.lower(),
    "pan": PAN,
}
ADDRESS = {"address": "4 Aminabad Road", "pincode": "226001", "pickup_same": "on"}
BANK = {
    "bank_account_holder": "Lucknow Chikan House",
    "bank_account_number": "001234567890",
    "bank_account_number_again": "001234567890",
    "bank_ifsc": "hdfc0001234",
}
CONTACT = {
    "contact_name": "Rukhsana Bano",
    "contact_phone": "098765 43210",
    "contact_email": "rukhsana@example.com",
    "phone": "+91 91234 56789",
    "email": "care@example.com",
}


def step_url(vendor: Vendor, step: str, language: str = "") -> str:
    url = reverse("sellercentre:onboarding_step", args=[vendor.pk, step])
    return f"/{language}{url}" if language else url


def test_the_whole_application_from_start_to_submitted(client, make_user, reference_data):
    user = make_user()
    client.force_login(user)

    response = client.post(reverse("sellercentre:onboarding_start"), BUSINESS)

    vendor = Vendor.objects.get()
    assert response.status_code == 302
    assert response["Location"] == step_url(vendor, "address")
    assert (vendor.gstin, vendor.pan, vendor.state.gst_state_code) == (GSTIN, PAN, "09")
    assert vendor.status == VendorStatus.DRAFT
    assert vendor.onboarding_step == OnboardingStep.ADDRESS
    assert VendorMembership.objects.get(vendor=vendor).user == user
    assert VendorMembership.objects.get(vendor=vendor).role == MembershipRole.OWNER

    assert client.post(step_url(vendor, "address"), ADDRESS)["Location"] == step_url(vendor, "bank")
    assert client.post(step_url(vendor, "bank"), BANK)["Location"] == step_url(vendor, "contact")
    response = client.post(step_url(vendor, "contact"), CONTACT)
    assert response["Location"] == step_url(vendor, "documents")
    for kind, file in (
        ("gst_certificate", upload("gst.pdf", PDF_BYTES)),
        ("pan_card", upload("pan.jpg", picture_bytes("JPEG"), "image/jpeg")),
        ("cancelled_cheque", upload("cheque.png", picture_bytes("PNG"), "image/png")),
    ):
        response = client.post(
            step_url(vendor, "documents"), {"action": "upload", "kind": kind, "file": file}
        )
        assert response.status_code == 302
    response = client.post(step_url(vendor, "documents"), {"action": "continue"})
    assert response["Location"] == step_url(vendor, "review")
    review = client.get(step_url(vendor, "review"))
    assert "Still to do" not in review.content.decode()

    response = client.post(step_url(vendor, "review"), {"action": "submit"})

    assert response.status_code == 302
    vendor.refresh_from_db()
    assert vendor.status == VendorStatus.SUBMITTED
    assert vendor.district == District.objects.get(slug="lucknow")
    assert vendor.pickup_address == ""
    assert (vendor.bank_account_number, vendor.bank_ifsc) == ("001234567890", "HDFC0001234")
    assert (vendor.contact_phone, vendor.phone) == ("+919876543210", "+919123456789")
    assert sorted(
        KycDocument.objects.filter(vendor=vendor).values_list("content_type", flat=True)
    ) == [
        "application/pdf",
        "image/jpeg",
        "image/png",
    ]
    events = list(
        VendorStatusEvent.objects.filter(vendor=vendor).values_list(
            "from_status", "to_status", "actor"
        )
    )
    assert events == [("", "draft", user.pk), ("draft", "submitted", user.pk)]


def test_leaving_and_coming_back_resumes_at_the_saved_step(client, make_user, reference_data):
    client.force_login(make_user())
    client.post(reverse("sellercentre:onboarding_start"), BUSINESS)
    vendor = Vendor.objects.get()
    client.post(step_url(vendor, "address"), ADDRESS)

    resume = client.get(reverse("sellercentre:onboarding_resume", args=[vendor.pk]))
    ahead = client.get(step_url(vendor, "review"))
    back = client.get(step_url(vendor, "business"))

    assert resume["Location"] == step_url(vendor, "bank")
    assert ahead["Location"] == step_url(vendor, "bank")  # can't skip steps
    assert back.status_code == 200
    assert back.context["form"].initial["gstin"] == GSTIN
    dashboard = client.get(reverse("sellercentre:dashboard")).content.decode()
    assert reverse("sellercentre:onboarding_resume", args=[vendor.pk]) in dashboard


def test_a_bad_step_saves_nothing_and_names_the_field(client, make_user, reference_data):
    client.force_login(make_user())
    client.post(reverse("sellercentre:onboarding_start"), BUSINESS)
    vendor = Vendor.objects.get()

    response = client.post(step_url(vendor, "address"), {**ADDRESS, "pincode": "400001"})

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "state code 09" in errors["pincode"][0]
    assert "Maharashtra" in errors["pincode"][0]
    vendor.refresh_from_db()
    assert (vendor.pincode, vendor.onboarding_step) == ("", OnboardingStep.ADDRESS)


def test_errors_come_in_hindi_on_hindi_pages(client, make_user, reference_data):
    client.force_login(make_user())

    response = client.post(
        "/hi" + reverse("sellercentre:onboarding_start"), {**BUSINESS, "gstin": GSTIN[:14] + "0"}
    )

    assert response.status_code == 200
    assert not Vendor.objects.exists()
    message = response.context["form"].errors["gstin"][0]
    assert message != "This GSTIN has a typing mistake: its last character does not match the rest."
    assert 'aria-invalid="true"' in response.content.decode()


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("gstin", "27AAPFU0939F1ZX", "typing mistake"),
        ("gstin", "09AAACU9001", "15 characters"),
        ("pan", "AAACU9001L", "does not match the GSTIN"),
        ("pan", "AAAC9001K", "not a PAN"),
    ],
)
def test_business_step_refusals(client, make_user, reference_data, field, value, expected):
    client.force_login(make_user())

    response = client.post(reverse("sellercentre:onboarding_start"), {**BUSINESS, field: value})

    assert expected in str(response.context["form"].errors[field])
    assert not Vendor.objects.exists()


def test_the_same_gstin_cannot_register_twice(client, make_user, make_application, reference_data):
    existing = make_application()
    client.force_login(make_user())

    response = client.post(
        reverse("sellercentre:onboarding_start"),
        {**BUSINESS, "gstin": existing.gstin, "pan": existing.pan},
    )

    assert "already registered" in str(response.context["form"].errors["gstin"])
    assert Vendor.objects.count() == 1


def test_submitting_an_incomplete_application_lists_what_is_missing(
    client, make_user, reference_data
):
    client.force_login(make_user())
    client.post(reverse("sellercentre:onboarding_start"), BUSINESS)
    vendor = Vendor.objects.get()
    client.post(step_url(vendor, "address"), ADDRESS)
    client.post(step_url(vendor, "bank"), BANK)
    client.post(step_url(vendor, "contact"), CONTACT)
    client.post(step_url(vendor, "documents"), {"action": "continue"})

    response = client.post(step_url(vendor, "review"), {"action": "submit"})

    assert response.status_code == 200
    text = " ".join(response.context["submit_errors"])
    assert "GST registration certificate" in text
    assert "Cancelled cheque" in text
    vendor.refresh_from_db()
    assert vendor.status == VendorStatus.DRAFT
    assert list(vendor.status_events.values_list("to_status", flat=True)) == ["draft"]


def test_submitted_application_is_locked_until_withdrawn(client, make_member, make_application):
    vendor = make_application(status=VendorStatus.SUBMITTED)
    client.force_login(make_member(vendor))

    blocked = client.post(step_url(vendor, "business"), {**BUSINESS, "name_en": "Changed"})
    withdrawn = client.post(step_url(vendor, "review"), {"action": "withdraw"})

    assert blocked["Location"] == step_url(vendor, "review")
    vendor.refresh_from_db()
    assert vendor.name_en != "Changed"
    assert withdrawn.status_code == 302
    assert vendor.status == VendorStatus.DRAFT


def test_a_rejected_vendor_corrects_and_resubmits(client, make_member, make_application, moderator):
    from odopmart.sellers.services import vendor_reject

    vendor = make_application(status=VendorStatus.SUBMITTED)
    vendor_reject(vendor_id=vendor.pk, actor=moderator, reason="The cheque is not readable.")
    client.force_login(make_member(vendor))

    page = client.get(step_url(vendor, "review")).content.decode()
    client.post(step_url(vendor, "contact"), CONTACT)
    response = client.post(step_url(vendor, "review"), {"action": "submit"})

    assert "The cheque is not readable." in page
    assert response.status_code == 302
    vendor.refresh_from_db()
    assert vendor.status == VendorStatus.SUBMITTED
    assert vendor.status_reason == ""
    assert vendor.contact_email == "rukhsana@example.com"


@pytest.mark.parametrize("language", ["", "hi"])
@pytest.mark.parametrize("step", OnboardingStep.values)
def test_every_step_renders_in_both_languages(
    client, make_member, make_application, step, language
):
    vendor = make_application()
    client.force_login(make_member(vendor))

    response = client.get(step_url(vendor, step, language))

    assert response.status_code == 200
    assert response.context["step"] == step
