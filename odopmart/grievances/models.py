"""Complaints from buyers and the public (Consumer Protection (E-Commerce) Rules 2020, rules 4
and 5): each gets a ticket number, due dates for acknowledgement (48 hours) and redress (one
month), and an event row for every change."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from odopmart.core.models import AuditEvent
from odopmart.grievances.states import EventKind, GrievanceCategory, GrievanceStatus
from odopmart.sellers.models import private_storage


def attachment_path(grievance: Grievance, filename: str) -> str:
    # The extension comes from the sniffed content, never from the uploaded name.
    return f"grievances/{timezone.now():%Y/%m}/{grievance.ticket}{filename[filename.rfind('.') :]}"


class Grievance(models.Model):
    ticket = models.CharField(_("ticket number"), max_length=20, unique=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=GrievanceStatus.choices,
        default=GrievanceStatus.RECEIVED,
    )
    category = models.CharField(_("about"), max_length=20, choices=GrievanceCategory.choices)
    name = models.CharField(_("name"), max_length=120)
    phone = models.CharField(_("mobile number"), max_length=15)  # E.164
    email = models.EmailField(_("email"), blank=True)
    language = models.CharField(_("language"), max_length=5, default="en")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="grievances",
        verbose_name=_("signed-in user"),
    )
    order = models.ForeignKey(
        "orders.Order",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="grievances",
        verbose_name=_("order"),
    )
    description = models.TextField(_("what happened"))
    attachment = models.FileField(
        _("attachment"), upload_to=attachment_path, storage=private_storage, blank=True
    )
    attachment_type = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(_("received at"), default=timezone.now)
    acknowledge_due_at = models.DateTimeField(_("acknowledge by"))
    resolve_due_at = models.DateTimeField(_("resolve by"))
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolution = models.TextField(_("resolution"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("grievance")
        indexes = [
            models.Index(fields=["status", "resolve_due_at"], name="grievance_queue"),
            models.Index(fields=["phone"], name="grievance_phone"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(acknowledge_due_at__lte=models.F("resolve_due_at")),
                name="grievance_due_order",
            ),
        ]

    def __str__(self) -> str:
        return self.ticket

    def is_acknowledge_overdue(self, now=None) -> bool:  # type: ignore[no-untyped-def]
        now = now or timezone.now()
        return (
            self.acknowledged_at is None
            and self.resolved_at is None
            and (self.acknowledge_due_at < now)
        )

    def is_resolve_overdue(self, now=None) -> bool:  # type: ignore[no-untyped-def]
        now = now or timezone.now()
        return self.resolved_at is None and self.resolve_due_at < now

    @property
    def overdue(self) -> bool:
        return self.is_acknowledge_overdue() or self.is_resolve_overdue()


class GrievanceEvent(AuditEvent):
    """One change to a complaint. `reason` holds the note or reply text."""

    grievance = models.ForeignKey(Grievance, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("what"), max_length=20, choices=EventKind.choices)
    from_status = models.CharField(_("from"), max_length=20, blank=True)
    to_status = models.CharField(_("to"), max_length=20)
    # Shown to the complainant on the status page (replies and the resolution); internal notes
    # are not.
    public = models.BooleanField(_("shown to the complainant"), default=False)

    class Meta(AuditEvent.Meta):
        verbose_name = _("grievance event")

    def __str__(self) -> str:
        return f"{self.grievance}: {self.kind}"
