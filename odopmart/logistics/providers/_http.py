"""HTTP calls to providers: timeouts and 5xx/429 are worth retrying, other 4xx are not."""

from __future__ import annotations

from typing import Any

import httpx

from odopmart.logistics.conf import logistics_setting
from odopmart.logistics.providers.base import LogisticsProviderError


def http_client(base_url: str, headers: dict[str, str] | None = None) -> httpx.Client:
    return httpx.Client(
        base_url=base_url,
        headers=headers or {},
        timeout=float(logistics_setting("HTTP_TIMEOUT_SECONDS")),
    )


def _message(response: httpx.Response) -> str:
    try:
        data = response.json()
    except ValueError:
        return response.text[:300]
    if isinstance(data, dict):
        for key in ("message", "error", "rmk", "detail"):
            if data.get(key):
                return str(data[key])[:300]
    return str(data)[:300]


def send(client: httpx.Client, method: str, url: str, **kwargs: Any) -> httpx.Response:
    """Make the call; raise LogisticsProviderError saying whether a retry may help."""
    try:
        response = client.request(method, url, **kwargs)
    except httpx.TimeoutException as error:
        raise LogisticsProviderError(f"timed out: {method} {url}", retryable=True) from error
    except httpx.TransportError as error:
        raise LogisticsProviderError(f"network error: {error}", retryable=True) from error
    if response.status_code >= 500 or response.status_code == 429:
        raise LogisticsProviderError(
            f"{response.status_code} from {method} {url}: {_message(response)}",
            retryable=True,
            status_code=response.status_code,
        )
    if response.status_code >= 400:
        raise LogisticsProviderError(
            f"{response.status_code} from {method} {url}: {_message(response)}",
            retryable=False,
            status_code=response.status_code,
        )
    return response


def json_of(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError as error:
        # A proxy's HTML error page with a 200: the provider may answer properly next time.
        raise LogisticsProviderError(
            f"not JSON: {response.text[:200]}", retryable=True, status_code=response.status_code
        ) from error
