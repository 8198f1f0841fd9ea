"""Every validator with values it must accept and values it must refuse."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import translation

from odopmart.regions.models import State
from odopmart.sellers import validators
from odopmart.sellers.tests.fixtures import PDF_BYTES, picture_bytes, upload


def refused(validate, *args) -> ValidationError:
    with pytest.raises(ValidationError) as error:
        validate(*args)
    return error.value


# --- GSTIN -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "gstin", ["27AAPFU0939F1ZV", "24AAQCA8719H1ZC", "29AAGCB7383J1Z4", "09AAACU9001K1Z8"]
)
def test_valid_gstins(gstin):
    validators.validate_gstin(gstin)


@pytest.mark.parametrize(
    ("gstin", "code"),
    [
        ("27AAPFU0939F1ZX", "gstin_check"),  # wrong check character
        ("29AWGPV7107B1Z1", "gstin_check"),  # NIC sandbox sample, fails the checksum
        ("27AAPFU0939F1Z", "gstin_length"),
        ("27AAPFU0939F1ZVV", "gstin_length"),
        ("40AAPFU0939F1ZV", "gstin_format"),  # no such state code
        ("27AAPXU0939F1ZV", "gstin_format"),  # X is not a PAN holder type
        ("27AAPFU0939F0ZV", "gstin_format"),  # entity number 0
        ("27AAPFU0939F1DV", "gstin_format"),  # D is a TDS registration, not a normal taxpayer
        ("27aapfu0939f1zv", "gstin_format"),  # not normalised
    ],
)
def test_invalid_gstins(gstin, code):
    assert refused(validators.validate_gstin, gstin).code == code


def test_gstins_are_normalised_before_checking():
    assert validators.identifier_normalize(" 27aapfu 0939f1zv\n") == "27AAPFU0939F1ZV"


@pytest.mark.django_db
def test_gstin_state_must_match_the_address_state(reference_data):
    maharashtra = State.objects.get(gst_state_code="27")
    up = State.objects.get(gst_state_code="09")

    validators.validate_gstin_state("27AAPFU0939F1ZV", maharashtra)
    error = refused(validators.validate_gstin_state, "27AAPFU0939F1ZV", up)

    assert error.code == "gstin_state"
    assert "state code 27" in error.messages[0]
    assert "Uttar Pradesh" in error.messages[0]


# --- PAN -------------------------------------------------------------------------------------


@pytest.mark.parametrize("pan", ["AAPFU0939F", "AAACU9001K", "ABCPE1234F", "AAATL0001Z"])
def test_valid_pans(pan):
    validators.validate_pan(pan)


@pytest.mark.parametrize(
    "pan", ["AAPFU0939", "AAPFU09391F", "AAPXU0939F", "AAPFU0000F", "1APFU0939F", "aapfu0939f"]
)
def test_invalid_pans(pan):
    assert refused(validators.validate_pan, pan).code == "pan_format"


def test_pan_must_be_the_gstins_characters_3_to_12():
    validators.validate_pan_matches_gstin("AAPFU0939F", "27AAPFU0939F1ZV")

    error = refused(validators.validate_pan_matches_gstin, "AAPFU0939G", "27AAPFU0939F1ZV")

    assert error.code == "pan_gstin"
    assert "AAPFU0939F" in error.messages[0]


# --- bank, UPI, identity ---------------------------------------------------------------------


@pytest.mark.parametrize("ifsc", ["SBIN0001234", "HDFC0ABC123", "UTIB0000007"])
def test_valid_ifsc(ifsc):
    validators.validate_ifsc(ifsc)


@pytest.mark.parametrize("ifsc", ["SBIN1001234", "SBI0001234", "SBIN00012345", "1BIN0001234"])
def test_invalid_ifsc(ifsc):
    assert refused(validators.validate_ifsc, ifsc).code == "ifsc_format"


@pytest.mark.parametrize(("number", "ok"), [("123456789", True), ("1" * 18, True),
                                            ("12345678", False), ("1" * 19, False),
                                            ("12345678A", False)])  # fmt: skip
def test_bank_account_numbers(number, ok):
    if ok:
        validators.validate_bank_account_number(number)
    else:
        refused(validators.validate_bank_account_number, number)


@pytest.mark.parametrize("upi", ["rukhsana@okaxis", "shop.lko-1@ybl", "9876543210@paytm"])
def test_valid_upi(upi):
    validators.validate_upi_id(upi)


@pytest.mark.parametrize("upi", ["rukhsana", "@okaxis", "a@", "name@ok axis", "name@1bank"])
def test_invalid_upi(upi):
    assert refused(validators.validate_upi_id, upi).code == "upi_format"


@pytest.mark.parametrize(("number", "ok"), [("UDYAM-UP-01-0012345", True),
                                            ("UDYAM-UP-1-0012345", False),
                                            ("UDYAM-U1-01-0012345", False),
                                            ("UDYOG-UP-01-0012345", False),
                                            ("UDYAM-UP-01-001234", False)])  # fmt: skip
def test_udyam(number, ok):
    if ok:
        validators.validate_udyam(number)
    else:
        assert refused(validators.validate_udyam, number).code == "udyam_format"


@pytest.mark.parametrize(("number", "ok"), [("UPLKO123456", True), ("HC/2019/0042", True),
                                            ("12345", False), ("-ABC123", False),
                                            ("A" * 21, False)])  # fmt: skip
def test_pehchan(number, ok):
    if ok:
        validators.validate_pehchan(number)
    else:
        refused(validators.validate_pehchan, number)


# --- phone -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["9876543210", "+91 98765 43210", "098765-43210", "919876543210", "(987) 654-3210"]
)
def test_mobile_numbers_are_normalised(typed):
    assert validators.mobile_normalize(typed) == "+919876543210"


@pytest.mark.parametrize("typed", ["5876543210", "98765", "+1 415 555 0100", "98765432101", "abc"])
def test_invalid_mobile_numbers(typed):
    assert refused(validators.validate_indian_mobile, typed).code == "mobile_format"


# --- PIN codes -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_pincode_lookup(reference_data):
    up = State.objects.get(gst_state_code="09")

    pincode = validators.pincode_lookup("226001", state=up)

    assert pincode.district.slug == "lucknow"
    assert refused(validators.pincode_lookup, "22600").code == "pincode_format"
    assert refused(validators.pincode_lookup, "026001").code == "pincode_format"
    assert refused(validators.pincode_lookup, "199999").code == "pincode_unknown"
    wrong_state = refused(lambda: validators.pincode_lookup("400001", state=up))
    assert wrong_state.code == "pincode_state"
    assert "Maharashtra" in wrong_state.messages[0]


# --- uploads ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("gst.pdf", PDF_BYTES, "application/pdf"),
        ("scan.jpg", picture_bytes("JPEG"), "image/jpeg"),
        ("scan.png", picture_bytes("PNG"), "image/png"),
        ("no-extension", PDF_BYTES, "application/pdf"),
        ("photo.pdf", picture_bytes("PNG"), "image/png"),  # the name does not decide
    ],
)
def test_upload_type_comes_from_the_content(name, content, expected):
    assert validators.upload_content_type(upload(name, content, "text/plain")) == expected


@pytest.mark.parametrize(
    "content",
    [
        b"Hello, this is a text file",
        b"%PDF-1.7 but cut off before the end",
        b"\x89PNG\r\n\x1a\n\x00\x00 garbage",
        b"\xff\xd8\xff\xe0\x00\x10JFIF garbage",
        b"GIF89a\x01\x00\x01\x00",
        picture_bytes("GIF"),
        picture_bytes("BMP"),
        picture_bytes("PNG")[:-20],  # truncated picture
        b"MZ\x90\x00",  # a Windows program
    ],
)
def test_spoofed_and_broken_files_are_refused(content):
    assert refused(validators.upload_content_type, upload("gst.pdf", content)).code == "file_type"


def test_pictures_only_where_a_photo_is_wanted():
    validators.upload_content_type(
        upload("me.png", picture_bytes("PNG")), allowed=validators.PICTURE_TYPES
    )

    error = refused(
        lambda: validators.upload_content_type(
            upload("me.jpg", PDF_BYTES), allowed=validators.PICTURE_TYPES
        )
    )

    assert "JPEG or PNG" in error.messages[0]


def test_empty_and_too_large_files():
    assert refused(validators.upload_content_type, upload("a.pdf", b"")).code == "file_empty"
    with override_settings(ODOPMART={"UPLOAD_MAX_BYTES": 100}):
        error = refused(validators.upload_content_type, upload("a.pdf", PDF_BYTES + b" " * 200))
    assert error.code == "file_too_large"


def test_default_limit_is_five_megabytes():
    assert validators.upload_max_bytes() == 5 * 1024 * 1024
    big = upload("a.pdf", b"%PDF-1.4\n" + b"0" * (5 * 1024 * 1024) + b"\n%%EOF\n")

    error = refused(validators.upload_content_type, big)

    assert error.code == "file_too_large"
    assert error.messages == ["The file is 5.1 MB; the largest allowed is 5 MB."]


def test_messages_are_translated():
    with translation.override("hi"):
        message = refused(validators.validate_ifsc, "BAD").messages[0]
    assert message != refused(validators.validate_ifsc, "BAD").messages[0]
