"""Public certificate codes: 12 characters of Crockford base32 (60 random bits).

Printed on the certificate and in its QR code; typing one in is how a buyer verifies. The
alphabet has no I, L, O or U, and what people mistype for them is read back as meant.
"""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 12
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def code_generate() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def code_normalise(raw: str) -> str | None:
    """The code as stored, from what someone typed ("abcd-efgh-jk0m" → "ABCDEFGHJK0M"), or None
    when it cannot be a code."""
    cleaned = "".join(raw.split()).replace("-", "").upper().translate(_CONFUSABLE)
    if len(cleaned) != LENGTH or any(char not in ALPHABET for char in cleaned):
        return None
    return cleaned


def code_display(code: str) -> str:
    """ABCD-EFGH-JKMN: easier to read out and to type."""
    return "-".join(code[index : index + 4] for index in range(0, len(code), 4))
