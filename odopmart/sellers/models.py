"""Vendors (GST-registered sellers) and artisans (makers without GST who sell under a vendor).

A vendor is onboarded through the seller centre (business details, address, bank, contact, KYC
documents), submitted and then approved by a moderator; every status change leaves a
`VendorStatusEvent`. People act for a vendor through a `VendorMembership`. An artisan belongs to
one vendor at a time (`ArtisanVendorHistory` keeps earlier ones) and makes the ODOP products of
their own district unless a moderator approved an `ArtisanDistrictException`.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from odopmart.core.i18n import localized
from odopmart.core.models import AuditEvent
from odopmart.odop.models import OdopProduct
from odopmart.regions.models import District, State


class VendorStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SUSPENDED = "suspended", _("Suspended")


class VendorType(models.TextChoices):
    CORPORATION = "corporation", _("State corporation")
    COOPERATIVE = "cooperative", _("Cooperative society")
    FPO = "fpo", _("Farmer producer organisation")
    COMPANY = "company", _("Company")
    PROPRIETOR = "proprietor", _("Proprietorship")


class OnboardingStep(models.TextChoices):
    """The guided onboarding form, in order; a vendor resumes at its saved step."""

    BUSINESS = "business", _("Business and tax details")
    ADDRESS = "address", _("Address and pickup")
    BANK = "bank", _("Bank account")
    CONTACT = "contact", _("Contact person")
    DOCUMENTS = "documents", _("KYC documents")
    REVIEW = "review", _("Review and submit")


class SupplierRegistration(models.TextChoices):
    """How the vendor stands under GST (INDIA_COMMERCE.md 3.4)."""

    REGISTERED = "registered", _("GST-registered")
    # Notification 34/2023-CT: exempt from registration, enrolled on the GST portal; sells
    # within its own state only, charges no GST, no TCS is collected on its sales.
    ENROLLED_UNREGISTERED = "enrolled_unregistered", _("Unregistered, enrolled (no GST)")


class Vendor(models.Model):
    name_en = models.CharField(_("business name (English)"), max_length=160)
    name_hi = models.CharField(_("business name (Hindi)"), max_length=160, blank=True)
    legal_name = models.CharField(
        _("legal name (as on the GST registration)"), max_length=200, blank=True
    )
    slug = models.SlugField(max_length=160, unique=True)
    type = models.CharField(_("business type"), max_length=16, choices=VendorType.choices)
    registration = models.CharField(
        _("GST registration"),
        max_length=24,
        choices=SupplierRegistration.choices,
        default=SupplierRegistration.REGISTERED,
    )
    # Empty only for an enrolled unregistered supplier (which has an enrolment number instead).
    gstin = models.CharField(_("GSTIN"), max_length=15, blank=True)
    enrolment_number = models.CharField(_("GST enrolment number"), max_length=20, blank=True)
    pan = models.CharField(_("PAN"), max_length=10, blank=True)
    # The state of the GST registration (the GSTIN's first two digits).
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="vendors")
    address = models.TextField(_("business address"))
    pincode = models.CharField(_("PIN code"), max_length=6)
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        related_name="vendors",
        null=True,
        blank=True,
        verbose_name=_("district"),
    )
    pickup_address = models.TextField(_("pickup address"), blank=True)
    pickup_pincode = models.CharField(_("pickup PIN code"), max_length=6, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=15, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_phone = models.CharField(_("contact person's mobile"), max_length=15, blank=True)
    contact_email = models.EmailField(_("contact person's email"), blank=True)
    bank_account_holder = models.CharField(_("account holder's name"), max_length=120, blank=True)
    bank_account_number = models.CharField(_("bank account number"), max_length=18, blank=True)
    bank_ifsc = models.CharField(_("IFSC"), max_length=11, blank=True)
    onboarding_step = models.CharField(
        _("onboarding step"),
        max_length=12,
        choices=OnboardingStep.choices,
        default=OnboardingStep.BUSINESS,
    )
    status = models.CharField(
        _("status"), max_length=12, choices=VendorStatus.choices, default=VendorStatus.DRAFT
    )
    # Why the vendor was last rejected or suspended (shown to the vendor); empty otherwise.
    status_reason = models.TextField(_("reason for the status"), blank=True)
    status_changed_at = models.DateTimeField(_("status changed at"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name_en"]
        indexes = [models.Index(fields=["status", "status_changed_at"], name="vendor_status_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["gstin"], condition=~Q(gstin=""), name="vendor_gstin_unique"
            ),
            models.CheckConstraint(
                condition=Q(registration="enrolled_unregistered") | ~Q(gstin=""),
                name="vendor_registered_has_gstin",
            ),
            models.CheckConstraint(
                condition=Q(registration="registered") | ~Q(enrolment_number=""),
                name="vendor_enrolled_has_number",
            ),
        ]

    def __str__(self) -> str:
        return self.name_en

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def is_registered(self) -> bool:
        return self.registration == SupplierRegistration.REGISTERED

    @property
    def gst_state_code(self) -> str:
        """The state the vendor supplies from: its GSTIN's, or its enrolment's state."""
        return self.gstin[:2] if self.gstin else self.state.gst_state_code

    @property
    def bank_account_masked(self) -> str:
        number = self.bank_account_number
        return f"{'•' * max(len(number) - 4, 0)}{number[-4:]}" if number else ""


class MembershipRole(models.TextChoices):
    OWNER = "owner", _("Owner")
    STAFF = "staff", _("Staff")


class VendorMembership(models.Model):
    """A person who may act for a vendor in the seller centre."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vendor_memberships"
    )
    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(
        _("role"), max_length=8, choices=MembershipRole.choices, default=MembershipRole.STAFF
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["vendor__name_en", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "vendor"], name="vendor_membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.vendor} ({self.get_role_display()})"


class VendorStatusEvent(AuditEvent):
    """One row per status change of a vendor: who, when, from what to what and why."""

    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="status_events")
    from_status = models.CharField(
        _("from"), max_length=12, choices=VendorStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=12, choices=VendorStatus.choices)

    class Meta(AuditEvent.Meta):
        verbose_name = _("vendor status change")

    def __str__(self) -> str:
        return f"{self.vendor_id}: {self.from_status or '-'} -> {self.to_status}"


class PrivateFileStorage(FileSystemStorage):
    """Files that are never served from a public URL (KYC documents).

    They live under PRIVATE_MEDIA_ROOT (default VAR_DIR/private), outside MEDIA_ROOT, and are
    handed out only by the permission-checked download view. `url()` refuses on purpose.
    """

    def __init__(self) -> None:
        super().__init__(base_url=None)

    # Read from settings on every use, so a changed setting (tests) takes effect at once.
    @property  # type: ignore[override]
    def base_location(self) -> str:
        root = getattr(settings, "PRIVATE_MEDIA_ROOT", None) or Path(settings.VAR_DIR) / "private"
        return str(root)

    @property  # type: ignore[override]
    def location(self) -> str:
        return str(Path(self.base_location).resolve())

    def url(self, name: str | None) -> str:
        raise ValueError("private files have no public URL; use the download view")


def private_storage() -> PrivateFileStorage:
    return PrivateFileStorage()


class DocumentKind(models.TextChoices):
    GST_CERTIFICATE = "gst_certificate", _("GST registration certificate")
    PAN_CARD = "pan_card", _("PAN card")
    CANCELLED_CHEQUE = "cancelled_cheque", _("Cancelled cheque")
    ADDRESS_PROOF = "address_proof", _("Address proof")
    OTHER = "other", _("Other")


# Extension chosen from the sniffed content type, never from the uploaded file's name.
DOCUMENT_EXTENSIONS = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}


def kyc_document_path(document: KycDocument, filename: str) -> str:
    extension = DOCUMENT_EXTENSIONS.get(document.content_type, "bin")
    return f"kyc/{document.vendor_id}/{uuid.uuid4().hex}.{extension}"


class KycDocument(models.Model):
    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("document"), max_length=20, choices=DocumentKind.choices)
    file = models.FileField(
        _("file"), storage=private_storage, upload_to=kyc_document_path, max_length=200
    )
    # The name on the uploader's device, for display only.
    original_name = models.CharField(_("file name"), max_length=200, blank=True)
    content_type = models.CharField(_("content type"), max_length=40)
    size_bytes = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        ordering = ["vendor", "kind", "uploaded_at", "pk"]
        verbose_name = _("KYC document")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.vendor_id})"


class Language(models.TextChoices):
    HINDI = "hi", "हिन्दी"
    ENGLISH = "en", "English"


class Artisan(models.Model):
    vendor = models.ForeignKey(Vendor, on_delete=models.PROTECT, related_name="artisans")
    # The artisan's own sign-in, if they have one (many use only SMS and voice calls).
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="artisan_profile",
        verbose_name=_("sign-in account"),
    )
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_hi = models.CharField(_("name (Hindi)"), max_length=120, blank=True)
    slug = models.SlugField(max_length=160, unique=True)
    phone = models.CharField(_("phone"), max_length=15, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=Language.choices, default=Language.HINDI
    )
    craft_en = models.CharField(_("craft (English)"), max_length=120, blank=True)
    craft_hi = models.CharField(_("craft (Hindi)"), max_length=120, blank=True)
    address_line = models.CharField(_("house / street"), max_length=200, blank=True)
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="artisans")
    town = models.CharField(_("town / village"), max_length=120)
    pincode = models.CharField(_("PIN code"), max_length=6, blank=True)
    odop_products = models.ManyToManyField(
        OdopProduct, blank=True, related_name="artisans", verbose_name=_("ODOP products made")
    )
    pehchan_number = models.CharField(_("Pehchan card number"), max_length=20, blank=True)
    udyam_number = models.CharField(_("Udyam registration number"), max_length=19, blank=True)
    bank_account_number = models.CharField(_("bank account number"), max_length=18, blank=True)
    bank_ifsc = models.CharField(_("IFSC"), max_length=11, blank=True)
    upi_id = models.CharField(_("UPI ID"), max_length=100, blank=True)
    photo = models.ImageField(_("photo"), upload_to="artisans/", blank=True)
    story_en = models.TextField(_("story (English)"), blank=True)
    story_hi = models.TextField(_("story (Hindi)"), blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name_en"]

    def __str__(self) -> str:
        return f"{self.name_en} ({self.district.name_en})"

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def craft(self) -> str:
        return localized(self, "craft")

    @property
    def story(self) -> str:
        return localized(self, "story")


class ArtisanVendorHistory(AuditEvent):
    """Which vendor an artisan sold under, and when that changed."""

    artisan = models.ForeignKey(Artisan, on_delete=models.CASCADE, related_name="vendor_history")
    from_vendor = models.ForeignKey(
        Vendor,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("from vendor"),
    )
    to_vendor = models.ForeignKey(
        Vendor, on_delete=models.PROTECT, related_name="+", verbose_name=_("to vendor")
    )

    class Meta(AuditEvent.Meta):
        verbose_name = _("artisan's vendor change")
        verbose_name_plural = _("artisans' vendor changes")

    def __str__(self) -> str:
        return f"{self.artisan_id}: {self.from_vendor_id} -> {self.to_vendor_id}"


class ExceptionStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class ArtisanDistrictException(models.Model):
    """Permission for an artisan to make another district's ODOP product.

    The rule is that an artisan makes their own district's ODOP products; a moderator can approve
    an exception (for example a Banarasi weaver who moved to Lucknow).
    """

    artisan = models.ForeignKey(
        Artisan, on_delete=models.CASCADE, related_name="district_exceptions"
    )
    odop_product = models.ForeignKey(
        OdopProduct, on_delete=models.PROTECT, related_name="+", verbose_name=_("ODOP product")
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ExceptionStatus.choices,
        default=ExceptionStatus.REQUESTED,
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    request_reason = models.TextField(_("why"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reason = models.TextField(_("decision note"), blank=True)

    class Meta:
        ordering = ["requested_at", "pk"]
        verbose_name = _("district exception")
        constraints = [
            # At most one open or granted exception per artisan and product; refusals pile up.
            models.UniqueConstraint(
                fields=["artisan", "odop_product"],
                condition=Q(status__in=["requested", "approved"]),
                name="district_exception_one_open",
            )
        ]

    def __str__(self) -> str:
        return f"{self.artisan_id} · {self.odop_product_id} ({self.status})"


class DeskAssignment(models.Model):
    """Work for the operator's catalogue desk: list products for an artisan (or for every artisan
    of a vendor, when `artisan` is empty)."""

    desk_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="desk_assignments",
        verbose_name=_("catalogue desk member"),
    )
    vendor = models.ForeignKey(
        Vendor,
        on_delete=models.CASCADE,
        related_name="desk_assignments",
        verbose_name=_("vendor"),
    )
    artisan = models.ForeignKey(
        Artisan,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="desk_assignments",
        verbose_name=_("artisan"),
        help_text=_("Leave empty to assign every artisan of the vendor."),
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned by"),
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("catalogue desk assignment")
        indexes = [models.Index(fields=["desk_user", "active"], name="desk_assignment_user_idx")]

    def __str__(self) -> str:
        return f"{self.desk_user} · {self.vendor_id}/{self.artisan_id or '*'}"
