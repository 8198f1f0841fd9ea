"""Write paths of sellers: onboarding a vendor, its approval states, KYC documents and artisans.

A vendor's products are on sale only while the vendor is approved, so approving or suspending a
vendor changes what buyers see; callers refresh the catalogue's counts afterwards.

Services check the business rules (transitions, field policy, the district rule); who may call
them (members, moderators, operator admins) is checked by the pages through `sellers.access`.
Bad input raises django's ValidationError, keyed by field where there is one.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext, gettext_lazy

from odopmart.accounts.models import Profile, StaffRole, StaffRoleGrant
from odopmart.odop.models import OdopProduct
from odopmart.regions.models import State
from odopmart.sellers.models import (
    Artisan,
    ArtisanDistrictException,
    ArtisanVendorHistory,
    DeskAssignment,
    DocumentKind,
    ExceptionStatus,
    KycDocument,
    MembershipRole,
    OnboardingStep,
    Vendor,
    VendorMembership,
    VendorStatus,
    VendorStatusEvent,
)
from odopmart.sellers.selectors import artisan_may_make
from odopmart.sellers.validators import PICTURE_TYPES, upload_content_type

logger = logging.getLogger(__name__)

Actor = AbstractBaseUser | AnonymousUser | None

# Which status each status may move to.
VENDOR_TRANSITIONS: dict[str, frozenset[str]] = {
    # The vendor submits its application ...
    VendorStatus.DRAFT: frozenset({VendorStatus.SUBMITTED}),
    # ... a moderator decides, or the vendor withdraws it to change something.
    VendorStatus.SUBMITTED: frozenset(
        {VendorStatus.APPROVED, VendorStatus.REJECTED, VendorStatus.DRAFT}
    ),
    VendorStatus.APPROVED: frozenset({VendorStatus.SUSPENDED}),
    # A rejected vendor corrects its details and submits again.
    VendorStatus.REJECTED: frozenset({VendorStatus.SUBMITTED}),
    VendorStatus.SUSPENDED: frozenset({VendorStatus.APPROVED}),
}
# Moves that must say why (the vendor is shown the reason).
VENDOR_REASON_REQUIRED = frozenset({VendorStatus.REJECTED, VendorStatus.SUSPENDED})

# The fields each onboarding step fills in, in order.
ONBOARDING_FIELDS: dict[str, tuple[str, ...]] = {
    OnboardingStep.BUSINESS: ("name_en", "name_hi", "legal_name", "type", "gstin", "pan"),
    OnboardingStep.ADDRESS: ("address", "pincode", "district", "pickup_address", "pickup_pincode"),
    OnboardingStep.BANK: ("bank_account_holder", "bank_account_number", "bank_ifsc"),
    OnboardingStep.CONTACT: ("contact_name", "contact_phone", "contact_email", "phone", "email"),
}
ONBOARDING_STEPS: tuple[str, ...] = tuple(OnboardingStep.values)
ALL_VENDOR_FIELDS = frozenset(field for fields in ONBOARDING_FIELDS.values() for field in fields)
# After approval a vendor may change how it is reached and where parcels are picked up; the
# registration, business address and bank account change only through the operator.
EDITABLE_AFTER_APPROVAL = frozenset(
    {
        "name_hi",
        "pickup_address",
        "pickup_pincode",
        "contact_name",
        "contact_phone",
        "contact_email",
        "phone",
        "email",
    }
)
REQUIRED_DOCUMENT_KINDS: tuple[str, ...] = (
    DocumentKind.GST_CERTIFICATE,
    DocumentKind.PAN_CARD,
    DocumentKind.CANCELLED_CHEQUE,
)
DOCUMENT_UPLOAD_STATUSES = frozenset(
    {VendorStatus.DRAFT, VendorStatus.SUBMITTED, VendorStatus.REJECTED, VendorStatus.APPROVED}
)
DOCUMENT_DELETE_STATUSES = frozenset({VendorStatus.DRAFT, VendorStatus.REJECTED})

EXCEPTION_TRANSITIONS: dict[str, frozenset[str]] = {
    ExceptionStatus.REQUESTED: frozenset({ExceptionStatus.APPROVED, ExceptionStatus.REJECTED}),
    ExceptionStatus.APPROVED: frozenset(),
    ExceptionStatus.REJECTED: frozenset(),
}


def _actor_or_none(actor: Actor) -> AbstractBaseUser | None:
    return actor if actor is not None and actor.is_authenticated else None  # type: ignore[return-value]


class VendorStatusError(Exception):
    """The vendor cannot move from its current status to the one asked for."""

    def __init__(self, vendor: Vendor, to: str) -> None:
        self.vendor = vendor
        self.from_status = vendor.status
        self.to_status = to
        super().__init__(
            gettext("%(vendor)s cannot go from %(from)s to %(to)s.")
            % {
                "vendor": vendor.name_en,
                "from": VendorStatus(vendor.status).label,
                "to": VendorStatus(to).label,
            }
        )


class ExceptionStatusError(Exception):
    """A district exception cannot move from its status to the one asked for."""

    def __init__(self, exception: ArtisanDistrictException, to: str) -> None:
        self.from_status = exception.status
        self.to_status = to
        super().__init__(
            gettext("This request is already %(from)s; it cannot become %(to)s.")
            % {
                "from": ExceptionStatus(exception.status).label,
                "to": ExceptionStatus(to).label,
            }
        )


# --- vendor status ---------------------------------------------------------------------------


def _vendor_transition(vendor: Vendor, to: str, *, actor: Actor, reason: str) -> None:
    """Move a locked vendor row; the caller holds the transaction."""
    if to not in VENDOR_TRANSITIONS[vendor.status]:
        raise VendorStatusError(vendor, to)
    reason = (reason or "").strip()
    if to in VENDOR_REASON_REQUIRED and not reason:
        raise ValidationError(
            {"reason": gettext_lazy("Say why, so the seller knows what to do next.")},
            code="reason_required",
        )
    previous = vendor.status
    vendor.status = to
    vendor.status_reason = reason if to in VENDOR_REASON_REQUIRED else ""
    vendor.status_changed_at = timezone.now()
    vendor.save(update_fields=["status", "status_reason", "status_changed_at"])
    VendorStatusEvent.objects.create(
        vendor=vendor,
        from_status=previous,
        to_status=to,
        actor=_actor_or_none(actor),
        reason=reason,
        at=vendor.status_changed_at,
    )
    logger.info(
        "Vendor %s status %s -> %s by %s", vendor.pk, previous, to, getattr(actor, "pk", None)
    )


@transaction.atomic(durable=True)
def vendor_set_status(
    *, vendor_id: int, status: VendorStatus | str, actor: Actor, reason: str = ""
) -> Vendor:
    """Move a vendor to `status` if the transition table allows it; unchanged if already there.

    Every move writes a VendorStatusEvent. Rejecting and suspending need a reason.
    """
    vendor = Vendor.objects.select_for_update().get(pk=vendor_id)
    if vendor.status == status:
        return vendor
    _vendor_transition(vendor, status, actor=actor, reason=reason)
    return vendor


def vendor_approve(*, vendor_id: int, actor: Actor, reason: str = "") -> Vendor:
    return vendor_set_status(
        vendor_id=vendor_id, status=VendorStatus.APPROVED, actor=actor, reason=reason
    )


def vendor_reject(*, vendor_id: int, actor: Actor, reason: str) -> Vendor:
    return vendor_set_status(
        vendor_id=vendor_id, status=VendorStatus.REJECTED, actor=actor, reason=reason
    )


def vendor_suspend(*, vendor_id: int, actor: Actor, reason: str) -> Vendor:
    return vendor_set_status(
        vendor_id=vendor_id, status=VendorStatus.SUSPENDED, actor=actor, reason=reason
    )


def vendor_withdraw(*, vendor_id: int, actor: Actor) -> Vendor:
    """Take a submitted application back to draft, to change something before review."""
    return vendor_set_status(vendor_id=vendor_id, status=VendorStatus.DRAFT, actor=actor)


@transaction.atomic(durable=True)
def vendor_submit(*, vendor_id: int, actor: Actor) -> Vendor:
    """Send a complete application for review; ValidationError lists what is missing."""
    from odopmart.sellers.selectors import vendor_onboarding_problems

    vendor = Vendor.objects.select_for_update().get(pk=vendor_id)
    if VendorStatus.SUBMITTED not in VENDOR_TRANSITIONS[vendor.status]:
        raise VendorStatusError(vendor, VendorStatus.SUBMITTED)
    problems = vendor_onboarding_problems(vendor)
    if problems:
        raise ValidationError(
            [
                f"{OnboardingStep(step).label}: {message}"
                for step, messages in problems.items()
                for message in messages
            ],
            code="incomplete",
        )
    vendor.onboarding_step = OnboardingStep.REVIEW
    vendor.save(update_fields=["onboarding_step"])
    _vendor_transition(vendor, VendorStatus.SUBMITTED, actor=actor, reason="")
    return vendor


# --- vendor details --------------------------------------------------------------------------


def _unique_slug(model: type[Vendor] | type[Artisan], text: str, *, fallback: str) -> str:
    base = (slugify(text) or fallback)[:150]
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug = f"{base}-{n}"
        n += 1
    return slug


def _state_for_gstin(gstin: str) -> State:
    state = State.objects.filter(gst_state_code=gstin[:2]).first()
    if state is None:
        raise ValidationError(
            {"gstin": gettext_lazy("The GSTIN's state code is not a state we know.")},
            code="gstin_state_unknown",
        )
    return state


def _next_step(step: str) -> str:
    index = ONBOARDING_STEPS.index(step)
    return ONBOARDING_STEPS[min(index + 1, len(ONBOARDING_STEPS) - 1)]


def vendor_editable_fields(vendor: Vendor) -> frozenset[str]:
    """Which details the vendor may change now (the field policy)."""
    if vendor.status in (VendorStatus.DRAFT, VendorStatus.REJECTED):
        return ALL_VENDOR_FIELDS
    if vendor.status == VendorStatus.APPROVED:
        return EDITABLE_AFTER_APPROVAL
    return frozenset()


@transaction.atomic(durable=True)
def vendor_create(*, actor: AbstractBaseUser, fields: Mapping[str, Any]) -> Vendor:
    """Start an application with the business step's details; the actor becomes its owner."""
    unknown = set(fields) - set(ONBOARDING_FIELDS[OnboardingStep.BUSINESS])
    if unknown:
        raise ValueError(f"not business-step fields: {sorted(unknown)}")
    gstin = fields["gstin"]
    if Vendor.objects.filter(gstin=gstin).exists():
        raise ValidationError(
            {"gstin": gettext_lazy("A seller with this GSTIN is already registered.")},
            code="gstin_taken",
        )
    vendor = Vendor(
        **fields,
        state=_state_for_gstin(gstin),
        slug=_unique_slug(Vendor, fields["name_en"], fallback="seller"),
        address="",
        pincode="",
        status=VendorStatus.DRAFT,
        onboarding_step=_next_step(OnboardingStep.BUSINESS),
    )
    try:
        with transaction.atomic():
            vendor.save()
    except IntegrityError as error:  # a concurrent application with the same GSTIN
        raise ValidationError(
            {"gstin": gettext_lazy("A seller with this GSTIN is already registered.")},
            code="gstin_taken",
        ) from error
    VendorMembership.objects.create(user=actor, vendor=vendor, role=MembershipRole.OWNER)
    vendor.status_changed_at = timezone.now()
    vendor.save(update_fields=["status_changed_at"])
    VendorStatusEvent.objects.create(
        vendor=vendor, from_status="", to_status=VendorStatus.DRAFT, actor=_actor_or_none(actor)
    )
    return vendor


@transaction.atomic(durable=True)
def vendor_update(
    *, vendor_id: int, actor: Actor, fields: Mapping[str, Any], step: str | None = None
) -> Vendor:
    """Change a vendor's details within the field policy; saving a step moves the saved step on.

    Refuses (ValidationError, nothing saved) any field the vendor may not change in its status.
    """
    vendor = Vendor.objects.select_for_update().get(pk=vendor_id)
    editable = vendor_editable_fields(vendor)
    locked = [name for name in fields if name not in editable]
    if locked:
        raise ValidationError(
            gettext_lazy(
                "These details can't be changed while the seller is %(status)s: %(fields)s."
            ),
            code="locked",
            params={
                "status": vendor.get_status_display(),
                "fields": ", ".join(
                    str(Vendor._meta.get_field(name).verbose_name) for name in sorted(locked)
                ),
            },
        )
    if "gstin" in fields and fields["gstin"] != vendor.gstin:
        if Vendor.objects.filter(gstin=fields["gstin"]).exclude(pk=vendor.pk).exists():
            raise ValidationError(
                {"gstin": gettext_lazy("A seller with this GSTIN is already registered.")},
                code="gstin_taken",
            )
        vendor.state = _state_for_gstin(fields["gstin"])
    for name, value in fields.items():
        setattr(vendor, name, value)
    if step is not None and ONBOARDING_STEPS.index(_next_step(step)) > ONBOARDING_STEPS.index(
        vendor.onboarding_step
    ):
        vendor.onboarding_step = _next_step(step)
    vendor.save()
    logger.info("Vendor %s details %s changed by %s", vendor.pk, sorted(fields), actor)
    return vendor


@transaction.atomic(durable=True)
def vendor_set_onboarding_step(*, vendor_id: int, actor: Actor, step: str) -> Vendor:
    """Record that the vendor got past `step` (for steps that save no fields, like documents)."""
    vendor = Vendor.objects.select_for_update().get(pk=vendor_id)
    target = _next_step(step)
    if ONBOARDING_STEPS.index(target) > ONBOARDING_STEPS.index(vendor.onboarding_step):
        vendor.onboarding_step = target
        vendor.save(update_fields=["onboarding_step"])
    return vendor


# --- KYC documents ---------------------------------------------------------------------------


def kyc_document_add(*, vendor_id: int, actor: Actor, kind: str, file: UploadedFile) -> KycDocument:
    """Store a KYC document privately after checking what the file really is."""
    if kind not in DocumentKind.values:
        raise ValidationError({"kind": gettext_lazy("Choose which document this is.")})
    try:
        content_type = upload_content_type(file)
    except ValidationError as error:
        raise ValidationError({"file": error.error_list}) from error
    with transaction.atomic(durable=True):
        vendor = Vendor.objects.select_for_update().get(pk=vendor_id)
        if vendor.status not in DOCUMENT_UPLOAD_STATUSES:
            raise ValidationError(
                gettext_lazy("Documents can't be added while the seller is %(status)s."),
                code="locked",
                params={"status": vendor.get_status_display()},
            )
        document = KycDocument(
            vendor=vendor,
            kind=kind,
            content_type=content_type,
            size_bytes=file.size or 0,
            original_name=(file.name or "")[-200:],
            uploaded_by=_actor_or_none(actor),
        )
        file.seek(0)
        document.file.save("upload", file, save=False)
        stored = document.file.name
        try:
            document.save()
        except Exception:
            document.file.storage.delete(stored)
            raise
    return document


@transaction.atomic(durable=True)
def kyc_document_delete(*, document_id: int, actor: Actor) -> None:
    document = KycDocument.objects.select_related("vendor").select_for_update().get(pk=document_id)
    if document.vendor.status not in DOCUMENT_DELETE_STATUSES:
        raise ValidationError(
            gettext_lazy("Documents can't be removed while the seller is %(status)s."),
            code="locked",
            params={"status": document.vendor.get_status_display()},
        )
    storage, name = document.file.storage, document.file.name
    document.delete()
    transaction.on_commit(lambda: storage.delete(name))
    logger.info(
        "KYC document %s of vendor %s deleted by %s", document_id, document.vendor_id, actor
    )


# --- artisans --------------------------------------------------------------------------------

ARTISAN_FIELDS = frozenset(
    {
        "name_en",
        "name_hi",
        "phone",
        "preferred_language",
        "craft_en",
        "craft_hi",
        "address_line",
        "town",
        "pincode",
        "district",
        "pehchan_number",
        "udyam_number",
        "bank_account_number",
        "bank_ifsc",
        "upi_id",
        "photo",
        "story_en",
        "story_hi",
    }
)
ARTISAN_VENDOR_STATUSES = frozenset(
    {VendorStatus.DRAFT, VendorStatus.SUBMITTED, VendorStatus.APPROVED, VendorStatus.REJECTED}
)


def _check_artisan_fields(fields: Mapping[str, Any]) -> None:
    unknown = set(fields) - ARTISAN_FIELDS
    if unknown:
        raise ValueError(f"not artisan fields: {sorted(unknown)}")
    photo = fields.get("photo")
    if isinstance(photo, UploadedFile):
        try:
            upload_content_type(photo, allowed=PICTURE_TYPES)
        except ValidationError as error:
            raise ValidationError({"photo": error.error_list}) from error


def _check_district_rule(artisan: Artisan, odop_products: Iterable[OdopProduct]) -> None:
    refused = [product for product in odop_products if not artisan_may_make(artisan, product)]
    if refused:
        raise ValidationError(
            {
                "odop_products": gettext_lazy(
                    "%(products)s: not an ODOP product of %(district)s. Choose the district's "
                    "own products, or ask for an exception."
                )
                % {
                    "products": ", ".join(f"{p.name} ({p.district.name})" for p in refused),
                    "district": artisan.district.name,
                }
            },
            code="district_rule",
        )


@transaction.atomic(durable=True)
def artisan_create(
    *,
    vendor_id: int,
    actor: Actor,
    fields: Mapping[str, Any],
    odop_products: Iterable[OdopProduct] = (),
) -> Artisan:
    """Add an artisan under a vendor; they may make their own district's ODOP products."""
    _check_artisan_fields(fields)
    vendor = Vendor.objects.select_for_update().get(pk=vendor_id)
    if vendor.status not in ARTISAN_VENDOR_STATUSES:
        raise ValidationError(
            gettext_lazy("Artisans can't be added while the seller is %(status)s."),
            code="locked",
            params={"status": vendor.get_status_display()},
        )
    products = list(odop_products)
    artisan = Artisan(vendor=vendor, **fields)
    _check_district_rule(artisan, products)
    artisan.slug = _unique_slug(
        Artisan, f"{fields['name_en']} {artisan.district.name_en}", fallback="artisan"
    )
    artisan.save()
    artisan.odop_products.set(products)
    ArtisanVendorHistory.objects.create(
        artisan=artisan, from_vendor=None, to_vendor=vendor, actor=_actor_or_none(actor)
    )
    return artisan


@transaction.atomic(durable=True)
def artisan_update(
    *,
    artisan_id: int,
    actor: Actor,
    fields: Mapping[str, Any],
    odop_products: Iterable[OdopProduct] | None = None,
) -> Artisan:
    """Change an artisan's details; the ODOP products they make must fit their district."""
    _check_artisan_fields(fields)
    artisan = Artisan.objects.select_for_update().select_related("district").get(pk=artisan_id)
    for name, value in fields.items():
        setattr(artisan, name, value)
    products = list(artisan.odop_products.all() if odop_products is None else odop_products)
    _check_district_rule(artisan, products)
    artisan.save()
    if odop_products is not None:
        artisan.odop_products.set(products)
    logger.info("Artisan %s details %s changed by %s", artisan.pk, sorted(fields), actor)
    return artisan


@transaction.atomic(durable=True)
def artisan_move(*, artisan_id: int, to_vendor_id: int, actor: Actor, reason: str) -> Artisan:
    """Move an artisan to another vendor (an operator's decision), keeping the history."""
    artisan = Artisan.objects.select_for_update().get(pk=artisan_id)
    to_vendor = Vendor.objects.get(pk=to_vendor_id)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": gettext_lazy("Say why the artisan is moving.")})
    if to_vendor.pk == artisan.vendor_id:
        raise ValidationError(
            {"to_vendor": gettext_lazy("The artisan already sells under this vendor.")}
        )
    if to_vendor.status in (VendorStatus.SUSPENDED, VendorStatus.REJECTED):
        raise ValidationError(
            {
                "to_vendor": gettext_lazy("%(vendor)s is %(status)s and can't take artisans.")
                % {"vendor": to_vendor.name, "status": to_vendor.get_status_display()}
            }
        )
    from_vendor_id = artisan.vendor_id
    artisan.vendor = to_vendor
    artisan.save(update_fields=["vendor"])
    DeskAssignment.objects.filter(artisan=artisan).update(vendor=to_vendor)
    ArtisanVendorHistory.objects.create(
        artisan=artisan,
        from_vendor_id=from_vendor_id,
        to_vendor=to_vendor,
        actor=_actor_or_none(actor),
        reason=reason,
    )
    logger.info("Artisan %s moved %s -> %s by %s", artisan.pk, from_vendor_id, to_vendor.pk, actor)
    return artisan


# --- district exceptions ---------------------------------------------------------------------


@transaction.atomic(durable=True)
def district_exception_request(
    *, artisan_id: int, odop_product_id: int, actor: Actor, reason: str
) -> ArtisanDistrictException:
    """Ask a moderator to let an artisan make another district's ODOP product."""
    artisan = Artisan.objects.select_for_update().get(pk=artisan_id)
    product = OdopProduct.objects.select_related("district").get(pk=odop_product_id)
    reason = (reason or "").strip()
    if product.district_id == artisan.district_id:
        raise ValidationError(
            {
                "odop_product": gettext_lazy(
                    "This is an ODOP product of the artisan's own district; no exception needed."
                )
            }
        )
    if not reason:
        raise ValidationError(
            {"reason": gettext_lazy("Say why the artisan makes this district's product.")}
        )
    existing = ArtisanDistrictException.objects.filter(
        artisan=artisan,
        odop_product=product,
        status__in=[ExceptionStatus.REQUESTED, ExceptionStatus.APPROVED],
    ).first()
    if existing is not None:
        raise ValidationError(
            {
                "odop_product": gettext_lazy("An exception for this product is already %(status)s.")
                % {"status": existing.get_status_display()}
            }
        )
    return ArtisanDistrictException.objects.create(
        artisan=artisan,
        odop_product=product,
        requested_by=_actor_or_none(actor),
        request_reason=reason,
    )


@transaction.atomic(durable=True)
def district_exception_decide(
    *, exception_id: int, status: ExceptionStatus | str, actor: Actor, reason: str = ""
) -> ArtisanDistrictException:
    """A moderator approves or refuses; approval adds the product to what the artisan makes."""
    exception = (
        ArtisanDistrictException.objects.select_for_update()
        .select_related("artisan", "odop_product")
        .get(pk=exception_id)
    )
    if status not in EXCEPTION_TRANSITIONS[exception.status]:
        raise ExceptionStatusError(exception, status)
    reason = (reason or "").strip()
    if status == ExceptionStatus.REJECTED and not reason:
        raise ValidationError({"reason": gettext_lazy("Say why, so the seller knows.")})
    exception.status = status
    exception.decided_by = _actor_or_none(actor)
    exception.decided_at = timezone.now()
    exception.reason = reason
    exception.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    if status == ExceptionStatus.APPROVED:
        exception.artisan.odop_products.add(exception.odop_product)
    return exception


# Not durable: sign-in calls it inside its own transaction, which holds the phone's lock.
@transaction.atomic
def artisan_link_user(*, user: Any) -> Artisan | None:
    """Make a verified phone sign-in the artisan's own: the artisan with that phone and no
    sign-in yet gets this user. Returns the user's artisan (linked now or before), or None.

    Links only when exactly one artisan without a sign-in has the phone; a phone shared by
    several stays unlinked until an operator sets `Artisan.user` in the console.
    """
    linked = Artisan.objects.filter(user=user).first()
    if linked is not None:
        return linked
    profile = Profile.objects.filter(user=user, phone_verified_at__isnull=False).first()
    if profile is None or not profile.phone:
        return None
    # The artisan form stores +91 and ten digits; older rows may hold the ten digits alone.
    forms_of_phone = [profile.phone, profile.phone.removeprefix("+91")]
    candidates = list(
        Artisan.objects.select_for_update()
        .filter(user__isnull=True, phone__in=forms_of_phone)
        .order_by("pk")[:2]
    )
    if len(candidates) != 1:
        if candidates:
            logger.warning("Phone of user %s belongs to several artisans; not linked", user.pk)
        return None
    artisan = candidates[0]
    artisan.user = user
    try:
        with transaction.atomic():
            artisan.save(update_fields=["user"])
    except IntegrityError:
        # Linked to this user by a concurrent sign-in a moment ago.
        return Artisan.objects.filter(user=user).first()
    logger.info("Artisan %s linked to the sign-in of user %s", artisan.pk, user.pk)
    return artisan


# --- catalogue desk --------------------------------------------------------------------------


# Not durable: the admin's add view calls it inside its own transaction.
@transaction.atomic
def desk_assignment_create(
    *, desk_user_id: int, vendor_id: int, artisan_id: int | None = None, actor: Actor
) -> DeskAssignment:
    """Give a catalogue-desk member an artisan (or all of a vendor's artisans) to list for."""
    if not StaffRoleGrant.objects.filter(
        user_id=desk_user_id, role=StaffRole.CATALOGUE_DESK
    ).exists():
        raise ValidationError(
            {"desk_user": gettext_lazy("This person is not on the catalogue desk.")}
        )
    if (
        artisan_id is not None
        and not Artisan.objects.filter(pk=artisan_id, vendor_id=vendor_id).exists()
    ):
        raise ValidationError(
            {"artisan": gettext_lazy("The artisan does not sell under this vendor.")}
        )
    return DeskAssignment.objects.create(
        desk_user_id=desk_user_id,
        vendor_id=vendor_id,
        artisan_id=artisan_id,
        assigned_by=_actor_or_none(actor),
    )


@transaction.atomic(durable=True)
def desk_assignment_end(*, assignment_id: int, actor: Actor) -> DeskAssignment:
    assignment = DeskAssignment.objects.select_for_update().get(pk=assignment_id)
    if assignment.active:
        assignment.active = False
        assignment.save(update_fields=["active"])
    return assignment
