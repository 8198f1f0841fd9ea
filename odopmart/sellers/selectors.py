"""Read paths of sellers: the district rule, onboarding progress and moderation queues."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext

from odopmart.odop.models import OdopProduct
from odopmart.sellers import validators
from odopmart.sellers.models import (
    Artisan,
    ArtisanDistrictException,
    DocumentKind,
    ExceptionStatus,
    OnboardingStep,
    Vendor,
    VendorStatus,
)


def artisan_may_make(artisan: Artisan, odop_product: OdopProduct) -> bool:
    """True if the artisan may make (and list) this ODOP product.

    An artisan makes their own district's ODOP products; another district's product needs an
    exception a moderator approved.
    """
    if odop_product.district_id == artisan.district_id:
        return True
    if artisan.pk is None:  # a new artisan has no exceptions yet
        return False
    return ArtisanDistrictException.objects.filter(
        artisan_id=artisan.pk, odop_product=odop_product, status=ExceptionStatus.APPROVED
    ).exists()


def odop_products_for_artisan(artisan: Artisan) -> QuerySet[OdopProduct]:
    """The ODOP products the artisan may make: their district's plus approved exceptions."""
    excepted = ArtisanDistrictException.objects.filter(
        artisan=artisan, status=ExceptionStatus.APPROVED
    ).values("odop_product")
    return (
        OdopProduct.objects.filter(district_id=artisan.district_id)
        | OdopProduct.objects.filter(pk__in=excepted)
    ).select_related("district")


def vendor_list_for_moderation(*, status: str = VendorStatus.SUBMITTED) -> QuerySet[Vendor]:
    """Vendors in a status, the longest-waiting first."""
    return (
        Vendor.objects.filter(status=status)
        .select_related("state", "district")
        .order_by("status_changed_at", "pk")
    )


def district_exception_list_open() -> QuerySet[ArtisanDistrictException]:
    return (
        ArtisanDistrictException.objects.filter(status=ExceptionStatus.REQUESTED)
        .select_related(
            "artisan__vendor", "artisan__district", "odop_product__district", "requested_by"
        )
        .order_by("requested_at", "pk")
    )


def _messages(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


def vendor_onboarding_problems(vendor: Vendor) -> dict[str, list[str]]:
    """What still stops the application from being submitted, by onboarding step.

    Every saved detail is checked again, so an application is complete only if all of it is
    valid together (the GSTIN's state and the address, the PAN and the GSTIN).
    """
    from odopmart.sellers.services import REQUIRED_DOCUMENT_KINDS

    problems: dict[str, list[str]] = {}

    def missing(step: str, name: str) -> None:
        label = str(Vendor._meta.get_field(name).verbose_name)
        problems.setdefault(step, []).append(
            gettext("Fill in %(field)s.") % {"field": label[:1].upper() + label[1:]}
        )

    def check(step: str, validate: Callable[[], object]) -> None:
        try:
            validate()
        except ValidationError as error:
            problems.setdefault(step, []).extend(_messages(error))

    business = OnboardingStep.BUSINESS
    # An enrolled unregistered supplier has an enrolment number instead of a GSTIN.
    tax_id = "gstin" if vendor.is_registered else "enrolment_number"
    for name in ("name_en", "legal_name", "type", tax_id, "pan"):
        if not getattr(vendor, name):
            missing(business, name)
    if vendor.gstin:
        check(business, lambda: validators.validate_gstin(vendor.gstin))
    if vendor.pan:
        check(business, lambda: validators.validate_pan(vendor.pan))
        if business not in problems and vendor.gstin:
            check(business, lambda: validators.validate_pan_matches_gstin(vendor.pan, vendor.gstin))

    address = OnboardingStep.ADDRESS
    for name in ("address", "pincode"):
        if not getattr(vendor, name):
            missing(address, name)
    if vendor.pincode:
        check(address, lambda: validators.pincode_lookup(vendor.pincode, state=vendor.state))
    if vendor.pickup_pincode:
        check(address, lambda: validators.pincode_lookup(vendor.pickup_pincode))
    if bool(vendor.pickup_address) != bool(vendor.pickup_pincode):
        missing(address, "pickup_pincode" if vendor.pickup_address else "pickup_address")

    bank = OnboardingStep.BANK
    for name in ("bank_account_holder", "bank_account_number", "bank_ifsc"):
        if not getattr(vendor, name):
            missing(bank, name)
    if vendor.bank_account_number:
        check(bank, lambda: validators.validate_bank_account_number(vendor.bank_account_number))
    if vendor.bank_ifsc:
        check(bank, lambda: validators.validate_ifsc(vendor.bank_ifsc))

    contact = OnboardingStep.CONTACT
    for name in ("contact_name", "contact_phone", "phone"):
        if not getattr(vendor, name):
            missing(contact, name)
    for name in ("contact_phone", "phone"):
        value = getattr(vendor, name)
        if value:
            check(contact, lambda value=value: validators.validate_indian_mobile(value))

    present = set(vendor.documents.values_list("kind", flat=True))
    for kind in REQUIRED_DOCUMENT_KINDS:
        if kind == DocumentKind.GST_CERTIFICATE and not vendor.is_registered:
            continue  # no GST registration to show
        if kind not in present:
            problems.setdefault(OnboardingStep.DOCUMENTS, []).append(
                gettext("Upload the %(document)s.") % {"document": DocumentKind(kind).label}
            )
    return problems
