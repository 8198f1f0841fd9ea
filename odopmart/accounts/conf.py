"""Sign-in settings, read from ``settings.ACCOUNTS`` with these defaults.

Limits are lists of (count, window in seconds): at most `count` events within any `window`.
Read on every use, so a deployment or a test can change them.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    "OTP_LENGTH": 6,
    "OTP_TTL_SECONDS": 600,
    # Wrong codes one challenge takes before it is dead.
    "OTP_MAX_WRONG_ATTEMPTS": 5,
    # Codes sent to one phone: one per 30 s, 3 per 15 min, 10 per day.
    "OTP_PHONE_LIMITS": [(1, 30), (3, 15 * 60), (10, 24 * 60 * 60)],
    # Codes asked for from one IP address.
    "OTP_IP_LIMITS": [(20, 60 * 60)],
    # Wrong codes from one IP address, across phones.
    "OTP_IP_FAILURE_LIMITS": [(30, 60 * 60)],
    # After this many wrong codes for a phone within the window, the phone is locked.
    "OTP_LOCKOUT_FAILURES": 10,
    "OTP_LOCKOUT_WINDOW_SECONDS": 60 * 60,
    "OTP_LOCKOUT_SECONDS": 15 * 60,
    # Staff password sign-in: failures per username and per IP address.
    "STAFF_LOGIN_FAILURE_LIMITS": [(10, 15 * 60)],
    # How many reverse proxies in front of the app append to X-Forwarded-For (0: none, use
    # REMOTE_ADDR). Only trust the header when a proxy you run sets it.
    "TRUSTED_PROXY_COUNT": 0,
    # An API token's last_used_at is written at most this often.
    "API_TOKEN_TOUCH_SECONDS": 60,
}


def accounts_setting(name: str) -> Any:
    configured = getattr(settings, "ACCOUNTS", None) or {}
    return configured.get(name, DEFAULTS[name])
