"""Statuses of an outgoing message and the moves allowed between them.

queued -> sending -> delivered            (the provider confirmed delivery at once)
                  -> sent -> delivered    (accepted; a delivery report confirms later)
                  -> queued               (the attempt failed; tried again after a back-off)
                  -> failed               (out of attempts, or a permanent error: for a person)
queued -> cancelled                       (withdrawn, or expired before it could be sent)
failed / delivered / cancelled -> queued  (an operator resends it)
sent -> queued                            (an operator resends one whose report never came)

For a voice call, "sent" means the provider placed the call and "delivered" that it was
answered (the call completed); busy, no answer and the like end it "failed".
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
    S.SENT: frozenset({S.DELIVERED, S.FAILED, S.QUEUED}),
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
    KEYPRESS = "keypress", _("Key pressed")


class CallbackKind(models.TextChoices):
    REPORT = "report", _("Delivery report")
    CALL_STATUS = "call_status", _("Call status")
    PROMPT = "prompt", _("Call prompt requested")
    KEYPRESS = "keypress", _("Key pressed")


class CallbackOutcome(models.TextChoices):
    APPLIED = "applied", _("Applied")
    DUPLICATE = "duplicate", _("Repeat, ignored")
    IGNORED = "ignored", _("Nothing to change")
    UNKNOWN = "unknown", _("Unknown message or call")
    INVALID_KEY = "invalid_key", _("Key not among the choices")
    HANDLER_FAILED = "handler_failed", _("Answer recorded, its handling failed")
    FORGED = "forged", _("Refused: signature or token wrong")
    MALFORMED = "malformed", _("Refused: unreadable")
