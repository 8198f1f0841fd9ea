"""Logistics settings, read from ``settings.LOGISTICS`` with defaults from the environment.

Read on every use (not at import), so a deployment or a test can change them at any time.

Environment variables (all optional; the embedded default is the operator-managed provider):

* ``LOGISTICS_PROVIDER``: ``manual`` (default), ``shiprocket`` or ``delhivery``.
* ``SHIPROCKET_EMAIL`` / ``SHIPROCKET_PASSWORD``: the Shiprocket *API user*; or
  ``SHIPROCKET_TOKEN`` to use a token obtained elsewhere.
* ``SHIPROCKET_WEBHOOK_TOKEN``: the token configured in Shiprocket's webhook settings, sent back
  to us in the ``x-api-key`` header.
* ``DELHIVERY_API_TOKEN``, ``DELHIVERY_BASE_URL`` (staging by default),
  ``DELHIVERY_WEBHOOK_TOKEN`` (only if Delhivery enables push webhooks for the account).
* ``LOGISTICS_POLL_MINUTES``: how often tracking is polled for providers without webhooks.
"""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip().isdigit() else default


DEFAULTS: dict[str, Any] = {
    "PROVIDER": os.environ.get("LOGISTICS_PROVIDER", "manual"),
    "SHIPROCKET_BASE_URL": os.environ.get(
        "SHIPROCKET_BASE_URL", "https://apiv2.shiprocket.in/v1/external"
    ),
    "SHIPROCKET_EMAIL": os.environ.get("SHIPROCKET_EMAIL", ""),
    "SHIPROCKET_PASSWORD": os.environ.get("SHIPROCKET_PASSWORD", ""),
    "SHIPROCKET_TOKEN": os.environ.get("SHIPROCKET_TOKEN", ""),
    # Shiprocket tokens last about ten days; refresh a day early.
    "SHIPROCKET_TOKEN_SECONDS": 9 * 24 * 3600,
    "SHIPROCKET_WEBHOOK_TOKEN": os.environ.get("SHIPROCKET_WEBHOOK_TOKEN", ""),
    "DELHIVERY_BASE_URL": os.environ.get(
        "DELHIVERY_BASE_URL", "https://staging-express.delhivery.com"
    ),
    "DELHIVERY_API_TOKEN": os.environ.get("DELHIVERY_API_TOKEN", ""),
    "DELHIVERY_WEBHOOK_TOKEN": os.environ.get("DELHIVERY_WEBHOOK_TOKEN", ""),
    "DELHIVERY_SHIPPING_MODE": "Surface",
    # Seconds before an HTTP call to a provider is given up (and retried later).
    "HTTP_TIMEOUT_SECONDS": 20,
    # Booking: attempts, then the shipment waits for a person ("needs attention").
    "BOOKING_MAX_ATTEMPTS": 8,
    # Wait before retry n: BASE * 2 ** (n - 1) seconds, at most MAX.
    "RETRY_BASE_SECONDS": 60,
    "RETRY_MAX_SECONDS": 3600,
    # Tracking is polled this often for shipments of providers without webhooks.
    "POLL_MINUTES": _env_int("LOGISTICS_POLL_MINUTES", 60),
    # Pickup window offered when the provider gives none (operator-managed pickups): the next
    # working day between these hours, local time.
    "PICKUP_START_HOUR": 10,
    "PICKUP_END_HOUR": 17,
    # Parcels weigh more than the goods: packing added to the catalogue weight.
    "PACKING_GRAMS": 100,
    # Smallest box the couriers bill for, in cm.
    "MIN_DIMENSION_CM": 1,
    # The sender shown for returns (the operator's address) when a courier asks for one.
    "RETURN_ADDRESS": os.environ.get("LOGISTICS_RETURN_ADDRESS", ""),
    "RETURN_PINCODE": os.environ.get("LOGISTICS_RETURN_PINCODE", ""),
}


def logistics_setting(name: str) -> Any:
    configured = getattr(settings, "LOGISTICS", None) or {}
    return configured.get(name, DEFAULTS[name])
