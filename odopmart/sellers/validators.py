"""Checks on what sellers type and upload. Each raises ValidationError with a translated message.

Identifiers are normalised first (upper case, spaces removed) by the `*_normalize` helpers; the
validators expect normalised input. Uploaded files are judged by their content (magic bytes, and
Pillow for pictures), never by their name or the browser's content type.
"""

from __future__ import annotations

import math
import re
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from odopmart.regions.models import Pincode, State
from odopmart.sellers.gstin import gstin_check_char

# Normal taxpayers only (INDIA_COMMERCE.md 1.1): state code, PAN (4th letter a holder type),
# entity number, 'Z', check character.
GSTIN_RE = re.compile(
    r"^(0[1-9]|[12][0-9]|3[0-8]|97|99)[A-Z]{3}[ABCFGHJLPT][A-Z][0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$"
)
PAN_RE = re.compile(r"^[A-Z]{3}[ABCFGHJLPT][A-Z](?!0000)[0-9]{4}[A-Z]$")
IFSC_RE = re.compile(r"^[A-Z]{4}0[A-Z0-9]{6}$")
PINCODE_RE = re.compile(r"^[1-9][0-9]{5}$")
MOBILE_RE = re.compile(r"^[6-9][0-9]{9}$")
UPI_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{1,255}@[A-Za-z][A-Za-z0-9]{1,63}$")
UDYAM_RE = re.compile(r"^UDYAM-[A-Z]{2}-[0-9]{2}-[0-9]{7}$")
# The artisan identity card of the Development Commissioner (Handicrafts). Its numbering is not
# published, so only the shape is checked: 6 to 20 letters and digits, '/' or '-' inside.
PEHCHAN_RE = re.compile(r"^[A-Z0-9][A-Z0-9/-]{4,18}[A-Z0-9]$")
BANK_ACCOUNT_RE = re.compile(r"^[0-9]{9,18}$")

DEFAULT_UPLOAD_MAX_BYTES = 5 * 1024 * 1024

# What each accepted kind of file starts with.
PDF_MAGIC = b"%PDF-"
JPEG_MAGIC = b"\xff\xd8\xff"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"
DOCUMENT_TYPES = (PDF, JPEG, PNG)
PICTURE_TYPES = (JPEG, PNG)


def identifier_normalize(value: str) -> str:
    """Upper case without spaces: what people type as ' 09aaacu 9001k1z5 ' becomes comparable."""
    return re.sub(r"\s+", "", value or "").upper()


# --- GSTIN and PAN ---------------------------------------------------------------------------


def validate_gstin(value: str) -> None:
    if len(value) != 15:
        raise ValidationError(
            _("A GSTIN has 15 characters; this one has %(count)d."),
            code="gstin_length",
            params={"count": len(value)},
        )
    if not GSTIN_RE.match(value):
        raise ValidationError(
            _(
                "This is not a GSTIN: it should look like 09AAACU9001K1Z8 (state code, PAN, "
                "entity number, Z, check character)."
            ),
            code="gstin_format",
        )
    if gstin_check_char(value[:14]) != value[14]:
        raise ValidationError(
            _("This GSTIN has a typing mistake: its last character does not match the rest."),
            code="gstin_check",
        )


def validate_gstin_state(gstin: str, state: State) -> None:
    """The GSTIN must be registered in the state of the business address."""
    if gstin[:2] != state.gst_state_code:
        raise ValidationError(
            _(
                "The GSTIN is registered in state code %(gstin_code)s, but the business address "
                "is in %(state)s (state code %(state_code)s)."
            ),
            code="gstin_state",
            params={
                "gstin_code": gstin[:2],
                "state": state.name,
                "state_code": state.gst_state_code,
            },
        )


def validate_pan(value: str) -> None:
    if not PAN_RE.match(value):
        raise ValidationError(
            _("This is not a PAN: it should be 10 characters like AAACU9001K."),
            code="pan_format",
        )


def validate_pan_matches_gstin(pan: str, gstin: str) -> None:
    """Characters 3 to 12 of a GSTIN are the holder's PAN."""
    if gstin[2:12] != pan:
        raise ValidationError(
            _("The PAN does not match the GSTIN: characters 3 to 12 of the GSTIN are %(pan)s."),
            code="pan_gstin",
            params={"pan": gstin[2:12]},
        )


# --- bank, UPI -------------------------------------------------------------------------------


def validate_ifsc(value: str) -> None:
    if not IFSC_RE.match(value):
        raise ValidationError(
            _(
                "This is not an IFSC: 11 characters, four letters, a zero, then six letters or "
                "digits, like SBIN0001234."
            ),
            code="ifsc_format",
        )


def validate_bank_account_number(value: str) -> None:
    if not BANK_ACCOUNT_RE.match(value):
        raise ValidationError(
            _("A bank account number has 9 to 18 digits."), code="bank_account_format"
        )


def validate_upi_id(value: str) -> None:
    if not UPI_RE.match(value):
        raise ValidationError(
            _("This is not a UPI ID: it should look like name@bank."), code="upi_format"
        )


# --- artisan identity ------------------------------------------------------------------------


def validate_udyam(value: str) -> None:
    if not UDYAM_RE.match(value):
        raise ValidationError(
            _("This is not a Udyam number: it should look like UDYAM-UP-01-0012345."),
            code="udyam_format",
        )


def validate_pehchan(value: str) -> None:
    if not PEHCHAN_RE.match(value):
        raise ValidationError(
            _("A Pehchan card number has 6 to 20 letters and digits."), code="pehchan_format"
        )


# --- phone -----------------------------------------------------------------------------------


def mobile_normalize(value: str) -> str:
    """'+91 98765 43210', '098765-43210' or '9876543210' -> '+919876543210'.

    Raises ValidationError unless it is a 10-digit Indian mobile number (starting 6 to 9).
    """
    digits = re.sub(r"[\s().-]", "", value or "")
    if digits.startswith("+91"):
        digits = digits[3:]
    elif len(digits) == 12 and digits.startswith("91"):
        digits = digits[2:]
    elif len(digits) == 11 and digits.startswith("0"):
        digits = digits[1:]
    if not MOBILE_RE.match(digits):
        raise ValidationError(
            _("Enter a 10-digit Indian mobile number, like 98765 43210."), code="mobile_format"
        )
    return f"+91{digits}"


def validate_indian_mobile(value: str) -> None:
    mobile_normalize(value)


# --- PIN code --------------------------------------------------------------------------------


def pincode_lookup(code: str, *, state: State | None = None) -> Pincode:
    """The PIN code's directory row; ValidationError if it is unknown or not in `state`."""
    code = (code or "").strip()
    if not PINCODE_RE.match(code):
        raise ValidationError(_("A PIN code has 6 digits."), code="pincode_format")
    pincode = Pincode.objects.select_related("state", "district").filter(code=code).first()
    if pincode is None:
        raise ValidationError(
            _("PIN code %(code)s is not in the India Post directory."),
            code="pincode_unknown",
            params={"code": code},
        )
    if state is not None and pincode.state_id != state.pk:
        raise ValidationError(
            _("PIN code %(code)s is in %(actual)s, not in %(expected)s."),
            code="pincode_state",
            params={
                "code": code,
                "actual": pincode.state.name if pincode.state else "?",
                "expected": state.name,
            },
        )
    return pincode


def validate_pincode(code: str) -> None:
    pincode_lookup(code)


# --- uploaded files --------------------------------------------------------------------------


def upload_max_bytes() -> int:
    return int(settings.ODOPMART.get("UPLOAD_MAX_BYTES", DEFAULT_UPLOAD_MAX_BYTES))


def _megabytes(size: int, *, round_up: bool = False) -> str:
    """'5', '0.3', '7.2': one decimal at most; rounded up for a too-large file, so it never
    reads as the same number as the limit."""
    tenths = size * 10 / (1024 * 1024)
    tenths = math.ceil(tenths) if round_up else round(tenths)
    return f"{tenths / 10:.1f}".removesuffix(".0")


def _read_head_and_tail(file: IO[bytes], *, tail: int = 1024) -> tuple[bytes, bytes]:
    file.seek(0)
    head = file.read(16)
    file.seek(0, 2)
    end = file.tell()
    file.seek(max(end - tail, 0))
    last = file.read()
    file.seek(0)
    return head, last


def _picture_is_intact(file: IO[bytes], expected_format: str) -> bool:
    from PIL import Image, UnidentifiedImageError

    try:
        file.seek(0)
        with Image.open(file) as image:
            if image.format != expected_format:
                return False
            image.verify()
        file.seek(0)
        with Image.open(file) as image:
            image.load()  # verify() skips the pixel data; a truncated file fails here.
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return False
    finally:
        file.seek(0)
    return True


def upload_content_type(file: Any, *, allowed: tuple[str, ...] = DOCUMENT_TYPES) -> str:
    """The real type of an uploaded file (PDF, JPEG or PNG), checked against `allowed`.

    Raises ValidationError for an empty or too large file, or one whose content is not an
    allowed kind, whatever its name says.
    """
    size = getattr(file, "size", None)
    if not size:
        raise ValidationError(_("The file is empty."), code="file_empty")
    limit = upload_max_bytes()
    if size > limit:
        raise ValidationError(
            _("The file is %(size)s MB; the largest allowed is %(limit)s MB."),
            code="file_too_large",
            params={"size": _megabytes(size, round_up=True), "limit": _megabytes(limit)},
        )
    head, tail = _read_head_and_tail(file)
    content_type = ""
    if head.startswith(PDF_MAGIC) and b"%%EOF" in tail:
        content_type = PDF
    elif head.startswith(JPEG_MAGIC) and _picture_is_intact(file, "JPEG"):
        content_type = JPEG
    elif head.startswith(PNG_MAGIC) and _picture_is_intact(file, "PNG"):
        content_type = PNG
    if content_type not in allowed:
        if allowed == PICTURE_TYPES:
            message = _("Upload a photo (JPEG or PNG); this file is not one.")
        else:
            message = _("Upload a PDF, JPEG or PNG file; this file is not one of those.")
        raise ValidationError(message, code="file_type")
    return content_type
