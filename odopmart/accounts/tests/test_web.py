from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.test import Client

from odopmart.accounts.models import OtpChallenge, Profile, StaffRoleGrant

pytestmark = pytest.mark.django_db

PHONE = "+919876543210"
T0 = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def web(sms_outbox) -> Client:
    # Pages commit as a real request does, so the SMS goes out at once (locmem).
    return Client()


def post_phone(client: Client, phone: str = "98765 43210", prefix: str = "", **extra):
    return client.post(f"{prefix}/accounts/signin/", {"phone": phone, **extra})


def signed_in_user(client: Client) -> User | None:
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id) if user_id else None


def test_sign_in_in_two_steps(web, sms_outbox, last_code, django_capture_on_commit_callbacks):
    page = web.get("/accounts/signin/")
    assert page.status_code == 200
    assert "no-cache" in page["Cache-Control"]

    with django_capture_on_commit_callbacks(execute=True):
        response = post_phone(web)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/signin/code/"
    assert [sms.recipient for sms in sms_outbox] == [PHONE]

    code_page = web.get("/accounts/signin/code/")
    assert (
        'We sent a 6-digit code by SMS to <strong style="white-space:nowrap">+91 98765 43210'
        "</strong>. It works for 10 minutes."
    ) in code_page.content.decode()
    response = web.post("/accounts/signin/code/", {"action": "verify", "code": last_code()})

    assert response.status_code == 302
    assert response["Location"] == "/"
    user = signed_in_user(web)
    assert user.profile.phone == PHONE
    assert user.profile.preferred_language == "en"
    assert "accounts_signin_phone" not in web.session


def test_sign_in_in_hindi(web, sms_outbox, last_code, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_phone(web, prefix="/hi")
    assert response["Location"] == "/hi/accounts/signin/code/"
    assert sms_outbox[0].language == "hi"

    response = web.post("/hi/accounts/signin/code/", {"code": last_code()})

    assert response["Location"] == "/hi/"
    assert signed_in_user(web).profile.preferred_language == "hi"


@pytest.mark.parametrize(
    ("next_url", "landing"),
    [
        ("/products/?q=chikan", "/products/?q=chikan"),
        ("/hi/accounts/profile/", "/hi/accounts/profile/"),
        ("https://evil.example/steal", "/"),
        ("//evil.example/steal", "/"),
        ("/\\evil.example", "/"),
        ("javascript:alert(1)", "/"),
        ("http://testserver/products/", "/"),
    ],
)
def test_next_only_for_local_paths(
    web, last_code, next_url, landing, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = web.post(
            f"/accounts/signin/?next={next_url}", {"phone": PHONE, "next": next_url}
        )
    code_url = response["Location"]
    response = web.post(
        code_url, {"code": last_code(), "next": next_url if landing != "/" else next_url}
    )

    assert response["Location"] == landing
    assert signed_in_user(web) is not None


def test_bad_phone_shows_the_error_on_the_field(web, sms_outbox):
    response = post_phone(web, phone="12345")

    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="id_phone_error"' in page
    assert "Enter a 10-digit mobile number, like 98765 43210." in page
    assert 'aria-invalid="true"' in page
    assert OtpChallenge.objects.count() == 0
    assert sms_outbox == []


def test_bad_phone_in_hindi_keeps_the_page_hindi(web, sms_outbox):
    response = post_phone(web, phone="+1 415 555 0100", prefix="/hi")

    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="hi">' in page
    assert "सिर्फ़ भारतीय मोबाइल नंबर (+91) ही चलेंगे।" in page
    assert sms_outbox == []


def test_wrong_code_shows_tries_left(web, last_code, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post_phone(web)
    wrong = f"{(int(last_code()) + 1) % 1_000_000:06d}"

    response = web.post("/accounts/signin/code/", {"code": wrong})

    assert response.status_code == 200
    assert "That code is not right. You have 4 more tries." in response.content.decode()
    assert signed_in_user(web) is None


def test_rate_limit_on_the_phone_page_sends_nothing(
    web, sms_outbox, time_machine, django_capture_on_commit_callbacks
):
    time_machine.move_to(T0, tick=False)
    for n in range(3):
        time_machine.move_to(T0 + dt.timedelta(seconds=30 * n), tick=False)
        with django_capture_on_commit_callbacks(execute=True):
            post_phone(web)
    time_machine.move_to(T0 + dt.timedelta(minutes=11), tick=False)  # every code has expired

    with django_capture_on_commit_callbacks(execute=True):
        response = post_phone(web)

    assert response.status_code == 200
    assert "You can ask again in 4 minutes." in response.content.decode()
    assert len(sms_outbox) == 3
    assert OtpChallenge.objects.count() == 3


def test_second_tap_goes_to_the_code_already_sent(
    web, sms_outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_phone(web)
        response = post_phone(web)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/signin/code/"
    assert len(sms_outbox) == 1


def test_resend_a_code(web, sms_outbox, time_machine, django_capture_on_commit_callbacks):
    time_machine.move_to(T0, tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        post_phone(web)
    too_soon = web.post("/accounts/signin/code/", {"action": "resend"})
    assert "You can ask again in 30 seconds." in too_soon.content.decode()
    assert len(sms_outbox) == 1

    time_machine.move_to(T0 + dt.timedelta(seconds=30), tick=False)
    with django_capture_on_commit_callbacks(execute=True):
        response = web.post("/accounts/signin/code/", {"action": "resend"})

    assert "We sent a new code. The earlier one no longer works." in response.content.decode()
    assert len(sms_outbox) == 2


def test_code_page_without_a_phone_goes_back_to_step_one(web):
    response = web.get("/hi/accounts/signin/code/?next=/hi/products/")

    assert response.status_code == 302
    assert response["Location"] == "/hi/accounts/signin/?next=%2Fhi%2Fproducts%2F"


def test_signed_in_visitor_skips_the_sign_in_page(web):
    web.force_login(User.objects.create_user("someone"))

    assert web.get("/accounts/signin/")["Location"] == "/"


def test_sign_out_is_post_only(web):
    user = User.objects.create_user("someone")
    web.force_login(user)

    assert web.get("/accounts/signout/").status_code == 405
    assert signed_in_user(web) == user
    response = web.post("/hi/accounts/signout/")
    assert response["Location"] == "/hi/"
    assert signed_in_user(web) is None


def test_profile_requires_sign_in(web):
    response = web.get("/hi/accounts/profile/")

    assert response.status_code == 302
    assert response["Location"] == "/hi/accounts/signin/?next=/hi/accounts/profile/"


def test_profile_sets_the_language(web):
    user = User.objects.create_user("someone")
    Profile.objects.create(user=user, phone=PHONE, preferred_language="en")
    web.force_login(user)
    page = web.get("/accounts/profile/")
    assert "+91 98765 43210" in page.content.decode()

    response = web.post("/accounts/profile/", {"preferred_language": "hi"})

    assert response["Location"] == "/hi/accounts/profile/?saved=1"
    user.profile.refresh_from_db()
    assert user.profile.preferred_language == "hi"


def test_profile_rejects_an_unknown_language(web):
    user = User.objects.create_user("someone")
    Profile.objects.create(user=user, phone=PHONE, preferred_language="en")
    web.force_login(user)

    response = web.post("/accounts/profile/", {"preferred_language": "fr"})

    assert response.status_code == 200
    assert "Choose one of the languages shown." in response.content.decode()
    user.profile.refresh_from_db()
    assert user.profile.preferred_language == "en"


def test_profile_created_for_a_user_without_one(web):
    user = User.objects.create_user("staffer")
    web.force_login(user)

    web.post("/accounts/profile/", {"preferred_language": "hi"})

    assert Profile.objects.get(user=user).preferred_language == "hi"


class TestStaffLogin:
    URL = "/accounts/staff-login/"

    def test_page_keeps_the_site_name(self, web):
        page = web.get(self.URL).content.decode()

        assert "<span>ODOP Mart</span>" in page
        assert 'type="password"' in page

    def test_staff_user_lands_in_the_admin(self, web):
        User.objects.create_user("operator", password="a-long-staff-pass-1", is_staff=True)

        response = web.post(self.URL, {"username": "operator", "password": "a-long-staff-pass-1"})

        assert response["Location"] == "/admin/"
        assert signed_in_user(web).username == "operator"

    def test_staff_role_without_admin_lands_on_next(self, web):
        user = User.objects.create_user("helpline", password="a-long-staff-pass-1")
        StaffRoleGrant.objects.create(user=user, role="helpline")

        response = web.post(
            f"{self.URL}?next=/products/",
            {"username": "helpline", "password": "a-long-staff-pass-1", "next": "/products/"},
        )

        assert response["Location"] == "/products/"

    def test_buyer_with_a_password_is_refused(self, web):
        User.objects.create_user("buyer", password="a-long-staff-pass-1")

        response = web.post(self.URL, {"username": "buyer", "password": "a-long-staff-pass-1"})

        assert response.status_code == 200
        assert "This sign-in is for the operator&#x27;s staff." in response.content.decode()
        assert signed_in_user(web) is None

    def test_wrong_passwords_are_limited(self, web, settings):
        settings.ACCOUNTS = {"STAFF_LOGIN_FAILURE_LIMITS": [(3, 900)]}
        User.objects.create_user("operator", password="a-long-staff-pass-1", is_staff=True)
        for _ in range(3):
            web.post(self.URL, {"username": "operator", "password": "wrong"})

        response = web.post(self.URL, {"username": "Operator", "password": "a-long-staff-pass-1"})

        assert response.status_code == 200
        assert "Too many attempts from your network. Try again in 15 minutes." in (
            response.content.decode()
        )
        assert signed_in_user(web) is None
