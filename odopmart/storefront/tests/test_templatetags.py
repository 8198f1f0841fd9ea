"""Template helpers: money, rates, sizes, page windows and query-string links."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from odopmart.storefront.templatetags.storefront import (
    cm,
    inr,
    medium_of,
    num,
    page_window,
    percent_off,
    rate_percent,
    variant_name,
    weight,
)


def test_money_and_numbers() -> None:
    assert inr(12345650) == "₹1,23,456.50"
    assert inr(99900) == "₹999"
    assert inr(None) == ""
    assert num(1234567) == "12,34,567"
    assert percent_off(312500, 249900) == 20
    assert percent_off(1000, 1000) == 0
    assert rate_percent(500) == "5"
    assert rate_percent(1250) == "12.5"
    assert rate_percent(1800) == "18"


def test_sizes() -> None:
    assert cm(305) == "30.5"
    assert cm(300) == "30"
    assert weight(400) == "400 g"
    assert weight(1250) == "1.25 kg"
    assert weight(2000) == "2 kg"


def test_variant_name_does_not_repeat_itself() -> None:
    from types import SimpleNamespace as Variant

    assert variant_name(Variant(label="Size S", size="S", colour="Pink")) == "Size S · Pink"
    assert variant_name(Variant(label="Classic", size="S", colour="")) == "Classic · S"
    assert variant_name(Variant(label="Pink, large", size="L", colour="Pink")) == "Pink, large · L"
    assert variant_name(Variant(label="", size="", colour="Red")) == "Red"


def test_medium_rendition_next_to_thumbnail() -> None:
    assert medium_of("renditions/demo/a-320.webp") == "renditions/demo/a-800.webp"
    assert medium_of("other.webp") == "other.webp"
    assert medium_of("") == ""


@pytest.mark.parametrize(
    ("page", "pages", "expected"),
    [
        (1, 1, [1]),
        (1, 5, [1, 2, 3, 4, 5]),
        (1, 7, [1, 2, 3, None, 7]),
        (6, 20, [1, None, 4, 5, 6, 7, 8, None, 20]),
        (20, 20, [1, None, 18, 19, 20]),
        (2, 9, [1, 2, 3, 4, None, 9]),
    ],
)
def test_page_window(page: int, pages: int, expected: list[int | None]) -> None:
    assert page_window(page, pages) == expected


def test_query_with_replaces_and_drops_empty() -> None:
    request = RequestFactory().get("/products/", {"district": "agra", "page": "3", "q": ""})
    template = Template("{% load storefront %}{% query_with page=5 %}|{% query_with page=None %}")
    assert template.render(Context({"request": request})) == (
        "?district=agra&amp;page=5|?district=agra"
    )
