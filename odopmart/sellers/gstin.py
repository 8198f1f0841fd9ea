"""GSTIN structure and check character.

A GSTIN has 15 characters: the two-digit GST state code, the holder's 10-character PAN, an entity
number (1-9, then A-Z, for several registrations under one PAN in a state), 'Z' (reserved), and a
check character computed with the mod-36 algorithm the GST Network publishes.
"""

from __future__ import annotations

import re

GSTIN_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_MODULUS = len(GSTIN_ALPHABET)
GSTIN_PATTERN = re.compile(r"^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$")
PAN_PATTERN = re.compile(r"^[A-Z]{5}[0-9]{4}[A-Z]$")


def gstin_check_char(first14: str) -> str:
    """The check character for the first 14 characters of a GSTIN.

    Each character's value (0-9, A-Z = 10-35) is multiplied by 1 or 2 alternately from the left;
    each product is folded to quotient + remainder in base 36 and the sum's complement mod 36
    picks the character.
    """
    text = first14.upper()
    if len(text) != 14 or any(char not in GSTIN_ALPHABET for char in text):
        raise ValueError(f"expected 14 characters of 0-9/A-Z, got {first14!r}")
    total = 0
    for index, char in enumerate(text):
        product = GSTIN_ALPHABET.index(char) * (1 if index % 2 == 0 else 2)
        total += product // _MODULUS + product % _MODULUS
    return GSTIN_ALPHABET[(_MODULUS - total % _MODULUS) % _MODULUS]


def gstin_is_valid(gstin: str) -> bool:
    """True when the GSTIN is well formed and its check character is right."""
    if not isinstance(gstin, str):
        return False
    text = gstin.strip().upper()
    if not GSTIN_PATTERN.match(text):
        return False
    return gstin_check_char(text[:14]) == text[14]


def gstin_build(*, state_code: str, pan: str, entity: str = "1") -> str:
    """Assemble a GSTIN (with its check character) from a state code, a PAN and an entity number."""
    if not re.fullmatch(r"[0-9]{2}", state_code):
        raise ValueError(f"bad GST state code {state_code!r}")
    if not PAN_PATTERN.match(pan.upper()):
        raise ValueError(f"bad PAN {pan!r}")
    if len(entity) != 1 or entity not in GSTIN_ALPHABET[1:]:
        raise ValueError(f"bad entity number {entity!r}")
    first14 = f"{state_code}{pan.upper()}{entity.upper()}Z"
    return first14 + gstin_check_char(first14)


def gstin_pan(gstin: str) -> str:
    """The PAN embedded in a GSTIN (characters 3-12)."""
    text = gstin.strip().upper()
    if not GSTIN_PATTERN.match(text):
        raise ValueError(f"not a GSTIN: {gstin!r}")
    return text[2:12]


def gstin_state_code(gstin: str) -> str:
    """The two-digit GST state code a GSTIN is registered in."""
    text = gstin.strip().upper()
    if not GSTIN_PATTERN.match(text):
        raise ValueError(f"not a GSTIN: {gstin!r}")
    return text[:2]
