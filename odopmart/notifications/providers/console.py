"""The embedded default: print the message on the server's console and call it delivered.

Nothing leaves the machine; the outbox row is the stored message, listed in the operator console.
"""

from __future__ import annotations

import logging
import sys

from odopmart.notifications.providers import BaseProvider, OutgoingMessage, ProviderResult

logger = logging.getLogger("odopmart.notifications")


class ConsoleProvider(BaseProvider):
    name = "console"

    def send(self, message: OutgoingMessage) -> ProviderResult:
        lines = [
            f"----- {message.channel} to {message.recipient} ({message.language}, "
            f"{message.template}, DLT {message.dlt_template_id or '-'}) -----",
            message.body,
            "-" * 40,
        ]
        stream = self.options.get("stream") or sys.stdout
        stream.write("\n".join(lines) + "\n")
        stream.flush()
        logger.info("%s to %s sent to the console", message.channel, message.recipient)
        return ProviderResult(provider_message_id=message.reference, delivered=True)


class ConsoleSmsProvider(ConsoleProvider):
    name = "console-sms"


class ConsoleVoiceProvider(ConsoleProvider):
    name = "console-voice"


class ConsoleEmailProvider(ConsoleProvider):
    name = "console-email"
