"""Nothing lost, nothing sent twice: a crash between commit and send, a lost task, a dead worker."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest
import respx
from django.db import transaction

from odopmart.notifications.models import Notification
from odopmart.notifications.services import notification_dispatch_due, notification_enqueue

pytestmark = pytest.mark.django_db(transaction=True)

FLOW_URL = "https://control.msg91.com/api/v5/flow"
T0 = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


def enqueue(key: str) -> Notification:
    return notification_enqueue(
        channel="sms", recipient="+919812345678", template="test_order_ready", language="hi",
        context={"order": "OM-1001", "date": "5 मार्च"}, dedupe_key=key,
    )  # fmt: skip


@pytest.fixture
def msg91(use_provider, order_template):
    use_provider("sms", "msg91.Msg91SmsProvider")


@respx.mock
def test_crash_after_commit_before_send_is_sent_once_by_the_sweep(msg91, monkeypatch, time_machine):
    route = respx.post(FLOW_URL).mock(
        return_value=httpx.Response(200, json={"type": "success", "message": "r-1"})
    )
    time_machine.move_to(T0, tick=False)
    # The process dies right after the commit: the on-commit send never runs.
    monkeypatch.setattr(
        "odopmart.notifications.services._schedule_attempt", lambda *args, **kwargs: None
    )
    with transaction.atomic():
        notification = enqueue("order:1:artisan:1")
    monkeypatch.undo()

    assert Notification.objects.get(pk=notification.pk).status == "queued"
    assert route.call_count == 0

    assert notification_dispatch_due() == 1
    assert notification_dispatch_due() == 0
    time_machine.move_to(T0 + dt.timedelta(hours=1), tick=False)
    assert notification_dispatch_due() == 0

    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("sent", 1)
    assert route.call_count == 1


@respx.mock
def test_a_task_queue_that_refuses_the_job_loses_nothing(msg91, monkeypatch):
    route = respx.post(FLOW_URL).mock(
        return_value=httpx.Response(200, json={"type": "success", "message": "r-2"})
    )
    from odopmart.notifications import tasks

    class BrokenQueue:
        def enqueue(self, *args, **kwargs):
            raise ConnectionError("redis is down")

    monkeypatch.setattr(tasks, "notification_send", BrokenQueue())
    with transaction.atomic():
        notification = enqueue("order:2:artisan:1")  # commits; queueing the task fails quietly
    assert Notification.objects.get(pk=notification.pk).status == "queued"
    monkeypatch.undo()

    notification_dispatch_due()

    notification.refresh_from_db()
    assert notification.status == "sent"
    assert route.call_count == 1


@respx.mock
def test_a_row_stuck_in_sending_is_retried_after_the_timeout(msg91, time_machine):
    route = respx.post(FLOW_URL).mock(
        return_value=httpx.Response(200, json={"type": "success", "message": "r-3"})
    )
    time_machine.move_to(T0, tick=False)
    with transaction.atomic():
        notification = enqueue("order:3:artisan:1")
    route.reset()
    # A worker claimed it and died before recording anything.
    Notification.objects.filter(pk=notification.pk).update(
        status="sending", attempts=1, last_attempt_at=T0, provider_message_id=""
    )

    time_machine.move_to(T0 + dt.timedelta(seconds=299), tick=False)
    notification_dispatch_due()
    assert Notification.objects.get(pk=notification.pk).status == "sending"

    time_machine.move_to(T0 + dt.timedelta(seconds=301), tick=False)
    notification_dispatch_due()

    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("sent", 2)
    assert route.call_count == 1


@respx.mock
def test_same_dedupe_key_twice_sends_one_message(msg91):
    route = respx.post(FLOW_URL).mock(
        return_value=httpx.Response(200, json={"type": "success", "message": "r-4"})
    )
    with transaction.atomic():
        first = enqueue("order:4:artisan:1")
    with transaction.atomic():
        second = enqueue("order:4:artisan:1")
    notification_dispatch_due()

    assert first.pk == second.pk
    assert Notification.objects.count() == 1
    assert route.call_count == 1
