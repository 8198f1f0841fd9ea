from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from odopmart.core.i18n import localized
from odopmart.regions.models import District


class OdopRank(models.TextChoices):
    PRIMARY = "primary", _("Primary")
    SECONDARY = "secondary", _("Secondary")
    TERTIARY = "tertiary", _("Tertiary")


class Verification(models.TextChoices):
    """How sure the registry row is (data/reference/SOURCES.md, section 1)."""

    VERIFIED_OFFICIAL = "verified_official", _("Verified (official)")
    VERIFIED_SECONDARY = "verified_secondary", _("Verified (secondary source)")
    PARTIALLY_VERIFIED = "partially_verified", _("Partially verified")
    UNVERIFIED = "unverified", _("Unverified")


class OdopProduct(models.Model):
    """A district's official ODOP product (the registry; editable by operators in the admin)."""

    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="odop_products")
    name_en = models.CharField(_("name (English)"), max_length=160)
    name_hi = models.CharField(_("name (Hindi)"), max_length=160, blank=True)
    slug = models.SlugField(max_length=200, unique=True)
    rank = models.CharField(_("rank"), max_length=10, choices=OdopRank.choices)
    sector = models.CharField(_("sector"), max_length=80, blank=True)
    gi_tag = models.CharField(_("GI tag"), max_length=160, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_hi = models.TextField(_("description (Hindi)"), blank=True)
    verification = models.CharField(
        _("verification"),
        max_length=20,
        choices=Verification.choices,
        default=Verification.UNVERIFIED,
    )
    source_ids = models.CharField(_("sources"), max_length=120, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    year_added = models.PositiveSmallIntegerField(_("year added"), null=True, blank=True)
    product_count = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["district__name_en", "rank", "name_en"]
        verbose_name = _("ODOP product")
        constraints = [
            models.UniqueConstraint(fields=["district", "name_en"], name="odop_unique_per_district")
        ]

    def __str__(self) -> str:
        return f"{self.name_en} — {self.district.name_en}"

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def description(self) -> str:
        return localized(self, "description")
