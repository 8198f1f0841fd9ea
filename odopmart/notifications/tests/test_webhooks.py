"""Delivery reports and call statuses: verified, applied once, forged ones refused and kept."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from odopmart.notifications.models import Notification, NotificationCallback
from odopmart.notifications.signatures import twilio_signature
from odopmart.notifications.tests.conftest import WEBHOOK_TOKEN

pytestmark = pytest.mark.django_db

BASE = "/webhooks/notifications"
TWILIO_TOKEN = "twilio-auth-token"


def sent_message(provider: str, external_id: str, channel: str = "sms", **fields) -> Notification:
    """A message the provider accepted and whose report is awaited."""
    return Notification.objects.create(
        channel=channel, recipient="+919812345678", language="hi", template="test_order_ready",
        body="…", status="sent", attempts=1, provider=provider, provider_message_id=external_id,
        dedupe_key=f"{provider}:{external_id}", **fields,
    )  # fmt: skip


def outcomes() -> list[tuple[str, str, str]]:
    return list(
        NotificationCallback.objects.order_by("pk").values_list("provider", "kind", "outcome")
    )


def kinds(notification: Notification) -> list[str]:
    return list(notification.events.order_by("pk").values_list("kind", flat=True))


def signed_post(client: Client, path: str, data: dict[str, str], *, token: str = TWILIO_TOKEN):
    params = {name: [value] for name, value in data.items()}
    signature = twilio_signature(token, f"https://odop.test{path}", params)
    return client.post(path, data, HTTP_X_TWILIO_SIGNATURE=signature)


# --- MSG91 ----------------------------------------------------------------------------------

MSG91_V3 = {
    "date": "2026-03-02 10:00:16", "number": "919812345678", "senderId": "ODOPMT",
    "amount": "0.01", "requestId": "3763646c3058", "INMSID": "0", "CRQID": "0",
    "credit": "1", "status": "1", "desc": "DELIVERED", "failedReason": "",
}  # fmt: skip


def test_msg91_report_delivers_once(client, real_providers):
    notification = sent_message("msg91", "3763646c3058")
    url = f"{BASE}/msg91/{WEBHOOK_TOKEN}/report/"

    first = client.post(url, json.dumps(MSG91_V3), content_type="application/json")
    again = client.post(url, json.dumps(MSG91_V3), content_type="application/json")

    assert (first.status_code, again.status_code) == (200, 200)
    notification.refresh_from_db()
    assert notification.status == "delivered"
    assert kinds(notification) == ["delivered"]
    assert outcomes() == [("msg91", "report", "applied"), ("msg91", "report", "duplicate")]
    applied = NotificationCallback.objects.get(outcome="applied")
    assert (applied.notification, applied.status, applied.signature_valid) == (
        notification, "DELIVERED", True,
    )  # fmt: skip


def test_msg91_v2_form_report_of_a_failure(client, real_providers):
    notification = sent_message("msg91", "346a130")
    data = [{"senderId": "ODOPMT", "requestId": "346a130", "userId": "27", "report": [
        {"date": "2026-03-02 10:06:20", "number": "919812345678", "status": "16",
         "desc": "REJECTED", "failedReason": "DLT template mismatch"}]}]  # fmt: skip

    response = client.post(f"{BASE}/msg91/{WEBHOOK_TOKEN}/report/", {"data": json.dumps(data)})

    assert response.status_code == 200
    notification.refresh_from_db()
    assert (notification.status, notification.last_error) == ("failed", "DLT template mismatch")


def test_msg91_report_on_the_way_changes_nothing(client, real_providers):
    notification = sent_message("msg91", "r-9")
    report = {**MSG91_V3, "requestId": "r-9", "status": "8", "desc": "SUBMITTED"}

    client.post(f"{BASE}/msg91/{WEBHOOK_TOKEN}/report/", report, content_type="application/json")

    notification.refresh_from_db()
    assert notification.status == "sent"
    assert outcomes() == [("msg91", "report", "ignored")]


def test_msg91_forged_token_is_refused_and_kept(client, real_providers):
    notification = sent_message("msg91", "3763646c3058")

    response = client.post(
        f"{BASE}/msg91/not-the-token/report/", MSG91_V3, content_type="application/json"
    )

    assert response.status_code == 403
    notification.refresh_from_db()
    assert notification.status == "sent"
    refused = NotificationCallback.objects.get()
    assert (refused.outcome, refused.signature_valid, refused.notification) == (
        "forged", False, None,
    )  # fmt: skip
    assert refused.payload["requestId"] == "3763646c3058"


def test_without_a_configured_token_every_report_is_refused(client, settings, real_providers):
    settings.NOTIFICATIONS = {**settings.NOTIFICATIONS, "WEBHOOK_TOKEN": ""}

    response = client.post(f"{BASE}/msg91/x/report/", MSG91_V3, content_type="application/json")

    assert response.status_code == 403


@pytest.mark.parametrize(
    ("body", "content_type"),
    [("{not json", "application/json"), ("data=%5Bnope", "application/x-www-form-urlencoded"),
     ("[]", "application/json"), ("", "application/x-www-form-urlencoded")],
)  # fmt: skip
def test_msg91_unreadable_report_is_400_and_kept(client, real_providers, body, content_type):
    response = client.post(f"{BASE}/msg91/{WEBHOOK_TOKEN}/report/", body, content_type=content_type)

    assert response.status_code == 400
    assert outcomes() == [("msg91", "report", "malformed")]


def test_msg91_report_for_an_unknown_message_is_kept(client, real_providers):
    response = client.post(
        f"{BASE}/msg91/{WEBHOOK_TOKEN}/report/", MSG91_V3, content_type="application/json"
    )

    assert response.status_code == 200
    assert outcomes() == [("msg91", "report", "unknown")]


# --- Exotel ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "expected", "error"),
    [("completed", "delivered", ""), ("no-answer", "failed", "no-answer"),
     ("busy", "failed", "busy"), ("failed", "failed", "failed")],
)  # fmt: skip
def test_exotel_call_status(client, real_providers, status, expected, error):
    notification = sent_message("exotel", "b6cfaf0b", channel="voice")
    data = {"CallSid": "b6cfaf0b", "Status": status, "DateUpdated": "2026-03-02 10:01:45",
            "RecordingUrl": "", "EventType": "terminal"}  # fmt: skip

    response = client.post(f"{BASE}/exotel/{WEBHOOK_TOKEN}/status/", data)
    replay = client.post(f"{BASE}/exotel/{WEBHOOK_TOKEN}/status/", data)

    assert (response.status_code, replay.status_code) == (200, 200)
    notification.refresh_from_db()
    assert (notification.status, notification.last_error) == (expected, error)
    assert outcomes() == [
        ("exotel", "call_status", "applied"), ("exotel", "call_status", "duplicate"),
    ]  # fmt: skip


def test_exotel_forged_status_is_refused(client, real_providers):
    notification = sent_message("exotel", "b6cfaf0b", channel="voice")

    response = client.post(
        f"{BASE}/exotel/{WEBHOOK_TOKEN}x/status/", {"CallSid": "b6cfaf0b", "Status": "completed"}
    )

    assert response.status_code == 403
    notification.refresh_from_db()
    assert notification.status == "sent"
    assert outcomes() == [("exotel", "call_status", "forged")]


def test_exotel_status_without_a_call_id_is_400(client, real_providers):
    response = client.post(f"{BASE}/exotel/{WEBHOOK_TOKEN}/status/", {"Status": "completed"})

    assert response.status_code == 400
    assert outcomes() == [("exotel", "call_status", "malformed")]


# --- Twilio ---------------------------------------------------------------------------------


def test_twilio_signed_message_status(client, real_providers):
    notification = sent_message("twilio-sms", "SM123")
    data = {"MessageSid": "SM123", "MessageStatus": "delivered", "AccountSid": "AC0",
            "To": "+919812345678", "From": "+15005550006", "ApiVersion": "2010-04-01"}  # fmt: skip

    first = signed_post(client, f"{BASE}/twilio/status/", data)
    replay = signed_post(client, f"{BASE}/twilio/status/", data)

    assert (first.status_code, replay.status_code) == (204, 204)
    notification.refresh_from_db()
    assert notification.status == "delivered"
    assert outcomes() == [("twilio", "report", "applied"), ("twilio", "report", "duplicate")]


def test_twilio_undelivered_message(client, real_providers):
    notification = sent_message("twilio-sms", "SM124")
    data = {"MessageSid": "SM124", "MessageStatus": "undelivered", "ErrorCode": "30003"}

    signed_post(client, f"{BASE}/twilio/status/", data)

    notification.refresh_from_db()
    assert (notification.status, notification.last_error) == ("failed", "undelivered 30003")


def test_twilio_call_status(client, real_providers):
    notification = sent_message("twilio-voice", "CA1", channel="voice")

    path = f"{BASE}/twilio/status/"
    ringing = signed_post(client, path, {"CallSid": "CA1", "CallStatus": "ringing"})
    done = signed_post(client, path, {"CallSid": "CA1", "CallStatus": "no-answer"})

    assert (ringing.status_code, done.status_code) == (204, 204)
    notification.refresh_from_db()
    assert (notification.status, notification.last_error) == ("failed", "no-answer")
    assert outcomes() == [
        ("twilio", "call_status", "ignored"), ("twilio", "call_status", "applied"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "forge",
    ["wrong-token", "tampered", "missing", "other-url"],
)
def test_twilio_forged_signature_is_refused(client, real_providers, forge):
    notification = sent_message("twilio-sms", "SM125")
    data = {"MessageSid": "SM125", "MessageStatus": "delivered"}
    path = f"{BASE}/twilio/status/"
    params = {k: [v] for k, v in data.items()}
    signature = {
        "wrong-token": twilio_signature("guess", f"https://odop.test{path}", params),
        "tampered": twilio_signature(
            TWILIO_TOKEN, f"https://odop.test{path}", {**params, "MessageStatus": ["failed"]}
        ),
        "missing": "",
        "other-url": twilio_signature(TWILIO_TOKEN, "https://evil.test/", params),
    }[forge]

    response = client.post(path, data, HTTP_X_TWILIO_SIGNATURE=signature)

    assert response.status_code == 403
    notification.refresh_from_db()
    assert notification.status == "sent"
    assert outcomes() == [("twilio", "call_status", "forged")]


def test_twilio_signature_matches_the_documented_example():
    # The worked example of Twilio's webhook-security page.
    params = {
        "CallSid": ["CA1234567890ABCDE"], "Caller": ["+12349013030"], "Digits": ["1234"],
        "From": ["+12349013030"], "To": ["+18005551212"],
    }  # fmt: skip
    url = "https://mycompany.com/myapp.php?foo=1&bar=2"

    assert twilio_signature("12345", url, params) == "0/KCTR6DLpKmkAf8muzZqo1nDgQ="


def test_the_admin_lists_callbacks(client, real_providers):
    from django.contrib.auth.models import User

    client.post(f"{BASE}/msg91/bad/report/", MSG91_V3, content_type="application/json")
    client.force_login(User.objects.create_superuser("root", "r@example.com", "pw-for-tests-1"))

    listing = client.get("/admin/notifications/notificationcallback/")
    detail = client.get(
        f"/admin/notifications/notificationcallback/{NotificationCallback.objects.get().pk}/change/"
    )

    assert (listing.status_code, detail.status_code) == (200, 200)
    assert "forged" in listing.content.decode().lower()
