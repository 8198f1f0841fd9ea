"""Certificates of origin: one per shipped item, a signed snapshot of where and by whom it was
made, and the log of every lookup.

What a certificate says is copied when it is issued and never follows later catalogue edits. It
names the artisan (name and district) and the vendor (name and GSTIN, public on the invoice
anyway), never the buyer, a phone number or an address: the verification page is public.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from odopmart.certificates.codes import code_display
from odopmart.certificates.signing import fingerprint
from odopmart.core.i18n import localized
from odopmart.orders.models import OrderItem

# The fields the signature covers, besides the code and the time of issue.
SNAPSHOT_FIELDS: tuple[str, ...] = (
    "seller_order_number",
    "product_name_en",
    "product_name_hi",
    "odop_product_name_en",
    "odop_product_name_hi",
    "gi_tag",
    "district_name_en",
    "district_name_hi",
    "state_name_en",
    "state_name_hi",
    "artisan_name_en",
    "artisan_name_hi",
    "artisan_district_en",
    "artisan_district_hi",
    "vendor_name_en",
    "vendor_name_hi",
    "vendor_gstin",
    "quantity",
    "dispatched_on",
)


class VerificationOutcome(models.TextChoices):
    GENUINE = "genuine", _("Genuine")
    TAMPERED = "tampered", _("Not genuine")
    REVOKED = "revoked", _("Withdrawn")
    UNKNOWN = "unknown", _("Unknown code")


class VerificationChannel(models.TextChoices):
    PAGE = "page", _("Verification page")
    PDF = "pdf", _("PDF download")
    API = "api", _("API")


class Certificate(models.Model):
    code = models.CharField(_("code"), max_length=12, unique=True)
    # PROTECT: a certificate that was handed out stays answerable, whatever happens to the order.
    item = models.OneToOneField(
        OrderItem, on_delete=models.PROTECT, related_name="certificate",
        verbose_name=_("order item"),
    )  # fmt: skip
    # What it certifies, frozen at issue.
    seller_order_number = models.CharField(_("order number"), max_length=24)
    product_name_en = models.CharField(_("product (English)"), max_length=200)
    product_name_hi = models.CharField(_("product (Hindi)"), max_length=200, blank=True)
    odop_product_name_en = models.CharField(_("ODOP product (English)"), max_length=200)
    odop_product_name_hi = models.CharField(_("ODOP product (Hindi)"), max_length=200, blank=True)
    gi_tag = models.CharField(_("GI tag"), max_length=160, blank=True)
    district_name_en = models.CharField(_("district (English)"), max_length=80)
    district_name_hi = models.CharField(_("district (Hindi)"), max_length=80, blank=True)
    state_name_en = models.CharField(_("state (English)"), max_length=80)
    state_name_hi = models.CharField(_("state (Hindi)"), max_length=80, blank=True)
    artisan_name_en = models.CharField(_("artisan (English)"), max_length=120)
    artisan_name_hi = models.CharField(_("artisan (Hindi)"), max_length=120, blank=True)
    artisan_district_en = models.CharField(_("artisan's district (English)"), max_length=80)
    artisan_district_hi = models.CharField(
        _("artisan's district (Hindi)"), max_length=80, blank=True
    )
    vendor_name_en = models.CharField(_("seller (English)"), max_length=160)
    vendor_name_hi = models.CharField(_("seller (Hindi)"), max_length=160, blank=True)
    vendor_gstin = models.CharField(_("seller's GSTIN"), max_length=15)
    quantity = models.PositiveIntegerField(_("quantity"))
    dispatched_on = models.DateField(_("dispatched on"))
    # The signed text (canonical JSON of the above, the code and the time of issue).
    payload = models.TextField(_("signed payload"), editable=False)
    signature = models.CharField(_("signature"), max_length=128, editable=False)
    key_id = models.CharField(_("key id"), max_length=40, editable=False)
    issued_at = models.DateTimeField(_("issued at"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("issued by"),
    )  # fmt: skip
    revoked_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("withdrawn by"),
    )  # fmt: skip
    revoke_reason = models.TextField(_("reason for withdrawing"), blank=True)

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("certificate of origin")
        verbose_name_plural = _("certificates of origin")
        permissions = [("revoke_certificate", _("Can withdraw a certificate of origin"))]

    def __str__(self) -> str:
        return self.display_code

    def get_absolute_url(self) -> str:
        return reverse("certificates:verify", args=[self.code])

    def get_pdf_url(self) -> str:
        return reverse("certificates:pdf", args=[self.code])

    @property
    def display_code(self) -> str:
        return code_display(self.code)

    @property
    def signature_fingerprint(self) -> str:
        return fingerprint(self.signature)

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    # Localised for pages: Hindi on Hindi pages where it exists.
    @property
    def product_name(self) -> str:
        return localized(self, "product_name")

    @property
    def odop_product_name(self) -> str:
        return localized(self, "odop_product_name")

    @property
    def district_name(self) -> str:
        return localized(self, "district_name")

    @property
    def state_name(self) -> str:
        return localized(self, "state_name")

    @property
    def artisan_name(self) -> str:
        return localized(self, "artisan_name")

    @property
    def artisan_district(self) -> str:
        return localized(self, "artisan_district")

    @property
    def vendor_name(self) -> str:
        return localized(self, "vendor_name")


class CertificateVerification(models.Model):
    """One lookup of a code and what it found.

    No IP address or user is kept: the log answers "is this certificate being checked, and is
    someone trying codes?", for which the time, the code and the outcome are enough. Abusive
    clients are held back by the rate limit, whose rows carry only a keyed hash of the address
    and are pruned with the other rate-limit rows.
    """

    certificate = models.ForeignKey(
        Certificate, on_delete=models.CASCADE, null=True, blank=True,
        related_name="verifications", verbose_name=_("certificate"),
    )  # fmt: skip
    # What was looked up (normalised when it looked like a code), for unknown codes too.
    code = models.CharField(_("code looked up"), max_length=20)
    outcome = models.CharField(_("outcome"), max_length=10, choices=VerificationOutcome.choices)
    channel = models.CharField(_("where"), max_length=5, choices=VerificationChannel.choices)
    at = models.DateTimeField(_("at"))

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("certificate lookup")
        verbose_name_plural = _("certificate lookups")
        indexes = [
            models.Index(fields=["certificate", "-at"], name="certverify_cert"),
            models.Index(fields=["outcome", "-at"], name="certverify_outcome"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.outcome} {self.at:%Y-%m-%d %H:%M}"
