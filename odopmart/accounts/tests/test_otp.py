from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User
from django.db import connection

from odopmart.accounts.exceptions import AuthError
from odopmart.accounts.models import OtpChallenge, Profile, RateLimitHit
from odopmart.accounts.otp import otp_request, otp_verify
from odopmart.notifications.models import Notification
from odopmart.notifications.services import notification_attempt

pytestmark = pytest.mark.django_db

PHONE = "+919876543210"
IP = "203.0.113.7"
T0 = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(T0, tick=False)

    def at(seconds: float) -> None:
        time_machine.move_to(T0 + dt.timedelta(seconds=seconds), tick=False)

    return at


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Request a code and deliver its SMS at once (as committing the request would)."""

    def request(phone: str = PHONE, ip: str = IP, language: str = "en"):
        with django_capture_on_commit_callbacks(execute=True):
            return otp_request(phone=phone, ip=ip, language=language)

    return request


def refused(call, **kwargs) -> AuthError:
    with pytest.raises(AuthError) as error:
        call(**kwargs)
    return error.value


def snapshot() -> tuple[int, int, int, int, int]:
    return (
        OtpChallenge.objects.count(),
        Notification.objects.count(),
        RateLimitHit.objects.count(),
        User.objects.count(),
        Profile.objects.count(),
    )


def all_stored_text() -> str:
    """Every value in the tables of accounts, messages, tasks and sessions, as text. (Reference
    data is left out: its pincodes and HSN codes are full of six-digit numbers.)"""
    prefixes = ("accounts_", "notifications_", "django_tasks_db", "auth_user", "django_session")
    chunks = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if not table.startswith(prefixes):
                continue
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - our own table names
            chunks.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(chunks)


def test_request_sends_a_code_and_stores_only_its_hash(sent, sms_outbox, last_code, clock):
    result = sent(phone="98765 43210")

    assert result.phone == PHONE
    assert result.expires_at == T0 + dt.timedelta(minutes=10)
    [sms] = sms_outbox
    code = last_code()
    assert sms.recipient == PHONE
    assert (
        sms.body
        == f"{code} is your odopmart sign-in code. It expires in 10 minutes. Do not share it."
    )
    challenge = OtpChallenge.objects.get()
    assert challenge.phone == PHONE
    assert challenge.status == "pending"
    assert challenge.requested_from == IP
    assert len(challenge.code_hash) == 64
    assert code not in challenge.code_hash
    assert challenge.notification.status == "delivered"
    assert challenge.notification.body.startswith("●●●●●● is your odopmart sign-in code")


def test_plain_code_is_stored_nowhere_even_while_queued(
    settings, sms_outbox, last_code, clock, django_capture_on_commit_callbacks
):
    # The embedded deployment: the database task queue, the SMS not yet sent.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        otp_request(phone=PHONE, ip=IP)
    notification = Notification.objects.get()
    assert notification.status == "queued"

    notification_attempt(notification_id=notification.pk)  # what the worker does
    code = last_code()

    from django_tasks_db.models import DBTaskResult

    task = DBTaskResult.objects.get()  # the queued task holds the message's id only
    assert task.args_kwargs == {"args": [notification.pk], "kwargs": {}}
    assert code not in all_stored_text()


def test_hindi_sms(sent, sms_outbox, last_code):
    sent(language="hi")

    assert sms_outbox[0].body == (
        f"{last_code()} आपका odopmart साइन-इन कोड है। यह 10 मिनट तक ही मान्य है। इसे किसी को न बताएं।"
    )


def test_first_sign_in_creates_the_account(sent, last_code, clock):
    sent(language="hi")
    clock(60)

    user = otp_verify(phone="098765 43210", code=last_code(), ip=IP, language="hi")

    assert user.username == PHONE
    assert user.has_usable_password() is False
    assert (user.profile.phone, user.profile.phone_verified_at) == (
        PHONE,
        T0 + dt.timedelta(seconds=60),
    )
    assert user.profile.preferred_language == "hi"
    challenge = OtpChallenge.objects.get()
    assert (challenge.status, challenge.user, challenge.verified_at) == (
        "verified", user, T0 + dt.timedelta(seconds=60),
    )  # fmt: skip


def test_returning_user_gets_the_same_account(sent, last_code, clock):
    existing = User.objects.create_user("rukhsana")
    Profile.objects.create(user=existing, phone=PHONE, preferred_language="hi")
    sent()

    user = otp_verify(phone=PHONE, code=last_code(), ip=IP)

    assert user == existing
    assert User.objects.count() == 1
    existing.profile.refresh_from_db()
    assert existing.profile.phone_verified_at == T0
    assert existing.profile.preferred_language == "hi"


def test_username_taken_by_someone_else(sent, last_code):
    User.objects.create_user(PHONE)  # e.g. made by hand in the admin, without a profile

    user = (sent(), otp_verify(phone=PHONE, code=last_code(), ip=IP))[1]

    assert user.username == f"{PHONE}-2"


def test_disabled_account_cannot_sign_in(sent, last_code):
    existing = User.objects.create_user("blocked", is_active=False)
    Profile.objects.create(user=existing, phone=PHONE)
    sent()

    error = refused(otp_verify, phone=PHONE, code=last_code(), ip=IP)

    assert error.code == "account_disabled"
    assert OtpChallenge.objects.get().status == "pending"


def test_a_code_works_once(sent, last_code):
    sent()
    code = last_code()
    otp_verify(phone=PHONE, code=code, ip=IP)

    error = refused(otp_verify, phone=PHONE, code=code, ip=IP)

    assert error.code == "code_not_requested"
    assert error.field == "code"


def test_code_expires_after_ten_minutes(sent, last_code, clock):
    sent()
    code = last_code()
    clock(600)

    error = refused(otp_verify, phone=PHONE, code=code, ip=IP)

    assert (error.code, error.message) == (
        "code_expired",
        "This code has expired. Ask for a new code.",
    )
    assert OtpChallenge.objects.get().status == "pending"
    assert RateLimitHit.objects.filter(scope__startswith="otp_failure").count() == 0


def test_code_still_works_just_before_expiry(sent, last_code, clock):
    sent()
    clock(599)

    assert otp_verify(phone=PHONE, code=last_code(), ip=IP).username == PHONE


def test_expiry_is_configurable(settings, sent, sms_outbox, last_code, clock):
    settings.ACCOUNTS = {"OTP_TTL_SECONDS": 300}
    sent()
    assert "It expires in 5 minutes." in sms_outbox[0].body
    clock(300)

    assert refused(otp_verify, phone=PHONE, code=last_code(), ip=IP).code == "code_expired"


@pytest.mark.parametrize("typed", ["{code}", " {code} ", "{a}-{b}", "{a} {b}"])
def test_code_may_be_typed_with_spaces(sent, last_code, typed):
    sent()
    code = last_code()

    user = otp_verify(phone=PHONE, code=typed.format(code=code, a=code[:3], b=code[3:]), ip=IP)

    assert user.username == PHONE


def test_code_in_devanagari_digits(sent, last_code):
    sent()
    devanagari = last_code().translate(str.maketrans("0123456789", "०१२३४५६७८९"))

    assert otp_verify(phone=PHONE, code=devanagari, ip=IP).username == PHONE


@pytest.mark.parametrize("code", ["", "12345", "1234567", "12a456", "１２３４５６７"])
def test_malformed_code_is_not_counted(sent, code):
    sent()
    before = snapshot()

    error = refused(otp_verify, phone=PHONE, code=code, ip=IP)

    assert (error.code, error.field) == ("code_invalid", "code")
    assert error.message == "Enter the 6-digit code from the SMS."
    assert snapshot() == before
    assert OtpChallenge.objects.get().wrong_attempts == 0


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_five_wrong_codes_kill_the_challenge(sent, last_code):
    sent()
    code = last_code()

    errors = [refused(otp_verify, phone=PHONE, code=wrong(code), ip=IP) for _ in range(5)]

    assert [(e.code, e.attempts_left) for e in errors] == [
        ("code_wrong", 4), ("code_wrong", 3), ("code_wrong", 2), ("code_wrong", 1),
        ("code_attempts_exhausted", None),
    ]  # fmt: skip
    assert errors[0].message == "That code is not right. You have 4 more tries."
    assert errors[3].message == "That code is not right. You have 1 more try."
    challenge = OtpChallenge.objects.get()
    assert (challenge.status, challenge.wrong_attempts) == ("exhausted", 5)
    # Even the right code is refused now, and nobody was signed up.
    assert refused(otp_verify, phone=PHONE, code=code, ip=IP).code == "code_attempts_exhausted"
    assert User.objects.count() == 0


def test_a_new_code_replaces_the_old_one(sent, last_code, clock):
    sent()
    old = last_code()
    clock(30)
    sent()
    new = last_code()

    assert list(OtpChallenge.objects.order_by("pk").values_list("status", flat=True)) == [
        "superseded", "pending",
    ]  # fmt: skip
    if old != new:  # (one time in a million the new code is the same)
        assert refused(otp_verify, phone=PHONE, code=old, ip=IP).code == "code_wrong"
    assert otp_verify(phone=PHONE, code=new, ip=IP).username == PHONE


def test_repeated_failures_lock_the_phone_for_fifteen_minutes(sent, sms_outbox, last_code, clock):
    sent()
    for _ in range(5):
        refused(otp_verify, phone=PHONE, code=wrong(last_code()), ip=IP)
    clock(30)
    sent()
    code = last_code()
    errors = [refused(otp_verify, phone=PHONE, code=wrong(code), ip=IP) for _ in range(5)]

    assert [e.code for e in errors] == ["code_wrong"] * 4 + ["phone_locked"]
    assert errors[-1].retry_after == 900
    assert errors[-1].message == (
        "Too many wrong codes for this number. For your safety, try again in 15 minutes."
    )

    # While locked: the right code is refused, and no new code is sent.
    clock(31)
    before, sms_before = snapshot(), len(sms_outbox)
    assert refused(otp_verify, phone=PHONE, code=code, ip=IP).code == "phone_locked"
    locked = refused(otp_request, phone=PHONE, ip=IP)
    assert (locked.code, locked.retry_after) == ("phone_locked", 899)
    assert snapshot() == before
    assert len(sms_outbox) == sms_before

    # Other phones are not affected.
    sent(phone="+919812345678")
    assert otp_verify(phone="+919812345678", code=last_code(), ip=IP).username == "+919812345678"

    # Fifteen minutes later the phone may try again, with a fresh count.
    clock(30 + 900)
    sent()
    assert otp_verify(phone=PHONE, code=last_code(), ip=IP).username == PHONE


def test_phone_limits_send_no_sms_when_refused(sent, sms_outbox, clock):
    sent()
    before, sms_before = snapshot(), len(sms_outbox)

    soon = refused(otp_request, phone=PHONE, ip=IP)

    assert (soon.code, soon.retry_after) == ("too_many_codes", 30)
    assert (
        soon.message
        == "We have sent several codes to this number. You can ask again in 30 seconds."
    )
    assert snapshot() == before
    assert len(sms_outbox) == sms_before

    clock(30)
    sent()
    clock(60)
    sent()
    clock(90)
    before, sms_before = snapshot(), len(sms_outbox)

    fourth = refused(otp_request, phone=PHONE, ip="198.51.100.1")

    assert (fourth.code, fourth.retry_after) == ("too_many_codes", 810)
    assert (
        fourth.message
        == "We have sent several codes to this number. You can ask again in 14 minutes."
    )
    assert snapshot() == before
    assert len(sms_outbox) == sms_before == 3
    clock(900)
    sent()
    assert len(sms_outbox) == 4


def test_ten_codes_a_day_per_phone(sent, sms_outbox, clock):
    for n in range(10):
        clock(n * 16 * 60)
        sent(ip=f"198.51.100.{n}")
    clock(10 * 16 * 60)

    error = refused(otp_request, phone=PHONE, ip="192.0.2.1")

    assert error.code == "too_many_codes"
    assert error.retry_after == 24 * 3600 - 10 * 16 * 60
    assert error.message.endswith("You can ask again in 22 hours.")
    assert len(sms_outbox) == 10


def test_limit_per_ip_address(sent, sms_outbox, clock):
    for n in range(20):
        sent(phone=f"+9198100000{n:02d}")
    before = snapshot()

    error = refused(otp_request, phone="+919811111111", ip=IP)

    assert (error.code, error.retry_after) == ("too_many_requests", 3600)
    assert error.message == "Too many attempts from your network. Try again in 60 minutes."
    assert snapshot() == before
    assert len(sms_outbox) == 20
    sent(phone="+919811111111", ip="198.51.100.9")  # another address is fine
    assert len(sms_outbox) == 21


def test_wrong_codes_per_ip_address_across_phones(settings, sent, last_code):
    settings.ACCOUNTS = {"OTP_IP_FAILURE_LIMITS": [(3, 3600)]}
    for n in range(3):
        phone = f"+9198100000{n:02d}"
        sent(phone=phone)
        refused(otp_verify, phone=phone, code=wrong(last_code()), ip=IP)
    sent(phone="+919811111111")
    before = snapshot()

    error = refused(otp_verify, phone="+919811111111", code=last_code(), ip=IP)

    assert error.code == "too_many_requests"
    assert snapshot() == before


def test_limits_are_configurable(settings, sent, sms_outbox):
    settings.ACCOUNTS = {"OTP_PHONE_LIMITS": [(2, 60)]}
    sent()
    sent()

    assert refused(otp_request, phone=PHONE, ip=IP).retry_after == 60
    assert len(sms_outbox) == 2


def test_bad_phone_writes_nothing(sent, sms_outbox):
    error = refused(otp_request, phone="12345", ip=IP)

    assert (error.code, error.field) == ("phone_invalid", "phone")
    assert snapshot() == (0, 0, 0, 0, 0)
    assert sms_outbox == []
