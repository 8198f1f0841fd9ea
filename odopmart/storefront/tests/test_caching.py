"""Anonymous pages are cached briefly per language and URL; the language switch still works."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.conf import settings as django_settings
from django.test import Client

from odopmart.catalog.models import Product

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached(settings) -> None:  # noqa: ANN001
    settings.CACHE_PAGE_SECONDS = 60


def test_second_request_is_served_from_cache(
    client: Client,
    cached: None,
    django_assert_num_queries,  # noqa: ANN001
) -> None:
    first = client.get("/districts/agra/")
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(1):  # the cache generation, nothing else
        second = client.get("/districts/agra/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "max-age=60" in second["Cache-Control"]


def test_languages_and_query_strings_are_cached_apart(client: Client, cached: None) -> None:
    english = client.get("/districts/agra/")
    hindi = client.get("/hi/districts/agra/")
    assert hindi["X-Page-Cache"] == "miss"
    assert '<html lang="hi">' in hindi.content.decode()
    assert '<html lang="en">' in client.get("/districts/agra/").content.decode()
    sorted_page = client.get("/districts/agra/?sort=price_asc")
    assert sorted_page["X-Page-Cache"] == "miss"
    assert english.content != hindi.content


def test_visitors_with_a_session_are_not_cached(client: Client, cached: None) -> None:
    client.cookies[django_settings.SESSION_COOKIE_NAME] = "abc"
    client.get("/")
    assert "X-Page-Cache" not in client.get("/")


def test_errors_and_redirects_are_not_cached(
    client: Client, cached: None, make_product: Callable[..., Product]
) -> None:
    product = make_product()
    assert client.get(f"/p/{product.pk}/old/").status_code == 301
    assert client.get(f"/p/{product.pk}/old/").status_code == 301
    assert client.get("/districts/atlantis/").status_code == 404
    assert "X-Page-Cache" not in client.get("/districts/atlantis/")


def test_zero_seconds_turns_caching_off(client: Client) -> None:
    client.get("/")
    assert "X-Page-Cache" not in client.get("/")


@pytest.mark.django_db(transaction=True)
def test_a_catalogue_change_shows_at_once(
    client: Client, cached: None, make_product: Callable[..., Product]
) -> None:
    product = make_product(district_slug="agra", name_en="Marble inlay coaster set")
    assert b"Marble inlay coaster set" in client.get("/districts/agra/").content
    assert client.get("/districts/agra/")["X-Page-Cache"] == "hit"

    product.name_en = "Marble inlay tray"
    product.save()

    page = client.get("/districts/agra/")
    assert page["X-Page-Cache"] == "miss"
    assert b"Marble inlay tray" in page.content
