"""Providers that fail on purpose, for the retry tests."""

from __future__ import annotations

from typing import ClassVar

from odopmart.notifications.providers import (
    BaseProvider,
    OutgoingMessage,
    ProviderError,
    ProviderResult,
)


class ScriptedProvider(BaseProvider):
    """Plays `script` in order: "fail" (retryable), "reject" (permanent), "crash" (an
    unexpected exception), "accept" (sent, report later) or "ok"; then "ok" for ever."""

    name = "scripted"
    script: ClassVar[list[str]] = []
    calls: ClassVar[list[OutgoingMessage]] = []

    def send(self, message: OutgoingMessage) -> ProviderResult:
        type(self).calls.append(message)
        step = type(self).script.pop(0) if type(self).script else "ok"
        if step == "fail":
            raise ProviderError("gateway timeout")
        if step == "reject":
            raise ProviderError("DLT template mismatch", retryable=False)
        if step == "crash":
            raise ConnectionResetError("connection reset by peer")
        return ProviderResult(
            provider_message_id=f"scripted-{len(type(self).calls)}", delivered=step != "accept"
        )
