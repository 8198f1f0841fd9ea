"""Limits counted in the database, so they hold across processes and machines.

Each counted event is a :class:`RateLimitHit` row. Callers check and record inside one
transaction after :func:`rate_limit_lock`, so two requests racing for the last allowed event
cannot both get it: PostgreSQL takes a transaction-scoped advisory lock per key; SQLite
serialises writing transactions already (they begin IMMEDIATE, see settings).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from django.db import connection

from odopmart.accounts.models import RateLimitHit

Limits = Sequence[Sequence[int]]  # [(count, window_seconds), ...]


def _lock_id(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big", signed=True)


def rate_limit_lock(keys: Iterable[str]) -> None:
    """Serialise transactions that count the same keys (call inside transaction.atomic)."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for key in sorted(set(keys)):  # always the same order: no deadlocks
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_lock_id(key)])


def rate_limit_retry_after(*, scope: str, key: str, limits: Limits, now: datetime) -> int | None:
    """Seconds until one more event is allowed, or None if it is allowed now."""
    wait: int | None = None
    for count, window in limits:
        if count <= 0:
            continue
        recent = list(
            RateLimitHit.objects.filter(
                scope=scope, key=key, created_at__gt=now - timedelta(seconds=window)
            )
            .order_by("-created_at")
            .values_list("created_at", flat=True)[:count]
        )
        if len(recent) >= count:
            frees_at = recent[count - 1] + timedelta(seconds=window)
            seconds = max(math.ceil((frees_at - now).total_seconds()), 1)
            wait = max(wait or 0, seconds)
    return wait


def rate_limit_hit(*, scope: str, key: str, now: datetime) -> None:
    RateLimitHit.objects.create(scope=scope, key=key[:100], created_at=now)


def rate_limit_count(*, scope: str, key: str, since: datetime) -> int:
    return RateLimitHit.objects.filter(scope=scope, key=key, created_at__gt=since).count()


def rate_limit_latest(*, scope: str, key: str, since: datetime) -> datetime | None:
    return (
        RateLimitHit.objects.filter(scope=scope, key=key, created_at__gt=since)
        .order_by("-created_at")
        .values_list("created_at", flat=True)
        .first()
    )


def rate_limit_prune(*, before: datetime) -> int:
    deleted, _ = RateLimitHit.objects.filter(created_at__lt=before).delete()
    return deleted
