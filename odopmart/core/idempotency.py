"""Replaying the answer to a retried request that carries an ``Idempotency-Key``.

A phone on a bad network often sends the same POST twice (the first answer was lost). For
requests that create something (an order, a payment), the client sends a key it made up once
per action; this module makes sure the action runs once per key:

    result = idempotent_run(
        scope="checkout:user:12", key=key, fingerprint=request_fingerprint(body),
        run=lambda: (201, {...}),
    )

* first time: a record is claimed (scope, key) before running, then the answer is stored;
* same key, same request: the stored answer comes back (``replayed=True``), nothing runs;
* same key, a different request: :class:`IdempotencyError` ``idempotency_key_reused`` (409);
* same key while the first request still runs: ``idempotency_key_in_progress`` (409).

Only successful answers (2xx) are kept: a refusal (out of stock, bad input) changed nothing, so
a retry with the same key may try again. If the run raises, the claim is dropped. A claim left
behind by a process that died mid-run is taken over after ``IDEMPOTENCY_STALE_SECONDS``; the
services behind the endpoints get the key too, so they can recognise work already done.

The claim and the stored answer are written in their own short transactions, never around the
service call: services open their own durable transactions.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from odopmart.core.models import IdempotencyRecord

HEADER = "Idempotency-Key"
MAX_KEY_LENGTH = 120
MAX_SCOPE_LENGTH = 120
DEFAULT_STALE_SECONDS = 120
DEFAULT_KEEP_DAYS = 7


class IdempotencyError(Exception):
    """A key that cannot be used for this request; ``code`` is stable, ``message`` translated."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class IdempotentResult:
    status: int
    body: Any
    replayed: bool


def _stale_after() -> timedelta:
    seconds = getattr(settings, "IDEMPOTENCY_STALE_SECONDS", DEFAULT_STALE_SECONDS)
    return timedelta(seconds=int(seconds))


def idempotency_key_clean(raw: str | None) -> str | None:
    """The key from a header value: None when absent; IdempotencyError when malformed.

    Keys are 1-120 visible ASCII characters (a UUID is the usual choice)."""
    if raw is None:
        return None
    key = raw.strip()
    if not key or len(key) > MAX_KEY_LENGTH or not all(33 <= ord(ch) <= 126 for ch in key):
        raise IdempotencyError(
            "idempotency_key_invalid",
            _("The Idempotency-Key header must be 1 to 120 visible ASCII characters."),
        )
    return key


def request_fingerprint(*parts: Any) -> str:
    """SHA-256 of the request's meaningful parts in a canonical JSON form (key order ignored)."""
    canonical = json.dumps(parts, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _claim(*, scope: str, key: str, fingerprint: str) -> IdempotencyRecord | IdempotentResult:
    """Our fresh claim on (scope, key), or the stored answer to replay; raises on a conflict."""
    now = timezone.now()
    try:
        with transaction.atomic():
            return IdempotencyRecord.objects.create(
                scope=scope, key=key, request_hash=fingerprint, created_at=now
            )
    except IntegrityError:
        pass
    with transaction.atomic():
        record = IdempotencyRecord.objects.select_for_update().get(scope=scope, key=key)
        if record.request_hash != fingerprint:
            raise IdempotencyError(
                "idempotency_key_reused",
                _("This Idempotency-Key was already used for a different request."),
            )
        if record.response_status is not None:
            return IdempotentResult(
                status=record.response_status, body=record.response_body, replayed=True
            )
        if record.created_at > now - _stale_after():
            raise IdempotencyError(
                "idempotency_key_in_progress",
                _("A request with this Idempotency-Key is still being processed. Try again."),
            )
        # The first attempt died without an answer: this one takes over.
        record.created_at = now
        record.save(update_fields=["created_at"])
        return record


def idempotent_run(
    *,
    scope: str,
    key: str | None,
    fingerprint: str,
    run: Callable[[], tuple[int, Any]],
) -> IdempotentResult:
    """Run ``run`` (returning ``(status, json_body)``) at most once per (scope, key).

    Without a key it simply runs. ``scope`` names the endpoint and the caller, so two buyers
    choosing the same key never see each other's answers.
    """
    if key is None:
        status, body = run()
        return IdempotentResult(status=status, body=body, replayed=False)
    scope = scope[:MAX_SCOPE_LENGTH]
    claimed = _claim(scope=scope, key=key, fingerprint=fingerprint)
    if isinstance(claimed, IdempotentResult):
        return claimed
    try:
        status, body = run()
    except BaseException:
        IdempotencyRecord.objects.filter(pk=claimed.pk, response_status__isnull=True).delete()
        raise
    if 200 <= status < 300:
        # Stored as the JSON a client saw (dates as ISO 8601, as Django's encoder writes them).
        stored = json.loads(json.dumps(body, cls=DjangoJSONEncoder))
        IdempotencyRecord.objects.filter(pk=claimed.pk).update(
            response_status=status, response_body=stored
        )
        return IdempotentResult(status=status, body=stored, replayed=False)
    IdempotencyRecord.objects.filter(pk=claimed.pk, response_status__isnull=True).delete()
    return IdempotentResult(status=status, body=body, replayed=False)


def idempotency_records_purge(*, now: Any = None, keep_days: int = DEFAULT_KEEP_DAYS) -> int:
    """Delete answers older than ``keep_days`` (clients retry within minutes, not weeks)."""
    cutoff = (now or timezone.now()) - timedelta(days=keep_days)
    deleted, _rows = IdempotencyRecord.objects.filter(created_at__lt=cutoff).delete()
    return deleted
