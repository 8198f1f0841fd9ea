"""Which language an API response is in: ``?lang=hi|en``, else ``Accept-Language``, else English.

The storefront's LocaleMiddleware decides from the URL prefix, which API URLs do not have, so
API operations pick the language themselves (for the whole response, serialisation included).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Literal

from django.conf import settings
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header

LanguageCode = Literal["en", "hi"]


def _supported(code: str) -> str | None:
    try:
        return translation.get_supported_language_variant(code)
    except LookupError:
        return None


def request_language(request: HttpRequest) -> str:
    explicit = request.GET.get("lang", "")
    if explicit and (language := _supported(explicit)):
        return language
    header = request.headers.get("Accept-Language", "")
    for code, _quality in parse_accept_lang_header(header):
        if code != "*" and (language := _supported(code)):
            return language
    return settings.LANGUAGE_CODE


def with_language(run: Callable[..., HttpResponseBase]) -> Callable[..., HttpResponseBase]:
    """View decorator: run the operation (parsing to serialising) in the request's language."""

    @functools.wraps(run)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        language = request_language(request)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = run(request, *args, **kwargs)
        response.headers["Content-Language"] = language
        patch_vary_headers(response, ("Accept-Language",))
        return response

    return wrapper
