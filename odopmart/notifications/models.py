"""The outbox: every message to the outside world is a row here, written in the same transaction
as the change that causes it, then sent after commit and retried until delivered or failed.

The row is the stored message: the operator console lists it with its rendered text. Secret
values (one-time codes) are never stored readable: the body shows them masked, and the values
themselves are kept sealed (encrypted with a key derived from SECRET_KEY) only until the message
reaches a final status.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from odopmart.notifications.states import (
    CallbackKind,
    CallbackOutcome,
    Channel,
    EventKind,
    NotificationStatus,
)


class Notification(models.Model):
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    # E.164 phone number for SMS and voice, an address for email.
    recipient = models.CharField(_("recipient"), max_length=254)
    language = models.CharField(_("language"), max_length=5)
    template = models.CharField(_("template"), max_length=64)
    body = models.TextField(_("message"), help_text=_("As sent, with secret values masked."))
    context = models.JSONField(_("context"), default=dict, blank=True)
    sealed_context = models.TextField(blank=True, default="", editable=False)
    dlt_template_id = models.CharField(_("DLT template id"), max_length=32, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=NotificationStatus.choices,
        default=NotificationStatus.QUEUED,
    )  # fmt: skip
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    last_attempt_at = models.DateTimeField(_("last attempt at"), null=True, blank=True)
    # Not sent at all after this moment (a sign-in code nobody can use any more).
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True, default="")
    provider = models.CharField(_("provider"), max_length=100, blank=True, default="")
    provider_message_id = models.CharField(
        _("provider message id"), max_length=100, blank=True, default=""
    )
    # Whoever enqueues names the message; enqueueing the same key twice sends it once.
    dedupe_key = models.CharField(_("dedupe key"), max_length=200, unique=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    # Voice calls: the keys the listener may press ("123"), and the last accepted answer.
    allowed_keys = models.CharField(_("allowed keys"), max_length=12, blank=True, default="")
    response_key = models.CharField(_("key pressed"), max_length=12, blank=True, default="")
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="notification_due"),
            models.Index(fields=["recipient", "-created_at"], name="notification_recipient"),
            models.Index(fields=["provider", "provider_message_id"], name="notification_provider"),
            models.Index(fields=["-created_at"], name="notification_newest"),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} {self.template} → {self.recipient}"


class NotificationEvent(models.Model):
    """Append-only history of a message: queued, each attempt and its outcome, resends."""

    notification = models.ForeignKey(Notification, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("event"), max_length=12, choices=EventKind.choices)
    from_status = models.CharField(
        _("from"), max_length=10, choices=NotificationStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=10, choices=NotificationStatus.choices)
    attempt = models.PositiveSmallIntegerField(_("attempt"), default=0)
    provider = models.CharField(_("provider"), max_length=100, blank=True, default="")
    detail = models.TextField(_("detail"), blank=True, default="")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("by"),
    )  # fmt: skip
    created_at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("notification event")
        verbose_name_plural = _("notification events")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.notification_id} {self.kind} {self.from_status}→{self.to_status}"


class NotificationCallback(models.Model):
    """Every request a provider made to our callback URLs: delivery reports, call statuses,
    prompts and keypresses, including forged and repeated ones, with what was done about it."""

    provider = models.CharField(_("provider"), max_length=40)
    kind = models.CharField(_("kind"), max_length=12, choices=CallbackKind.choices)
    # What makes a report unique at the provider (message id and status, call id and digits).
    # Set only on the first, applied copy; a repeat is stored with an empty key.
    event_key = models.CharField(_("event key"), max_length=200, blank=True, default="")
    notification = models.ForeignKey(
        Notification, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="callbacks", verbose_name=_("notification"),
    )  # fmt: skip
    external_id = models.CharField(
        _("provider message or call id"), max_length=100, blank=True, default=""
    )
    outcome = models.CharField(_("outcome"), max_length=16, choices=CallbackOutcome.choices)
    signature_valid = models.BooleanField(_("signature or token valid"), default=False)
    digits = models.CharField(_("key pressed"), max_length=12, blank=True, default="")
    status = models.CharField(_("reported status"), max_length=40, blank=True, default="")
    payload = models.JSONField(_("payload"), default=dict, blank=True)
    detail = models.TextField(_("detail"), blank=True, default="")
    received_at = models.DateTimeField(_("received at"), default=timezone.now)

    class Meta:
        verbose_name = _("provider callback")
        verbose_name_plural = _("provider callbacks")
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "event_key"],
                condition=~models.Q(event_key=""),
                name="notification_callback_once",
            )
        ]
        indexes = [
            models.Index(fields=["-received_at"], name="notification_callback_newest"),
            models.Index(fields=["provider", "external_id"], name="notification_callback_ext"),
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.kind} {self.external_id} {self.outcome}"
