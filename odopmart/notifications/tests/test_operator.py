from __future__ import annotations

import io
import itertools

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from odopmart.notifications.models import Notification, NotificationEvent
from odopmart.notifications.providers import OutgoingMessage
from odopmart.notifications.providers.console import ConsoleSmsProvider
from odopmart.notifications.services import (
    NotificationError,
    _transition,
    notification_cancel,
    notification_enqueue,
    notification_resend,
)
from odopmart.notifications.states import NOTIFICATION_TRANSITIONS, NotificationStatus

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/notifications/notification/"


@pytest.fixture
def operator() -> User:
    return User.objects.create_superuser("operator", "operator@example.com", "pw-for-tests-1")


@pytest.fixture
def admin_client(client, operator):
    client.force_login(operator)
    return client


def enqueue(key: str, *, secret: bool = False) -> Notification:
    if secret:
        return notification_enqueue(
            channel="sms", recipient="+919812345678", template="otp_signin", language="en",
            context={"minutes": 10}, secret_context={"code": "246810"}, dedupe_key=key,
        )  # fmt: skip
    return notification_enqueue(
        channel="sms", recipient="+919812345678", template="test_order_ready", language="en",
        context={"order": "OM-7", "date": "5 March"}, dedupe_key=key,
    )  # fmt: skip


def test_transition_table_rejects_every_move_not_in_it(sms_outbox, order_template):
    notification = enqueue("t")
    statuses = [status.value for status in NotificationStatus]
    for from_status, to_status in itertools.product(statuses, statuses):
        notification.status = from_status
        if to_status in NOTIFICATION_TRANSITIONS[from_status]:
            continue
        with pytest.raises(NotificationError):
            _transition(notification, to_status, kind="retry")
    assert NotificationEvent.objects.filter(notification=notification).count() == 1


def test_resend_a_failed_message_from_the_admin(
    scripted, order_template, admin_client, operator, django_capture_on_commit_callbacks
):
    scripted.script = ["reject"]
    with django_capture_on_commit_callbacks(execute=True):
        notification = enqueue("order:7")
    assert Notification.objects.get(pk=notification.pk).status == "failed"

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            CHANGELIST, {"action": "resend", "_selected_action": [notification.pk]}, follow=True
        )

    assert response.status_code == 200
    assert "1 message queued again." in response.content.decode()
    notification.refresh_from_db()
    assert (notification.status, notification.attempts, notification.last_error) == (
        "delivered", 1, "",
    )  # fmt: skip
    assert len(scripted.calls) == 2
    resent = NotificationEvent.objects.get(notification=notification, kind="resent")
    assert (resent.from_status, resent.to_status, resent.actor) == ("failed", "queued", operator)


def test_a_sign_in_code_cannot_be_resent_once_gone(
    scripted, admin_client, django_capture_on_commit_callbacks
):
    scripted.script = ["reject"]
    with django_capture_on_commit_callbacks(execute=True):
        notification = enqueue("otp:5", secret=True)
    events_before = NotificationEvent.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            CHANGELIST, {"action": "resend", "_selected_action": [notification.pk]}, follow=True
        )

    assert "no longer kept" in response.content.decode()
    notification.refresh_from_db()
    assert notification.status == "failed"
    assert NotificationEvent.objects.count() == events_before
    assert len(scripted.calls) == 1


def test_resend_refuses_a_message_still_queued(sms_outbox, order_template, operator):
    notification = enqueue("q")  # not committed in this test, so still queued

    with pytest.raises(NotificationError) as error:
        notification_resend(notification_id=notification.pk, actor=operator)

    assert error.value.code == "not_final"
    assert Notification.objects.get(pk=notification.pk).status == "queued"


def test_cancel_a_queued_message(sms_outbox, order_template, operator):
    notification = enqueue("c")

    notification_cancel(notification_id=notification.pk, actor=operator, reason="Order cancelled")

    notification.refresh_from_db()
    assert (notification.status, notification.last_error) == ("cancelled", "Order cancelled")
    with pytest.raises(NotificationError) as error:
        notification_cancel(notification_id=notification.pk, actor=operator)
    assert error.value.code == "not_queued"
    assert sms_outbox == []


def test_admin_lists_messages_with_filters(
    sms_outbox, order_template, admin_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sent = enqueue("one", secret=True)
    queued = enqueue("two")

    listing = admin_client.get(CHANGELIST, {"status__exact": "queued", "channel__exact": "sms"})
    detail = admin_client.get(f"{CHANGELIST}{sent.pk}/change/")

    assert listing.status_code == 200
    assert list(listing.context["cl"].result_list) == [queued]
    assert detail.status_code == 200
    page = detail.content.decode()
    assert "●●●●●● is your odopmart sign-in code" in page
    assert "246810" not in page


def test_admin_is_for_staff_only(client, sms_outbox, order_template):
    enqueue("x")
    user = User.objects.create_user("buyer", password="pw-for-tests-1")
    client.force_login(user)

    response = client.get(CHANGELIST)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_console_provider_prints_the_message():
    stream = io.StringIO()
    message = OutgoingMessage(
        notification_id=1, channel="sms", recipient="+919812345678", language="en",
        template="otp_signin", body="123456 is your code", dlt_template_id="", dlt_entity_id="",
        sender_id="ODOPMT", reference="notification-1-1",
    )  # fmt: skip

    result = ConsoleSmsProvider(stream=stream).send(message)

    assert result.delivered is True
    assert result.provider_message_id == "notification-1-1"
    assert "123456 is your code" in stream.getvalue()
    assert "sms to +919812345678" in stream.getvalue()


def test_dispatch_command(scripted, order_template, django_capture_on_commit_callbacks):
    enqueue("cmd")
    out = io.StringIO()

    call_command("send_due_notifications", stdout=out)

    assert out.getvalue() == "1 notification attempt(s) queued\n"
    assert Notification.objects.get(dedupe_key="cmd").status == "delivered"


def test_system_check_reports_a_bad_provider(settings):
    from odopmart.notifications.checks import check_providers

    settings.NOTIFICATIONS = {"SMS_PROVIDER": "odopmart.nowhere.Provider"}
    settings.NOTIFICATIONS["VOICE_PROVIDER"] = "odopmart.notifications.conf.DEFAULTS"

    errors = check_providers()

    assert [error.id for error in errors] == ["notifications.E001", "notifications.E002"]
