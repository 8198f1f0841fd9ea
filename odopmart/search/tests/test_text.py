import pytest

from odopmart.search.text import phonetic_key, word_forms, words


def keys(word: str) -> set[str]:
    return {phonetic_key(form) for form in word_forms(word)}


@pytest.mark.parametrize(
    ("devanagari", "expected"),
    [
        ("चिकन", ("chikan", "chikana")),
        ("बनारसी", ("banarsi", "banarasi")),
        ("टेराकोटा", ("terakota",)),
        ("चिकनकारी", ("chikankari", "chikanakari")),
        ("हथकरघा", ("hathkargha", "hathakaragha")),
        ("ज़री", ("zari",)),
        ("साड़ी", ("sari",)),
        ("कॉटन", ("kotan", "kotana")),
        ("ज्ञान", ("gyan", "gyana")),
        ("चंपा", ("champa",)),
        ("२०२४", ("2024",)),
    ],
)
def test_devanagari_is_romanised_with_and_without_schwa_deletion(devanagari, expected):
    assert word_forms(devanagari) == expected


@pytest.mark.parametrize(
    ("latin", "devanagari"),
    [
        ("terracotta", "टेराकोटा"),
        ("chikan", "चिकन"),
        ("banarasi", "बनारसी"),
        ("banarsi", "बनारसी"),
        ("chikankari", "चिकनकारी"),
        ("phulkari", "फुलकारी"),
        ("saree", "साड़ी"),
        ("zardozi", "ज़रदोज़ी"),
        ("diya", "दीया"),
        ("khilone", "खिलौने"),
    ],
)
def test_latin_and_devanagari_spellings_share_a_phonetic_key(latin, devanagari):
    assert keys(latin) & keys(devanagari)


@pytest.mark.parametrize(
    ("one", "other"),
    [("chikankari", "chickenkari"), ("terracotta", "teracota"), ("saree", "sari"),
     ("kurta", "kurtaa"), ("Banārasī", "banarasi"), ("varanasi", "waranasi")],
)
def test_spelling_variants_share_a_phonetic_key(one, other):
    assert keys(one) == keys(other)


def test_words_split_on_punctuation_and_scripts():
    assert words("Chikankari & Zari-Zardozi: चिकनकारी और ज़री-ज़रदोज़ी। 🙂 \"AND\" (x)") == [
        "Chikankari", "Zari", "Zardozi", "चिकनकारी", "और", "ज़री", "ज़रदोज़ी", "AND", "x",
    ]


def test_other_indic_scripts_are_romanised():
    assert word_forms("ਫੁਲਕਾਰੀ")[0] == "phulkari"  # Gurmukhi


def test_words_without_letters_have_no_forms():
    assert word_forms("🙂") == ()
    assert word_forms("x" * 41) == ()
