from typing import Any

import pytest
from django.utils import translation

from odopmart.ledger.tests.conftest import (  # noqa: F401 - fixtures
    artisan_share,
    commission,
    product_of,
    sale,
    seller,
)
from odopmart.orders.tests.conftest import (  # noqa: F401 - fixtures
    buyer,
    cart_with,
    gst_slabs,
    place,
)


@pytest.fixture(autouse=True)
def _english() -> None:
    # A Hindi page requested by an earlier test leaves Hindi active in the thread, and
    # reverse() would then give /hi/ addresses.
    translation.activate("en")


@pytest.fixture(autouse=True)
def _no_figure_cache(settings: Any) -> None:
    settings.INSIGHTS = {"CACHE_SECONDS": 0}
