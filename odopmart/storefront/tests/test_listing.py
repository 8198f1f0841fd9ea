"""Listings: filters, sorting, pagination, bad parameters, and a query count that stays flat."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from odopmart.catalog.models import Product, ProductStatus

pytestmark = pytest.mark.django_db


def ids(response) -> list[int]:  # noqa: ANN001 - a test client response
    return [p.pk for p in response.context["results"].items]


@pytest.fixture
def three(make_product: Callable[..., Product]) -> list[Product]:
    return [
        make_product(district_slug="agra", category_slug="leather-footwear", price_paise=50000),
        make_product(district_slug="agra", category_slug="leather-footwear", price_paise=150000),
        make_product(
            district_slug="lucknow", category_slug="clothing", price_paise=100000, stock=0
        ),
    ]


def test_products_newest_first_by_default(client: Client, three: list[Product]) -> None:
    assert ids(client.get("/products/")) == sorted((p.pk for p in three), reverse=True)


@pytest.mark.parametrize(
    ("sort", "expected"),
    [("price_asc", [0, 2, 1]), ("price_desc", [1, 2, 0]), ("newest", [2, 1, 0])],
)
def test_sorting(client: Client, three: list[Product], sort: str, expected: list[int]) -> None:
    assert ids(client.get("/products/", {"sort": sort})) == [three[i].pk for i in expected]


def test_district_filter(client: Client, three: list[Product]) -> None:
    assert set(ids(client.get("/products/", {"district": "agra"}))) == {three[0].pk, three[1].pk}


def test_category_filter(client: Client, three: list[Product]) -> None:
    assert ids(client.get("/products/", {"category": "clothing"})) == [three[2].pk]


def test_price_range_in_rupees(client: Client, three: list[Product]) -> None:
    response = client.get("/products/", {"min_price": "600", "max_price": "1,200"})
    assert ids(response) == [three[2].pk]
    assert ids(client.get("/products/", {"max_price": "500"})) == [three[0].pk]


def test_in_stock_filter(client: Client, three: list[Product]) -> None:
    assert three[2].pk not in ids(client.get("/products/", {"in_stock": "on"}))


def test_hidden_products_never_listed(
    client: Client, three: list[Product], make_product: Callable[..., Product]
) -> None:
    draft = make_product(status=ProductStatus.DRAFT)
    assert draft.pk not in ids(client.get("/products/"))


def test_district_page_filters_within_the_district(client: Client, three: list[Product]) -> None:
    response = client.get("/districts/agra/", {"sort": "price_desc"})
    assert ids(response) == [three[1].pk, three[0].pk]
    # The district is fixed by the page: a district parameter can't widen it.
    widened = client.get("/districts/agra/", {"district": "lucknow"})
    assert ids(widened) == [three[1].pk, three[0].pk]


def test_search_finds_by_name(
    client: Client,
    make_product: Callable[..., Product],
    django_capture_on_commit_callbacks,  # noqa: ANN001
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # the search index updates on commit
        kurta = make_product(name_en="Chikankari kurta", name_hi="चिकनकारी कुर्ता")
        make_product(name_en="Brass diya", name_hi="पीतल का दीया")
    response = client.get("/search/", {"q": "kurta"})
    assert ids(response) == [kurta.pk]
    assert "Results for “kurta”" in response.content.decode()
    assert response.context["form"].fields["sort"].choices[0][0] == "relevance"


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "-3"},
        {"page": "99999999999999999999999"},
        {"min_price": "-5"},
        {"min_price": "x"},
        {"max_price": "1e9"},
        {"max_price": "99999999999999999999"},
        {"min_price": "500", "max_price": "100"},
        {"sort": "bogus"},
        {"sort": "relevance"},
        {"district": "atlantis"},
        {"category": "<script>"},
        {"in_stock": "maybe"},
        {"q": "a" * 500},
        {"q": "nul\x00byte"},
        {"q": "%%%' OR 1=1 --"},
    ],
)
def test_malformed_parameters_never_fail(
    client: Client, three: list[Product], params: dict[str, str]
) -> None:
    for url in ("/products/", "/search/", "/districts/agra/", "/crafts/clothing/"):
        response = client.get(url, params)
        assert response.status_code in (200, 400), (url, params)


def test_bad_price_is_a_form_error_and_other_filters_still_apply(
    client: Client, three: list[Product]
) -> None:
    response = client.get("/products/", {"min_price": "x", "district": "agra"})
    assert response.status_code == 200
    assert "min_price" in response.context["form"].errors
    assert "Enter an amount in rupees" in response.content.decode()
    assert set(ids(response)) == {three[0].pk, three[1].pk}


def test_unknown_district_is_reported_and_ignored(client: Client, three: list[Product]) -> None:
    response = client.get("/products/", {"district": "atlantis"})
    assert "district" in response.context["form"].errors
    assert len(ids(response)) == 3


def test_unknown_sort_falls_back_to_newest(client: Client, three: list[Product]) -> None:
    assert ids(client.get("/products/", {"sort": "bogus"})) == ids(client.get("/products/"))


def test_pagination_keeps_filters(
    client: Client,
    settings,
    make_product: Callable[..., Product],  # noqa: ANN001
) -> None:
    settings.ODOPMART = {**settings.ODOPMART, "STOREFRONT_PAGE_SIZE": 2}
    made = [make_product(district_slug="varanasi", category_slug="sarees-silk") for _ in range(5)]
    first = client.get("/products/", {"district": "varanasi", "sort": "newest"})
    assert ids(first) == [made[4].pk, made[3].pk]
    html = first.content.decode()
    assert 'href="?district=varanasi&amp;sort=newest&amp;page=2"' in html
    assert 'href="?district=varanasi&amp;sort=newest&amp;page=3"' in html
    third = client.get("/products/", {"district": "varanasi", "sort": "newest", "page": "3"})
    assert ids(third) == [made[0].pk]
    assert third.context["results"].pages == 3
    beyond = client.get("/products/", {"district": "varanasi", "page": "40"})
    assert beyond.status_code == 200
    assert "There is nothing on this page" in beyond.content.decode()


def _queries(client: Client, url: str) -> int:
    client.get(url)  # warm reference caches (categories, districts), as in production
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/products/",
        "/products/?sort=price_asc&in_stock=on",
        "/search/?q=product",
        "/districts/lucknow/",
        "/crafts/clothing/",
        "/hi/districts/lucknow/",
    ],
)
def test_list_queries_do_not_grow_with_products(
    client: Client,
    make_product: Callable[..., Product],
    django_assert_max_num_queries,  # noqa: ANN001
    django_capture_on_commit_callbacks,  # noqa: ANN001
    url: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The search engine's own queries are its business (tested in odopmart.search); here it
    # is one query, so the count measures what the page itself does.
    monkeypatch.setattr(
        "odopmart.search.services.search_ranked_ids",
        lambda query, *, limit: list(
            Product.objects.visible().order_by("-pk").values_list("pk", flat=True)[:limit]
        ),
    )
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            make_product(name_en="Test product")
    few = _queries(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(17):
            make_product(name_en="Test product")
    many = _queries(client, url)
    assert many == few
    with django_assert_max_num_queries(6):
        client.get(url)


def test_odop_product_page_queries_bounded(
    client: Client,
    make_product: Callable[..., Product],
    django_assert_max_num_queries,  # noqa: ANN001
) -> None:
    products = [make_product() for _ in range(10)]
    url = f"/odop/{products[0].odop_product.slug}/"
    client.get(url)
    with django_assert_max_num_queries(5):
        assert client.get(url).status_code == 200
