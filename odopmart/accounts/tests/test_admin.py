from __future__ import annotations

import datetime as dt
import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from odopmart.accounts.models import ApiToken, OtpChallenge, RateLimitHit
from odopmart.accounts.otp import otp_request
from odopmart.accounts.services import api_token_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("op", "op@example.com", "pw-for-tests-1"))
    return client


def test_sign_in_codes_show_no_hash(admin_client, sms_outbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        otp_request(phone="+919876543210", ip="203.0.113.7")
    challenge = OtpChallenge.objects.get()

    listing = admin_client.get("/admin/accounts/otpchallenge/")
    detail = admin_client.get(f"/admin/accounts/otpchallenge/{challenge.pk}/change/")

    assert listing.status_code == detail.status_code == 200
    assert "Delivered" in listing.content.decode()
    assert challenge.code_hash not in detail.content.decode()


def test_revoke_tokens_from_the_admin(admin_client):
    user = User.objects.create_user("buyer")
    token, _raw = api_token_create(user=user, name="phone")

    response = admin_client.post(
        "/admin/accounts/apitoken/",
        {"action": "revoke", "_selected_action": [token.pk]},
        follow=True,
    )

    assert "1 token revoked." in response.content.decode()
    assert ApiToken.objects.get().revoked_at is not None


def test_prune_command(time_machine, sms_outbox):
    time_machine.move_to(dt.datetime(2026, 3, 1, tzinfo=dt.UTC), tick=False)
    otp_request(phone="+919876543210", ip="203.0.113.7")
    time_machine.move_to(dt.datetime(2026, 3, 9, tzinfo=dt.UTC), tick=False)
    otp_request(phone="+919812345678", ip="203.0.113.7")
    out = io.StringIO()

    call_command("prune_sign_in_records", stdout=out)

    assert out.getvalue() == "Deleted 1 sign-in code(s) and 2 rate-limit count(s)\n"
    assert list(OtpChallenge.objects.values_list("phone", flat=True)) == ["+919812345678"]
    assert RateLimitHit.objects.count() == 2
