from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from odopmart.api.tests.openapi_check import response_schema, schema_errors


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Iterator[None]:
    yield
    translation.activate("en")


@pytest.fixture
def api_client() -> Client:
    return Client()


@pytest.fixture(scope="session")
def openapi_document() -> dict[str, Any]:
    from odopmart.api.urls import api

    return json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/v1/")))


@pytest.fixture
def assert_matches_schema(openapi_document: dict[str, Any]) -> Callable[..., None]:
    """assert_matches_schema(response, "/api/v1/products/{product_id}") for its status code."""

    def check(response: Any, path: str) -> None:
        schema = response_schema(openapi_document, path, response.status_code)
        errors = schema_errors(response.json(), schema, openapi_document)
        assert errors == []

    return check
