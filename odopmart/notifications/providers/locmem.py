"""For tests: keep every sent message in the module-level `outbox` list (like mail.outbox)."""

from __future__ import annotations

from odopmart.notifications.providers import BaseProvider, OutgoingMessage, ProviderResult

outbox: list[OutgoingMessage] = []


class LocmemProvider(BaseProvider):
    name = "locmem"

    def send(self, message: OutgoingMessage) -> ProviderResult:
        outbox.append(message)
        return ProviderResult(provider_message_id=f"locmem-{len(outbox)}", delivered=True)


class LocmemSmsProvider(LocmemProvider):
    name = "locmem-sms"


class LocmemVoiceProvider(LocmemProvider):
    name = "locmem-voice"
