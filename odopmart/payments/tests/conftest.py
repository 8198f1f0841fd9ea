"""Fixtures for payment tests: fixed secrets, an immediate task queue, orders awaiting payment,
and helpers that sign webhooks the way the gateways do."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from odopmart.catalog.models import Product
from odopmart.orders.cart import cart_add
from odopmart.orders.models import Cart, Order
from odopmart.orders.services import DeliveryAddress, place_order
from odopmart.orders.states import PaymentMethod
from odopmart.payments.signing import hmac_sha256_hex

SANDBOX_SECRET = "sandbox-test-secret"
RZP_KEY_ID = "rzp_test_1DP5mmOlF5G5ag"
RZP_KEY_SECRET = "thisisthekeysecret"
RZP_WEBHOOK_SECRET = "thisisthewebhooksecret"
LUCKNOW = DeliveryAddress(
    name="Asha Verma", line1="4 Aminabad Road", city="Lucknow", pincode="226001"
)
_events = itertools.count(1)


@pytest.fixture(autouse=True)
def payment_settings(settings: Any) -> dict[str, Any]:
    settings.PAYMENTS = {
        "PROVIDER": "sandbox",
        "SANDBOX_SECRET": SANDBOX_SECRET,
        "RAZORPAY_KEY_ID": RZP_KEY_ID,
        "RAZORPAY_KEY_SECRET": RZP_KEY_SECRET,
        "RAZORPAY_WEBHOOK_SECRET": RZP_WEBHOOK_SECRET,
        "SITE_URL": "http://shop.test",
        "COD_DENIED_PINCODES": [],
    }
    # Tasks run at once, in the test's process (after commit).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    return settings.PAYMENTS


@pytest.fixture
def buyer(db: None) -> Any:
    return get_user_model().objects.create_user(username="payer1", password="x-long-password")


@pytest.fixture
def other_buyer(db: None) -> Any:
    return get_user_model().objects.create_user(username="payer2", password="x-long-password")


@pytest.fixture
def place(make_product: Callable[..., Product]) -> Callable[..., Order]:
    """place(buyer=None, method="online", price_paise=..., stock=..., quantity=1) -> Order"""

    def make(
        buyer: Any = None,
        method: str = PaymentMethod.ONLINE,
        *,
        price_paise: int = 150000,
        stock: int = 5,
        quantity: int = 1,
        products: list[Product] | None = None,
        address: DeliveryAddress = LUCKNOW,
    ) -> Order:
        cart = Cart.objects.get_or_create(user=buyer)[0] if buyer else Cart.objects.create()
        for product in products or [make_product(price_paise=price_paise, stock=stock)]:
            cart_add(cart, product.variants.first().pk, quantity)
        return place_order(
            cart=cart,
            buyer=buyer,
            phone="+919876543210",
            email="asha@example.com",
            address=address,
            payment_method=method,
            language="en",
        )

    return make


def razorpay_event(
    event: str,
    *,
    gateway_order_id: str,
    payment_id: str = "pay_29QQoUBi66xm2f",
    amount: int,
    status: str | None = None,
    method: str = "upi",
    error: str | None = None,
) -> dict[str, Any]:
    """A webhook body in Razorpay's documented shape."""
    return {
        "entity": "event",
        "account_id": "acc_BFQ7uQEaa7j2z7",
        "event": event,
        "contains": ["payment"],
        "payload": {
            "payment": {
                "entity": {
                    "id": payment_id,
                    "entity": "payment",
                    "amount": amount,
                    "currency": "INR",
                    "status": status or event.split(".")[1],
                    "order_id": gateway_order_id,
                    "method": method,
                    "captured": event == "payment.captured",
                    "error_description": error,
                }
            }
        },
        "created_at": 1700000000,
    }


def signed(payload: dict[str, Any], secret: str, event_id: str | None = None):
    """(raw body, headers) as the gateway sends them."""
    body = json.dumps(payload).encode()
    return body, {
        "HTTP_X_RAZORPAY_SIGNATURE": hmac_sha256_hex(secret, body),
        "HTTP_X_RAZORPAY_EVENT_ID": event_id or f"evt_test_{next(_events)}",
    }


@pytest.fixture
def post_webhook(client: Any) -> Callable[..., Any]:
    """post_webhook(provider, payload, event_id=None, secret=None) -> response"""

    def post(
        provider: str,
        payload: dict[str, Any],
        event_id: str | None = None,
        secret: str | None = None,
    ) -> Any:
        secret = secret or (SANDBOX_SECRET if provider == "sandbox" else RZP_WEBHOOK_SECRET)
        body, headers = signed(payload, secret, event_id)
        return client.post(
            f"/webhooks/payments/{provider}/", body, content_type="application/json", **headers
        )

    return post
