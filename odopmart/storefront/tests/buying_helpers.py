"""Helpers for the buyer's page tests: carts filled through the pages, a checkout made ready."""

from __future__ import annotations

from typing import Any

from django.test import Client

from odopmart.catalog.models import Product, Variant
from odopmart.storefront.buying_views import SESSION_CHECKOUT

GUEST_PHONE = "+919812345678"
LUCKNOW = "226001"  # Uttar Pradesh, like the test vendors (GST state 09): CGST + SGST
NEW_DELHI = "110001"  # Delhi (07): IGST

ADDRESS = {"name": "Asha Verma", "line1": "14 Civil Lines", "line2": "", "city": "Lucknow"}


def variant_of(product: Product) -> Variant:
    return product.variants.order_by("position", "pk").first()


def add(client: Client, product: Product, quantity: int | str = 1, **extra: Any) -> Any:
    data = {"variant": variant_of(product).pk, "quantity": quantity, **extra}
    return client.post("/cart/add/", data)


def verified(client: Client, phone: str = GUEST_PHONE, **state: Any) -> None:
    """A guest who has proved their phone with a code (the OTP pages are tested on their own)."""
    session = client.session
    session[SESSION_CHECKOUT] = {"phone": phone, **state}
    session.save()


def with_address(client: Client, pincode: str = LUCKNOW) -> Any:
    return client.post("/checkout/address/", {**ADDRESS, "pincode": pincode})


def review_form(client: Client, method: str = "cod") -> dict[str, Any]:
    """The review page's form as the browser would send it."""
    page = client.get("/checkout/review/")
    assert page.status_code == 200, page
    form = page.context["form"]
    return {
        "payment_method": method,
        "idempotency_key": str(form.initial["idempotency_key"]),
        "shown_total_paise": form.initial["shown_total_paise"],
    }
