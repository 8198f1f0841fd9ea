"""Checking that a callback comes from the provider.

Twilio signs each request: X-Twilio-Signature = base64(HMAC-SHA1(auth token, the full URL it
called + every POST parameter name and value, sorted by name)). MSG91 and Exotel do not sign;
their callback URLs carry a secret token instead (NOTIFICATIONS["WEBHOOK_TOKEN"]). Both are
compared in constant time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Mapping, Sequence

from django.http import HttpRequest

from odopmart.notifications.conf import notification_setting


def token_valid(given: str) -> bool:
    expected = str(notification_setting("WEBHOOK_TOKEN") or "")
    return bool(expected) and hmac.compare_digest(given.encode(), expected.encode())


def twilio_signature(auth_token: str, url: str, params: Mapping[str, Sequence[str]]) -> str:
    payload = url + "".join(
        name + value for name in sorted(params) for value in sorted(params[name])
    )
    digest = hmac.new(auth_token.encode(), payload.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def request_url(request: HttpRequest) -> str:
    """The URL as the provider called it: behind a proxy, the public origin from the settings."""
    base = str(notification_setting("CALLBACK_BASE_URL") or "").rstrip("/")
    return base + request.get_full_path() if base else request.build_absolute_uri()


def twilio_request_valid(request: HttpRequest) -> bool:
    auth_token = str(notification_setting("TWILIO_AUTH_TOKEN") or "")
    given = request.headers.get("X-Twilio-Signature", "")
    if not auth_token or not given:
        return False
    params = {name: request.POST.getlist(name) for name in request.POST}
    expected = twilio_signature(auth_token, request_url(request), params)
    return hmac.compare_digest(given.encode(), expected.encode())
