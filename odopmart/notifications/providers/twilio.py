"""Twilio SMS and calls (INDIA_COMMERCE.md §6.3; for development and numbers outside India).

* SMS: POST {TWILIO_BASE_URL}/2010-04-01/Accounts/{sid}/Messages.json, form To, From, Body,
  StatusCallback; HTTP Basic auth (account sid, auth token). Reply 201 ``{"sid": "SM…"}``.
* Calls: POST …/Calls.json, form To, From, Url (our TwiML: the message read with
  ``<Say language="hi-IN">`` inside a one-digit ``<Gather>`` whose action is our keypress URL),
  StatusCallback. Reply 201 ``{"sid": "CA…"}``.

Errors are ``{"code": 21211, "message": …, "status": 400}``. Every request Twilio makes to us is
signed (X-Twilio-Signature), so these callback URLs carry no token.
"""

from __future__ import annotations

import httpx

from odopmart.notifications.providers import OutgoingMessage, ProviderError, ProviderResult
from odopmart.notifications.providers.http import HttpProvider, callback_url

RING_SECONDS = 30


def _error_message(response: httpx.Response) -> str:
    data = response.json()
    if not isinstance(data, dict):
        return ""
    return f"{data.get('code', '')} {data.get('message', '')}".strip()


class TwilioProvider(HttpProvider):
    name = "twilio"
    resource = ""

    def create(self, form: dict[str, str]) -> ProviderResult:
        sid, token, base_url = self.require(
            "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_BASE_URL"
        )
        response = self.post(
            f"{base_url.rstrip('/')}/2010-04-01/Accounts/{sid}/{self.resource}.json",
            data=form,
            auth=(sid, token),
            describe=_error_message,
        )
        data = self.json(response)
        if not isinstance(data, dict) or not data.get("sid"):
            raise ProviderError(f"{self.name}: no sid in the reply: {data!r:.300}")
        return ProviderResult(provider_message_id=str(data["sid"]), delivered=False)


class TwilioSmsProvider(TwilioProvider):
    name = "twilio-sms"
    resource = "Messages"
    required_settings = ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM")

    def send(self, message: OutgoingMessage) -> ProviderResult:
        (sender,) = self.require("TWILIO_FROM")
        form = {"To": message.recipient, "From": sender, "Body": message.body}
        status_url = callback_url("twilio_status")
        if status_url:
            form["StatusCallback"] = status_url
        return self.create(form)


class TwilioVoiceProvider(TwilioProvider):
    name = "twilio-voice"
    resource = "Calls"
    required_settings = (
        "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM", "CALLBACK_BASE_URL",
    )  # fmt: skip

    def send(self, message: OutgoingMessage) -> ProviderResult:
        (sender,) = self.require("TWILIO_FROM")
        twiml_url = callback_url("twilio_prompt", notification_id=message.notification_id)
        if not twiml_url:
            raise ProviderError(
                "twilio-voice: CALLBACK_BASE_URL not set (Twilio fetches the call's words from it)",
                retryable=False,
            )
        form = {
            "To": message.recipient,
            "From": sender,
            "Url": twiml_url,
            "Method": "POST",
            "StatusCallback": callback_url("twilio_status"),
            "StatusCallbackEvent": "completed",
            "StatusCallbackMethod": "POST",
            "Timeout": str(RING_SECONDS),
        }
        return self.create(form)
