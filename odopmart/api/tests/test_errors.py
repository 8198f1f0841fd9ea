from __future__ import annotations

import json
import logging

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    ["/api/v1/nothing-here", "/api/v1/products/", "/api/v1/districts/lucknow/extra", "/api/v1/x/y"],
)
def test_unknown_api_urls_are_json_404(api_client, path):
    response = api_client.get(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"code": "not_found", "detail": "Not found"}


def test_api_root_points_to_the_documents(api_client):
    response = api_client.get("/api/v1/")

    assert response.status_code == 200
    assert response.json() == {
        "title": "odopmart API",
        "version": "1",
        "openapi": "http://testserver/api/v1/openapi.json",
        "docs": "http://testserver/api/v1/docs",
    }


def test_unexpected_errors_are_json_500_and_logged(api_client, monkeypatch, caplog):
    def broken() -> None:
        raise RuntimeError("database on fire")

    monkeypatch.setattr("odopmart.api.selectors.category_list", broken)

    with caplog.at_level(logging.ERROR, logger="odopmart.api"):
        response = api_client.get("/api/v1/categories", {"lang": "en"})

    assert response.status_code == 500
    assert response.json() == {"code": "server_error", "detail": "Internal server error"}
    assert "database on fire" not in response.content.decode()
    assert "public" not in response.get("Cache-Control", "")
    [record] = [r for r in caplog.records if r.name == "odopmart.api"]
    assert record.exc_info[1].args == ("database on fire",)
    assert "GET /api/v1/categories?lang=en" in record.getMessage()


def test_unexpected_errors_are_json_even_in_debug(api_client, monkeypatch, settings):
    settings.DEBUG = True
    monkeypatch.setattr("odopmart.api.selectors.district_get", lambda slug: 1 / 0)

    response = api_client.get("/api/v1/districts/lucknow")

    assert response.status_code == 500
    assert response.json()["code"] == "server_error"


def test_wrong_method_is_refused(api_client):
    response = api_client.post("/api/v1/products", {})

    assert response.status_code == 405
    assert response["Allow"] == "GET"


def test_not_found_view_for_other_api_urls(rf):
    from odopmart.api.errors import api_not_found

    response = api_not_found(rf.get("/api/v2/products"))

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"code": "not_found", "detail": "Not found"}
