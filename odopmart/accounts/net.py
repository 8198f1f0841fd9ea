"""The client's IP address, for rate limits."""

from __future__ import annotations

import ipaddress

from django.http import HttpRequest

from odopmart.accounts.conf import accounts_setting


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    """REMOTE_ADDR, or with TRUSTED_PROXY_COUNT = n the address n hops from the right of
    X-Forwarded-For (what our own nearest proxy saw; clients can forge anything left of it)."""
    proxies = int(accounts_setting("TRUSTED_PROXY_COUNT"))
    if proxies > 0:
        hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop]
        if len(hops) >= proxies:
            return _valid(hops[-proxies])
    return _valid(request.META.get("REMOTE_ADDR", ""))
