"""People who sign in: a profile with their phone and language, and operator-side roles.

Seller-side roles (vendor owner/staff, artisan) are memberships in the sellers app.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    # E.164 form, e.g. +919876543210; unique so a phone signs in to exactly one account.
    phone = models.CharField(_("phone"), max_length=15, unique=True, null=True, blank=True)
    phone_verified_at = models.DateTimeField(_("phone verified at"), null=True, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=settings.LANGUAGES, default="hi"
    )

    def __str__(self) -> str:
        return self.phone or str(self.user)


class StaffRole(models.TextChoices):
    CATALOGUE_DESK = "catalogue_desk", _("Catalogue desk")
    MODERATOR = "moderator", _("Moderator")
    OPERATOR_ADMIN = "operator_admin", _("Operator admin")
    HELPLINE = "helpline", _("Helpline agent")


class StaffRoleGrant(models.Model):
    """An operator-side role held by a user (a user may hold several)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_roles"
    )
    role = models.CharField(_("role"), max_length=20, choices=StaffRole.choices)
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="staff_role_unique_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()}"
