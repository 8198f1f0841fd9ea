"""Vendor status machine, onboarding writes, KYC documents, artisans and district exceptions."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from odopmart.odop.models import OdopProduct
from odopmart.regions.models import District
from odopmart.sellers.models import (
    Artisan,
    ArtisanDistrictException,
    ArtisanVendorHistory,
    DeskAssignment,
    DocumentKind,
    ExceptionStatus,
    KycDocument,
    Vendor,
    VendorStatus,
    VendorStatusEvent,
)
from odopmart.sellers.selectors import artisan_may_make
from odopmart.sellers.services import (
    EXCEPTION_TRANSITIONS,
    VENDOR_REASON_REQUIRED,
    VENDOR_TRANSITIONS,
    ExceptionStatusError,
    VendorStatusError,
    artisan_create,
    artisan_move,
    artisan_update,
    desk_assignment_create,
    district_exception_decide,
    district_exception_request,
    kyc_document_add,
    kyc_document_delete,
    vendor_approve,
    vendor_reject,
    vendor_set_status,
    vendor_submit,
    vendor_suspend,
    vendor_update,
)
from odopmart.sellers.tests.fixtures import PDF_BYTES, picture_bytes, upload

pytestmark = pytest.mark.django_db

ALLOWED = {(start, end) for start, ends in VENDOR_TRANSITIONS.items() for end in ends}


# --- the vendor status machine ---------------------------------------------------------------


def test_every_status_has_a_row_in_the_transition_table():
    assert set(VENDOR_TRANSITIONS) == set(VendorStatus.values)


def test_the_table_is_the_onboarding_workflow():
    expected = {
        ("draft", "submitted"),
        ("submitted", "approved"),
        ("submitted", "rejected"),
        ("submitted", "draft"),
        ("approved", "suspended"),
        ("rejected", "submitted"),
        ("suspended", "approved"),
    }
    assert expected == ALLOWED


@pytest.mark.parametrize(
    ("start", "end"),
    [pair for pair in itertools.permutations(VendorStatus.values, 2) if pair in ALLOWED],
)
def test_allowed_transitions_write_an_event(make_vendor, admin_user, start, end):
    vendor = make_vendor(status=start)

    result = vendor_set_status(vendor_id=vendor.pk, status=end, actor=admin_user, reason="Checked")

    vendor.refresh_from_db()
    assert result.status == vendor.status == end
    assert vendor.status_changed_at is not None
    event = VendorStatusEvent.objects.get(vendor=vendor)
    assert (event.from_status, event.to_status, event.actor, event.reason) == (
        start,
        end,
        admin_user,
        "Checked",
    )
    assert vendor.status_reason == ("Checked" if end in VENDOR_REASON_REQUIRED else "")


@pytest.mark.parametrize(
    ("start", "end"),
    [pair for pair in itertools.permutations(VendorStatus.values, 2) if pair not in ALLOWED],
)
def test_refused_transitions_change_nothing(make_vendor, admin_user, start, end):
    vendor = make_vendor(status=start)

    with pytest.raises(VendorStatusError) as error:
        vendor_set_status(vendor_id=vendor.pk, status=end, actor=admin_user, reason="Because")

    vendor.refresh_from_db()
    assert vendor.status == start
    assert error.value.from_status == start
    assert error.value.to_status == end
    assert not VendorStatusEvent.objects.filter(vendor=vendor).exists()


@pytest.mark.parametrize("end", sorted(VENDOR_REASON_REQUIRED))
def test_rejecting_and_suspending_need_a_reason(make_vendor, admin_user, end):
    start = VendorStatus.SUBMITTED if end == VendorStatus.REJECTED else VendorStatus.APPROVED
    vendor = make_vendor(status=start)

    with pytest.raises(ValidationError) as error:
        vendor_set_status(vendor_id=vendor.pk, status=end, actor=admin_user, reason="   ")

    assert "reason" in error.value.message_dict
    vendor.refresh_from_db()
    assert vendor.status == start
    assert not VendorStatusEvent.objects.filter(vendor=vendor).exists()


def test_setting_the_same_status_is_a_no_op(make_vendor):
    vendor = make_vendor(status=VendorStatus.APPROVED)

    assert vendor_approve(vendor_id=vendor.pk, actor=None).status == VendorStatus.APPROVED
    assert not VendorStatusEvent.objects.filter(vendor=vendor).exists()


def test_approve_suspend_reinstate_history(make_vendor, admin_user):
    vendor = make_vendor(status=VendorStatus.SUBMITTED)

    vendor_approve(vendor_id=vendor.pk, actor=admin_user)
    vendor_suspend(vendor_id=vendor.pk, actor=admin_user, reason="Late dispatches")
    vendor_approve(vendor_id=vendor.pk, actor=admin_user, reason="Fixed")

    rows = VendorStatusEvent.objects.filter(vendor=vendor).values_list(
        "from_status", "to_status", "reason"
    )
    assert list(rows) == [
        ("submitted", "approved", ""),
        ("approved", "suspended", "Late dispatches"),
        ("suspended", "approved", "Fixed"),
    ]
    vendor.refresh_from_db()
    assert (vendor.status, vendor.status_reason) == ("approved", "")


def test_error_message_names_vendor_and_statuses(make_vendor):
    vendor = make_vendor(name_en="Agra Leather Works", status=VendorStatus.DRAFT)

    with pytest.raises(
        VendorStatusError, match="Agra Leather Works cannot go from Draft to Suspended"
    ):
        vendor_suspend(vendor_id=vendor.pk, actor=None, reason="x")


# --- submitting and the field policy ---------------------------------------------------------


def test_submit_a_complete_application(make_application, make_member):
    vendor = make_application()
    owner = make_member(vendor)

    vendor_submit(vendor_id=vendor.pk, actor=owner)

    vendor.refresh_from_db()
    assert vendor.status == VendorStatus.SUBMITTED
    assert VendorStatusEvent.objects.get(vendor=vendor).actor == owner


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"pincode": "400001"}, "not in Uttar Pradesh"),
        ({"pan": "AAACU9001K"}, "does not match the GSTIN"),
        ({"gstin": "09AAACU9001K1Z0"}, "typing mistake"),
        ({"bank_ifsc": "SBIN1234567"}, "IFSC"),
        ({"contact_phone": "12345"}, "mobile number"),
        ({"legal_name": ""}, "Legal name"),
    ],
)
def test_submit_checks_every_detail_again(make_application, changes, expected):
    vendor = make_application(**changes)

    with pytest.raises(ValidationError) as error:
        vendor_submit(vendor_id=vendor.pk, actor=None)

    assert expected in " ".join(error.value.messages)
    vendor.refresh_from_db()
    assert vendor.status == VendorStatus.DRAFT


def test_submit_needs_the_required_documents(make_application):
    vendor = make_application(documents=False)

    with pytest.raises(ValidationError) as error:
        vendor_submit(vendor_id=vendor.pk, actor=None)

    text = " ".join(error.value.messages)
    for label in ("GST registration certificate", "PAN card", "Cancelled cheque"):
        assert label in text


@pytest.mark.parametrize(
    ("status", "field", "allowed"),
    [
        (VendorStatus.DRAFT, "gstin", True),
        (VendorStatus.REJECTED, "bank_account_number", True),
        (VendorStatus.APPROVED, "contact_phone", True),
        (VendorStatus.APPROVED, "pickup_address", True),
        (VendorStatus.APPROVED, "gstin", False),
        (VendorStatus.APPROVED, "bank_account_number", False),
        (VendorStatus.APPROVED, "legal_name", False),
        (VendorStatus.SUBMITTED, "contact_phone", False),
        (VendorStatus.SUSPENDED, "contact_phone", False),
    ],
)
def test_field_policy(make_application, status, field, allowed):
    vendor = make_application(status=status)
    before = getattr(vendor, field)
    value = {"gstin": "27AAPFU0939F1ZV", "bank_account_number": "999988887777"}.get(
        field, "+919000000001"
    )

    if allowed:
        vendor_update(vendor_id=vendor.pk, actor=None, fields={field: value})
    else:
        with pytest.raises(ValidationError):
            vendor_update(vendor_id=vendor.pk, actor=None, fields={field: value})

    vendor.refresh_from_db()
    assert getattr(vendor, field) == (value if allowed else before)


def test_changing_the_gstin_moves_the_gst_state(make_application):
    vendor = make_application()

    vendor_update(vendor_id=vendor.pk, actor=None, fields={"gstin": "27AAPFU0939F1ZV"})

    vendor.refresh_from_db()
    assert vendor.state.gst_state_code == "27"


# --- KYC documents ---------------------------------------------------------------------------


def test_document_is_stored_privately_with_its_sniffed_type(
    make_application, make_member, private_media
):
    vendor = make_application(documents=False)
    owner = make_member(vendor)

    document = kyc_document_add(
        vendor_id=vendor.pk,
        actor=owner,
        kind=DocumentKind.ADDRESS_PROOF,
        file=upload("bill.pdf", picture_bytes("PNG")),
    )

    assert (document.content_type, document.original_name) == ("image/png", "bill.pdf")
    assert document.uploaded_by == owner
    assert document.file.name.endswith(".png")
    path = Path(document.file.path)
    assert path.is_relative_to(Path(private_media).resolve())
    assert path.read_bytes() == picture_bytes("PNG")
    with pytest.raises(ValueError, match="no public URL"):
        document.file.url  # noqa: B018


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("gst.pdf", b"just some text pretending to be a PDF"),
        ("gst.pdf", b"<html><script>alert(1)</script></html>"),
        ("cheque.png", b"\x89PNG\r\n\x1a\n but the rest is not a picture"),
        ("cheque.jpg", b"\xff\xd8\xff\xe0 truncated"),
        ("pan.pdf", b"%PDF-1.4 no end of file marker"),
    ],
)
def test_spoofed_documents_are_refused_and_nothing_is_stored(
    make_application, name, content, private_media
):
    vendor = make_application(documents=False)

    with pytest.raises(ValidationError) as error:
        kyc_document_add(
            vendor_id=vendor.pk, actor=None, kind=DocumentKind.PAN_CARD, file=upload(name, content)
        )

    assert "file" in error.value.message_dict
    assert not KycDocument.objects.exists()
    assert not list(Path(private_media).rglob("*.*"))


def test_documents_cannot_be_added_to_a_suspended_vendor(make_application):
    vendor = make_application(status=VendorStatus.SUSPENDED, documents=False)

    with pytest.raises(ValidationError):
        kyc_document_add(
            vendor_id=vendor.pk, actor=None, kind="other", file=upload("a.pdf", PDF_BYTES)
        )

    assert not KycDocument.objects.exists()


def test_documents_can_be_removed_only_before_submission(
    make_application, django_capture_on_commit_callbacks
):
    vendor = make_application()
    document = vendor.documents.first()
    path = Path(document.file.path)

    with django_capture_on_commit_callbacks(execute=True):
        kyc_document_delete(document_id=document.pk, actor=None)

    assert not KycDocument.objects.filter(pk=document.pk).exists()
    assert not path.exists()
    Vendor.objects.filter(pk=vendor.pk).update(status=VendorStatus.SUBMITTED)
    kept = vendor.documents.first()
    with pytest.raises(ValidationError):
        kyc_document_delete(document_id=kept.pk, actor=None)
    assert KycDocument.objects.filter(pk=kept.pk).exists()


# --- artisans and the district rule ----------------------------------------------------------


def lucknow_fields(**overrides):
    fields = {
        "name_en": "Shabana Khatoon",
        "name_hi": "शबाना ख़ातून",
        "town": "Chowk",
        "pincode": "226003",
        "district": District.objects.get(slug="lucknow"),
    }
    fields.update(overrides)
    return fields


def odop(slug: str) -> OdopProduct:
    return OdopProduct.objects.filter(district__slug=slug).order_by("rank", "pk").first()


def test_artisan_created_with_own_district_products_and_history(make_application, make_member):
    vendor = make_application(status=VendorStatus.APPROVED)
    owner = make_member(vendor)

    artisan = artisan_create(
        vendor_id=vendor.pk, actor=owner, fields=lucknow_fields(), odop_products=[odop("lucknow")]
    )

    assert list(artisan.odop_products.all()) == [odop("lucknow")]
    assert artisan.slug == "shabana-khatoon-lucknow"
    history = ArtisanVendorHistory.objects.get(artisan=artisan)
    assert (history.from_vendor, history.to_vendor, history.actor) == (None, vendor, owner)


def test_another_districts_product_is_refused_without_an_exception(make_application):
    vendor = make_application(status=VendorStatus.APPROVED)

    with pytest.raises(ValidationError) as error:
        artisan_create(
            vendor_id=vendor.pk,
            actor=None,
            fields=lucknow_fields(),
            odop_products=[odop("varanasi")],
        )

    assert "odop_products" in error.value.message_dict
    assert not Artisan.objects.exists()


def test_district_exception_flow(make_artisan, make_member, moderator):
    artisan = make_artisan()  # Lucknow
    owner = make_member(artisan.vendor)
    silk = odop("varanasi")
    assert not artisan_may_make(artisan, silk)

    request = district_exception_request(
        artisan_id=artisan.pk, odop_product_id=silk.pk, actor=owner, reason="Trained in Varanasi"
    )
    assert not artisan_may_make(artisan, silk)
    with pytest.raises(ValidationError):  # one open request at a time
        district_exception_request(
            artisan_id=artisan.pk, odop_product_id=silk.pk, actor=owner, reason="Again"
        )

    district_exception_decide(
        exception_id=request.pk, status=ExceptionStatus.APPROVED, actor=moderator
    )

    request.refresh_from_db()
    assert (request.status, request.decided_by, request.requested_by) == (
        "approved",
        moderator,
        owner,
    )
    assert request.decided_at is not None
    assert artisan_may_make(artisan, silk)
    assert silk in artisan.odop_products.all()
    artisan_update(artisan_id=artisan.pk, actor=owner, fields={}, odop_products=[silk])


def test_own_district_needs_no_exception(make_artisan):
    artisan = make_artisan()

    with pytest.raises(ValidationError, match="no exception needed"):
        district_exception_request(
            artisan_id=artisan.pk, odop_product_id=odop("lucknow").pk, actor=None, reason="x"
        )


def test_rejected_exception_needs_a_reason_and_grants_nothing(make_artisan, moderator):
    artisan = make_artisan()
    request = district_exception_request(
        artisan_id=artisan.pk, odop_product_id=odop("agra").pk, actor=None, reason="Family craft"
    )

    with pytest.raises(ValidationError):
        district_exception_decide(
            exception_id=request.pk, status=ExceptionStatus.REJECTED, actor=moderator
        )
    district_exception_decide(
        exception_id=request.pk,
        status=ExceptionStatus.REJECTED,
        actor=moderator,
        reason="No proof of the craft",
    )

    assert not artisan_may_make(artisan, odop("agra"))
    # A refused request can be made again with better reasons.
    district_exception_request(
        artisan_id=artisan.pk, odop_product_id=odop("agra").pk, actor=None, reason="Certificate"
    )
    assert ArtisanDistrictException.objects.filter(artisan=artisan).count() == 2


@pytest.mark.parametrize(
    ("start", "end"),
    [
        pair
        for pair in itertools.product(ExceptionStatus.values, repeat=2)
        if pair[1] not in EXCEPTION_TRANSITIONS[pair[0]]
    ],
)
def test_refused_exception_transitions(make_artisan, moderator, start, end):
    artisan = make_artisan()
    exception = ArtisanDistrictException.objects.create(
        artisan=artisan, odop_product=odop("agra"), status=start, request_reason="x"
    )

    with pytest.raises(ExceptionStatusError):
        district_exception_decide(
            exception_id=exception.pk, status=end, actor=moderator, reason="r"
        )

    exception.refresh_from_db()
    assert exception.status == start
    assert exception.decided_by is None


def test_moving_the_district_keeps_only_allowed_products(make_artisan):
    artisan = make_artisan()
    artisan.odop_products.set([odop("lucknow")])

    with pytest.raises(ValidationError):
        artisan_update(
            artisan_id=artisan.pk,
            actor=None,
            fields={"district": District.objects.get(slug="agra"), "pincode": "282001"},
        )

    artisan.refresh_from_db()
    assert artisan.district.slug == "lucknow"


def test_artisan_move_keeps_history(make_artisan, make_vendor, operator_admin, desk_user):
    artisan = make_artisan()
    first = artisan.vendor
    second = make_vendor()
    assignment = desk_assignment_create(
        desk_user_id=desk_user.pk, vendor_id=first.pk, artisan_id=artisan.pk, actor=operator_admin
    )

    artisan_move(
        artisan_id=artisan.pk, to_vendor_id=second.pk, actor=operator_admin, reason="Joined FPO"
    )
    artisan_move(artisan_id=artisan.pk, to_vendor_id=first.pk, actor=operator_admin, reason="Back")

    artisan.refresh_from_db()
    assert artisan.vendor == first
    rows = ArtisanVendorHistory.objects.filter(artisan=artisan).values_list(
        "from_vendor", "to_vendor", "actor", "reason"
    )
    assert list(rows) == [
        (first.pk, second.pk, operator_admin.pk, "Joined FPO"),
        (second.pk, first.pk, operator_admin.pk, "Back"),
    ]
    assignment.refresh_from_db()
    assert assignment.vendor == first


@pytest.mark.parametrize(
    ("target", "reason", "field"),
    [("same", "Why", "to_vendor"), ("suspended", "Why", "to_vendor"), ("other", " ", "reason")],
)
def test_refused_moves_change_nothing(make_artisan, make_vendor, target, reason, field):
    artisan = make_artisan()
    to_vendor = {
        "same": artisan.vendor,
        "suspended": make_vendor(status=VendorStatus.SUSPENDED),
        "other": make_vendor(),
    }[target]

    with pytest.raises(ValidationError) as error:
        artisan_move(artisan_id=artisan.pk, to_vendor_id=to_vendor.pk, actor=None, reason=reason)

    assert field in error.value.message_dict
    artisan.refresh_from_db()
    assert not ArtisanVendorHistory.objects.filter(artisan=artisan).exists()


def test_desk_assignment_needs_a_desk_member(make_artisan, make_user):
    artisan = make_artisan()

    with pytest.raises(ValidationError):
        desk_assignment_create(desk_user_id=make_user().pk, vendor_id=artisan.vendor_id, actor=None)

    assert not DeskAssignment.objects.exists()


def test_artisan_photo_is_checked_by_content(make_artisan):
    artisan = make_artisan()

    with pytest.raises(ValidationError) as error:
        artisan_update(
            artisan_id=artisan.pk, actor=None, fields={"photo": upload("me.jpg", PDF_BYTES)}
        )

    assert "photo" in error.value.message_dict
    artisan.refresh_from_db()
    assert not artisan.photo


def test_reject_uses_the_reason(make_application, moderator):
    vendor = make_application(status=VendorStatus.SUBMITTED)

    vendor_reject(vendor_id=vendor.pk, actor=moderator, reason="GSTIN is cancelled")

    vendor.refresh_from_db()
    assert (vendor.status, vendor.status_reason) == ("rejected", "GSTIN is cancelled")
