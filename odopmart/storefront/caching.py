"""Whole-page caching for anonymous visitors, keyed by language, full URL and the catalogue's
cache generation (bumped when anything a page shows changes, see receivers.py), so a change is
visible at once in every web process.

Only GET/HEAD requests without a session cookie are served from or stored in the cache, and only
successful HTML responses are stored. `settings.CACHE_PAGE_SECONDS = 0` turns it off.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from odopmart.core.cache_generation import CATALOGUE, cache_generation

View = Callable[..., HttpResponse]
KEY_PREFIX = "storefront:page:v1"


def page_cache_key(request: HttpRequest) -> str:
    url = request.build_absolute_uri(request.get_full_path())
    digest = hashlib.sha256(url.encode()).hexdigest()
    generation = cache_generation(CATALOGUE)
    return f"{KEY_PREFIX}:{generation}:{get_language() or settings.LANGUAGE_CODE}:{digest}"


def _cacheable(request: HttpRequest) -> bool:
    return (
        settings.CACHE_PAGE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def cache_anonymous_page(view: View) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = page_cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            content, content_type = cached
            response = HttpResponse(content, content_type=content_type)
            response["X-Page-Cache"] = "hit"
        else:
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or getattr(response, "streaming", False):
                return response
            if hasattr(response, "render") and callable(response.render):
                response.render()
            cache.set(
                key, (response.content, response["Content-Type"]), settings.CACHE_PAGE_SECONDS
            )
            response["X-Page-Cache"] = "miss"
        patch_cache_control(response, public=True, max_age=settings.CACHE_PAGE_SECONDS)
        return response

    return wrapper
