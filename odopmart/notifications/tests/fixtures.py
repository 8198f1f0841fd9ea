"""Fixtures for tests that send messages: the locmem providers and an immediate task queue."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from odopmart.notifications.providers import OutgoingMessage, locmem

LOCMEM = "odopmart.notifications.providers.locmem"


@pytest.fixture
def sms_outbox(settings: Any) -> Iterator[list[OutgoingMessage]]:
    """Messages 'sent' during the test, in order. Tasks run at once, in the test's process."""
    settings.NOTIFICATIONS = {
        **(getattr(settings, "NOTIFICATIONS", None) or {}),
        "SMS_PROVIDER": f"{LOCMEM}.LocmemSmsProvider",
        "VOICE_PROVIDER": f"{LOCMEM}.LocmemVoiceProvider",
        "EMAIL_PROVIDER": f"{LOCMEM}.LocmemProvider",
    }
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    locmem.outbox.clear()
    yield locmem.outbox
    locmem.outbox.clear()
