"""MSG91 Flow API adapter against the documented request and reply shapes."""

from __future__ import annotations

import datetime as dt
import json

import httpx
import pytest
import respx

from odopmart.notifications.models import Notification, NotificationEvent
from odopmart.notifications.services import notification_dispatch_due, notification_enqueue

pytestmark = pytest.mark.django_db

FLOW_URL = "https://control.msg91.com/api/v5/flow"
T0 = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def msg91(use_provider, order_template):
    use_provider("sms", "msg91.Msg91SmsProvider")


def enqueue(key: str = "order:1:artisan:1", language: str = "hi") -> Notification:
    return notification_enqueue(
        channel="sms", recipient="+919812345678", template="test_order_ready", language=language,
        context={"order": "OM-1001", "date": "5 मार्च"}, dedupe_key=key,
    )  # fmt: skip


def kinds(notification: Notification) -> list[str]:
    return list(notification.events.order_by("pk").values_list("kind", flat=True))


@respx.mock
def test_sends_through_the_flow_api(msg91, django_capture_on_commit_callbacks):
    route = respx.post(FLOW_URL).mock(
        return_value=httpx.Response(200, json={"type": "success", "message": "3763646c3058"})
    )
    with django_capture_on_commit_callbacks(execute=True):
        notification = enqueue()

    request = route.calls.last.request
    assert request.headers["authkey"] == "msg91-key-for-tests"
    assert request.headers["content-type"] == "application/json"
    assert json.loads(request.content) == {
        "template_id": "65f0a1b2c3d4e5f6a7b8c9d0",
        "short_url": "0",
        "sender": "ODOPMT",
        "recipients": [{"mobiles": "919812345678", "order": "OM-1001", "date": "5 मार्च"}],
    }
    notification.refresh_from_db()
    assert (notification.status, notification.provider) == ("sent", "msg91")
    assert notification.provider_message_id == "3763646c3058"
    assert kinds(notification) == ["queued", "attempt", "sent"]


@respx.mock
def test_falls_back_to_the_dlt_template_id(msg91, django_capture_on_commit_callbacks):
    route = respx.post(FLOW_URL).mock(
        return_value=httpx.Response(200, json={"type": "success", "message": "r-2"})
    )
    with django_capture_on_commit_callbacks(execute=True):
        enqueue(language="en")

    assert json.loads(route.calls.last.request.content)["template_id"] == "1107000000000000011"


@pytest.mark.parametrize(
    ("status", "reply", "error"),
    [
        (401, {"type": "error", "message": "Authentication failure"}, "Authentication failure"),
        (400, {"type": "error", "message": "Invalid mobile number"}, "Invalid mobile number"),
        (200, {"type": "error", "message": "Template ID missing"}, "Template ID missing"),
    ],
)
@respx.mock
def test_a_refusal_fails_at_once(msg91, django_capture_on_commit_callbacks, status, reply, error):
    respx.post(FLOW_URL).mock(return_value=httpx.Response(status, json=reply))
    with django_capture_on_commit_callbacks(execute=True):
        notification = enqueue()

    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("failed", 1)
    assert error in notification.last_error
    assert kinds(notification) == ["queued", "attempt", "failed"]


@respx.mock
def test_no_template_id_fails_without_calling(msg91, settings, django_capture_on_commit_callbacks):
    settings.NOTIFICATIONS = {**settings.NOTIFICATIONS, "MSG91_TEMPLATE_IDS": {},
                              "DLT_TEMPLATE_IDS": {}}  # fmt: skip
    route = respx.post(FLOW_URL)
    with django_capture_on_commit_callbacks(execute=True):
        notification = enqueue()

    notification.refresh_from_db()
    assert notification.status == "failed"
    assert "no template id for 'test_order_ready' (hi)" in notification.last_error
    assert route.call_count == 0


@pytest.mark.parametrize(
    "failure",
    [
        httpx.Response(503, text="<html>Service Unavailable</html>"),
        httpx.Response(429, json={"type": "error", "message": "Too many requests"}),
        httpx.ConnectTimeout("connect timed out"),
        httpx.ReadTimeout("read timed out"),
        httpx.ConnectError("connection refused"),
    ],
)
@respx.mock
def test_server_errors_and_timeouts_are_retried(
    msg91, time_machine, django_capture_on_commit_callbacks, failure
):
    success = httpx.Response(200, json={"type": "success", "message": "ok-2"})
    respx.post(FLOW_URL).side_effect = [failure, success]
    time_machine.move_to(T0, tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        notification = enqueue()

    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("queued", 1)
    assert notification.next_attempt_at == T0 + dt.timedelta(seconds=30)
    assert notification.last_error.startswith("msg91: ")

    time_machine.move_to(T0 + dt.timedelta(seconds=30), tick=False)
    notification_dispatch_due()

    notification.refresh_from_db()
    assert (notification.status, notification.attempts) == ("sent", 2)
    assert notification.provider_message_id == "ok-2"
    assert notification.last_error == ""


@respx.mock
def test_a_provider_down_for_an_hour_ends_failed_for_a_person(
    msg91, settings, time_machine, django_capture_on_commit_callbacks, client
):
    from django.contrib.auth.models import User

    route = respx.post(FLOW_URL).mock(return_value=httpx.Response(500, text="Internal error"))
    time_machine.move_to(T0, tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        notification = enqueue()

    # The dispatcher runs every minute for an hour and a half.
    for minute in range(1, 91):
        time_machine.move_to(T0 + dt.timedelta(minutes=minute), tick=False)
        notification_dispatch_due()

    notification.refresh_from_db()
    assert notification.status == "failed"
    assert notification.attempts == settings.NOTIFICATIONS.get("MAX_ATTEMPTS", 5) == 5
    assert route.call_count == 5
    assert notification.last_error == "msg91: HTTP 500: Internal error"
    times = list(
        NotificationEvent.objects.filter(notification=notification, kind="attempt")
        .order_by("pk")
        .values_list("created_at", flat=True)
    )
    pairs = zip(times, times[1:], strict=False)
    waits = [(later - earlier).total_seconds() for earlier, later in pairs]
    # Back-off of 30 s, 60 s, 120 s, 240 s, each seen by the next once-a-minute dispatcher run.
    assert waits == [60, 60, 120, 240]

    operator = User.objects.create_superuser("op", "op@example.com", "pw-for-tests-1")
    client.force_login(operator)
    page = client.get("/seller/messages/", {"status": "failed"})
    assert page.status_code == 200
    assert [message.pk for message in page.context["page"].object_list] == [notification.pk]
    assert "msg91: HTTP 500: Internal error" in page.content.decode()
