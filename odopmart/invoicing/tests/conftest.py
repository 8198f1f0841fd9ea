"""Invoicing fixtures: real orders through the buying services (the books' fixtures reused)."""

from __future__ import annotations

from odopmart.ledger.tests.conftest import (  # noqa: F401  (fixtures)
    DELHI,
    LUCKNOW,
    MUMBAI,
    at,
    buyer,
    cart_with,
    commission,
    deliver,
    dispatch,
    gst_slabs,
    place,
    product_of,
    sale,
    seller,
)
