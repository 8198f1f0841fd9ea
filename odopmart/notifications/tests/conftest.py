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
