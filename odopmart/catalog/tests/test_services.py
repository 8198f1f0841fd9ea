from __future__ import annotations

import pytest

from odopmart.catalog.models import Product, Variant
from odopmart.catalog.services import (
    catalogue_refresh_counts,
    product_refresh_summary,
    products_refresh_summaries,
)
from odopmart.regions.models import District

pytestmark = pytest.mark.django_db


def test_summary_takes_cheapest_active_variant_and_stock(make_product):
    product = make_product(price_paise=150000, variants=3, stock=0)
    cheapest = product.variants.order_by("price_paise").first()
    assert product.price_paise == 150000
    assert not product.in_stock
    Variant.objects.filter(pk=cheapest.pk).update(is_active=False)
    Variant.objects.filter(product=product, position=2).update(stock=4)
    product_refresh_summary(product)
    product.refresh_from_db()
    # Option 2 (₹1,600) is out of stock, so the card shows option 3, the cheapest orderable.
    assert product.price_paise == 170000
    assert product.in_stock is True


def test_card_price_prefers_a_variant_in_stock(make_product):
    product = make_product(price_paise=100000, variants=2, stock=0)
    Variant.objects.filter(product=product, position=1).update(stock=2)  # the dearer one
    product_refresh_summary(product)
    product.refresh_from_db()
    assert (product.price_paise, product.in_stock) == (110000, True)
    Product.objects.filter(pk=product.pk).update(price_paise=1)
    products_refresh_summaries([product.pk])
    product.refresh_from_db()
    assert product.price_paise == 110000


def test_bulk_summaries_match_single(make_product):
    first = make_product(price_paise=99900, stock=0)
    second = make_product(price_paise=45000, variants=2, stock=3)
    Product.objects.filter(pk__in=[first.pk, second.pk]).update(price_paise=1, in_stock=False)
    products_refresh_summaries([first.pk, second.pk])
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.price_paise, first.in_stock) == (99900, False)
    assert (second.price_paise, second.mrp_paise, second.in_stock) == (45000, 45000, True)


def test_counts_only_count_visible_products(make_product):
    make_product(district_slug="varanasi")
    make_product(district_slug="varanasi", status="draft")
    catalogue_refresh_counts()
    assert District.objects.get(slug="varanasi").product_count == 1
    assert District.objects.get(slug="agra").product_count == 0
