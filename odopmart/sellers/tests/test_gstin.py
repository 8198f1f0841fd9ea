from __future__ import annotations

import pytest

from odopmart.sellers.gstin import (
    gstin_build,
    gstin_check_char,
    gstin_is_valid,
    gstin_pan,
    gstin_state_code,
)

# Published sample GSTINs whose check characters are right.
PUBLISHED_VALID = ["27AAPFU0939F1ZV", "07AAGFF2194N1Z1", "33AACCM9093R1ZP"]


@pytest.mark.parametrize("gstin", PUBLISHED_VALID)
def test_published_examples_are_valid(gstin: str) -> None:
    assert gstin_is_valid(gstin)
    assert gstin_check_char(gstin[:14]) == gstin[14]


def test_check_char_of_the_gstn_sample() -> None:
    assert gstin_check_char("27AAPFU0939F1Z") == "V"


def test_lower_case_and_spaces_are_tolerated() -> None:
    assert gstin_is_valid(" 27aapfu0939f1zv ")


@pytest.mark.parametrize(
    "gstin",
    [
        "27AAPFU0939F1ZW",  # wrong check character
        "27AAPFU0939F1Z0",
        "07AAGFF2194N1Z2",
        "27AAPFU0939F1V",  # 14 characters
        "27AAPFU0939F1ZVV",  # 16 characters
        "2AAAPFU0939F1ZV",  # state code not two digits
        "27AAPF10939F1ZV",  # PAN letters/digits out of place
        "27AAPFU0939F0ZV",  # entity number 0 is not issued
        "27AAPFU0939F1YV",  # 14th character must be Z
        "27AAPFU0939F1Z-",
        "",
    ],
)
def test_invalid_gstins_are_rejected(gstin: str) -> None:
    assert not gstin_is_valid(gstin)


def test_every_wrong_check_character_is_rejected() -> None:
    first14 = "09AAACU1234K1Z"
    right = gstin_check_char(first14)
    for char in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        assert gstin_is_valid(first14 + char) is (char == right)


def test_build_then_parse_round_trip() -> None:
    gstin = gstin_build(state_code="09", pan="AAACU1234K", entity="2")
    assert len(gstin) == 15
    assert gstin[:14] == "09AAACU1234K2Z"
    assert gstin_is_valid(gstin)
    assert gstin_pan(gstin) == "AAACU1234K"
    assert gstin_state_code(gstin) == "09"


def test_pan_and_state_code_of_published_example() -> None:
    assert gstin_pan("27AAPFU0939F1ZV") == "AAPFU0939F"
    assert gstin_state_code("27AAPFU0939F1ZV") == "27"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"state_code": "9", "pan": "AAACU1234K"}, "state code"),
        ({"state_code": "09", "pan": "AAACU1234"}, "PAN"),
        ({"state_code": "09", "pan": "AAACU1234K", "entity": "0"}, "entity"),
    ],
)
def test_build_rejects_bad_parts(kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        gstin_build(**kwargs)


def test_parsers_reject_non_gstins() -> None:
    with pytest.raises(ValueError, match="not a GSTIN"):
        gstin_pan("ABC")
    with pytest.raises(ValueError, match="not a GSTIN"):
        gstin_state_code("ABC")


def test_check_char_needs_fourteen_valid_characters() -> None:
    with pytest.raises(ValueError, match="14 characters"):
        gstin_check_char("27AAPFU0939F1")
    with pytest.raises(ValueError, match="14 characters"):
        gstin_check_char("27AAPFU0939F1-")
