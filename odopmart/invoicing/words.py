"""Amounts in words with the Indian grouping (thousand, lakh, crore), in English and Hindi, as
invoices print them: "Rupees One Lakh Twenty Thousand and Fifty Paise Only" /
"एक लाख बीस हज़ार रुपये और पचास पैसे मात्र".
"""

from __future__ import annotations

_EN_ONES = (  # noqa: SIM905 - easier to read as words
    "Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen "
    "Fifteen Sixteen Seventeen Eighteen Nineteen"
).split()
_EN_TENS = "_ _ Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety".split()  # noqa: SIM905

# Hindi names 0–99 are not regular (उन्नीस, इक्कीस, उनतीस ...), so they are listed.
_HI = (  # noqa: SIM905 - easier to read as words
    "शून्य एक दो तीन चार पाँच छह सात आठ नौ "
    "दस ग्यारह बारह तेरह चौदह पंद्रह सोलह सत्रह अठारह उन्नीस "
    "बीस इक्कीस बाईस तेईस चौबीस पच्चीस छब्बीस सत्ताईस अट्ठाईस उनतीस "
    "तीस इकतीस बत्तीस तैंतीस चौंतीस पैंतीस छत्तीस सैंतीस अड़तीस उनतालीस "
    "चालीस इकतालीस बयालीस तैंतालीस चवालीस पैंतालीस छियालीस सैंतालीस अड़तालीस उनचास "
    "पचास इक्यावन बावन तिरेपन चौवन पचपन छप्पन सत्तावन अट्ठावन उनसठ "
    "साठ इकसठ बासठ तिरेसठ चौंसठ पैंसठ छियासठ सड़सठ अड़सठ उनहत्तर "
    "सत्तर इकहत्तर बहत्तर तिहत्तर चौहत्तर पचहत्तर छिहत्तर सतहत्तर अठहत्तर उन्यासी "
    "अस्सी इक्यासी बयासी तिरासी चौरासी पचासी छियासी सत्तासी अट्ठासी नवासी "
    "नब्बे इक्यानवे बानवे तिरानवे चौरानवे पंचानवे छियानवे सत्तानवे अट्ठानवे निन्यानवे"
).split()
assert len(_HI) == 100

_SCALES_EN = (("Crore", 10**7), ("Lakh", 10**5), ("Thousand", 1000), ("Hundred", 100))
_SCALES_HI = (("करोड़", 10**7), ("लाख", 10**5), ("हज़ार", 1000), ("सौ", 100))


def _en_below_100(n: int) -> str:
    if n < 20:
        return _EN_ONES[n]
    tens, ones = divmod(n, 10)
    return _EN_TENS[tens] + (f"-{_EN_ONES[ones]}" if ones else "")


def number_in_words(n: int, language: str = "en") -> str:
    """A whole number in words, Indian grouping: 12_34_56_789 → "Twelve Crore Thirty-Four Lakh
    Fifty-Six Thousand Seven Hundred Eighty-Nine". Beyond 99 crore the crores are counted in
    the same way ("One Hundred Crore")."""
    if n < 0:
        raise ValueError("a negative amount has no words here")
    hindi = language == "hi"
    if n == 0:
        return _HI[0] if hindi else _EN_ONES[0]
    parts: list[str] = []
    rest = n
    for name, size in _SCALES_HI if hindi else _SCALES_EN:
        count, rest = divmod(rest, size)
        if count:
            parts.append(f"{number_in_words(count, language)} {name}")
    if rest:
        parts.append(_HI[rest] if hindi else _en_below_100(rest))
    return " ".join(parts)


def amount_in_words(paise: int, language: str = "en") -> str:
    """Rupees and paise in words, ending in "Only" / "मात्र"."""
    if paise < 0:
        raise ValueError("a negative amount has no words here")
    rupees, rest = divmod(paise, 100)
    if language == "hi":
        text = f"{number_in_words(rupees, 'hi')} रुपये"
        if rest:
            text += f" और {number_in_words(rest, 'hi')} पैसे"
        return f"{text} मात्र"
    text = f"Rupees {number_in_words(rupees)}"
    if rest:
        text += f" and {number_in_words(rest)} Paise"
    return f"{text} Only"
