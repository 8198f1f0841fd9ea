"""The API's error shape and exception handlers.

Every error body is a JSON object with a machine-readable ``code`` and a ``detail``:

* 422 ``{"code": "validation_error", "detail": [{"loc": ["query", "min_price"], "msg": "...",
  "type": "greater_than_equal"}]}``: one entry per bad input, ``loc`` naming where it was
  (``query``, ``path`` or ``body``) and which field;
* 404 ``{"code": "not_found", "detail": "Not found"}``: unknown ids and slugs, hidden products,
  unknown URLs under the API;
* other HTTP errors ``{"code": "http_<status>", "detail": "..."}``;
* 500 ``{"code": "server_error", "detail": "Internal server error"}``: anything unexpected,
  logged with its traceback.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext
from ninja import Schema
from ninja.errors import HttpError, ValidationError

if TYPE_CHECKING:
    from ninja import NinjaAPI

logger = logging.getLogger("odopmart.api")


class ErrorOut(Schema):
    code: str
    detail: str


class FieldErrorOut(Schema):
    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorOut(Schema):
    code: str
    detail: list[FieldErrorOut]


# Declared on every operation so the OpenAPI document lists the error bodies.
NOT_FOUND_RESPONSES: dict[int, type[Schema]] = {404: ErrorOut, 422: ValidationErrorOut}
VALIDATION_RESPONSES: dict[int, type[Schema]] = {422: ValidationErrorOut}


def not_found_body() -> dict[str, str]:
    return {"code": "not_found", "detail": gettext("Not found")}


def not_found_response() -> JsonResponse:
    """A 404 in the API's shape, for views outside the operations (unknown API URLs)."""
    return JsonResponse(not_found_body(), status=404, json_dumps_params={"ensure_ascii": False})


def api_not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    """View for unknown URLs under /api/ outside a mounted version (e.g. /api/v2/...)."""
    return not_found_response()


def _field_errors(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "loc": [part for part in error.get("loc", ()) if isinstance(part, str | int)],
            "msg": str(error.get("msg", "")),
            "type": str(error.get("type", "invalid")),
        }
        for error in errors
    ]


def install_error_handlers(api: NinjaAPI) -> None:
    def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        body = {"code": "validation_error", "detail": _field_errors(exc.errors)}
        return api.create_response(request, body, status=422)

    def on_not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
        return api.create_response(request, not_found_body(), status=404)

    def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        body = {"code": f"http_{exc.status_code}", "detail": str(exc)}
        return api.create_response(request, body, status=exc.status_code)

    def on_unexpected_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        logger.error(
            "Unhandled API error on %s %s", request.method, request.get_full_path(), exc_info=exc
        )
        body = {"code": "server_error", "detail": gettext("Internal server error")}
        return api.create_response(request, body, status=500)

    api.add_exception_handler(ValidationError, on_validation_error)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(HttpError, on_http_error)
    api.add_exception_handler(Exception, on_unexpected_error)
