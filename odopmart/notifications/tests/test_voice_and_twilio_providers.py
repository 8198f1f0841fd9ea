"""Exotel and Twilio adapters against the documented request and reply shapes."""

from __future__ import annotations

import base64
import datetime as dt
from urllib.parse import parse_qs

import httpx
import pytest
import respx

from odopmart.notifications.models import Notification
from odopmart.notifications.services import notification_enqueue
from odopmart.notifications.tests.conftest import WEBHOOK_TOKEN

pytestmark = pytest.mark.django_db

EXOTEL_URL = "https://api.in.exotel.com/v1/Accounts/odopmart1/Calls/connect.json"
TWILIO_ACCOUNT = "AC" + "0" * 32
TWILIO_MESSAGES = f"https://api.twilio.com/2010-04-01/Accounts/{TWILIO_ACCOUNT}/Messages.json"
TWILIO_CALLS = f"https://api.twilio.com/2010-04-01/Accounts/{TWILIO_ACCOUNT}/Calls.json"
T0 = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def form(request: httpx.Request) -> dict[str, str]:
    return {name: values[0] for name, values in parse_qs(request.content.decode()).items()}


def call(key: str = "order:1:artisan:1:call:1") -> Notification:
    return notification_enqueue(
        channel="voice", recipient="+919812345678", template="test_order_call", language="hi",
        context={"order": "OM-1001", "date": "5 मार्च"}, dedupe_key=key,
    )  # fmt: skip


def sms(key: str = "order:1:artisan:1") -> Notification:
    return notification_enqueue(
        channel="sms", recipient="+919812345678", template="test_order_ready", language="en",
        context={"order": "OM-1001", "date": "5 March"}, dedupe_key=key,
    )  # fmt: skip


# --- Exotel ---------------------------------------------------------------------------------


@pytest.fixture
def exotel(use_provider, voice_template):
    use_provider("voice", "exotel.ExotelVoiceProvider")


@respx.mock
def test_exotel_connects_the_call_to_the_flow(exotel, django_capture_on_commit_callbacks):
    route = respx.post(EXOTEL_URL).mock(
        return_value=httpx.Response(
            200,
            json={
                "Call": {
                    "Sid": "b6cfaf0b0a9a3d3b1f2ce9b0e2b9164l",
                    "Status": "in-progress",
                    "From": "+919812345678",
                    "PhoneNumberSid": "08047112233",
                }
            },
        )  # fmt: skip
    )
    with django_capture_on_commit_callbacks(execute=True):
        notification = call()

    request = route.calls.last.request
    assert request.headers["authorization"] == basic("exo-key", "exo-token")
    assert form(request) == {
        "From": "+919812345678",
        "CallerId": "08047112233",
        "Url": "http://my.exotel.com/odopmart1/exoml/start_voice/926",
        "CallType": "trans",
        "TimeOut": "30",
        "TimeLimit": "300",
        "CustomField": str(notification.pk),
        "StatusCallback": f"https://odop.test/webhooks/notifications/exotel/{WEBHOOK_TOKEN}/status/",
        "StatusCallbackEvents[0]": "terminal",
    }
    notification.refresh_from_db()
    assert (notification.status, notification.provider) == ("sent", "exotel")
    assert notification.provider_message_id == "b6cfaf0b0a9a3d3b1f2ce9b0e2b9164l"
    assert notification.allowed_keys == "123"


@pytest.mark.parametrize(
    ("response", "status", "error"),
    [
        (
            httpx.Response(400, json={"RestException": {"Status": 400, "Message": "Invalid From"}}),
            "failed", "exotel: HTTP 400: Invalid From",
        ),
        (
            httpx.Response(403, json={"RestException": {"Status": 403, "Message": "Forbidden"}}),
            "failed", "exotel: HTTP 403: Forbidden",
        ),
        (httpx.Response(502, text="Bad gateway"), "queued", "exotel: HTTP 502: Bad gateway"),
        (httpx.Response(200, json={"Call": {}}), "queued", "exotel: no call id in the reply"),
    ],
)  # fmt: skip
@respx.mock
def test_exotel_errors(exotel, django_capture_on_commit_callbacks, response, status, error):
    respx.post(EXOTEL_URL).mock(return_value=response)
    with django_capture_on_commit_callbacks(execute=True):
        notification = call()

    notification.refresh_from_db()
    assert notification.status == status
    assert notification.last_error.startswith(error)


@respx.mock
def test_exotel_without_keys_fails_for_a_person(
    exotel, settings, django_capture_on_commit_callbacks
):
    settings.NOTIFICATIONS = {**settings.NOTIFICATIONS, "EXOTEL_API_TOKEN": ""}
    route = respx.post(EXOTEL_URL)
    with django_capture_on_commit_callbacks(execute=True):
        notification = call()

    notification.refresh_from_db()
    assert (notification.status, notification.last_error) == (
        "failed", "exotel: EXOTEL_API_TOKEN not set",
    )  # fmt: skip
    assert route.call_count == 0


# --- Twilio ---------------------------------------------------------------------------------


@respx.mock
def test_twilio_sms(use_provider, order_template, django_capture_on_commit_callbacks):
    use_provider("sms", "twilio.TwilioSmsProvider")
    route = respx.post(TWILIO_MESSAGES).mock(
        return_value=httpx.Response(
            201, json={"sid": "SM" + "a" * 32, "status": "queued", "to": "+919812345678"}
        )
    )
    with django_capture_on_commit_callbacks(execute=True):
        notification = sms()

    request = route.calls.last.request
    assert request.headers["authorization"] == basic(TWILIO_ACCOUNT, "twilio-auth-token")
    assert form(request) == {
        "To": "+919812345678",
        "From": "+15005550006",
        "Body": "Order OM-1001 is paid. Keep it ready by 5 March.",
        "StatusCallback": "https://odop.test/webhooks/notifications/twilio/status/",
    }
    notification.refresh_from_db()
    assert (notification.status, notification.provider) == ("sent", "twilio-sms")
    assert notification.provider_message_id == "SM" + "a" * 32


@pytest.mark.parametrize(
    ("response", "status", "error"),
    [
        (
            httpx.Response(400, json={"code": 21211, "message": "The 'To' number is not valid.",
                                      "more_info": "https://www.twilio.com/docs/errors/21211",
                                      "status": 400}),
            "failed", "twilio-sms: HTTP 400: 21211 The 'To' number is not valid.",
        ),
        (
            httpx.Response(401, json={"code": 20003, "message": "Authenticate", "status": 401}),
            "failed", "twilio-sms: HTTP 401: 20003 Authenticate",
        ),
        (
            httpx.Response(429, json={"code": 20429, "message": "Too Many Requests",
                                      "status": 429}),
            "queued", "twilio-sms: HTTP 429: 20429 Too Many Requests",
        ),
        (httpx.Response(500, text="oops"), "queued", "twilio-sms: HTTP 500: oops"),
    ],
)  # fmt: skip
@respx.mock
def test_twilio_errors(
    use_provider, order_template, django_capture_on_commit_callbacks, response, status, error
):
    use_provider("sms", "twilio.TwilioSmsProvider")
    respx.post(TWILIO_MESSAGES).mock(return_value=response)
    with django_capture_on_commit_callbacks(execute=True):
        notification = sms()

    notification.refresh_from_db()
    assert (notification.status, notification.last_error) == (status, error)


@respx.mock
def test_twilio_call_points_at_our_twiml(
    use_provider, voice_template, django_capture_on_commit_callbacks
):
    use_provider("voice", "twilio.TwilioVoiceProvider")
    route = respx.post(TWILIO_CALLS).mock(
        return_value=httpx.Response(201, json={"sid": "CA" + "b" * 32, "status": "queued"})
    )
    with django_capture_on_commit_callbacks(execute=True):
        notification = call()

    request = route.calls.last.request
    assert request.headers["authorization"] == basic(TWILIO_ACCOUNT, "twilio-auth-token")
    assert form(request) == {
        "To": "+919812345678",
        "From": "+15005550006",
        "Url": f"https://odop.test/webhooks/notifications/twilio/calls/{notification.pk}/",
        "Method": "POST",
        "StatusCallback": "https://odop.test/webhooks/notifications/twilio/status/",
        "StatusCallbackEvent": "completed",
        "StatusCallbackMethod": "POST",
        "Timeout": "30",
    }
    notification.refresh_from_db()
    assert (notification.status, notification.provider_message_id) == ("sent", "CA" + "b" * 32)


@respx.mock
def test_twilio_call_needs_a_public_url(
    use_provider, voice_template, settings, django_capture_on_commit_callbacks
):
    use_provider("voice", "twilio.TwilioVoiceProvider")
    settings.NOTIFICATIONS = {**settings.NOTIFICATIONS, "CALLBACK_BASE_URL": ""}
    with django_capture_on_commit_callbacks(execute=True):
        notification = call()

    notification.refresh_from_db()
    assert notification.status == "failed"
    assert "CALLBACK_BASE_URL not set" in notification.last_error


def test_settings_come_from_the_environment(monkeypatch, settings):
    from odopmart.notifications.conf import notification_setting

    settings.NOTIFICATIONS = {}
    monkeypatch.setenv("MSG91_AUTH_KEY", "from-env")
    monkeypatch.setenv("MSG91_TEMPLATE_IDS", '{"otp_signin": {"en": "abc"}}')
    assert notification_setting("MSG91_AUTH_KEY") == "from-env"
    assert notification_setting("MSG91_TEMPLATE_IDS") == {"otp_signin": {"en": "abc"}}
    assert notification_setting("EXOTEL_SUBDOMAIN") == "api.in.exotel.com"
    settings.NOTIFICATIONS = {"MSG91_AUTH_KEY": "from-settings"}
    assert notification_setting("MSG91_AUTH_KEY") == "from-settings"


def test_system_check_warns_about_missing_keys(settings):
    from odopmart.notifications.checks import check_providers

    settings.NOTIFICATIONS = {
        "SMS_PROVIDER": "odopmart.notifications.providers.msg91.Msg91SmsProvider",
        "VOICE_PROVIDER": "odopmart.notifications.providers.exotel.ExotelVoiceProvider",
        "MSG91_AUTH_KEY": "set",
        "WEBHOOK_TOKEN": "set",
    }

    warnings = check_providers()

    assert [warning.id for warning in warnings] == ["notifications.W001"]
    assert "EXOTEL_SID" in warnings[0].msg
