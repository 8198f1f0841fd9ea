from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from odopmart.core.models import OutboxEvent
from odopmart.core.outbox import (
    outbox_dispatch,
    outbox_dispatch_due,
    outbox_publish,
    outbox_register,
    outbox_unregister,
    retry_delay,
)

pytestmark = pytest.mark.django_db
TOPIC = "test.happened"


@pytest.fixture
def handled():
    seen: list[int] = []
    failures = {"left": 0}

    def handler(event):
        if failures["left"] > 0:
            failures["left"] -= 1
            raise RuntimeError("provider down")
        seen.append(event.payload["n"])

    outbox_register(TOPIC, handler)
    yield seen, failures
    outbox_unregister(TOPIC, handler)


def test_publish_is_deduplicated_and_part_of_the_transaction():
    outbox_publish(TOPIC, {"n": 1}, dedupe_key="k1")
    outbox_publish(TOPIC, {"n": 2}, dedupe_key="k1")
    assert OutboxEvent.objects.filter(dedupe_key="k1").count() == 1

    def fails_after_publishing():
        with transaction.atomic():
            outbox_publish(TOPIC, {"n": 3}, dedupe_key="k2")
            raise RuntimeError("the cause rolled back")

    with pytest.raises(RuntimeError):
        fails_after_publishing()
    assert not OutboxEvent.objects.filter(dedupe_key="k2").exists()


def test_delivery_is_queued_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        outbox_publish(TOPIC, {"n": 1}, dedupe_key="k3")
    assert len(callbacks) == 1


def test_handlers_run_once_and_failures_retry_with_backoff(handled, settings):
    settings.OUTBOX = {"MAX_ATTEMPTS": 3, "RETRY_BASE_SECONDS": 10, "RETRY_MAX_SECONDS": 100}
    seen, failures = handled
    failures["left"] = 1
    event = outbox_publish(TOPIC, {"n": 7}, dedupe_key="k4")
    now = timezone.now()

    outbox_dispatch(event.pk, now=now)
    event.refresh_from_db()
    assert (event.attempts, event.processed_at, event.failed) == (1, None, False)
    assert event.next_attempt_at == now + timedelta(seconds=10)
    assert "provider down" in event.last_error
    assert outbox_dispatch_due(now=now + timedelta(seconds=5)) == 0  # not due yet

    assert outbox_dispatch_due(now=now + timedelta(seconds=11)) == 1
    event.refresh_from_db()
    assert event.processed_at is not None
    assert seen == [7]
    assert outbox_dispatch_due(now=now + timedelta(hours=1)) == 0
    assert seen == [7]


def test_gives_up_after_max_attempts(handled, settings):
    settings.OUTBOX = {"MAX_ATTEMPTS": 2, "RETRY_BASE_SECONDS": 1, "RETRY_MAX_SECONDS": 1}
    seen, failures = handled
    failures["left"] = 10
    event = outbox_publish(TOPIC, {"n": 8}, dedupe_key="k5")
    outbox_dispatch(event.pk)
    outbox_dispatch(event.pk, now=timezone.now() + timedelta(seconds=5))
    event.refresh_from_db()
    assert event.failed is True
    assert event.attempts == 2
    assert outbox_dispatch_due(now=timezone.now() + timedelta(days=1)) == 0
    assert seen == []


def test_backoff_grows_and_is_capped(settings):
    settings.OUTBOX = {"RETRY_BASE_SECONDS": 30, "RETRY_MAX_SECONDS": 100}
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 4)] == [30, 60, 100, 100]


def test_order_events_reach_their_handlers(make_product, cart_with, place):
    placed = []
    handler = placed.append
    outbox_register("order.placed", handler)
    try:
        order = place(cart_with((make_product(), 1)))
        outbox_dispatch_due()
    finally:
        outbox_unregister("order.placed", handler)
    assert [event.payload["order_id"] for event in placed] == [order.pk]


def test_a_failing_handler_neither_undoes_nor_repeats_the_others():
    from odopmart.core.models import CacheGeneration

    calls = {"good": 0, "bad": 0}

    def good(event):
        calls["good"] += 1
        CacheGeneration.objects.create(name=f"good-{calls['good']}")

    def bad(event):
        calls["bad"] += 1
        CacheGeneration.objects.create(name=f"bad-{calls['bad']}")
        if calls["bad"] == 1:
            raise RuntimeError("provider down")

    outbox_register(TOPIC, good)
    outbox_register(TOPIC, bad)
    try:
        event = outbox_publish(TOPIC, {"n": 1}, dedupe_key="k-isolated")
        first = outbox_dispatch(event.pk)
        assert first.processed_at is None
        assert "provider down" in first.last_error
        # The good handler's work stands; the failed one's was undone.
        assert CacheGeneration.objects.filter(name="good-1").exists()
        assert not CacheGeneration.objects.filter(name="bad-1").exists()

        retried = outbox_dispatch(event.pk, now=timezone.now() + timedelta(days=1))
        assert retried.processed_at is not None
        assert calls == {"good": 1, "bad": 2}  # only the owed handler ran again
    finally:
        outbox_unregister(TOPIC, good)
        outbox_unregister(TOPIC, bad)
