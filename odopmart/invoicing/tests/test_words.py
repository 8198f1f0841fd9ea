from __future__ import annotations

import pytest

from odopmart.invoicing.words import amount_in_words, number_in_words


@pytest.mark.parametrize(
    ("paise", "english", "hindi"),
    [
        (0, "Rupees Zero Only", "शून्य रुपये मात्र"),
        (5, "Rupees Zero and Five Paise Only", "शून्य रुपये और पाँच पैसे मात्र"),
        (118000, "Rupees One Thousand One Hundred Eighty Only", "एक हज़ार एक सौ अस्सी रुपये मात्र"),
        (10000000, "Rupees One Lakh Only", "एक लाख रुपये मात्र"),
        (
            250075050,
            "Rupees Twenty-Five Lakh Seven Hundred Fifty and Fifty Paise Only",
            "पच्चीस लाख सात सौ पचास रुपये और पचास पैसे मात्र",
        ),
        (
            12345678999,
            "Rupees Twelve Crore Thirty-Four Lakh Fifty-Six Thousand Seven Hundred Eighty-Nine "
            "and Ninety-Nine Paise Only",
            "बारह करोड़ चौंतीस लाख छप्पन हज़ार सात सौ नवासी रुपये और निन्यानवे पैसे मात्र",
        ),
    ],
)
def test_amount_in_words(paise: int, english: str, hindi: str) -> None:
    assert amount_in_words(paise) == english
    assert amount_in_words(paise, "hi") == hindi


def test_hundreds_of_crores_count_the_crores() -> None:
    assert number_in_words(1_00_00_00_000) == "One Hundred Crore"
    assert number_in_words(1_00_00_00_000, "hi") == "एक सौ करोड़"


def test_every_hindi_number_below_100_is_distinct() -> None:
    names = [number_in_words(n, "hi") for n in range(100)]
    assert len(set(names)) == 100
    assert names[19] == "उन्नीस"
    assert names[99] == "निन्यानवे"


def test_negative_amounts_are_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        amount_in_words(-1)
