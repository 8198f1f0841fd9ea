"""Settlement settings, read from ``settings.SETTLEMENTS`` (optional) with environment-driven
defaults, on every use so a deployment or a test can change them at any time.

Environment variables (used when ``settings.SETTLEMENTS`` does not set the key):

* ``PAYOUT_PROVIDER``: "manual" (the operator's bank-transfer file; the default) or
  "razorpayx".
* ``RAZORPAYX_KEY_ID``, ``RAZORPAYX_KEY_SECRET``: API keys (Basic auth).
* ``RAZORPAYX_ACCOUNT_NUMBER``: the operator's RazorpayX business account number the money
  leaves from (not a beneficiary's).
* ``RAZORPAYX_WEBHOOK_SECRET``: signs payout webhooks (``X-Razorpay-Signature``).
* ``RAZORPAYX_BASE_URL`` (default https://api.razorpay.com), ``RAZORPAYX_TIMEOUT_SECONDS``.
* ``PAYOUT_MAX_ATTEMPTS``, ``PAYOUT_RETRY_BASE_SECONDS``, ``PAYOUT_RETRY_MAX_SECONDS``: a payout
  the provider could not take (a 5xx, a timeout) is sent again with the same idempotency key
  after BASE * 2 ** (attempt - 1) seconds (at most MAX), then marked failed for a person.
* ``ARTISAN_PAYOUTS``: "platform" (the marketplace pays each artisan's share to their bank;
  default) or "vendor" (the vendor pays and marks it paid with a reference).
"""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def _defaults() -> dict[str, Any]:
    return {
        "PROVIDER": os.environ.get("PAYOUT_PROVIDER", "").strip() or "manual",
        "RAZORPAYX_KEY_ID": os.environ.get("RAZORPAYX_KEY_ID", ""),
        "RAZORPAYX_KEY_SECRET": os.environ.get("RAZORPAYX_KEY_SECRET", ""),
        "RAZORPAYX_ACCOUNT_NUMBER": os.environ.get("RAZORPAYX_ACCOUNT_NUMBER", ""),
        "RAZORPAYX_WEBHOOK_SECRET": os.environ.get("RAZORPAYX_WEBHOOK_SECRET", ""),
        "RAZORPAYX_BASE_URL": os.environ.get("RAZORPAYX_BASE_URL", "https://api.razorpay.com"),
        "RAZORPAYX_TIMEOUT_SECONDS": _env_int("RAZORPAYX_TIMEOUT_SECONDS", 20),
        # NEFT reaches every bank account (IMPS is instant but capped and charged more).
        "RAZORPAYX_MODE": os.environ.get("RAZORPAYX_MODE", "NEFT"),
        "PAYOUT_MAX_ATTEMPTS": _env_int("PAYOUT_MAX_ATTEMPTS", 6),
        "PAYOUT_RETRY_BASE_SECONDS": _env_int("PAYOUT_RETRY_BASE_SECONDS", 60),
        "PAYOUT_RETRY_MAX_SECONDS": _env_int("PAYOUT_RETRY_MAX_SECONDS", 6 * 3600),
        "ARTISAN_PAYOUTS": os.environ.get("ARTISAN_PAYOUTS", "").strip() or "platform",
    }


def settlement_setting(name: str) -> Any:
    configured = getattr(settings, "SETTLEMENTS", None) or {}
    if name in configured:
        return configured[name]
    return _defaults()[name]
