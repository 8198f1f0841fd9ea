"""Text analysis shared by indexing and querying: words, romanisation and phonetic keys.

Every word, in any script, becomes one or more lowercase ASCII *forms* (Indic words are
romanised, with and without Hindi schwa deletion, because people write both "banarasi" and
"banarsi" for बनारसी) and each form has a *phonetic key* that absorbs the usual spelling
differences between Hindi and English writing (doubled letters, c/k/q, aspiration, vowel
quality), so "terracotta" and टेराकोटा ("terakota") share the key "tarakat".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from indic_transliteration import sanscript

# Longer words are not language (ids, URLs, junk) and only bloat the index.
MAX_WORD_LENGTH = 40

# Unicode blocks of the Indic scripts the transliteration library reads.
_INDIC_SCRIPTS: tuple[tuple[int, int, str], ...] = (
    (0x0900, 0x097F, sanscript.DEVANAGARI),
    (0x0980, 0x09FF, sanscript.BENGALI),
    (0x0A00, 0x0A7F, sanscript.GURMUKHI),
    (0x0A80, 0x0AFF, sanscript.GUJARATI),
    (0x0B00, 0x0B7F, sanscript.ORIYA),
    (0x0B80, 0x0BFF, sanscript.TAMIL),
    (0x0C00, 0x0C7F, sanscript.TELUGU),
    (0x0C80, 0x0CFF, sanscript.KANNADA),
    (0x0D00, 0x0D7F, sanscript.MALAYALAM),
)

# A word is a run of Latin letters/digits (with diacritics) or a run of Indic letters, signs
# and digits (its first letter decides the script); dandas (U+0964/5) and other punctuation
# separate words.
_WORD_RE = re.compile(
    r"[0-9A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u0300-\u036F]+"
    r"|[\u0900-\u0963\u0966-\u0D7F\u200C\u200D]+"
)

# Vowel signs the library leaves untouched (English loans: कॉटन, ऑफ़िस) mapped to near ones.
_DEVANAGARI_FIXES = str.maketrans(
    {"\u0949": "\u094B", "\u0945": "\u0947", "\u0911": "\u0913", "\u090D": "\u090F",
     "\u200C": None, "\u200D": None}
)

# IAST units, longest first: aspirated and nukta consonants, diphthongs, single letters.
_IAST_UNIT_RE = re.compile(r"k\u035Fh|r\u0324h|r\u0324|[kgcjṭḍtdpb]h|ai|au|.", re.DOTALL)
_IAST_VOWELS = frozenset("aāiīuūṛṝḷeo") | {"ai", "au"}
_IAST_MARKS = frozenset({"ṃ", "~", "ḥ", "'"})
_IAST_TO_ASCII = {
    "ā": "a", "ī": "i", "ū": "u", "ṛ": "ri", "ṝ": "ri", "ḷ": "li",
    "c": "ch", "ch": "chh", "ś": "sh", "ṣ": "sh", "ṭ": "t", "ṭh": "th", "ḍ": "d", "ḍh": "dh",
    "ṇ": "n", "ṅ": "n", "ñ": "n", "k\u035Fh": "kh", "ġ": "g", "r\u0324": "r", "r\u0324h": "rh",
    "ḥ": "h", "~": "n", "'": "",
}
_LABIALS = ("p", "b", "m")

_NON_ALNUM_RE = re.compile(r"[^a-z0-9]+")
_ASPIRATED_RE = re.compile(r"([bcdfgjklmnpqrstvxz])h")
_RUN_RE = re.compile(r"(.)\1+")
_KEY_LETTERS = str.maketrans({"c": "k", "q": "k", "w": "v", "z": "j",
                              "e": "a", "i": "a", "o": "a", "u": "a"})


def words(text: str) -> list[str]:
    """The words of a text, in order, in their original script."""
    return _WORD_RE.findall(text)


def _indic_scheme(word: str) -> str | None:
    code = ord(word[0])
    for low, high, scheme in _INDIC_SCRIPTS:
        if low <= code <= high:
            return scheme
    return None


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return _NON_ALNUM_RE.sub("", decomposed.encode("ascii", "ignore").decode("ascii"))


def _iast_units(iast: str) -> list[str]:
    return _IAST_UNIT_RE.findall(unicodedata.normalize("NFC", iast))


def _is_consonant(unit: str) -> bool:
    return unit not in _IAST_VOWELS and unit not in _IAST_MARKS and unit.isalpha()


def _schwa_deleted(units: list[str]) -> list[str]:
    """Drop the inherent 'a' Hindi does not pronounce: word-final, and medial in V C _ C V
    (scanning right to left, as in chikana-kari -> chikankari, hathakaragha -> hathkargha)."""
    kept = list(units)
    last = len(kept) - 1
    vowel_count = sum(1 for unit in kept if unit in _IAST_VOWELS)
    if last > 0 and kept[last] == "a" and _is_consonant(kept[last - 1]) and vowel_count > 1:
        kept[last] = ""
    for i in range(last - 2, 1, -1):
        if (
            kept[i] == "a"
            and _is_consonant(kept[i - 1])
            and kept[i - 2] in _IAST_VOWELS
            and _is_consonant(kept[i + 1])
            and kept[i + 2] in _IAST_VOWELS
        ):
            kept[i] = ""
    return [unit for unit in kept if unit]


def _units_to_ascii(units: list[str]) -> str:
    out: list[str] = []
    for index, unit in enumerate(units):
        if unit == "ṃ":
            following = units[index + 1] if index + 1 < len(units) else ""
            out.append("m" if following.startswith(_LABIALS) else "n")
        else:
            out.append(_IAST_TO_ASCII.get(unit, unit))
    # "jñ" is said "gy" in Hindi (ज्ञान: gyan).
    return _ascii("".join(out).replace("jn", "gy"))


@lru_cache(maxsize=200_000)
def word_forms(word: str) -> tuple[str, ...]:
    """Lowercase ASCII spellings of one word: one for Latin words; for Indic words the
    romanisation with Hindi schwa deletion first, then the full one when it differs."""
    scheme = _indic_scheme(word)
    if scheme is None:
        form = _ascii(word)
        return (form,) if 0 < len(form) <= MAX_WORD_LENGTH else ()
    if scheme == sanscript.DEVANAGARI:
        word = word.translate(_DEVANAGARI_FIXES)
    else:
        word = word.replace("\u200C", "").replace("\u200D", "")
    units = _iast_units(sanscript.transliterate(word, scheme, sanscript.IAST))
    forms: list[str] = []
    for variant in (_schwa_deleted(units), units):
        form = _units_to_ascii(variant)
        if 0 < len(form) <= MAX_WORD_LENGTH and form not in forms:
            forms.append(form)
    return tuple(forms)


@lru_cache(maxsize=200_000)
def phonetic_key(form: str) -> str:
    """A spelling-tolerant key of an ASCII form: digraphs and aspiration folded
    (ch/chh->c, sh->s, ph->f, kh->k ...), c/q->k, w->v, z->j, x->ks, every vowel -> 'a',
    runs of one letter collapsed, and a final vowel dropped (Hindi inherent 'a', kari/kaari)."""
    if form.isdigit():
        return form
    key = form.replace("ch", "c").replace("sh", "s").replace("ph", "f").replace("x", "ks")
    key = _ASPIRATED_RE.sub(r"\1", key)
    key = _RUN_RE.sub(r"\1", key.translate(_KEY_LETTERS))
    if len(key) > 2 and key.endswith("a"):
        key = key[:-1]
    return key


def text_forms(text: str) -> Iterator[tuple[str, ...]]:
    """The forms of every word of a text, in order (words with no usable form are skipped)."""
    for word in words(text):
        forms = word_forms(word)
        if forms:
            yield forms
