"""What every storefront page needs: the site name, the language switch and the craft menu."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from odopmart.storefront import selectors
from odopmart.storefront.templatetags.storefront import RENDITIONS


def language_paths(request: HttpRequest) -> dict[str, str]:
    """The current page in every language: '/hi/d/agra/?page=2' <-> '/d/agra/?page=2'.

    English has no prefix; other languages live under '/<code>/'. Works for any path, including
    ones that don't resolve (the 404 page keeps its language switch).
    """
    script_prefix = request.path[: len(request.path) - len(request.path_info)]
    path = request.path_info or "/"
    codes = [code for code, _name in settings.LANGUAGES]
    for code in codes:
        if code != settings.LANGUAGE_CODE and (path == f"/{code}" or path.startswith(f"/{code}/")):
            path = path[len(code) + 1 :] or "/"
            break
    query = request.META.get("QUERY_STRING", "")
    suffix = f"?{query}" if query else ""
    paths = {}
    for code in codes:
        prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
        paths[code] = f"{script_prefix}{prefix}{path}{suffix}"
    return paths


# Largest side of the WebP renditions, for the width/height attributes of <img>.
THUMBNAIL_SIZE = RENDITIONS["thumbnail"]
MEDIUM_SIZE = RENDITIONS["medium"]

# Each language named in itself, as a language menu should.
LANGUAGE_SELF_NAMES = {"en": "English", "hi": "हिन्दी"}


def storefront(request: HttpRequest) -> dict[str, object]:
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    paths = language_paths(request)
    switch = [
        {"code": code, "name": LANGUAGE_SELF_NAMES.get(code, code), "url": paths[code]}
        for code, _name in settings.LANGUAGES
        if code != current
    ]
    return {
        "site_name": settings.ODOPMART.get("SITE_NAME") or _("ODOP Mart"),
        "language_switch": switch,
        "language_urls": paths,
        "nav_categories": SimpleLazyObject(selectors.categories),
        "MEDIA_URL": settings.MEDIA_URL,
        "thumb_size": THUMBNAIL_SIZE,
        "medium_size": MEDIUM_SIZE,
    }
