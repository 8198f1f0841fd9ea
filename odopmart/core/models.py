from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CacheGeneration(models.Model):
    """A counter every web process reads, so cached pages are dropped everywhere at once when
    what they show changes (local-memory caches are per process and can't be cleared remotely).
    """

    name = models.CharField(max_length=40, unique=True)
    value = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.name}={self.value}"


class AuditEvent(models.Model):
    """Who did it, when and why: the shared part of the event rows that state changes write."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    reason = models.TextField(_("reason"), blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]


class IdempotencyRecord(models.Model):
    """The stored answer to a POST sent with an `Idempotency-Key`, replayed on a retry."""

    scope = models.CharField(max_length=120)  # the endpoint and who called it
    key = models.CharField(max_length=120)
    request_hash = models.CharField(max_length=64)
    response_status = models.PositiveSmallIntegerField(null=True)
    response_body = models.JSONField(null=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["scope", "key"], name="idempotency_unique_key"),
        ]

    def __str__(self) -> str:
        return f"{self.scope} {self.key}"


class OutboxEvent(models.Model):
    """A domain event (an order was placed, paid, cancelled...) written in the same transaction as
    its cause and handed to the handlers registered for its topic after commit, with retries."""

    topic = models.CharField(max_length=60)
    payload = models.JSONField(default=dict)
    # Whoever publishes names the event; publishing the same key twice records it once.
    dedupe_key = models.CharField(max_length=200, unique=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    processed_at = models.DateTimeField(null=True, blank=True)
    failed = models.BooleanField(default=False)  # gave up: a person must look
    # Handlers that have already succeeded: a retry runs only the ones still owed.
    handled = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["processed_at", "next_attempt_at"], name="outboxevent_due"),
        ]

    def __str__(self) -> str:
        return f"{self.topic} {self.dedupe_key}"
