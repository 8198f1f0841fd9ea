from odopmart.orders.tests.conftest import (  # noqa: F401 - fixtures
    buyer,
    cart_with,
    other_buyer,
    place,
)
