from __future__ import annotations

import pytest

from odopmart.core.money import (
    format_inr,
    group_indian,
    percent_off,
    round_half_up_div,
    rupees_to_paise,
    tax_inclusive_split,
)


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [(5, 2, 3), (4, 2, 2), (7, 3, 2), (-5, 2, -3), (1, 3, 0), (2, 3, 1)],
)
def test_round_half_up_div(numerator, denominator, expected):
    assert round_half_up_div(numerator, denominator) == expected


@pytest.mark.parametrize(
    ("text", "paise"),
    [("1,234.50", 123450), ("₹ 99", 9900), ("0.5", 50), ("12.05", 1205), (7, 700), ("-3.10", -310)],
)
def test_rupees_to_paise(text, paise):
    assert rupees_to_paise(text) == paise


@pytest.mark.parametrize("bad", ["", "abc", "1.234", "1..2", "1e3"])
def test_rupees_to_paise_rejects_bad_text(bad):
    with pytest.raises(ValueError):  # noqa: PT011
        rupees_to_paise(bad)


def test_rupees_to_paise_rejects_float():
    with pytest.raises(TypeError):
        rupees_to_paise(12.5)  # type: ignore[arg-type]


def test_indian_grouping_and_format():
    assert group_indian(12345678) == "1,23,45,678"
    assert group_indian(999) == "999"
    assert format_inr(123456700) == "₹12,34,567"
    assert format_inr(249950) == "₹2,499.50"
    assert format_inr(-5000) == "-₹50"


def test_tax_inclusive_split_adds_up():
    taxable, tax = tax_inclusive_split(105000, 500)
    assert (taxable, tax) == (100000, 5000)
    for gross in range(1, 5000, 37):
        taxable, tax = tax_inclusive_split(gross, 1800)
        assert taxable + tax == gross


def test_percent_off_rounds_down():
    assert percent_off(100000, 66700) == 33
    assert percent_off(0, 100) == 0
    assert percent_off(1000, 1200) == 0
