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
