from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction

from odopmart.notifications.models import Notification, NotificationEvent
from odopmart.notifications.services import notification_attempt, notification_enqueue

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)
OTP_EN = "482913 is your odopmart sign-in code. It expires in 10 minutes. Do not share it."


def enqueue_otp(key: str = "otp:1", code: str = "482913", language: str = "en") -> Notification:
    return notification_enqueue(
        channel="sms",
        recipient="+919876543210",
        template="otp_signin",
        language=language,
        context={"minutes": 10},
        secret_context={"code": code},
        dedupe_key=key,
    )


@transaction.atomic
def change_that_fails_after_enqueueing(key: str) -> None:
    enqueue_otp(key=key)
    raise RuntimeError("the order could not be placed")


def history(notification: Notification) -> list[tuple[str, str, str, int]]:
    return list(
        NotificationEvent.objects.filter(notification=notification)
        .order_by("pk")
        .values_list("kind", "from_status", "to_status", "attempt")
    )


def test_enqueue_writes_the_row_and_sends_only_after_commit(
    sms_outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notification = enqueue_otp()

    assert len(callbacks) == 1
    assert sms_outbox == []
    notification.refresh_from_db()
    assert notification.status == "queued"
    assert notification.attempts == 0
    assert notification.body == (
        "●●●●●● is your odopmart sign-in code. It expires in 10 minutes. Do not share it."
    )
    assert notification.context == {"minutes": 10}
    assert notification.template == "otp_signin"
    assert notification.language == "en"
    assert notification.dedupe_key == "otp:1"
    assert history(notification) == [("queued", "", "queued", 0)]

    callbacks[0]()

    [message] = sms_outbox
    assert message.recipient == "+919876543210"
    assert message.body == OTP_EN
    assert message.reference == f"notification-{notification.pk}-1"
    notification.refresh_from_db()
    assert notification.status == "delivered"
    assert notification.attempts == 1
    assert notification.provider == "locmem-sms"
    assert notification.provider_message_id == "locmem-1"
    assert notification.sent_at is not None
    assert notification.sealed_context == ""  # the code is gone once delivered
    assert history(notification) == [
        ("queued", "", "queued", 0),
        ("attempt", "queued", "sending", 1),
        ("delivered", "sending", "delivered", 1),
    ]


def test_the_code_is_never_stored_readable(sms_outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        notification = enqueue_otp(code="905127")

    row = Notification.objects.filter(pk=notification.pk).values().get()
    assert not [name for name, value in row.items() if "905127" in str(value)]
    assert row["sealed_context"].startswith("v1:")


def test_hindi_message(sms_outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notification = enqueue_otp(language="hi-IN")

    assert notification.language == "hi"
    assert [message.body for message in sms_outbox] == [
        "482913 आपका odopmart साइन-इन कोड है। यह 10 मिनट तक ही मान्य है। इसे किसी को न बताएं।"
    ]


def test_unknown_language_falls_back_to_english(sms_outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notification = enqueue_otp(language="ta")

    assert notification.language == "en"
    assert [message.body for message in sms_outbox] == [OTP_EN]


def test_dlt_ids_come_from_settings(sms_outbox, settings, django_capture_on_commit_callbacks):
    settings.NOTIFICATIONS = {
        **settings.NOTIFICATIONS,
        "DLT_ENTITY_ID": "1101000000000000001",
        "SMS_SENDER_ID": "UPODOP",
        "DLT_TEMPLATE_IDS": {
            "otp_signin": {"en": "1107000000000000011", "hi": "1107000000000000012"}
        },
    }
    with django_capture_on_commit_callbacks(execute=True):
        notification = enqueue_otp(language="hi")

    assert notification.dlt_template_id == "1107000000000000012"
    [message] = sms_outbox
    assert (message.dlt_template_id, message.dlt_entity_id, message.sender_id) == (
        "1107000000000000012", "1101000000000000001", "UPODOP",
    )  # fmt: skip


def test_rolled_back_transaction_leaves_no_row_and_sends_nothing(
    sms_outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError):
        change_that_fails_after_enqueueing("otp:1")

    assert callbacks == []
    assert Notification.objects.count() == 0
    assert NotificationEvent.objects.count() == 0
    assert sms_outbox == []


def test_same_dedupe_key_is_one_message_sent_once(sms_outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        first = enqueue_otp(key="order:7:artisan:3")
        second = enqueue_otp(key="order:7:artisan:3", code="111111")

    assert second.pk == first.pk
    assert len(callbacks) == 1
    assert Notification.objects.count() == 1
    assert [message.body for message in sms_outbox] == [OTP_EN]


def test_attempting_twice_sends_once(sms_outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notification = enqueue_otp()

    again = notification_attempt(notification_id=notification.pk)

    assert again.status == "delivered"
    assert again.attempts == 1
    assert len(sms_outbox) == 1
    assert len(history(notification)) == 3


def test_attempt_for_a_missing_row_is_a_no_op(sms_outbox):
    assert notification_attempt(notification_id=987654) is None
    assert sms_outbox == []


def test_expired_message_is_cancelled_not_sent(
    sms_outbox, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to(T0, tick=False)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notification = notification_enqueue(
            channel="sms", recipient="+919876543210", template="otp_signin", language="en",
            context={"minutes": 10}, secret_context={"code": "123456"}, dedupe_key="otp:9",
            expires_at=T0 + dt.timedelta(minutes=10),
        )  # fmt: skip
    time_machine.move_to(T0 + dt.timedelta(minutes=10), tick=False)
    callbacks[0]()

    notification.refresh_from_db()
    assert notification.status == "cancelled"
    assert notification.attempts == 0
    assert notification.last_error == "Expired before it could be sent."
    assert notification.sealed_context == ""
    assert sms_outbox == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"template": "nope"}, "no message template 'nope'"),
        ({"channel": "voice"}, "is for sms"),
        ({"secret_context": {}}, "takes the secret values ['code']"),
        ({"context": {}}, "needs ['minutes']"),
        ({"context": {"minutes": 10, "code": "1"}}, "secret values go in secret_context"),
        ({"recipient": "98765 43210"}, "sms recipients are E.164 phone numbers"),
    ],
)
def test_enqueue_rejects_a_bad_call_and_writes_nothing(sms_outbox, kwargs, message):
    call = {
        "channel": "sms", "recipient": "+919876543210", "template": "otp_signin",
        "language": "en", "context": {"minutes": 10}, "secret_context": {"code": "123456"},
        "dedupe_key": "otp:bad",
    }  # fmt: skip
    call.update(kwargs)
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        notification_enqueue(**call)

    assert Notification.objects.count() == 0
    assert sms_outbox == []


@pytest.mark.django_db(transaction=True)
def test_committed_transaction_sends_and_rolled_back_one_does_not(sms_outbox):
    with transaction.atomic():
        sent = enqueue_otp(key="otp:commit")
        assert sms_outbox == []  # not before commit
    assert [message.body for message in sms_outbox] == [OTP_EN]
    sent.refresh_from_db()
    assert sent.status == "delivered"

    with pytest.raises(RuntimeError):
        change_that_fails_after_enqueueing("otp:rollback")

    assert list(Notification.objects.values_list("dedupe_key", flat=True)) == ["otp:commit"]
    assert len(sms_outbox) == 1
