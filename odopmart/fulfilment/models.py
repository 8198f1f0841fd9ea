"""Readiness: asking each artisan whether the items of a paid order will be ready, their answer,
and the helpline's queue when nobody answers or the artisan cannot make it.

One `ReadinessRequest` per artisan per seller order (the artisan's items in it). Every status
change goes through `fulfilment.services` and appends a `ReadinessEvent`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from odopmart.core.models import AuditEvent
from odopmart.fulfilment.states import (
    AnswerChannel,
    CallOutcome,
    HelplineTaskKind,
    HelplineTaskStatus,
    ReadinessStatus,
    Resolution,
)
from odopmart.orders.models import Order, OrderItem, SellerOrder
from odopmart.sellers.models import Artisan, Vendor


class ReadinessRequest(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="readiness_requests")
    seller_order = models.ForeignKey(
        SellerOrder, on_delete=models.CASCADE, related_name="readiness_requests"
    )
    vendor = models.ForeignKey(Vendor, on_delete=models.PROTECT, related_name="+")
    artisan = models.ForeignKey(
        Artisan, on_delete=models.PROTECT, related_name="readiness_requests",
        verbose_name=_("artisan"),
    )  # fmt: skip
    items = models.ManyToManyField(
        OrderItem, related_name="readiness_requests", verbose_name=_("items")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=ReadinessStatus.choices,
        default=ReadinessStatus.ASKED,
    )  # fmt: skip
    resolution = models.CharField(
        _("resolution"), max_length=12, choices=Resolution.choices, blank=True
    )
    # The language the artisan is spoken to in (their preference when asked).
    language = models.CharField(_("language"), max_length=5, default="hi")
    ready_by = models.DateField(_("ready by"))
    first_ready_by = models.DateField(_("first promised date"))
    answer = models.PositiveSmallIntegerField(_("answer"), null=True, blank=True)
    answer_channel = models.CharField(
        _("answered through"), max_length=16, choices=AnswerChannel.choices, blank=True
    )
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("answered by"),
    )  # fmt: skip
    call_attempts = models.PositiveSmallIntegerField(_("calls made"), default=0)
    next_call_at = models.DateTimeField(_("next call at"), null=True, blank=True)
    # Set when the items were moved to another artisan: the request that took them over.
    reassigned_to = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="reassigned_from",
        verbose_name=_("given to"),
    )  # fmt: skip
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("readiness request")
        verbose_name_plural = _("readiness requests")
        constraints = [
            # One live request per artisan per seller order; resolved ones stay as history.
            models.UniqueConstraint(
                fields=["seller_order", "artisan"],
                condition=~Q(status=ReadinessStatus.RESOLVED),
                name="readiness_one_live_per_artisan",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "next_call_at"], name="readiness_calls_due"),
            models.Index(fields=["artisan", "status"], name="readiness_artisan"),
        ]

    def __str__(self) -> str:
        return f"{self.seller_order_id}/{self.artisan_id} {self.status}"


class ReadinessEvent(AuditEvent):
    """What happened to a request: asked, called, answered, escalated, reassigned..."""

    request = models.ForeignKey(ReadinessRequest, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("what"), max_length=24)
    from_status = models.CharField(_("from"), max_length=16, blank=True)
    to_status = models.CharField(_("to"), max_length=16, blank=True)
    channel = models.CharField(
        _("channel"), max_length=16, choices=AnswerChannel.choices, blank=True
    )
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta(AuditEvent.Meta):
        verbose_name = _("readiness event")
        verbose_name_plural = _("readiness events")

    def __str__(self) -> str:
        return f"{self.request_id} {self.kind} {self.from_status}→{self.to_status}"


class HelplineTask(models.Model):
    """A call a helpline agent has to make about a readiness request."""

    request = models.ForeignKey(
        ReadinessRequest, on_delete=models.CASCADE, related_name="helpline_tasks",
        verbose_name=_("readiness request"),
    )  # fmt: skip
    kind = models.CharField(_("why"), max_length=12, choices=HelplineTaskKind.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=HelplineTaskStatus.choices,
        default=HelplineTaskStatus.OPEN,
    )  # fmt: skip
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="helpline_tasks", verbose_name=_("agent"),
    )  # fmt: skip
    notes = models.TextField(_("outcome notes"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    # Past this moment the vendor and the operator are alerted (once: alerted_at).
    due_at = models.DateTimeField(_("due by"))
    alerted_at = models.DateTimeField(_("vendor and operator alerted at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        ordering = ["due_at", "pk"]
        verbose_name = _("helpline task")
        verbose_name_plural = _("helpline tasks")
        constraints = [
            models.UniqueConstraint(
                fields=["request"],
                condition=~Q(status=HelplineTaskStatus.DONE),
                name="helpline_one_open_task_per_request",
            ),
        ]
        indexes = [models.Index(fields=["status", "due_at"], name="helpline_task_due")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.request_id})"


class HelplineCallLog(models.Model):
    """An agent's record of one call they made for a task."""

    task = models.ForeignKey(HelplineTask, on_delete=models.CASCADE, related_name="calls")
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
        verbose_name=_("agent"),
    )  # fmt: skip
    outcome = models.CharField(_("outcome"), max_length=16, choices=CallOutcome.choices)
    notes = models.TextField(_("notes"), blank=True)
    new_ready_by = models.DateField(_("new ready-by date"), null=True, blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("helpline call")
        verbose_name_plural = _("helpline calls")

    def __str__(self) -> str:
        return f"{self.task_id} {self.outcome}"
