"""The NinjaAPI the project mounts: JSON for every URL under it, short operation ids."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import URLPattern, URLResolver, path, re_path, reverse
from ninja import NinjaAPI
from ninja.operation import Operation

from odopmart.api.errors import install_error_handlers, not_found_response


class OdopmartApi(NinjaAPI):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        install_error_handlers(self)

    def get_openapi_operation_id(self, operation: Operation) -> str:
        # Endpoints are named like the use case they serve (product_list, district_detail).
        return operation.view_func.__name__

    def _get_urls(self) -> list[URLResolver | URLPattern]:
        # ninja's own root view raises Http404 into Django's HTML error page; answer in JSON
        # at the root and for any unknown URL under the API instead.
        urls = [url for url in super()._get_urls() if getattr(url, "name", "") != "api-root"]
        urls.append(path("", self._index, name="api-root"))
        urls.append(re_path(r"^.*$", self._not_found, name="api-not-found"))
        return urls

    def _index(self, request: HttpRequest) -> HttpResponse:
        namespace = self.urls_namespace
        return JsonResponse(
            {
                "title": self.title,
                "version": self.version,
                "openapi": request.build_absolute_uri(reverse(f"{namespace}:openapi-json")),
                "docs": request.build_absolute_uri(reverse(f"{namespace}:openapi-view")),
            }
        )

    def _not_found(self, request: HttpRequest) -> HttpResponse:
        return not_found_response()
