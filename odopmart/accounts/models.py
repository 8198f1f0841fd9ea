"""People who sign in: a profile with their phone and language, operator-side roles, the
one-time codes and API tokens they sign in with, and the counters behind the sign-in limits.

Seller-side roles (vendor owner/staff, artisan) are memberships in the sellers app.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
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


class Address(models.Model):
    """A buyer's saved delivery address (the address book shown at checkout)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="addresses"
    )
    name = models.CharField(_("name"), max_length=120)
    phone = models.CharField(_("phone"), max_length=15)
    line1 = models.CharField(_("house / street"), max_length=200)
    line2 = models.CharField(_("area / landmark"), max_length=200, blank=True)
    city = models.CharField(_("town / city"), max_length=120)
    pincode = models.CharField(_("PIN code"), max_length=6)
    is_default = models.BooleanField(_("default"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-is_default", "-created_at"]
        verbose_name = _("address")
        verbose_name_plural = _("addresses")

    def __str__(self) -> str:
        return f"{self.name}, {self.city} {self.pincode}"


class StaffRole(models.TextChoices):
    CATALOGUE_DESK = "catalogue_desk", _("Catalogue desk")
    MODERATOR = "moderator", _("Moderator")
    OPERATOR_ADMIN = "operator_admin", _("Operator admin")
    HELPLINE = "helpline", _("Helpline agent")
    FINANCE = "finance", _("Finance (books and tax statements)")


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


class OtpPurpose(models.TextChoices):
    SIGNIN = "signin", _("Sign in")


class OtpStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the code")
    VERIFIED = "verified", _("Verified")
    EXHAUSTED = "exhausted", _("Too many wrong codes")
    SUPERSEDED = "superseded", _("Replaced by a newer code")


class OtpChallenge(models.Model):
    """A one-time code sent to a phone. Only a keyed hash of the code is stored."""

    phone = models.CharField(_("phone"), max_length=15)
    purpose = models.CharField(
        _("purpose"), max_length=10, choices=OtpPurpose.choices, default=OtpPurpose.SIGNIN
    )
    # HMAC-SHA256 (key from SECRET_KEY) of salt, purpose, phone and code.
    code_salt = models.CharField(max_length=32, editable=False)
    code_hash = models.CharField(max_length=64, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=OtpStatus.choices, default=OtpStatus.PENDING
    )
    wrong_attempts = models.PositiveSmallIntegerField(_("wrong codes"), default=0)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    requested_from = models.GenericIPAddressField(_("requested from"), null=True, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("signed in as"),
    )  # fmt: skip
    notification = models.ForeignKey(
        "notifications.Notification", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("SMS"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("sign-in code")
        verbose_name_plural = _("sign-in codes")
        indexes = [
            models.Index(fields=["phone", "purpose", "status", "-created_at"], name="otp_active"),
            models.Index(fields=["created_at"], name="otp_created"),
        ]

    def __str__(self) -> str:
        return f"{self.phone} · {self.get_status_display()}"


class ApiToken(models.Model):
    """A bearer token of the mobile app. Only its SHA-256 is stored; the token is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters of the token, to tell tokens apart in lists.
    prefix = models.CharField(_("starts with"), max_length=12, editable=False)
    name = models.CharField(_("name"), max_length=100, blank=True, default="")
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class RateLimitHit(models.Model):
    """One counted event (a code sent, a wrong code) for a scope and key, such as
    ("otp_request:phone", "+919876543210"). Counting rows keeps limits across processes."""

    scope = models.CharField(max_length=40)
    key = models.CharField(max_length=100)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["scope", "key", "-created_at"], name="ratelimit_lookup")]

    def __str__(self) -> str:
        return f"{self.scope} {self.key} {self.created_at:%Y-%m-%d %H:%M:%S}"
