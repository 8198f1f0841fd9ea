"""Reads the UP ODOP registry CSV (data/reference/up_odop_districts.csv) into clean product rows.

The CSV keeps the compiler's notes inside the product cells ("(2022 addition)", "(reported as
included: S16)", "- listing status unconfirmed"); this module separates names from notes so the
registry shows clean names while the notes stay visible to operators.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

# Parenthetical remarks that are provenance notes, not part of a product's name.
_NOTE_PAREN = re.compile(
    r"\s*\((?:[^()]*\b(?:S\d+|addition|additions|reported|already listed|year)\b[^()]*)\)", re.I
)
_UNCONFIRMED = re.compile(r"\s+(?:-\s+|reported\b).*$")


@dataclass(frozen=True)
class RegistryProduct:
    district: str
    name_en: str
    rank: str  # primary | secondary | tertiary
    sector: str
    verification: str
    source_ids: str
    notes: str
    year_added: int | None


def _split_products(cell: str) -> list[tuple[str, str]]:
    """'Food items; School dresses (2022 additions)' -> [(name, note), ...]."""
    cell = cell.strip()
    if not cell:
        return []
    shared_note = ""
    # A trailing note in parentheses after the last item applies to every item in the cell.
    trailing = _NOTE_PAREN.search(cell)
    if trailing and trailing.end() == len(cell):
        shared_note = trailing.group(0).strip(" ()")
        cell = cell[: trailing.start()]
    items = []
    for raw in cell.split(";"):
        note_parts = [shared_note] if shared_note else []
        text = raw.strip()
        for match in _NOTE_PAREN.finditer(text):
            note_parts.append(match.group(0).strip(" ()"))
        text = _NOTE_PAREN.sub("", text)
        unconfirmed = _UNCONFIRMED.search(text)
        if unconfirmed:
            note_parts.append(unconfirmed.group(0).strip(" -"))
            text = text[: unconfirmed.start()]
        text = text.strip()
        if text:
            items.append((text, "; ".join(note_parts)))
    return items


def read_registry(path: Path) -> list[RegistryProduct]:
    products: list[RegistryProduct] = []
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            base = {
                "district": row["district"].strip(),
                "sector": row["product_category"].strip(),
                "source_ids": row["source_ids"].strip(),
            }
            primary_notes = row["notes"].strip()
            products.append(
                RegistryProduct(
                    name_en=row["odop_product_primary"].strip(),
                    rank="primary",
                    verification=row["verification"].strip(),
                    notes=primary_notes,
                    year_added=2018,
                    **base,
                )
            )
            for column, rank, year in (
                ("additional_products_2022_or_other", "secondary", 2022),
                ("additional_products_2025", "tertiary", 2025),
            ):
                for name, note in _split_products(row[column]):
                    unconfirmed = "unconfirmed" in note.lower()
                    products.append(
                        RegistryProduct(
                            name_en=name,
                            rank=rank,
                            # Additions are only as sure as the news reports that name them.
                            verification="unverified" if unconfirmed else "verified_secondary",
                            notes=note,
                            year_added=None if "year not stated" in note else year,
                            district=base["district"],
                            source_ids=base["source_ids"],
                            # The CSV's sector describes the primary product only.
                            sector="",
                        )
                    )
    return products
