"""Exotel voice: call the artisan into an IVR flow (INDIA_COMMERCE.md §6.3).

POST https://{EXOTEL_SUBDOMAIN}/v1/Accounts/{EXOTEL_SID}/Calls/connect.json, HTTP Basic auth
(API key, API token), form fields From (the person called), CallerId (our ExoPhone), Url (the
flow: http://my.exotel.com/{sid}/exoml/start_voice/{app_id}), CallType=trans, CustomField (our
notification id: the flow's applets pass it back to us), StatusCallback (our token URL).

The flow built in App Bazaar: Greeting "dynamic text from URL" → our ``exotel_prompt`` URL (the
message in the notification's language); Gather (1 digit) → Passthru → our ``exotel_keypress``
URL, which answers 200 for an accepted key and 302 for any other (route that branch back to the
Gather); Hangup. The reply is ``{"Call": {"Sid": …, "Status": …}}``; errors come as
``{"RestException": {"Status": …, "Message": …}}``.
"""

from __future__ import annotations

import httpx

from odopmart.notifications.providers import OutgoingMessage, ProviderError, ProviderResult
from odopmart.notifications.providers.http import HttpProvider, token_callback_url

RING_SECONDS = 30
CALL_LIMIT_SECONDS = 300


def _error_message(response: httpx.Response) -> str:
    data = response.json()
    exception = data.get("RestException", {}) if isinstance(data, dict) else {}
    return str(exception.get("Message", ""))


class ExotelVoiceProvider(HttpProvider):
    name = "exotel"
    # Settings without which it cannot work (reported by the system check).
    required_settings = (
        "EXOTEL_SID", "EXOTEL_API_KEY", "EXOTEL_API_TOKEN", "EXOTEL_CALLER_ID",
        "EXOTEL_FLOW_URL", "CALLBACK_BASE_URL", "WEBHOOK_TOKEN",
    )  # fmt: skip

    def send(self, message: OutgoingMessage) -> ProviderResult:
        sid, api_key, api_token, subdomain, caller_id, flow_url = self.require(
            "EXOTEL_SID", "EXOTEL_API_KEY", "EXOTEL_API_TOKEN", "EXOTEL_SUBDOMAIN",
            "EXOTEL_CALLER_ID", "EXOTEL_FLOW_URL",
        )  # fmt: skip
        form = {
            "From": message.recipient,
            "CallerId": caller_id,
            "Url": flow_url,
            "CallType": "trans",
            "TimeOut": str(RING_SECONDS),
            "TimeLimit": str(CALL_LIMIT_SECONDS),
            "CustomField": str(message.notification_id),
        }
        status_url = token_callback_url("exotel_status")
        if status_url:
            form["StatusCallback"] = status_url
            form["StatusCallbackEvents[0]"] = "terminal"
        response = self.post(
            f"https://{subdomain}/v1/Accounts/{sid}/Calls/connect.json",
            data=form,
            auth=(api_key, api_token),
            describe=_error_message,
        )
        data = self.json(response)
        call = data.get("Call") if isinstance(data, dict) else None
        if not isinstance(call, dict) or not call.get("Sid"):
            raise ProviderError(f"exotel: no call id in the reply: {data!r:.300}")
        return ProviderResult(provider_message_id=str(call["Sid"]), delivered=False)
