from __future__ import annotations

from collections.abc import Iterator

import pytest

from odopmart.notifications.message_templates import (
    _REGISTRY,
    MessageTemplate,
    template_register,
)
from odopmart.notifications.states import Channel
from odopmart.notifications.tests.fixtures import sms_outbox  # noqa: F401
from odopmart.notifications.tests.providers import ScriptedProvider


@pytest.fixture
def order_template() -> Iterator[MessageTemplate]:
    """A template without secrets, like the artisan order alerts."""
    template = template_register(
        MessageTemplate(
            key="test_order_ready",
            channel=Channel.SMS,
            texts={
                "en": "Order {order} is paid. Keep it ready by {date}.",
                "hi": "ऑर्डर {order} का भुगतान हो गया है। इसे {date} तक तैयार रखें।",
            },
        )
    )
    yield template
    _REGISTRY.pop(template.key, None)


@pytest.fixture
def scripted(sms_outbox, settings) -> Iterator[type[ScriptedProvider]]:  # noqa: F811
    """SMS goes through ScriptedProvider; set `scripted.script` to make attempts fail."""
    settings.NOTIFICATIONS = {
        **settings.NOTIFICATIONS,
        "SMS_PROVIDER": "odopmart.notifications.tests.providers.ScriptedProvider",
    }
    ScriptedProvider.script = []
    ScriptedProvider.calls = []
    yield ScriptedProvider
    ScriptedProvider.script = []
    ScriptedProvider.calls = []


@pytest.fixture
def voice_template() -> Iterator[MessageTemplate]:
    """A call that asks a question, like the artisan's order call."""
    template = template_register(
        MessageTemplate(
            key="test_order_call",
            channel=Channel.VOICE,
            texts={
                "en": "Order {order}. Press 1 if it will be ready by {date}, 2 for more days, "
                "3 if you cannot make it.",
                "hi": "ऑर्डर {order}। अगर यह {date} तक तैयार होगा तो 1 दबाएं, और दिन चाहिए तो 2, "
                "नहीं बना सकते तो 3 दबाएं।",
            },
            keys="123",
        )
    )
    yield template
    _REGISTRY.pop(template.key, None)


PROVIDERS = "odopmart.notifications.providers"
CALLBACK_BASE = "https://odop.test"
WEBHOOK_TOKEN = "whk-0f3c9a7d2b51e8"


@pytest.fixture
def real_providers(sms_outbox, settings):  # noqa: F811
    """Every key set, as a deployment would from the environment; tasks run at once."""
    settings.NOTIFICATIONS = {
        **settings.NOTIFICATIONS,
        "CALLBACK_BASE_URL": CALLBACK_BASE,
        "WEBHOOK_TOKEN": WEBHOOK_TOKEN,
        "DLT_ENTITY_ID": "1101000000000000001",
        "SMS_SENDER_ID": "ODOPMT",
        "DLT_TEMPLATE_IDS": {"test_order_ready": {"en": "1107000000000000011"}},
        "MSG91_AUTH_KEY": "msg91-key-for-tests",
        "MSG91_TEMPLATE_IDS": {"test_order_ready": {"hi": "65f0a1b2c3d4e5f6a7b8c9d0"}},
        "EXOTEL_SID": "odopmart1",
        "EXOTEL_API_KEY": "exo-key",
        "EXOTEL_API_TOKEN": "exo-token",
        "EXOTEL_SUBDOMAIN": "api.in.exotel.com",
        "EXOTEL_CALLER_ID": "08047112233",
        "EXOTEL_FLOW_URL": "http://my.exotel.com/odopmart1/exoml/start_voice/926",
        "TWILIO_ACCOUNT_SID": "AC" + "0" * 32,
        "TWILIO_AUTH_TOKEN": "twilio-auth-token",
        "TWILIO_FROM": "+15005550006",
    }
    return settings.NOTIFICATIONS


@pytest.fixture
def use_provider(settings, real_providers):
    def use(channel: str, path: str) -> None:
        key = {"sms": "SMS_PROVIDER", "voice": "VOICE_PROVIDER"}[channel]
        settings.NOTIFICATIONS = {**settings.NOTIFICATIONS, key: f"{PROVIDERS}.{path}"}

    return use
