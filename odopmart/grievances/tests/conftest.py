import pytest
from django.utils import translation

from odopmart.orders.tests.conftest import (  # noqa: F401 - fixtures
    buyer,
    cart_with,
    other_buyer,
    place,
)


@pytest.fixture(autouse=True)
def _english() -> None:
    # A Hindi page requested by an earlier test leaves Hindi active in the thread, and
    # reverse() would then give /hi/ addresses.
    translation.activate("en")
