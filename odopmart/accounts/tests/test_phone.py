from __future__ import annotations

import pytest

from odopmart.accounts.exceptions import AuthError
from odopmart.accounts.phone import phone_display, phone_normalize


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("9876543210", "+919876543210"),
        ("98765 43210", "+919876543210"),
        ("98765-43210", "+919876543210"),
        ("09876543210", "+919876543210"),
        ("919876543210", "+919876543210"),
        ("+919876543210", "+919876543210"),
        ("+91 98765 43210", "+919876543210"),
        ("+91-98765-43210", "+919876543210"),
        ("(+91) 98765 43210", "+919876543210"),
        ("0091 98765 43210", "+919876543210"),
        ("  6000000000 ", "+916000000000"),
        ("7012345678", "+917012345678"),
        ("8123456789", "+918123456789"),
        ("९८७६५ ४३२१०", "+919876543210"),
        ("+९१ ९८७६५४३२१०", "+919876543210"),
    ],
)
def test_accepted_forms(raw, e164):
    assert phone_normalize(raw) == e164


@pytest.mark.parametrize(
    ("raw", "code", "message"),
    [
        ("", "phone_required", "Enter your mobile number."),
        ("   ", "phone_required", "Enter your mobile number."),
        ("98765", "phone_invalid", "Enter a 10-digit mobile number, like 98765 43210."),
        ("987654321012", "phone_invalid", "Enter a 10-digit mobile number, like 98765 43210."),
        ("98765432101", "phone_invalid", "Enter a 10-digit mobile number, like 98765 43210."),
        ("98765abcde", "phone_invalid", "Enter a 10-digit mobile number, like 98765 43210."),
        ("+91 98765", "phone_invalid", "Enter a 10-digit mobile number, like 98765 43210."),
        ("+91+9876543210", "phone_invalid", "Enter a 10-digit mobile number, like 98765 43210."),
        ("9" * 40, "phone_invalid", "Enter a 10-digit mobile number, like 98765 43210."),
        ("+1 415 555 0100", "phone_not_indian", "Only Indian mobile numbers (+91) can be used."),
        ("+44 7700 900123", "phone_not_indian", "Only Indian mobile numbers (+91) can be used."),
        ("0044 7700900123", "phone_not_indian", "Only Indian mobile numbers (+91) can be used."),
        ("5876543210", "phone_not_mobile", "Indian mobile numbers start with 6, 7, 8 or 9."),
        ("0522 2612345", "phone_not_mobile", "Indian mobile numbers start with 6, 7, 8 or 9."),
        ("+91 1234567890", "phone_not_mobile", "Indian mobile numbers start with 6, 7, 8 or 9."),
    ],
)
def test_rejected_forms_name_the_problem(raw, code, message):
    with pytest.raises(AuthError) as error:
        phone_normalize(raw)

    assert error.value.code == code
    assert error.value.field == "phone"
    assert error.value.message == message


def test_display():
    assert phone_display("+919876543210") == "+91 98765 43210"


def test_messages_follow_the_active_language():
    from django.utils import translation

    with pytest.raises(AuthError) as error:
        phone_normalize("+1 415 555 0100")

    with translation.override("hi"):
        assert error.value.message == "सिर्फ़ भारतीय मोबाइल नंबर (+91) ही चलेंगे।"
    with translation.override("en"):
        assert error.value.message == "Only Indian mobile numbers (+91) can be used."
