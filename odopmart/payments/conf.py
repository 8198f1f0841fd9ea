"""Payment settings, read from ``settings.PAYMENTS`` (optional) with environment-driven defaults.

Read on every use (not at import), so a deployment or a test can change them at any time.

Environment variables (used when ``settings.PAYMENTS`` does not set the key):

* ``PAYMENT_PROVIDER``: "sandbox" or "razorpay"; default "razorpay" when ``RAZORPAY_KEY_ID``
  is set, otherwise "sandbox" (the offline test gateway).
* ``RAZORPAY_KEY_ID``, ``RAZORPAY_KEY_SECRET``, ``RAZORPAY_WEBHOOK_SECRET``.
* ``PAYMENTS_SANDBOX_SECRET``: signs the sandbox's webhooks and returns (default: derived from
  ``SECRET_KEY``).
* ``SITE_URL``: where the sandbox gateway posts its webhooks (default http://127.0.0.1:8000).
* ``COD_ENABLED``, ``COD_MAX_ORDER_PAISE``, ``COD_DENIED_PINCODES`` (comma-separated PIN codes
  or PIN prefixes).
* ``REFUND_MAX_ATTEMPTS``, ``REFUND_RETRY_BASE_SECONDS``, ``REFUND_RETRY_MAX_SECONDS``.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from typing import Any

from django.conf import settings


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


def _defaults() -> dict[str, Any]:
    key_id = os.environ.get("RAZORPAY_KEY_ID", "")
    return {
        "PROVIDER": os.environ.get("PAYMENT_PROVIDER") or ("razorpay" if key_id else "sandbox"),
        "RAZORPAY_KEY_ID": key_id,
        "RAZORPAY_KEY_SECRET": os.environ.get("RAZORPAY_KEY_SECRET", ""),
        "RAZORPAY_WEBHOOK_SECRET": os.environ.get("RAZORPAY_WEBHOOK_SECRET", ""),
        # Seconds the SDK waits for Razorpay's API before the call counts as failed (retried).
        "RAZORPAY_TIMEOUT_SECONDS": _env_int("RAZORPAY_TIMEOUT_SECONDS", 20),
        # "normal" (5-7 working days, free) or "optimum" (instant where possible, charged).
        "REFUND_SPEED": os.environ.get("REFUND_SPEED", "normal"),
        "SANDBOX_SECRET": os.environ.get("PAYMENTS_SANDBOX_SECRET", ""),
        "SITE_URL": os.environ.get("SITE_URL", "http://127.0.0.1:8000"),
        # Sandbox webhook delivery: attempts, then given up (the signed return still completes).
        "WEBHOOK_DELIVERY_ATTEMPTS": _env_int("SANDBOX_WEBHOOK_ATTEMPTS", 6),
        "WEBHOOK_DELIVERY_BASE_SECONDS": _env_int("SANDBOX_WEBHOOK_RETRY_SECONDS", 5),
        # Cash on delivery.
        "COD_ENABLED": _env_bool("COD_ENABLED", True),
        "COD_MAX_ORDER_PAISE": _env_int("COD_MAX_ORDER_PAISE", 50_000 * 100),
        # PIN codes (6 digits) or PIN prefixes ("19" = a whole postal region) without COD.
        "COD_DENIED_PINCODES": _env_list("COD_DENIED_PINCODES"),
        # COD only to PIN codes in the directory marked deliverable.
        "COD_REQUIRE_SERVICEABLE_PINCODE": _env_bool("COD_REQUIRE_SERVICEABLE_PINCODE", True),
        # Refunds sent to the gateway: attempts, then "failed" for a person to look at.
        "REFUND_MAX_ATTEMPTS": _env_int("REFUND_MAX_ATTEMPTS", 8),
        # Wait before retry n (1-based): BASE * 2 ** (n - 1), at most MAX.
        "REFUND_RETRY_BASE_SECONDS": _env_int("REFUND_RETRY_BASE_SECONDS", 60),
        "REFUND_RETRY_MAX_SECONDS": _env_int("REFUND_RETRY_MAX_SECONDS", 6 * 3600),
    }


def payment_setting(name: str) -> Any:
    configured = getattr(settings, "PAYMENTS", None) or {}
    if name in configured:
        return configured[name]
    return _defaults()[name]


def sandbox_secret() -> str:
    """The sandbox gateway's signing key: set one, or it is derived from SECRET_KEY."""
    secret = payment_setting("SANDBOX_SECRET")
    if secret:
        return str(secret)
    return hmac.new(
        settings.SECRET_KEY.encode(), b"odopmart.payments.sandbox", hashlib.sha256
    ).hexdigest()
