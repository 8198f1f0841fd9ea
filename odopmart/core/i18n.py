"""Bilingual content: models keep `<field>_en` and `<field>_hi`; pages show the active language."""

from __future__ import annotations

from django.utils.translation import get_language


def is_hindi() -> bool:
    return (get_language() or "en").startswith("hi")


def localized(obj: object, field: str) -> str:
    """The Hindi value when the page is in Hindi and it is filled in, else the English one."""
    if is_hindi():
        value = getattr(obj, f"{field}_hi", "")
        if value:
            return value
    return getattr(obj, f"{field}_en", "")
