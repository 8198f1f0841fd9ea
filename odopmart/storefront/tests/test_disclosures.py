"""Consumer Protection (E-Commerce) Rules 2020 disclosures on the product page: seller's name,
address and GSTIN (or enrolment), origin, return policy, delivery estimate, price breakup."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from odopmart.catalog.models import Product
from odopmart.sellers.models import SupplierRegistration

pytestmark = pytest.mark.django_db


def test_disclosures_in_english(client: Client, make_product: Callable[..., Product]) -> None:
    product = make_product(price_paise=105000, hsn_code="9903", gst_rate_bp=500)
    vendor = product.vendor
    vendor.legal_name = "Lucknow Chikan Udyog Sahkari Samiti Ltd"
    vendor.save()
    html = client.get(product.get_absolute_url()).content.decode()
    assert "Lucknow Chikan Udyog Sahkari Samiti Ltd" in html
    assert "12 Hazratganj, Lucknow, 226001, Uttar Pradesh" in html
    assert f"<dt>GSTIN</dt><dd>{vendor.gstin}</dd>" in html
    assert "<dt>Country of origin</dt><dd>India</dd>" in html
    assert "<dt>District of origin</dt><dd>Lucknow, Uttar Pradesh</dd>" in html
    # ₹1,050 at 5 %: ₹1,000 + ₹50 GST.
    assert "GST at 5%</th><td>₹50</td>" in html
    assert "Price before GST</th><td>₹1,000</td>" in html
    assert "Price incl. GST</th><td>₹1,050</td>" in html
    days = product.category.return_window_days
    assert f"Return within {days} days of delivery" in html
    assert "Refunds go back to the way you paid" in html
    assert "Delivery to PIN code" in html
    assert "Usually delivered in an estimated" in html
    assert 'href="/grievance/"' in html


def test_disclosures_in_hindi(client: Client, make_product: Callable[..., Product]) -> None:
    product = make_product()
    html = client.get("/hi" + product.get_absolute_url()).content.decode()
    assert "मूल देश" in html
    assert "भारत" in html
    assert "विक्रेता का पता" in html
    assert product.vendor.gstin in html
    assert "पिन कोड" in html
    assert "रिफ़ंड" in html
    assert 'href="/hi/grievance/"' in html


def test_unregistered_supplier(client: Client, make_vendor: Any, make_artisan: Any,
                               make_product: Callable[..., Product]) -> None:  # fmt: skip
    vendor = make_vendor(gstin="", registration=SupplierRegistration.ENROLLED_UNREGISTERED,
                         enrolment_number="091000012345ENR")  # fmt: skip
    product = make_product(artisan=make_artisan(vendor=vendor), price_paise=80000)
    html = client.get(product.get_absolute_url()).content.decode()
    assert "Unregistered supplier, enrolment number 091000012345ENR" in html
    assert "GSTIN</dt>" not in html
    assert "none (unregistered supplier)" in html
    assert "Price incl. GST</th><td>₹800</td>" in html
    hindi = client.get("/hi" + product.get_absolute_url()).content.decode()
    assert "अपंजीकृत आपूर्तिकर्ता, नामांकन संख्या 091000012345ENR" in hindi
    # Delivery outside its state is refused; inside it is estimated.
    url = f"/p/{product.pk}/delivery/?pincode=110001&fragment=1"
    assert "can deliver only within" in client.get(url).content.decode()
    inside = client.get(f"/p/{product.pk}/delivery/?pincode=221001&fragment=1").content.decode()
    assert "Estimated delivery in" in inside


def test_delivery_estimate_for_a_pincode(client: Client, make_product: Callable[..., Product],
                                         settings: Any) -> None:  # fmt: skip
    settings.DELIVERY_ESTIMATE_DAYS = {"dispatch": [2, 3], "local": [1, 1], "state": [2, 3],
                                       "national": [5, 7]}  # fmt: skip
    product = make_product(price_paise=50000)
    local = client.get(f"/p/{product.pk}/delivery/?pincode=226010&fragment=1")
    assert "no-cache" in local["Cache-Control"] or "max-age=0" in local["Cache-Control"]
    text = local.content.decode()
    assert "Estimated delivery in 3–4 days" in text
    assert "Delivery: ₹" in text
    far = client.get(f"/p/{product.pk}/delivery/?pincode=110001&fragment=1").content.decode()
    assert "Estimated delivery in 7–10 days" in far
    bad = client.get(f"/p/{product.pk}/delivery/?pincode=12&fragment=1").content.decode()
    assert "Enter a valid 6-digit PIN code." in bad
    page = client.get(f"/hi/p/{product.pk}/delivery/?pincode=226010")
    assert page.status_code == 200
    assert "अनुमानित" in page.content.decode()


def test_product_page_stays_cached_and_query_count(
    client: Client, make_product: Callable[..., Product], settings: Any,
    django_assert_max_num_queries: Any,
) -> None:  # fmt: skip
    product = make_product(variants=3)
    settings.CACHE_PAGE_SECONDS = 0  # count the page's own queries
    with django_assert_max_num_queries(5):  # product, variants, images, GST rate, generation
        assert client.get(product.get_absolute_url()).status_code == 200
    settings.CACHE_PAGE_SECONDS = 60
    client.get(product.get_absolute_url())
    again = client.get(product.get_absolute_url())
    assert again["X-Page-Cache"] == "hit"
