"""An artisan's phone becomes their own sign-in: `artisan_link_user` and the sign-in paths."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from odopmart.accounts.models import Profile
from odopmart.notifications.tests.fixtures import sms_outbox  # noqa: F401
from odopmart.sellers.models import Artisan
from odopmart.sellers.services import artisan_link_user

pytestmark = pytest.mark.django_db

PHONE = "+919876543210"


def _user_with_phone(phone: str = PHONE, *, verified: bool = True) -> Any:
    user = get_user_model().objects.create_user(username=f"u{phone}")
    Profile.objects.create(
        user=user, phone=phone, phone_verified_at=timezone.now() if verified else None
    )
    return user


def test_links_the_artisan_with_the_verified_phone(make_artisan):
    artisan = make_artisan(phone=PHONE)
    other = make_artisan(phone="+919876500000")
    user = _user_with_phone()

    assert artisan_link_user(user=user) == artisan

    artisan.refresh_from_db()
    other.refresh_from_db()
    assert artisan.user_id == user.pk
    assert other.user_id is None


def test_a_phone_stored_as_ten_digits_is_found(make_artisan):
    artisan = make_artisan(phone="9876543210")
    user = _user_with_phone()

    assert artisan_link_user(user=user) == artisan
    assert Artisan.objects.get(pk=artisan.pk).user_id == user.pk


def test_an_artisan_with_a_sign_in_keeps_it(make_artisan):
    owner = get_user_model().objects.create_user(username="owner")
    artisan = make_artisan(phone=PHONE, user=owner)
    user = _user_with_phone()

    assert artisan_link_user(user=user) is None
    assert Artisan.objects.get(pk=artisan.pk).user_id == owner.pk


def test_a_phone_shared_by_two_artisans_links_neither(make_artisan):
    first, second = make_artisan(phone=PHONE), make_artisan(phone=PHONE)
    user = _user_with_phone()

    assert artisan_link_user(user=user) is None
    assert list(
        Artisan.objects.filter(pk__in=[first.pk, second.pk]).values_list("user", flat=True)
    ) == [None, None]


def test_an_unverified_phone_links_nothing(make_artisan):
    artisan = make_artisan(phone=PHONE)
    user = _user_with_phone(verified=False)

    assert artisan_link_user(user=user) is None
    assert Artisan.objects.get(pk=artisan.pk).user_id is None


def test_a_linked_user_keeps_their_artisan(make_artisan):
    user = _user_with_phone()
    mine = make_artisan(phone="+919876500000", user=user)
    same_phone = make_artisan(phone=PHONE)

    assert artisan_link_user(user=user) == mine
    assert Artisan.objects.get(pk=same_phone.pk).user_id is None


def _code(outbox: list[Any]) -> str:
    match = re.search(r"\b(\d{6})\b", outbox[-1].body)
    assert match
    return match.group(1)


def test_signing_in_on_the_web_links_the_artisan(
    make_artisan,
    sms_outbox,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    artisan = make_artisan(phone=PHONE)
    web = Client()
    with django_capture_on_commit_callbacks(execute=True):
        web.post("/accounts/signin/", {"phone": "98765 43210"})

    response = web.post("/accounts/signin/code/", {"code": _code(sms_outbox)})

    assert response.status_code == 302
    user_id = int(web.session["_auth_user_id"])
    assert Artisan.objects.get(pk=artisan.pk).user_id == user_id


def test_signing_in_from_the_app_links_the_artisan(
    make_artisan,
    sms_outbox,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    artisan = make_artisan(phone=PHONE)
    app = Client()

    def post(path: str, body: dict[str, str]) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return app.post(path, json.dumps(body), content_type="application/json")

    post("/api/v1/auth/otp/request", {"phone": PHONE})
    response = post("/api/v1/auth/otp/verify", {"phone": PHONE, "code": _code(sms_outbox)})

    assert response.status_code == 200
    assert Artisan.objects.get(pk=artisan.pk).user_id == response.json()["user"]["id"]


def test_a_wrong_code_links_nothing(
    make_artisan,
    sms_outbox,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    artisan = make_artisan(phone=PHONE)
    web = Client()
    with django_capture_on_commit_callbacks(execute=True):
        web.post("/accounts/signin/", {"phone": PHONE})
    wrong = "000000" if _code(sms_outbox) != "000000" else "111111"

    response = web.post("/accounts/signin/code/", {"code": wrong})

    assert response.status_code == 200
    assert "_auth_user_id" not in web.session
    assert Artisan.objects.get(pk=artisan.pk).user_id is None
