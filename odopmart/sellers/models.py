"""Vendors (GST-registered sellers) and artisans (makers without GST who sell under a vendor).

Kept minimal here; onboarding (KYC, bank, approval workflow) builds on these models.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from odopmart.core.i18n import localized
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


class Vendor(models.Model):
    name_en = models.CharField(_("business name (English)"), max_length=160)
    name_hi = models.CharField(_("business name (Hindi)"), max_length=160, blank=True)
    slug = models.SlugField(max_length=160, unique=True)
    type = models.CharField(_("business type"), max_length=16, choices=VendorType.choices)
    gstin = models.CharField(_("GSTIN"), max_length=15, unique=True)
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="vendors")
    address = models.TextField(_("business address"))
    pincode = models.CharField(_("PIN code"), max_length=6)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=15, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=VendorStatus.choices, default=VendorStatus.DRAFT
    )
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name_en

    @property
    def name(self) -> str:
        return localized(self, "name")


class Language(models.TextChoices):
    HINDI = "hi", "हिन्दी"
    ENGLISH = "en", "English"


class Artisan(models.Model):
    vendor = models.ForeignKey(Vendor, on_delete=models.PROTECT, related_name="artisans")
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_hi = models.CharField(_("name (Hindi)"), max_length=120, blank=True)
    slug = models.SlugField(max_length=160, unique=True)
    phone = models.CharField(_("phone"), max_length=15, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=Language.choices, default=Language.HINDI
    )
    craft_en = models.CharField(_("craft (English)"), max_length=120, blank=True)
    craft_hi = models.CharField(_("craft (Hindi)"), max_length=120, blank=True)
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="artisans")
    town = models.CharField(_("town / village"), max_length=120)
    pincode = models.CharField(_("PIN code"), max_length=6, blank=True)
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
