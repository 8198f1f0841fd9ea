"""Notification settings, read from ``settings.NOTIFICATIONS`` with defaults for the embedded setup.

Read on every use (not at import), so a deployment or a test can change them at any time.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # Dotted paths of the provider per channel; the console provider prints and stores only.
    "SMS_PROVIDER": "odopmart.notifications.providers.console.ConsoleSmsProvider",
    "VOICE_PROVIDER": "odopmart.notifications.providers.console.ConsoleVoiceProvider",
    "EMAIL_PROVIDER": "odopmart.notifications.providers.console.ConsoleEmailProvider",
    # Keyword options passed to each provider's constructor (keys, sender ids, URLs).
    "PROVIDER_OPTIONS": {},
    # Sending: attempts per message, then "failed" for a person to look at.
    "MAX_ATTEMPTS": 5,
    # Wait before retry n (1-based): RETRY_BASE_SECONDS * 2 ** (n - 1), at most RETRY_MAX_SECONDS.
    "RETRY_BASE_SECONDS": 30,
    "RETRY_MAX_SECONDS": 3600,
    # A message left in "sending" longer than this (a worker died mid-send) is tried again.
    "SENDING_TIMEOUT_SECONDS": 300,
    # DLT registration (TRAI): principal entity id, header (sender id) and one template id per
    # message template and language, e.g. {"otp_signin": {"en": "1107...", "hi": "1107..."}}.
    "DLT_ENTITY_ID": "",
    "SMS_SENDER_ID": "ODOPMT",
    "DLT_TEMPLATE_IDS": {},
}


def notification_setting(name: str) -> Any:
    configured = getattr(settings, "NOTIFICATIONS", None) or {}
    return configured.get(name, DEFAULTS[name])
