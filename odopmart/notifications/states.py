"""Statuses of an outgoing message and the moves allowed between them.

queued -> sending -> delivered            (the provider confirmed delivery at once)
                  -> sent -> delivered    (accepted; a delivery report confirms later)
                  -> queued               (the attempt failed; tried again after a back-off)
                  -> failed               (out of attempts, or a permanent error: for a person)
queued -> cancelled                       (withdrawn, or expired before it could be sent)
failed / delivered / cancelled -> queued  (an operator resends it)
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    SMS = "sms", _("SMS")
    VOICE = "voice", _("Voice call")
    EMAIL = "email", _("Email")


class NotificationStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent, awaiting delivery report")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")


S = NotificationStatus

NOTIFICATION_TRANSITIONS: dict[str, frozenset[str]] = {
    S.QUEUED: frozenset({S.SENDING, S.CANCELLED}),
    S.SENDING: frozenset({S.SENT, S.DELIVERED, S.QUEUED, S.FAILED}),
    S.SENT: frozenset({S.DELIVERED, S.FAILED}),
    S.DELIVERED: frozenset({S.QUEUED}),
    S.FAILED: frozenset({S.QUEUED}),
    S.CANCELLED: frozenset({S.QUEUED}),
}

# Statuses in which nothing more happens unless a person resends the message.
FINAL_STATUSES = frozenset({S.DELIVERED, S.FAILED, S.CANCELLED})


class EventKind(models.TextChoices):
    QUEUED = "queued", _("Queued")
    ATTEMPT = "attempt", _("Send attempt started")
    SENT = "sent", _("Accepted by the provider")
    DELIVERED = "delivered", _("Delivered")
    RETRY = "retry", _("Attempt failed, will retry")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")
    RESENT = "resent", _("Resent")
