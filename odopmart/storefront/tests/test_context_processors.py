"""The language switch links to the same page in the other language."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from odopmart.storefront.context_processors import language_paths


@pytest.mark.parametrize(
    ("path", "query", "english", "hindi"),
    [
        ("/", "", "/", "/hi/"),
        ("/hi/", "", "/", "/hi/"),
        ("/hi", "", "/", "/hi/"),
        (
            "/districts/agra/",
            "page=2&sort=price_asc",
            "/districts/agra/?page=2&sort=price_asc",
            "/hi/districts/agra/?page=2&sort=price_asc",
        ),
        ("/hi/p/5/kurta/", "variant=9", "/p/5/kurta/?variant=9", "/hi/p/5/kurta/?variant=9"),
        ("/history/", "", "/history/", "/hi/history/"),  # not mistaken for a /hi/ prefix
        ("/no/such/page/", "", "/no/such/page/", "/hi/no/such/page/"),
    ],
)
def test_language_paths(path: str, query: str, english: str, hindi: str) -> None:
    request = RequestFactory().get(path, QUERY_STRING=query)
    assert language_paths(request) == {"en": english, "hi": hindi}


def test_language_paths_keep_the_script_prefix() -> None:
    request = RequestFactory().get("/hi/districts/")
    request.path = "/shop/hi/districts/"  # mounted under /shop by the web server
    assert language_paths(request) == {"en": "/shop/districts/", "hi": "/shop/hi/districts/"}
