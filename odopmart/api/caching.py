"""HTTP caching for read-only API operations."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils.cache import patch_cache_control


def public_cache(run: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """Let shared caches keep successful anonymous GETs for CACHE_PAGE_SECONDS."""

    @functools.wraps(run)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        response = run(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, public=True, max_age=settings.CACHE_PAGE_SECONDS)
        return response

    return wrapper
