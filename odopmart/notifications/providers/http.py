"""What the HTTP providers share: one POST with a timeout, and the rule that sorts a failed call
into "try again later" or "retrying cannot help".

Timeouts, connection errors, 5xx, 408 and 429 are retried with the outbox's back-off; any other
4xx (a wrong number, a bad template, wrong credentials) fails the message at once, for a person.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import httpx
from django.urls import reverse

from odopmart.notifications.conf import notification_setting
from odopmart.notifications.providers import BaseProvider, ProviderError

logger = logging.getLogger("odopmart.notifications")

RETRYABLE_STATUSES = frozenset({408, 425, 429})


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class HttpProvider(BaseProvider):
    """A provider reached over HTTPS with httpx."""

    required_settings: tuple[str, ...] = ()

    def setting(self, name: str) -> Any:
        """Constructor options (NOTIFICATIONS["PROVIDER_OPTIONS"]) win over the settings."""
        if name.lower() in self.options:
            return self.options[name.lower()]
        return notification_setting(name)

    def require(self, *names: str) -> list[str]:
        values = [str(self.setting(name) or "") for name in names]
        missing = [name for name, value in zip(names, values, strict=True) if not value]
        if missing:
            # A configuration gap does not heal by itself: fail for a person to see.
            raise ProviderError(f"{self.name}: {', '.join(missing)} not set", retryable=False)
        return values

    def post(
        self,
        url: str,
        *,
        describe: Callable[[httpx.Response], str] | None = None,
        **kwargs: Any,
    ) -> httpx.Response:
        timeout = float(self.setting("HTTP_TIMEOUT_SECONDS"))
        try:
            response = httpx.post(url, timeout=timeout, **kwargs)
        except httpx.TimeoutException as error:
            raise ProviderError(f"{self.name}: timed out ({type(error).__name__})") from error
        except httpx.HTTPError as error:
            raise ProviderError(f"{self.name}: {type(error).__name__}: {error}") from error
        if response.status_code >= 400:
            try:
                reason = describe(response) if describe else ""
            except Exception:  # an unreadable error body still gives the status code
                reason = ""
            message = f"{self.name}: HTTP {response.status_code}: {reason or _short(response.text)}"
            retryable = response.status_code >= 500 or response.status_code in RETRYABLE_STATUSES
            raise ProviderError(message, retryable=retryable)
        return response

    def json(self, response: httpx.Response) -> Any:
        try:
            return response.json()
        except ValueError as error:
            # A success status with a body we can't read: the message may or may not have
            # gone; trying again is the lesser harm (providers drop exact repeats rarely).
            reason = _short(response.text)
            raise ProviderError(f"{self.name}: unreadable reply: {reason}") from error


def callback_url(name: str, **kwargs: Any) -> str:
    """The public URL of one of our provider callbacks, or "" when no public origin is set."""
    base = str(notification_setting("CALLBACK_BASE_URL") or "").rstrip("/")
    if not base:
        return ""
    return base + reverse(f"notification_webhooks:{name}", kwargs=kwargs)


def token_callback_url(name: str, **kwargs: Any) -> str:
    """A callback URL that carries the webhook token, for providers that do not sign."""
    token = str(notification_setting("WEBHOOK_TOKEN") or "")
    if not token:
        return ""
    return callback_url(name, token=token, **kwargs)
