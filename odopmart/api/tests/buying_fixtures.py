"""Clients and goods for the buying endpoints' tests: a guest, buyers with tokens, products."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from odopmart.accounts.models import Profile
from odopmart.accounts.services import api_token_create
from odopmart.accounts.tests.conftest import last_code  # noqa: F401
from odopmart.notifications.tests.fixtures import sms_outbox  # noqa: F401


class AppClient:
    """The app: JSON in and out, an optional bearer token and extra headers."""

    def __init__(self, user: Any = None) -> None:
        self.user = user
        self.client = Client()
        self.headers: dict[str, str] = {}
        if user is not None:
            _token, raw = api_token_create(user=user, name="test phone")
            self.headers["HTTP_AUTHORIZATION"] = f"Bearer {raw}"

    def _extra(self, headers: dict[str, str] | None) -> dict[str, str]:
        extra = dict(self.headers)
        for name, value in (headers or {}).items():
            extra["HTTP_" + name.upper().replace("-", "_")] = value
        return extra

    def get(self, path: str, params: dict[str, Any] | None = None, **headers: str) -> Any:
        return self.client.get(f"/api/v1{path}", params or {}, **self._extra(headers))

    def send(self, method: str, path: str, body: Any = None, **headers: str) -> Any:
        call = getattr(self.client, method.lower())
        data = json.dumps(body) if body is not None else ""
        return call(f"/api/v1{path}", data, content_type="application/json", **self._extra(headers))

    def post(self, path: str, body: Any = None, **headers: str) -> Any:
        return self.send("post", path, body if body is not None else {}, **headers)


@pytest.fixture
def make_buyer(db: None) -> Callable[..., Any]:
    counter = iter(range(1, 10_000))

    def make(phone: str | None = None) -> Any:
        n = next(counter)
        user = get_user_model().objects.create_user(username=f"buyer-{n}-{id(counter)}")
        Profile.objects.update_or_create(
            user=user,
            defaults={"phone": phone or f"+9198765{n:05d}", "phone_verified_at": timezone.now()},
        )
        return user

    return make


@pytest.fixture
def guest() -> AppClient:
    return AppClient()


@pytest.fixture
def buyer_app(make_buyer: Callable[..., Any]) -> AppClient:
    return AppClient(make_buyer())


ADDRESS = {"name": "Asha Verma", "line1": "14 Gomti Nagar", "city": "Lucknow", "pincode": "226010"}


def place(app: AppClient, variants: list[Any], *, payment_method: str = "cod") -> dict[str, Any]:
    """Fill the app's cart with one of each variant and place the order (a signed-in buyer)."""
    for variant in variants:
        response = app.post("/cart/items", {"variant_id": variant.pk, "quantity": 1})
        assert response.status_code == 200, response.json()
    placed = app.post("/checkout", {"address": ADDRESS, "payment_method": payment_method})
    assert placed.status_code == 201, placed.json()
    return placed.json()
