from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from odopmart.core.i18n import localized


class StateType(models.TextChoices):
    STATE = "state", _("State")
    UNION_TERRITORY = "ut", _("Union territory")
    OTHER = "other", _("Other")


class State(models.Model):
    """A state or union territory, keyed by its two-digit GST state code."""

    gst_state_code = models.CharField(_("GST state code"), max_length=2, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=80)
    name_hi = models.CharField(_("name (Hindi)"), max_length=80, blank=True)
    slug = models.SlugField(max_length=80, unique=True)
    type = models.CharField(_("type"), max_length=8, choices=StateType.choices)
    iso_3166_2_code = models.CharField(_("ISO 3166-2 code"), max_length=8, blank=True)
    lgd_state_code = models.PositiveIntegerField(_("LGD state code"), null=True, blank=True)
    notes = models.CharField(_("notes"), max_length=255, blank=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("state / UT")
        verbose_name_plural = _("states / UTs")

    def __str__(self) -> str:
        return f"{self.name_en} ({self.gst_state_code})"

    @property
    def name(self) -> str:
        return localized(self, "name")


class District(models.Model):
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="districts")
    lgd_code = models.PositiveIntegerField(
        _("LGD district code"), unique=True, null=True, blank=True
    )
    name_en = models.CharField(_("name (English)"), max_length=80)
    name_hi = models.CharField(_("name (Hindi)"), max_length=80, blank=True)
    name_lgd = models.CharField(_("name in LGD"), max_length=80, blank=True)
    slug = models.SlugField(max_length=80, unique=True)
    headline_en = models.CharField(_("signature craft (English)"), max_length=160, blank=True)
    headline_hi = models.CharField(_("signature craft (Hindi)"), max_length=160, blank=True)
    # Denormalised for the district grid; refreshed by catalog.services.district_refresh_counts.
    product_count = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["name_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["state", "name_en"], name="district_unique_name_in_state"
            )
        ]

    def __str__(self) -> str:
        return self.name_en

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def headline(self) -> str:
        return localized(self, "headline")


class Pincode(models.Model):
    """One row per PIN code (India Post directory). District is linked where the data allows."""

    code = models.CharField(_("PIN code"), max_length=6, unique=True)
    state = models.ForeignKey(State, on_delete=models.PROTECT, related_name="pincodes", null=True)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="pincodes", null=True, blank=True
    )
    district_names = models.CharField(_("district(s) in the directory"), max_length=200)
    head_office = models.CharField(_("head or sub office"), max_length=120, blank=True)
    office_count = models.PositiveIntegerField(default=0)
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    is_serviceable = models.BooleanField(_("deliverable"), default=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("PIN code")

    def __str__(self) -> str:
        return self.code


class PostOffice(models.Model):
    """A post office (village/town) under a PIN code; used for artisans' addresses."""

    pincode = models.ForeignKey(Pincode, on_delete=models.CASCADE, related_name="post_offices")
    name = models.CharField(max_length=120)
    branch_type = models.CharField(max_length=4, blank=True)
    delivers = models.BooleanField(default=True)
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="post_offices")
    qa_flag = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["pincode__code", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["pincode", "name"], name="post_office_unique_in_pincode"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.pincode_id})"
