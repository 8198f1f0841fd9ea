"""Notification settings, read from ``settings.NOTIFICATIONS`` with defaults for the embedded setup.

Read on every use (not at import), so a deployment or a test can change them at any time.
"""

from __future__ import annotations

import json
import os
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
    # Outgoing HTTP calls to providers: seconds before a call counts as timed out (and retried).
    "HTTP_TIMEOUT_SECONDS": 10,
    # Public https origin of this site, e.g. "https://odopmart.example.in": the callback URLs
    # given to providers are built on it, and Twilio signatures are checked against it.
    "CALLBACK_BASE_URL": "",
    # Secret part of the callback URLs of providers that do not sign their callbacks (MSG91,
    # Exotel). Empty: those callbacks are refused.
    "WEBHOOK_TOKEN": "",
    # MSG91 (SMS, Flow API). Template ids are MSG91's own, one per message template and
    # language, e.g. {"otp_signin": {"en": "65f0...", "hi": "65f1..."}}; each is created in the
    # MSG91 panel with the DLT template id, the header and the exact registered text. Without
    # one, the DLT template id itself is sent.
    "MSG91_AUTH_KEY": "",
    "MSG91_BASE_URL": "https://control.msg91.com",
    "MSG91_TEMPLATE_IDS": {},
    # Exotel (voice: calls an artisan into an IVR flow built in App Bazaar).
    "EXOTEL_SID": "",
    "EXOTEL_API_KEY": "",
    "EXOTEL_API_TOKEN": "",
    "EXOTEL_SUBDOMAIN": "api.in.exotel.com",
    "EXOTEL_CALLER_ID": "",
    "EXOTEL_FLOW_URL": "",
    # Twilio (SMS and calls; for development and tests outside India, see INDIA_COMMERCE §6.3).
    "TWILIO_ACCOUNT_SID": "",
    "TWILIO_AUTH_TOKEN": "",
    "TWILIO_FROM": "",
    "TWILIO_BASE_URL": "https://api.twilio.com",
    "TWILIO_VOICE": "",
}

# Settings a deployment usually gives as environment variables (secrets stay out of files).
# settings.NOTIFICATIONS wins over the environment, the environment over DEFAULTS.
ENVIRONMENT = {
    "CALLBACK_BASE_URL": "NOTIFICATIONS_CALLBACK_BASE_URL",
    "WEBHOOK_TOKEN": "NOTIFICATIONS_WEBHOOK_TOKEN",
    "MSG91_AUTH_KEY": "MSG91_AUTH_KEY",
    "MSG91_BASE_URL": "MSG91_BASE_URL",
    "MSG91_TEMPLATE_IDS": "MSG91_TEMPLATE_IDS",
    "EXOTEL_SID": "EXOTEL_SID",
    "EXOTEL_API_KEY": "EXOTEL_API_KEY",
    "EXOTEL_API_TOKEN": "EXOTEL_API_TOKEN",
    "EXOTEL_SUBDOMAIN": "EXOTEL_SUBDOMAIN",
    "EXOTEL_CALLER_ID": "EXOTEL_CALLER_ID",
    "EXOTEL_FLOW_URL": "EXOTEL_FLOW_URL",
    "TWILIO_ACCOUNT_SID": "TWILIO_ACCOUNT_SID",
    "TWILIO_AUTH_TOKEN": "TWILIO_AUTH_TOKEN",
    "TWILIO_FROM": "TWILIO_FROM",
    "TWILIO_BASE_URL": "TWILIO_BASE_URL",
    "TWILIO_VOICE": "TWILIO_VOICE",
}
JSON_SETTINGS = frozenset({"MSG91_TEMPLATE_IDS"})


def notification_setting(name: str) -> Any:
    configured = getattr(settings, "NOTIFICATIONS", None) or {}
    if name in configured:
        return configured[name]
    variable = ENVIRONMENT.get(name)
    if variable and os.environ.get(variable):
        value = os.environ[variable]
        return json.loads(value) if name in JSON_SETTINGS else value
    return DEFAULTS[name]
