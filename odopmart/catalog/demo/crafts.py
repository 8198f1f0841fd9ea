"""What the demo catalogue sells for each ODOP product: category, product templates, artwork.

Every product of the UP ODOP registry has a Craft (matched by name, case-insensitively); a
product the tables do not know (a national list, an operator's edit) gets a generic craft built
from its own name and sector, so the generator never skips a district.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Template:
    """A kind of product, e.g. 'Chikankari cotton kurta', with its price range in rupees."""

    name_en: str
    name_hi: str
    gender: str  # of the Hindi head noun: m, f, mp or fp (vocabulary.GENDERS)
    price: tuple[int, int]
    blurb_en: str
    blurb_hi: str
    quals: tuple[str, ...] = ()  # "colour:pastel", "design:chikan", "material:wood"
    variants: str = ""  # key of VARIANT_SETS; empty = the craft's or category's default
    category: str = ""  # category slug when it differs from the craft's
    hsn: str = ""
    weight_grams: int = 0
    dims_mm: tuple[int, int, int] | None = None
    material: tuple[str, str] | None = None
    technique: tuple[str, str] | None = None


@dataclass(frozen=True)
class Craft:
    key: str
    odop_names: tuple[str, ...]
    category: str
    motif: str  # catalog.images.MOTIFS
    palettes: tuple[str, ...]  # catalog.images.PALETTES
    community: str  # people.SURNAMES
    muslim_percent: int
    story: tuple[str, str]  # the craft as a noun: "chikankari" / "चिकनकारी"
    about: tuple[str, str]  # one sentence on the craft, added to every description
    material: tuple[str, str]
    technique: tuple[str, str]
    templates: tuple[Template, ...]
    hsn: str = ""
    variants: str = ""
    origin: str = "hand"  # hand | made | farm: how the origin line of a description reads
    # Only for these districts, when two districts' products share a name but not a story.
    districts: tuple[str, ...] = ()
    vendors: tuple[tuple[str, int], ...] = field(
        default=(("corporation", 60), ("cooperative", 25), ("company", 15))
    )


def T(  # noqa: N802 - a short constructor keeps the tables readable
    name_en: str,
    name_hi: str,
    gender: str,
    price: tuple[int, int],
    blurb_en: str,
    blurb_hi: str,
    quals: str = "",
    **options: object,
) -> Template:
    return Template(
        name_en, name_hi, gender, price, blurb_en, blurb_hi, tuple(quals.split()), **options
    )  # type: ignore[arg-type]


WEAVERS = (("cooperative", 55), ("corporation", 35), ("company", 10))
FARMERS = (("fpo", 75), ("corporation", 25))
WORKSHOPS = (("company", 45), ("corporation", 40), ("cooperative", 15))


def _all_crafts() -> tuple[Craft, ...]:
    from odopmart.catalog.demo.data_crafts import CRAFTS as HANDICRAFTS
    from odopmart.catalog.demo.data_goods import CRAFTS as GOODS
    from odopmart.catalog.demo.data_textiles import CRAFTS as TEXTILES

    return TEXTILES + HANDICRAFTS + GOODS


def _key(name: str) -> str:
    return " ".join(name.lower().replace("&", "and").split())


def craft_index() -> dict[tuple[str, str], Craft]:
    """(district name or "", ODOP product name), both normalised -> Craft."""
    index: dict[tuple[str, str], Craft] = {}
    for craft in _all_crafts():
        for name in craft.odop_names:
            for district in craft.districts or ("",):
                key = (_key(district), _key(name))
                if key in index:
                    raise ValueError(f"ODOP name {name!r} is mapped twice")
                index[key] = craft
    return index


def craft_for(
    index: dict[tuple[str, str], Craft], *, district: str, name_en: str, name_hi: str, sector: str
) -> tuple[Craft, bool]:
    """The craft of an ODOP product, and whether the tables know it (False: generic)."""
    craft = index.get((_key(district), _key(name_en))) or index.get(("", _key(name_en)))
    if craft is not None:
        return craft, True
    return craft_generic(name_en=name_en, name_hi=name_hi, sector=sector), False


# Sector words of unknown ODOP products -> (category slug, motif, community).
_SECTOR_GUESSES: tuple[tuple[str, str, str, str], ...] = (
    ("food", "food-agro", "food", "farm"),
    ("agri", "food-agro", "food", "farm"),
    ("spice", "food-agro", "food", "farm"),
    ("carpet", "carpets-durries", "carpet", "carpet"),
    ("silk", "sarees-silk", "weave", "weaving"),
    ("handloom", "home-textiles", "weave", "weaving"),
    ("textile", "home-textiles", "weave", "weaving"),
    ("apparel", "clothing", "buti", "embroidery"),
    ("embroider", "clothing", "buti", "embroidery"),
    ("leather", "leather-footwear", "stone", "leather"),
    ("pottery", "pottery-glass", "pottery", "pottery"),
    ("ceramic", "pottery-glass", "pottery", "pottery"),
    ("glass", "pottery-glass", "pottery", "pottery"),
    ("metal", "metal-brass", "metal", "metal"),
    ("brass", "metal-brass", "metal", "metal"),
    ("wood", "wood-furniture", "wood", "wood"),
    ("furniture", "wood-furniture", "wood", "wood"),
    ("toy", "toys-sports", "toys", "general"),
    ("fibre", "natural-fibre", "fibre", "fibre"),
    ("jute", "natural-fibre", "fibre", "fibre"),
    ("bamboo", "natural-fibre", "fibre", "fibre"),
    ("perfum", "perfumes-incense", "fragrance", "trade"),
    ("engineering", "hardware-tools", "tools", "metal"),
    ("music", "musical-instruments", "music", "wood"),
)


def craft_generic(*, name_en: str, name_hi: str, sector: str) -> Craft:
    """A craft for an ODOP product the tables do not describe, built from its own name."""
    text = f"{sector} {name_en}".lower()
    category, motif, community = "art-stone-tribal", "buti", "general"
    for word, guess_category, guess_motif, guess_community in _SECTOR_GUESSES:
        if word in text:
            category, motif, community = guess_category, guess_motif, guess_community
            break
    hi = name_hi or name_en
    food = category == "food-agro"
    templates = (
        T(
            name_en,
            hi,
            "m",
            (199, 999) if food else (499, 2999),
            f"Authentic {name_en.lower()} from its home district.",
            f"अपने ही ज़िले का असली {hi}।",
            variants="pack" if food else "one",
        ),
        T(
            f"{name_en} gift pack",
            f"{hi} गिफ़्ट पैक",
            "m",
            (399, 1499) if food else (899, 3999),
            "A gift pack chosen by the makers.",
            "कारीगरों का चुना हुआ उपहार पैक।",
            variants="one",
        ),
    )
    return Craft(
        key=f"generic-{category}",
        odop_names=(name_en,),
        category=category,
        motif=motif,
        palettes=("saffron", "terracotta", "teal"),
        community=community,
        muslim_percent=25,
        story=(name_en.lower(), hi),
        about=("", ""),
        material=("", ""),
        technique=("", ""),
        templates=templates,
        origin="farm" if food else "hand",
        vendors=FARMERS if food else (("corporation", 100),),
    )
