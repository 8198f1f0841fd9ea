"""Calls that ask a question: the words (TwiML, Exotel greeting), keypresses and their handlers."""

from __future__ import annotations

import re

import pytest

from odopmart.notifications import ivr
from odopmart.notifications.models import Notification, NotificationCallback
from odopmart.notifications.tests.conftest import WEBHOOK_TOKEN
from odopmart.notifications.tests.test_webhooks import signed_post

pytestmark = pytest.mark.django_db

BASE = "/webhooks/notifications"
HINDI_TEXT = (
    "ऑर्डर OM-1001। अगर यह 5 मार्च तक तैयार होगा तो 1 दबाएं, और दिन चाहिए तो 2, नहीं बना सकते तो 3 दबाएं।"
)


@pytest.fixture
def answers(voice_template):
    """Registers a handler for the test call template and keeps what it was given."""
    received: list[tuple[int, str]] = []

    def on_answer(notification: Notification, key: str) -> str | None:
        received.append((notification.pk, key))
        if key == "3":
            raise RuntimeError("no other artisan has this product")
        return {"1": "धन्यवाद, 5 मार्च को पिकअप होगा।"}.get(key)

    ivr.ivr_register_handler(voice_template.key, on_answer)
    yield received
    ivr.ivr_unregister_handler(voice_template.key)


def placed_call(provider: str = "twilio-voice", call_id: str = "CA1", **fields) -> Notification:
    return Notification.objects.create(
        channel="voice", recipient="+919812345678", language="hi", template="test_order_call",
        body=HINDI_TEXT, status="sent", attempts=1, provider=provider,
        provider_message_id=call_id, allowed_keys="123", dedupe_key=f"call:{call_id}", **fields,
    )  # fmt: skip


def outcomes() -> list[tuple[str, str]]:
    return list(NotificationCallback.objects.order_by("pk").values_list("kind", "outcome"))


# --- Twilio ---------------------------------------------------------------------------------


def test_twiml_reads_the_message_in_hindi_and_gathers_one_key(client, real_providers, answers):
    call = placed_call()
    path = f"{BASE}/twilio/calls/{call.pk}/"

    response = signed_post(client, path, {"CallSid": "CA1", "CallStatus": "in-progress"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    twiml = response.content.decode()
    action = f"https://odop.test{BASE}/twilio/calls/{call.pk}/keypress/"
    gather = (
        f'<Gather input="dtmf" numDigits="1" timeout="6" method="POST" action="{action}">'
        f'<Say language="hi-IN">{HINDI_TEXT}</Say></Gather>'
    )
    assert twiml == (
        '<?xml version="1.0" encoding="UTF-8"?><Response>'
        f"{gather}{gather}"
        '<Say language="hi-IN">हमें कोई जवाब नहीं मिला। हम आपसे फिर संपर्क करेंगे। नमस्ते।</Say>'
        "<Hangup/></Response>"
    )
    assert outcomes() == [("prompt", "applied")]


def test_twiml_in_english_with_a_chosen_voice(client, real_providers, settings, answers):
    settings.NOTIFICATIONS = {**settings.NOTIFICATIONS, "TWILIO_VOICE": "Polly.Aditi"}
    call = placed_call()
    Notification.objects.filter(pk=call.pk).update(language="en", body="Order <1> & more")

    twiml = signed_post(client, f"{BASE}/twilio/calls/{call.pk}/", {"CallSid": "CA1"}).content

    assert b'<Say language="en-IN" voice="Polly.Aditi">Order &lt;1&gt; &amp; more</Say>' in twiml


def test_keypress_is_recorded_and_handled_once(client, real_providers, answers):
    call = placed_call()
    path = f"{BASE}/twilio/calls/{call.pk}/keypress/"

    first = signed_post(client, path, {"CallSid": "CA1", "Digits": "1"})
    replay = signed_post(client, path, {"CallSid": "CA1", "Digits": "1"})

    assert first.content.decode() == (
        '<?xml version="1.0" encoding="UTF-8"?><Response>'
        '<Say language="hi-IN">धन्यवाद, 5 मार्च को पिकअप होगा।</Say><Hangup/></Response>'
    )
    assert "आपका जवाब दर्ज कर लिया गया है" in replay.content.decode()
    assert answers == [(call.pk, "1")]
    call.refresh_from_db()
    assert (call.response_key, call.status) == ("1", "delivered")
    assert call.responded_at is not None
    assert list(call.events.values_list("kind", "detail")) == [
        ("delivered", "Answered with a key."), ("keypress", "Pressed “1”."),
    ]  # fmt: skip
    assert outcomes() == [("keypress", "applied"), ("keypress", "duplicate")]


def test_each_allowed_key_reaches_the_handler(client, real_providers, answers):
    calls = [placed_call(call_id=f"CA{key}") for key in "12"]
    for call, key in zip(calls, "12", strict=True):
        signed_post(
            client, f"{BASE}/twilio/calls/{call.pk}/keypress/",
            {"CallSid": call.provider_message_id, "Digits": key},
        )  # fmt: skip

    assert answers == [(calls[0].pk, "1"), (calls[1].pk, "2")]


def test_a_failing_handler_keeps_the_answer_and_never_500s(client, real_providers, answers):
    call = placed_call()

    response = signed_post(
        client, f"{BASE}/twilio/calls/{call.pk}/keypress/", {"CallSid": "CA1", "Digits": "3"}
    )

    assert response.status_code == 200
    assert "आपका जवाब दर्ज कर लिया गया है" in response.content.decode()
    call.refresh_from_db()
    assert call.response_key == "3"
    callback = NotificationCallback.objects.get()
    assert callback.outcome == "handler_failed"
    assert callback.detail == "RuntimeError: no other artisan has this product"
    assert call.events.filter(detail__startswith="Handling the answer failed").exists()


@pytest.mark.parametrize("digits", ["7", "0", "*", "12", ""])
def test_other_keys_are_recorded_and_the_question_asked_again(
    client, real_providers, answers, digits
):
    call = placed_call()
    path = f"{BASE}/twilio/calls/{call.pk}/keypress/"

    response = signed_post(client, path, {"CallSid": "CA1", "Digits": digits})

    twiml = response.content.decode()
    assert twiml.index("माफ़ कीजिए, यह बटन विकल्पों में नहीं है।") < twiml.index("<Gather")
    assert HINDI_TEXT in twiml
    assert answers == []
    call.refresh_from_db()
    assert (call.response_key, call.status) == ("", "sent")
    assert outcomes() == [("keypress", "invalid_key")]
    assert NotificationCallback.objects.get().digits == digits


def test_after_three_wrong_keys_the_call_says_goodbye(client, real_providers, answers):
    call = placed_call()
    path = f"{BASE}/twilio/calls/{call.pk}/keypress/"

    replies = [
        signed_post(client, path, {"CallSid": "CA1", "Digits": key}).content.decode()
        for key in "789"
    ]

    assert ["<Gather" in reply for reply in replies] == [True, True, False]
    assert "नमस्ते" in replies[-1]


def test_unknown_call_is_recorded_not_an_error(client, real_providers, answers):
    response = signed_post(
        client, f"{BASE}/twilio/calls/999999/keypress/", {"CallSid": "CA404", "Digits": "1"}
    )
    prompt = signed_post(client, f"{BASE}/twilio/calls/999999/", {"CallSid": "CA404"})

    assert response.status_code == prompt.status_code == 200
    assert "<Hangup/>" in response.content.decode()
    assert outcomes() == [("keypress", "unknown"), ("prompt", "unknown")]
    assert answers == []


def test_a_keypress_for_another_call_id_is_not_taken(client, real_providers, answers):
    call = placed_call(call_id="CA1")

    path = f"{BASE}/twilio/calls/{call.pk}/keypress/"
    signed_post(client, path, {"CallSid": "CA2", "Digits": "1"})

    assert outcomes() == [("keypress", "unknown")]
    assert answers == []


def test_forged_keypress_is_refused(client, real_providers, answers):
    call = placed_call()

    response = client.post(
        f"{BASE}/twilio/calls/{call.pk}/keypress/", {"CallSid": "CA1", "Digits": "1"},
        HTTP_X_TWILIO_SIGNATURE="bm90IGEgc2lnbmF0dXJl",
    )  # fmt: skip

    assert response.status_code == 403
    assert answers == []
    assert outcomes() == [("keypress", "forged")]


# --- Exotel ---------------------------------------------------------------------------------


def test_exotel_greeting_reads_the_message(client, real_providers, answers):
    call = placed_call(provider="exotel", call_id="b6cf")

    response = client.get(
        f"{BASE}/exotel/{WEBHOOK_TOKEN}/prompt/", {"CallSid": "b6cf", "CustomField": call.pk}
    )

    assert response.status_code == 200
    assert response.content.decode() == HINDI_TEXT


def test_exotel_passthru_keypress(client, real_providers, answers):
    call = placed_call(provider="exotel", call_id="b6cf")
    url = f"{BASE}/exotel/{WEBHOOK_TOKEN}/keypress/"
    params = {"CallSid": "b6cf", "CallFrom": "09812345678", "CallTo": "08047112233",
              "Direction": "outbound-dial", "CustomField": str(call.pk)}  # fmt: skip

    wrong = client.get(url, {**params, "digits": '"5"'})
    right = client.get(url, {**params, "digits": '"2"'})

    assert (wrong.status_code, right.status_code) == (302, 200)
    assert answers == [(call.pk, "2")]
    call.refresh_from_db()
    assert call.response_key == "2"
    assert outcomes() == [("keypress", "invalid_key"), ("keypress", "applied")]


def test_exotel_keypress_before_the_call_id_is_recorded(client, real_providers, answers):
    """The person answered and pressed a key before our send attempt stored the call id."""
    call = placed_call(provider="exotel", call_id="")
    Notification.objects.filter(pk=call.pk).update(status="sending")

    response = client.get(
        f"{BASE}/exotel/{WEBHOOK_TOKEN}/keypress/",
        {"CallSid": "b6cf", "digits": "1", "CustomField": str(call.pk)},
    )

    assert response.status_code == 200
    assert answers == [(call.pk, "1")]


def test_exotel_forged_keypress(client, real_providers, answers):
    call = placed_call(provider="exotel", call_id="b6cf")

    response = client.get(
        f"{BASE}/exotel/wrong/keypress/", {"CallSid": "b6cf", "digits": "1", "CustomField": call.pk}
    )

    assert response.status_code == 403
    assert answers == []


def test_voice_template_keys_are_checked():
    from odopmart.notifications.message_templates import (
        MessageTemplate,
        TemplateError,
        template_register,
    )

    with pytest.raises(TemplateError):
        template_register(MessageTemplate(key="x", channel="sms", texts={"en": "x"}, keys="1"))
    with pytest.raises(TemplateError):
        template_register(MessageTemplate(key="y", channel="voice", texts={"en": "y"}, keys="1a"))
    assert re.fullmatch(r"[0-9*#]+", "123")
