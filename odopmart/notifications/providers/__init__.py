"""Providers send one message on one channel. Each deployment picks one per channel by dotted
path in ``NOTIFICATIONS`` (``SMS_PROVIDER``, ``VOICE_PROVIDER``, ``EMAIL_PROVIDER``), the way
Django picks its EMAIL_BACKEND. A provider makes the network call and nothing else: the outbox
services decide about retries and record every outcome.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.module_loading import import_string

from odopmart.notifications.conf import notification_setting


@dataclass(frozen=True)
class OutgoingMessage:
    notification_id: int
    channel: str
    recipient: str
    language: str
    template: str
    body: str
    dlt_template_id: str
    dlt_entity_id: str
    sender_id: str
    # Ours, stable for one attempt: "notification-<id>-<attempt>", for the provider's records.
    reference: str
    # The template's values (secrets included, in memory only), for providers that fill a
    # template on their side (MSG91 Flow) rather than taking the finished text.
    values: Mapping[str, Any] = field(default_factory=dict)
    # Voice calls: the keys the listener may press; empty when no answer is asked for.
    allowed_keys: str = ""


@dataclass(frozen=True)
class ProviderResult:
    provider_message_id: str
    # True when the provider confirms delivery right away; False when it only accepted the
    # message and a delivery report follows (status "sent" until then).
    delivered: bool


class ProviderError(Exception):
    """The provider did not take the message. `retryable=False` for errors retrying can't fix
    (an invalid number, a DLT template mismatch): the message fails at once."""

    def __init__(self, message: str, *, retryable: bool = True) -> None:
        super().__init__(message)
        self.retryable = retryable


class BaseProvider(ABC):
    """The interface every SMS, voice and e-mail provider implements."""

    name = "base"

    def __init__(self, **options: Any) -> None:
        self.options = options

    @abstractmethod
    def send(self, message: OutgoingMessage) -> ProviderResult:
        """Hand the message to the provider; raise ProviderError when it is not taken."""


PROVIDER_SETTINGS = {"sms": "SMS_PROVIDER", "voice": "VOICE_PROVIDER", "email": "EMAIL_PROVIDER"}


def provider_for(channel: str) -> BaseProvider:
    path = notification_setting(PROVIDER_SETTINGS[channel])
    provider_class = import_string(path)
    options = notification_setting("PROVIDER_OPTIONS").get(path, {})
    return provider_class(**options)
