"""The artisan's API: their open requests and their answer; another artisan's id is a 404."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import Resolver404, resolve

from odopmart.accounts.services import api_token_create
from odopmart.fulfilment.models import ReadinessRequest
from odopmart.fulfilment.states import ReadinessStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _artisan_api_mounted(settings: Any) -> None:
    try:
        mounted = resolve("/api/v1/artisan/readiness").url_name == "artisan_readiness_list"
    except Resolver404:
        mounted = False
    if not mounted:
        settings.ROOT_URLCONF = "odopmart.fulfilment.tests.api_urls"


class Phone:
    def __init__(self, user: Any) -> None:
        self.client = Client()
        _token, raw = api_token_create(user=user, name="artisan phone")
        self.headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    def list(self, **params: Any) -> Any:
        return self.client.get("/api/v1/artisan/readiness", params, **self.headers)

    def answer(self, readiness_id: int, body: Any) -> Any:
        return self.client.post(
            f"/api/v1/artisan/readiness/{readiness_id}/answer",
            json.dumps(body),
            content_type="application/json",
            **self.headers,
        )


@pytest.fixture
def phones(place_paid, shop, make_user):
    order = place_paid([(shop.kurta, 2), (shop.cushion, 1)])
    users = {}
    for name in ("rukhsana", "imran"):
        artisan = getattr(shop, name)
        artisan.user = make_user(f"{name}-app")
        artisan.save(update_fields=["user"])
        users[name] = Phone(artisan.user)
    return order, users


def test_artisan_lists_only_their_own_requests(phones, shop):
    order, users = phones

    response = users["rukhsana"].list(lang="hi")

    assert response.status_code == 200
    body = response.json()
    assert len(body) == 1
    assert body[0]["order_number"] == order.number
    assert body[0]["status"] == "asked"
    assert body[0]["can_answer"] is True
    assert body[0]["items"][0]["name"] == "चिकन कुर्ता"
    assert body[0]["items"][0]["quantity"] == 2
    assert users["imran"].list().json()[0]["items"][0]["name"] == "Cushion cover"


def test_artisan_answers_through_the_api(phones, shop):
    _order, users = phones
    mine = ReadinessRequest.objects.get(artisan=shop.rukhsana)
    new_date = mine.ready_by + timedelta(days=2)

    response = users["rukhsana"].answer(mine.pk, {"answer": 2, "new_date": new_date.isoformat()})

    assert response.status_code == 200
    assert response.json()["status"] == ReadinessStatus.NEEDS_MORE_DAYS
    assert response.json()["ready_by"] == new_date.isoformat()
    mine.refresh_from_db()
    assert mine.answer_channel == "api"

    too_early = users["rukhsana"].answer(mine.pk, {"answer": 2, "new_date": "2020-01-01"})
    assert too_early.status_code == 422
    assert too_early.json()["detail"][0]["loc"] == ["body", "payload", "new_date"]
    users["rukhsana"].answer(mine.pk, {"answer": 1})
    conflict = users["rukhsana"].answer(mine.pk, {"answer": 3})
    assert conflict.status_code == 409
    assert conflict.json()["code"] == "already_ready"


def test_another_artisans_request_is_404_and_unchanged(phones, shop, make_user):
    _order, users = phones
    theirs = ReadinessRequest.objects.get(artisan=shop.imran)

    assert users["rukhsana"].answer(theirs.pk, {"answer": 3}).status_code == 404
    assert users["rukhsana"].answer(99999999, {"answer": 3}).status_code == 404
    assert Phone(make_user("not-an-artisan")).list().status_code == 404
    assert Client().get("/api/v1/artisan/readiness").status_code == 401
    bad = users["imran"].answer(theirs.pk, {"answer": 5})
    assert bad.status_code == 422
    theirs.refresh_from_db()
    assert theirs.status == ReadinessStatus.ASKED
