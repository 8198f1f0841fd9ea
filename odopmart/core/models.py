from __future__ import annotations

from django.db import models


class CacheGeneration(models.Model):
    """A counter every web process reads, so cached pages are dropped everywhere at once when
    what they show changes (local-memory caches are per process and can't be cleared remotely).
    """

    name = models.CharField(max_length=40, unique=True)
    value = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.name}={self.value}"
