from __future__ import annotations

import datetime as dt

import pytest

from odopmart.notifications.models import Notification, NotificationEvent
from odopmart.notifications.services import (
    notification_attempt,
    notification_delivery_report,
    notification_dispatch_due,
    notification_enqueue,
    retry_delay,
)

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


def enqueue(key: str = "order:1:artisan:1") -> Notification:
    return notification_enqueue(
        channel="sms",
        recipient="+919812345678",
        template="test_order_ready",
        language="hi",
        context={"order": "OM-1001", "date": "5 मार्च"},
        dedupe_key=key,
    )


def kinds(notification: Notification) -> list[str]:
    return list(
        NotificationEvent.objects.filter(notification=notification)
        .order_by("pk")
        .values_list("kind", flat=True)
    )


def test_backoff_doubles_up_to_the_ceiling(settings):
    assert [retry_delay(n).total_seconds() for n in range(1, 6)] == [30, 60, 120, 240, 480]
    settings.NOTIFICATIONS = {"RETRY_BASE_SECONDS": 600, "RETRY_MAX_SECONDS": 3600}
    assert [retry_delay(n).total_seconds() for n in range(1, 6)] == [600, 1200, 2400, 3600, 3600]


def test_retries_with_backoff_then_fails_for_a_person(
    scripted, order_template, time_machine, django_capture_on_commit_callbacks
):
    scripted.script = ["fail"] * 10
    time_machine.move_to(T0, tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        notification = enqueue()

    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("queued", 1)
    assert notification.next_attempt_at == T0 + dt.timedelta(seconds=30)
    assert notification.last_error == "gateway timeout"

    # Not due yet: the dispatcher leaves it alone and nothing is sent.
    time_machine.move_to(T0 + dt.timedelta(seconds=29), tick=False)
    assert notification_dispatch_due() == 0
    assert len(scripted.calls) == 1

    now = T0
    for attempt, wait in [(2, 30), (3, 60), (4, 120), (5, 240)]:
        now += dt.timedelta(seconds=wait)
        time_machine.move_to(now, tick=False)
        assert notification_dispatch_due() == 1
        notification.refresh_from_db()
        assert notification.attempts == attempt
        assert len(scripted.calls) == attempt

    assert notification.status == "failed"
    assert notification.last_error == "gateway timeout"
    assert [call.reference for call in scripted.calls] == [
        f"notification-{notification.pk}-{n}" for n in range(1, 6)
    ]
    assert kinds(notification) == ["queued"] + ["attempt", "retry"] * 4 + ["attempt", "failed"]

    # A failed message stays put: neither the dispatcher nor a stray task sends it again.
    time_machine.move_to(now + dt.timedelta(days=1), tick=False)
    assert notification_dispatch_due() == 0
    assert notification_attempt(notification_id=notification.pk).status == "failed"
    assert len(scripted.calls) == 5


def test_recovers_after_transient_failures(
    scripted, order_template, time_machine, django_capture_on_commit_callbacks
):
    scripted.script = ["fail", "crash", "ok"]
    time_machine.move_to(T0, tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        notification = enqueue()
    time_machine.move_to(T0 + dt.timedelta(seconds=30), tick=False)
    notification_dispatch_due()
    notification.refresh_from_db()
    assert notification.last_error == "ConnectionResetError: connection reset by peer"
    assert notification.next_attempt_at == T0 + dt.timedelta(seconds=90)
    time_machine.move_to(T0 + dt.timedelta(seconds=90), tick=False)
    notification_dispatch_due()

    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("delivered", 3)
    assert notification.last_error == ""
    assert notification.provider_message_id == "scripted-3"
    assert [call.body for call in scripted.calls] == [
        "ऑर्डर OM-1001 का भुगतान हो गया है। इसे 5 मार्च तक तैयार रखें।"
    ] * 3


def test_permanent_error_fails_at_once(
    scripted, order_template, django_capture_on_commit_callbacks
):
    scripted.script = ["reject"]
    with django_capture_on_commit_callbacks(execute=True):
        notification = enqueue()

    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("failed", 1)
    assert notification.last_error == "DLT template mismatch"
    assert kinds(notification) == ["queued", "attempt", "failed"]


def test_retry_is_deferred_on_queues_that_can_wait(
    scripted, order_template, settings, time_machine, django_capture_on_commit_callbacks
):
    from django_tasks import default_task_backend

    scripted.script = ["fail"]
    time_machine.move_to(T0, tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        notification = enqueue()
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

    with django_capture_on_commit_callbacks(execute=True):
        # Play the failed attempt again, this time with a queue that supports run_after.
        Notification.objects.filter(pk=notification.pk).update(next_attempt_at=T0)
        scripted.script = ["fail"]
        notification_attempt(notification_id=notification.pk)

    [result] = default_task_backend.results
    assert result.task.name == "notification_send"
    assert result.args == [notification.pk]
    assert result.task.run_after == T0 + dt.timedelta(seconds=60)


def test_dispatcher_recovers_an_interrupted_attempt(
    sms_outbox, order_template, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to(T0, tick=False)
    with django_capture_on_commit_callbacks(execute=False):
        notification = enqueue()
    # A worker claimed it and died before recording the outcome.
    Notification.objects.filter(pk=notification.pk).update(
        status="sending", attempts=1, last_attempt_at=T0
    )
    time_machine.move_to(T0 + dt.timedelta(seconds=299), tick=False)
    assert notification_dispatch_due() == 0
    assert notification_attempt(notification_id=notification.pk).status == "sending"
    assert sms_outbox == []

    time_machine.move_to(T0 + dt.timedelta(seconds=301), tick=False)
    assert notification_dispatch_due() == 1

    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("delivered", 2)
    assert len(sms_outbox) == 1
    assert kinds(notification) == ["queued", "retry", "attempt", "delivered"]


def test_delivery_report_completes_an_accepted_message(
    scripted, order_template, django_capture_on_commit_callbacks
):
    scripted.script = ["accept", "accept"]
    with django_capture_on_commit_callbacks(execute=True):
        first = enqueue("a")
        second = enqueue("b")
    first.refresh_from_db()
    assert first.status == "sent"

    notification_delivery_report(
        provider="scripted", provider_message_id="scripted-1", delivered=True
    )
    notification_delivery_report(
        provider="scripted", provider_message_id="scripted-2", delivered=False, error="DND"
    )
    # A repeated report changes nothing.
    notification_delivery_report(
        provider="scripted", provider_message_id="scripted-1", delivered=False, error="late"
    )

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.last_error) == ("delivered", "")
    assert (second.status, second.last_error) == ("failed", "DND")
    assert kinds(first) == ["queued", "attempt", "sent", "delivered"]
