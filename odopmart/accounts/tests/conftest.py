from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from django.utils import translation

from odopmart.notifications.providers import OutgoingMessage
from odopmart.notifications.tests.fixtures import sms_outbox  # noqa: F401

PHONE = "+919876543210"


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    yield
    translation.activate("en")


@pytest.fixture
def last_code(sms_outbox: list[OutgoingMessage]) -> Callable[[], str]:  # noqa: F811
    """The code in the most recent SMS."""

    def read() -> str:
        assert sms_outbox, "no SMS was sent"
        match = re.search(r"\b(\d{6})\b", sms_outbox[-1].body)
        assert match, sms_outbox[-1].body
        return match.group(1)

    return read
