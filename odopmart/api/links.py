"""Absolute URLs in API responses: media files and pagination links."""

from __future__ import annotations

from django.core.files.storage import default_storage
from django.http import HttpRequest
from django.urls import reverse


def media_url(request: HttpRequest, name: str) -> str | None:
    """Absolute URL of a stored file (a storage name, or a URL already)."""
    if not name:
        return None
    url = name if name.startswith("/") or "://" in name else default_storage.url(name)
    return request.build_absolute_uri(url)


def page_url(request: HttpRequest, page: int) -> str:
    """This request's URL with `page` replaced, keeping every other query parameter."""
    query = request.GET.copy()
    query["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def page_links(request: HttpRequest, *, page: int, pages: int) -> tuple[str | None, str | None]:
    """(next, previous) page URLs; past the last page, previous leads back to the last one."""
    next_url = page_url(request, page + 1) if page < pages else None
    previous_url = page_url(request, min(page - 1, pages)) if page > 1 else None
    return next_url, previous_url


def product_url(request: HttpRequest, product_id: int) -> str:
    """Absolute URL of a product in the API (the prefix is worked out once per request)."""
    prefix = getattr(request, "_api_product_url_prefix", None)
    if prefix is None:
        path = reverse("api-v1:product_detail", kwargs={"product_id": 1})
        prefix = request.build_absolute_uri(path.rsplit("/", 1)[0] + "/")
        request._api_product_url_prefix = prefix  # type: ignore[attr-defined]
    return f"{prefix}{product_id}"
