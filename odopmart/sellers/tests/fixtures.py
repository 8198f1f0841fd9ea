"""Fixtures for seller and seller-centre tests: people with roles, complete applications, files."""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from PIL import Image

from odopmart.accounts.models import StaffRole, StaffRoleGrant
from odopmart.regions.models import District, State
from odopmart.sellers.gstin import gstin_build
from odopmart.sellers.models import (
    DocumentKind,
    KycDocument,
    MembershipRole,
    Vendor,
    VendorMembership,
    VendorStatus,
    VendorType,
)

_sequence = itertools.count(1)

PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
)


def picture_bytes(kind: str = "PNG", size: tuple[int, int] = (8, 8)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (154, 61, 32)).save(buffer, format=kind)
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/pdf") -> SimpleUploadedFile:
    """A browser upload: the name and content type are whatever the client claims."""
    return SimpleUploadedFile(name, content, content_type=content_type)


def sample_pan(n: int, holder: str = "C") -> str:
    """A PAN-shaped identifier (4th letter = holder type), unique per n."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return f"AA{letters[n % 26]}{holder}T{n % 9000 + 1:04d}{letters[(n // 26) % 26]}"


@pytest.fixture(autouse=True)
def english_between_tests() -> Iterator[None]:
    # A request to a Hindi page leaves Hindi active in the thread; each test starts in English.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def private_media(settings: Any, tmp_path: Path) -> Path:
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.PRIVATE_MEDIA_ROOT


@pytest.fixture(autouse=True)
def sign_in_page(settings: Any) -> None:
    # The phone sign-in pages live in the accounts app; when they are not installed, sign-in
    # redirects go to their path directly.
    try:
        reverse(settings.LOGIN_URL)
    except NoReverseMatch:
        settings.LOGIN_URL = "/accounts/signin/"


@pytest.fixture
def make_user(db: None) -> Callable[..., Any]:
    def make(*roles: str, **fields: Any) -> Any:
        n = next(_sequence)
        user = get_user_model().objects.create_user(
            username=fields.pop("username", f"seller-user-{n}"), **fields
        )
        for role in roles:
            StaffRoleGrant.objects.create(user=user, role=role)
        return user

    return make


@pytest.fixture
def moderator(make_user: Callable[..., Any]) -> Any:
    return make_user(StaffRole.MODERATOR)


@pytest.fixture
def operator_admin(make_user: Callable[..., Any]) -> Any:
    return make_user(StaffRole.OPERATOR_ADMIN)


@pytest.fixture
def desk_user(make_user: Callable[..., Any]) -> Any:
    return make_user(StaffRole.CATALOGUE_DESK)


@pytest.fixture
def make_member(make_user: Callable[..., Any]) -> Callable[..., Any]:
    """make_member(vendor) -> a new user who owns (or, role='staff', works for) the vendor."""

    def make(vendor: Vendor, role: str = MembershipRole.OWNER, user: Any = None) -> Any:
        user = user or make_user()
        VendorMembership.objects.create(user=user, vendor=vendor, role=role)
        return user

    return make


def complete_vendor_fields(n: int) -> dict[str, Any]:
    """Every detail of a valid application from Lucknow (GSTIN with a correct check character)."""
    pan = sample_pan(n)
    return {
        "name_en": f"Awadh Crafts {n}",
        "name_hi": f"अवध क्राफ़्ट्स {n}",
        "legal_name": f"Awadh Crafts Private Limited {n}",
        "slug": f"awadh-crafts-{n}",
        "type": VendorType.COMPANY,
        "gstin": gstin_build(state_code="09", pan=pan),
        "pan": pan,
        "state": State.objects.get(gst_state_code="09"),
        "address": "12 Hazratganj",
        "pincode": "226001",
        "district": District.objects.get(slug="lucknow"),
        "bank_account_holder": f"Awadh Crafts {n}",
        "bank_account_number": "123456789012",
        "bank_ifsc": "SBIN0001234",
        "contact_name": "Rukhsana Bano",
        "contact_phone": "+919876543210",
        "phone": "+919876543211",
        "onboarding_step": "review",
    }


@pytest.fixture
def make_application(reference_data: None) -> Callable[..., Vendor]:
    """make_application(status=..., documents=True, **fields) -> a complete application."""

    def make(*, documents: bool = True, **overrides: Any) -> Vendor:
        fields = complete_vendor_fields(next(_sequence))
        fields.setdefault("status", VendorStatus.DRAFT)
        fields.update(overrides)
        vendor = Vendor.objects.create(**fields)
        if documents:
            for kind in (
                DocumentKind.GST_CERTIFICATE,
                DocumentKind.PAN_CARD,
                DocumentKind.CANCELLED_CHEQUE,
            ):
                document = KycDocument(
                    vendor=vendor, kind=kind, content_type="application/pdf", size_bytes=100
                )
                document.file.save("upload", io.BytesIO(PDF_BYTES), save=False)
                document.save()
        return vendor

    return make
