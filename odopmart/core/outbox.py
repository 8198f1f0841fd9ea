"""The domain outbox: events written in the same transaction as their cause, handed to the
handlers registered for their topic after commit, retried with backoff, then flagged.

    outbox_publish("order.paid", {"order_id": 7}, dedupe_key="order.paid:7")  # inside atomic
    outbox_register("order.paid", notify_artisans)                           # at app ready()

Each handler gets the OutboxEvent and runs in a savepoint of its own: if it raises, only its
writes are undone, the others' stand, and a retry runs only the handlers still owed. Handlers
must still be safe to run twice: an event is delivered at least once.
"""

from __future__ import annotations

import functools
import logging
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from odopmart.core.models import OutboxEvent

logger = logging.getLogger("odopmart.outbox")

Handler = Callable[[OutboxEvent], Any]
_handlers: dict[str, list[Handler]] = defaultdict(list)

DEFAULTS: dict[str, Any] = {
    "MAX_ATTEMPTS": 8,
    # Wait before retry n (1-based): RETRY_BASE_SECONDS * 2 ** (n - 1), at most RETRY_MAX_SECONDS.
    "RETRY_BASE_SECONDS": 30,
    "RETRY_MAX_SECONDS": 6 * 3600,
}


def outbox_setting(name: str) -> Any:
    configured = getattr(settings, "OUTBOX", None) or {}
    return configured.get(name, DEFAULTS[name])


def retry_delay(attempt: int) -> timedelta:
    base = outbox_setting("RETRY_BASE_SECONDS")
    return timedelta(
        seconds=min(base * 2 ** max(attempt - 1, 0), outbox_setting("RETRY_MAX_SECONDS"))
    )


def outbox_register(topic: str, handler: Handler) -> None:
    """Call `handler(event)` for every event of the topic (registering twice is harmless)."""
    if handler not in _handlers[topic]:
        _handlers[topic].append(handler)


def outbox_unregister(topic: str, handler: Handler) -> None:
    if handler in _handlers.get(topic, []):
        _handlers[topic].remove(handler)


def outbox_handlers(topic: str) -> list[Handler]:
    return list(_handlers.get(topic, []))


def handler_name(handler: Handler) -> str:
    return f"{getattr(handler, '__module__', '?')}.{getattr(handler, '__qualname__', handler)}"


def _schedule(event_id: int) -> None:
    """Queue delivery; never raises (a lost enqueue is picked up by outbox_dispatch_due)."""
    try:
        outbox_dispatch_task.enqueue(event_id)
    except Exception:
        logger.exception("Could not queue outbox event %s; the sweep will", event_id)


def outbox_publish(topic: str, payload: dict[str, Any], dedupe_key: str) -> OutboxEvent:
    """Record an event in the caller's transaction; it is delivered after commit.

    Publishing a `dedupe_key` already recorded returns the existing event and queues nothing.
    """
    now = timezone.now()
    with transaction.atomic():
        event, created = OutboxEvent.objects.get_or_create(
            dedupe_key=dedupe_key,
            defaults={
                "topic": topic,
                "payload": payload,
                "created_at": now,
                "next_attempt_at": now,
            },
        )
    if created:
        transaction.on_commit(functools.partial(_schedule, event.pk), robust=True)
    return event


def outbox_dispatch(event_id: int, now: datetime | None = None) -> OutboxEvent | None:
    """One delivery attempt of an event that is due (a no-op if done, failed or not yet due)."""
    now = now or timezone.now()
    with transaction.atomic():
        event = OutboxEvent.objects.select_for_update().filter(pk=event_id).first()
        if event is None or event.processed_at is not None or event.failed:
            return event
        if event.next_attempt_at is not None and event.next_attempt_at > now:
            return event
        errors: list[str] = []
        handled = list(event.handled or [])
        for handler in outbox_handlers(event.topic):
            name = handler_name(handler)
            if name in handled:
                continue
            try:
                with transaction.atomic():
                    handler(event)
            except Exception as exc:  # this handler failed: retry it later, whatever it was
                logger.exception("Outbox handler %s failed for %s", name, event)
                errors.append(f"{name}: {type(exc).__name__}: {exc}")
            else:
                handled.append(name)
        event.handled = handled
        error = "\n".join(errors)[:2000]
        event.attempts += 1
        if not error:
            event.processed_at = now
            event.last_error = ""
            event.next_attempt_at = None
        else:
            event.last_error = error
            if event.attempts >= outbox_setting("MAX_ATTEMPTS"):
                event.failed = True  # a person must look
                event.next_attempt_at = None
            else:
                event.next_attempt_at = now + retry_delay(event.attempts)
        event.save(
            update_fields=[
                "attempts",
                "processed_at",
                "last_error",
                "next_attempt_at",
                "failed",
                "handled",
            ]
        )
        return event


def outbox_dispatch_due(limit: int = 500, now: datetime | None = None) -> int:
    """Deliver every event that is due (new ones whose task was lost, and retries)."""
    now = now or timezone.now()
    due = list(
        OutboxEvent.objects.filter(processed_at__isnull=True, failed=False)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )
    delivered = 0
    for event_id in due:
        event = outbox_dispatch(event_id, now=now)
        if event is not None and event.processed_at is not None:
            delivered += 1
    return delivered


@task()
def outbox_dispatch_task(event_id: int) -> bool:
    event = outbox_dispatch(event_id)
    return bool(event and event.processed_at)


@task()
def outbox_dispatch_due_task() -> int:
    return outbox_dispatch_due()
