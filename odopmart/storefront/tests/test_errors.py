"""Unknown pages are a friendly 404 in the page's language; server errors a static 500."""

from __future__ import annotations

import pytest
from django.test import Client, RequestFactory
from django.utils import translation

from odopmart.storefront.views import server_error

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/districts/atlantis/",
        "/crafts/nothing/",
        "/odop/nothing/",
        "/p/999999/anything/",
        "/p/99999999999999999999999999/x/",
        "/no-such-page/",
    ],
)
def test_unknown_things_are_404_in_english(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "We couldn&#x27;t find that page" in html or "We couldn't find that page" in html
    assert 'name="q"' in html
    assert 'href="/districts/"' in html


@pytest.mark.parametrize("path", ["/hi/districts/atlantis/", "/hi/p/999999/x/", "/hi/nope/"])
def test_unknown_things_are_404_in_hindi(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="hi">' in html
    assert "वह पेज नहीं मिला" in html
    assert f'href="{path.removeprefix("/hi")}"' in html  # the switch to English keeps the path


def test_post_is_not_allowed(client: Client) -> None:
    assert client.post("/").status_code == 405


def test_server_error_page_needs_no_database(django_assert_num_queries) -> None:  # noqa: ANN001
    request = RequestFactory().get("/hi/")
    with translation.override("hi"), django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="hi">' in html
    assert 'href="/hi/"' in html
