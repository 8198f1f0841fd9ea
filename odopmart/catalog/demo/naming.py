"""Product names and descriptions composed from a template and randomly chosen qualifiers."""

from __future__ import annotations

import random
from dataclasses import dataclass

from odopmart.catalog.demo.crafts import Craft, Template
from odopmart.catalog.demo.vocabulary import COLOURS, DESIGNS, MATERIALS, Word

SLOT = "{q}"
# How often an optional qualifier is used. Materials are always used: templates that take
# one leave the material out of their own name.
_CHANCE = {"colour": 70, "design": 45}


@dataclass(frozen=True)
class Naming:
    name_en: str
    name_hi: str
    colour: Word | None
    material: Word | None


# Template names that start with a name keep its capital when a qualifier goes in front.
PROPER_NOUNS = frozenset(
    {
        "Banarasi",
        "Mubarakpur",
        "Lalitpur",
        "Mau",
        "Khurja",
        "Kashmir",
        "English",
        "Kathak",
        "Tharu",
        "Agra",
        "Kannauj",
    }
)


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _decapitalise(text: str) -> str:
    first = text.split(" ", 1)[0]
    if first in PROPER_NOUNS or not text[:1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _fill(template: str, words: list[str]) -> str:
    filler = " ".join(word for word in words if word)
    if SLOT in template:
        text = template.replace(SLOT, f"{filler} " if filler else "")
    else:
        # Devanagari has no case; only a Latin name is lower-cased behind its qualifiers.
        text = f"{filler} {_decapitalise(template)}" if filler else template
    return " ".join(text.split())


def template_title(template: Template) -> tuple[str, str]:
    """The template's names without qualifiers: the caption of its picture."""
    return capitalise(_fill(template.name_en, [])), _fill(template.name_hi, [])


def product_naming(template: Template, rng: random.Random) -> Naming:
    chosen: dict[str, Word] = {}
    for spec in template.quals:
        kind, _, key = spec.partition(":")
        words = {"colour": COLOURS, "design": DESIGNS, "material": MATERIALS}[kind][key]
        if kind == "material" or rng.randrange(100) < _CHANCE[kind]:
            chosen[kind] = rng.choice(words)
    colour, material, design = chosen.get("colour"), chosen.get("material"), chosen.get("design")
    gender = template.gender
    # English: "<colour> <material> <noun> with <design>".
    # Hindi: "<design> <material> <colour> <noun>", each agreeing with the noun.
    en = _fill(template.name_en, [colour.en if colour else "", material.en if material else ""])
    if design:
        en = f"{en} with {design.en}"
    hi = _fill(
        template.name_hi,
        [w.hi(gender) if w else "" for w in (design, material, colour)],
    )
    return Naming(capitalise(en), hi, colour, material)


def _origin(
    craft: Craft, gender: str, district_en: str, district_hi: str, state_en: str, state_hi: str
) -> tuple[str, str]:
    plural = gender in ("mp", "fp")
    this, is_ = ("ये", "हैं") if plural else ("यह", "है")
    made = {"m": "बना", "f": "बनी", "mp": "बने", "fp": "बनी"}[gender]
    comes = {"m": "आता", "f": "आती", "mp": "आते", "fp": "आती"}[gender]
    place_en = f"{district_en}, {state_en}"
    place_hi = f"{district_hi} ({state_hi})"
    if craft.origin == "farm":
        return (
            f"Comes straight from producers in {place_en}.",
            f"{this} सीधे {place_hi} के उत्पादकों से {comes} {is_}।",
        )
    if craft.origin == "made":
        return f"Made in {place_en}.", f"{this} {place_hi} में {made} {is_}।"
    return f"Handmade in {place_en}.", f"{this} {place_hi} में हाथ से {made} {is_}।"


def product_description(
    template: Template,
    craft: Craft,
    *,
    district_en: str,
    district_hi: str,
    state_en: str,
    state_hi: str,
) -> tuple[str, str]:
    origin_en, origin_hi = _origin(
        craft,
        template.gender,
        district_en,
        district_hi or district_en,
        state_en,
        state_hi or state_en,
    )
    en = " ".join(part for part in (template.blurb_en, craft.about[0], origin_en) if part)
    hi = " ".join(part for part in (template.blurb_hi, craft.about[1], origin_hi) if part)
    return en, hi
