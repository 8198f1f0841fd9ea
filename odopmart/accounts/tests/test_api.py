from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from odopmart.accounts.models import ApiToken, OtpChallenge, Profile
from odopmart.api.tests.openapi_check import schema_errors

pytestmark = pytest.mark.django_db

PHONE = "+919876543210"
T0 = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def openapi_document() -> dict[str, Any]:
    from odopmart.api.urls import api

    return json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/v1/")))


@pytest.fixture
def matches_schema(openapi_document):
    def check(response: Any, path: str) -> None:
        operation = openapi_document["paths"][path]["post"]
        content = operation["responses"][str(response.status_code)]["content"]
        schema = content["application/json"]["schema"]
        assert schema_errors(response.json(), schema, openapi_document) == []

    return check


@pytest.fixture
def api(sms_outbox, django_capture_on_commit_callbacks):
    client = Client()

    def post(path: str, body: dict[str, Any], **headers: str):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                f"/api/v1{path}", json.dumps(body), content_type="application/json", **headers
            )

    return post


def signed_in(api, last_code) -> dict[str, Any]:
    api("/auth/otp/request", {"phone": "98765 43210"})
    return api("/auth/otp/verify", {"phone": PHONE, "code": last_code()}).json()


def test_request_then_verify_gives_a_token(api, sms_outbox, last_code, matches_schema):
    response = api("/auth/otp/request", {"phone": "98765 43210"})

    assert response.status_code == 202
    assert response.json() == {
        "phone": PHONE,
        "expires_in": 600,
        "detail": "We sent a 6-digit code by SMS.",
    }
    matches_schema(response, "/api/v1/auth/otp/request")
    assert [sms.recipient for sms in sms_outbox] == [PHONE]

    response = api(
        "/auth/otp/verify", {"phone": PHONE, "code": last_code(), "device_name": "Redmi 9A"}
    )

    assert response.status_code == 200
    matches_schema(response, "/api/v1/auth/otp/verify")
    body = response.json()
    user = User.objects.get(profile__phone=PHONE)
    assert body["user"] == {"id": user.pk, "phone": PHONE, "preferred_language": "en"}
    assert body["token_type"] == "Bearer"
    assert body["token"].startswith("odm_")
    token = ApiToken.objects.get()
    assert (token.user, token.name, token.prefix) == (user, "Redmi 9A", body["token"][:12])
    assert body["token"] not in token.token_hash  # only its hash is stored


def test_hindi_request_sends_a_hindi_sms(api, sms_outbox):
    response = api("/auth/otp/request?lang=hi", {"phone": PHONE})

    assert response.status_code == 202
    assert response["Content-Language"] == "hi"
    assert sms_outbox[0].language == "hi"


def test_token_authenticates_and_signout_revokes_it(api, last_code, time_machine):
    time_machine.move_to(T0, tick=False)
    body = signed_in(api, last_code)
    client = Client()
    auth = {"HTTP_AUTHORIZATION": f"Bearer {body['token']}"}

    me = client.get("/api/v1/auth/me", **auth)

    assert me.status_code == 200
    assert me.json() == body["user"]
    assert ApiToken.objects.get().last_used_at == T0

    out = client.post("/api/v1/auth/signout", **auth)

    assert out.status_code == 204
    assert ApiToken.objects.get().revoked_at == T0
    after = client.get("/api/v1/auth/me", **auth)
    assert after.status_code == 401
    assert after.json() == {"code": "http_401", "detail": "Unauthorized"}


@pytest.mark.parametrize(
    "header",
    ["", "Bearer", "Bearer odm_not-a-token", "Token abc", "Bearer " + "x" * 500],
)
def test_missing_or_unknown_token_is_401(header):
    headers = {"HTTP_AUTHORIZATION": header} if header else {}

    response = Client().get("/api/v1/auth/me", **headers)

    assert response.status_code == 401
    assert response.json()["code"] == "http_401"


def test_token_of_a_disabled_user_stops_working(api, last_code):
    body = signed_in(api, last_code)
    User.objects.filter(pk=body["user"]["id"]).update(is_active=False)

    response = Client().get("/api/v1/auth/me", HTTP_AUTHORIZATION=f"Bearer {body['token']}")

    assert response.status_code == 401


def test_last_used_is_written_at_most_once_a_minute(api, last_code, time_machine):
    time_machine.move_to(T0, tick=False)
    body = signed_in(api, last_code)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {body['token']}"}
    Client().get("/api/v1/auth/me", **auth)
    time_machine.move_to(T0 + dt.timedelta(seconds=59), tick=False)
    Client().get("/api/v1/auth/me", **auth)
    assert ApiToken.objects.get().last_used_at == T0
    time_machine.move_to(T0 + dt.timedelta(seconds=60), tick=False)
    Client().get("/api/v1/auth/me", **auth)
    assert ApiToken.objects.get().last_used_at == T0 + dt.timedelta(seconds=60)


def test_bad_phone_names_the_field(api, sms_outbox, matches_schema):
    response = api("/auth/otp/request", {"phone": "+1 415 555 0100"})

    assert response.status_code == 422
    assert response.json() == {
        "code": "validation_error",
        "detail": [
            {
                "loc": ["body", "payload", "phone"],
                "msg": "Only Indian mobile numbers (+91) can be used.",
                "type": "phone_not_indian",
            }
        ],
    }
    matches_schema(response, "/api/v1/auth/otp/request")
    assert OtpChallenge.objects.count() == 0
    assert sms_outbox == []


def test_missing_phone_is_a_validation_error(api, sms_outbox):
    response = api("/auth/otp/request", {})

    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "payload", "phone"]
    assert error["type"] == "missing"
    assert sms_outbox == []


def test_wrong_code_names_the_field_and_issues_no_token(api, last_code, matches_schema):
    api("/auth/otp/request", {"phone": PHONE})
    wrong = f"{(int(last_code()) + 1) % 1_000_000:06d}"

    response = api("/auth/otp/verify?lang=hi", {"phone": PHONE, "code": wrong})

    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert (error["loc"], error["type"]) == (["body", "payload", "code"], "code_wrong")
    assert error["msg"] == "यह कोड सही नहीं है। आपके पास 4 कोशिशें और बची हैं।"
    matches_schema(response, "/api/v1/auth/otp/verify")
    assert ApiToken.objects.count() == 0
    assert User.objects.count() == 0


def test_rate_limit_is_429_with_retry_after(api, sms_outbox, matches_schema):
    api("/auth/otp/request", {"phone": PHONE})

    response = api("/auth/otp/request", {"phone": PHONE})

    assert response.status_code == 429
    assert response["Retry-After"] == "30"
    assert response.json() == {
        "code": "too_many_codes",
        "detail": "We have sent several codes to this number. You can ask again in 30 seconds.",
    }
    matches_schema(response, "/api/v1/auth/otp/request")
    assert len(sms_outbox) == 1
    assert OtpChallenge.objects.count() == 1


def test_disabled_account_is_403(api, last_code):
    user = User.objects.create_user("blocked", is_active=False)
    Profile.objects.create(user=user, phone=PHONE)
    api("/auth/otp/request", {"phone": PHONE})

    response = api("/auth/otp/verify", {"phone": PHONE, "code": last_code()})

    assert response.status_code == 403
    assert response.json()["code"] == "account_disabled"
    assert ApiToken.objects.count() == 0


def test_openapi_documents_the_auth_endpoints(openapi_document):
    paths = openapi_document["paths"]

    assert paths["/api/v1/auth/otp/request"]["post"]["operationId"] == "otp_request"
    assert set(paths["/api/v1/auth/otp/request"]["post"]["responses"]) == {"202", "422", "429"}
    assert set(paths["/api/v1/auth/otp/verify"]["post"]["responses"]) == {
        "200", "403", "422", "429",
    }  # fmt: skip
    assert paths["/api/v1/auth/signout"]["post"]["security"] == [{"TokenAuth": []}]
    assert openapi_document["components"]["securitySchemes"]["TokenAuth"] == {
        "type": "http",
        "scheme": "bearer",
    }
