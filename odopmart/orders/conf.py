"""Order settings, read from ``settings.ORDERS`` with defaults for the embedded setup.

Read on every use (not at import), so a deployment or a test can change them at any time.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # How long stock stays held for an order waiting for its payment.
    "RESERVATION_MINUTES": 15,
    # A vendor's shipment ships free when its items come to at least this much (incl. GST).
    "FREE_SHIPPING_FROM_PAISE": 99900,
    # Most units of one item a buyer may put in the cart (stock bounds it too).
    "MAX_LINE_QUANTITY": 10,
    # Most different items in one cart.
    "MAX_CART_LINES": 50,
    # Order numbers look like OD2611-7K3F9Q (prefix, year and month, random part).
    "ORDER_NUMBER_PREFIX": "OD",
    # Return requests: photos per request, bytes per photo, smallest side in pixels.
    "RETURN_PHOTOS_MAX": 5,
    "RETURN_PHOTO_MAX_BYTES": 8 * 1024 * 1024,
    "RETURN_PHOTO_MIN_PX": 200,
    # Expired reservations handled per sweep.
    "EXPIRE_BATCH": 500,
}


def orders_setting(name: str) -> Any:
    configured = getattr(settings, "ORDERS", None) or {}
    return configured.get(name, DEFAULTS[name])
