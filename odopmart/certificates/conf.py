"""Certificate settings, read from ``settings.CERTIFICATES`` with defaults from the environment.

Read on every use (not at import), so a deployment or a test can change them at any time.

* ``SIGNING_KEY`` (env ``CERTIFICATE_SIGNING_KEY``): the secret certificates are signed with.
  Empty: a key derived from ``SECRET_KEY`` (fine for one installation; set a key of its own in
  production so rotating ``SECRET_KEY`` does not turn every certificate into "not genuine").
* ``KEY_ID`` (env ``CERTIFICATE_KEY_ID``): the name stored with each signature, so a new key
  can be introduced while certificates signed with the old one still verify. Empty: a short
  fingerprint of the key.
* ``OLD_KEYS`` (env ``CERTIFICATE_OLD_KEYS``, JSON ``{"<key id>": "<secret>"}``): retired keys
  that still verify the certificates they signed; nothing new is signed with them.
* ``SITE_URL`` (env ``SITE_URL``): the public address printed in the QR code, e.g.
  ``https://odopmart.example``. Empty: the address the request came in on.
* ``VERIFY_RATE_LIMITS``: lookups allowed per client as ``[(count, seconds), ...]``.
"""

from __future__ import annotations

import json
import os
from typing import Any

from django.conf import settings


def _defaults() -> dict[str, Any]:
    return {
        "SIGNING_KEY": os.environ.get("CERTIFICATE_SIGNING_KEY", ""),
        "KEY_ID": os.environ.get("CERTIFICATE_KEY_ID", ""),
        "OLD_KEYS": json.loads(os.environ.get("CERTIFICATE_OLD_KEYS", "") or "{}"),
        "SITE_URL": os.environ.get("SITE_URL", ""),
        # A person checking a parcel needs a handful; guessing codes needs millions.
        "VERIFY_RATE_LIMITS": [(30, 60), (300, 3600)],
    }


def certificate_setting(name: str) -> Any:
    configured = getattr(settings, "CERTIFICATES", None) or {}
    if name in configured:
        return configured[name]
    return _defaults()[name]
