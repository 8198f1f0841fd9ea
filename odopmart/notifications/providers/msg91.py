"""MSG91 SMS through the Flow API (INDIA_COMMERCE.md §6.2).

POST {MSG91_BASE_URL}/api/v5/flow, header ``authkey``, JSON
``{"template_id", "sender", "short_url": "0", "recipients": [{"mobiles": "91…", <vars>}]}``.
The MSG91 template (created in its panel with the DLT template id, the DLT header and the exact
registered text) names its variables like our template's placeholders, so the values go as they
are. The principal entity (DLT_ENTITY_ID) is bound to the template and header in the panel.

Success is ``{"type": "success", "message": "<request id>"}``; the request id comes back in the
delivery reports (webhook), so it is the provider message id. ``{"type": "error", ...}`` - even
with HTTP 200 - is a request MSG91 will not take as it is: permanent.
"""

from __future__ import annotations

from collections.abc import Mapping

import httpx

from odopmart.notifications.providers import OutgoingMessage, ProviderError, ProviderResult
from odopmart.notifications.providers.http import HttpProvider


def _error_message(response: httpx.Response) -> str:
    data = response.json()
    return str(data.get("message") or data.get("msg") or "") if isinstance(data, dict) else ""


class Msg91SmsProvider(HttpProvider):
    name = "msg91"
    # Settings without which it cannot work (reported by the system check).
    required_settings = ("MSG91_AUTH_KEY", "WEBHOOK_TOKEN")

    def template_id(self, message: OutgoingMessage) -> str:
        ids = self.setting("MSG91_TEMPLATE_IDS") or {}
        per_language = ids.get(message.template, {})
        if isinstance(per_language, Mapping):
            chosen = per_language.get(message.language) or per_language.get("en", "")
        else:
            chosen = per_language
        return str(chosen or message.dlt_template_id or "")

    def send(self, message: OutgoingMessage) -> ProviderResult:
        (auth_key, base_url) = self.require("MSG91_AUTH_KEY", "MSG91_BASE_URL")
        template_id = self.template_id(message)
        if not template_id:
            raise ProviderError(
                f"msg91: no template id for {message.template!r} ({message.language}); "
                "set MSG91_TEMPLATE_IDS or DLT_TEMPLATE_IDS",
                retryable=False,
            )
        recipient = {"mobiles": message.recipient.lstrip("+")}
        recipient.update({name: str(value) for name, value in message.values.items()})
        body: dict[str, object] = {
            "template_id": template_id,
            "short_url": "0",
            "recipients": [recipient],
        }
        if message.sender_id:
            body["sender"] = message.sender_id
        response = self.post(
            f"{base_url.rstrip('/')}/api/v5/flow",
            json=body,
            headers={"authkey": auth_key, "accept": "application/json"},
            describe=_error_message,
        )
        data = self.json(response)
        if not isinstance(data, dict) or data.get("type") != "success" or not data.get("message"):
            reason = data.get("message") if isinstance(data, dict) else data
            raise ProviderError(f"msg91: refused: {reason}", retryable=False)
        return ProviderResult(provider_message_id=str(data["message"]), delivered=False)
