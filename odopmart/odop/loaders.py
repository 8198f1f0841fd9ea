"""Load the ODOP registry: UP from data/reference, and a national list when one is present."""

from __future__ import annotations

import csv
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from odopmart.odop.models import OdopProduct
from odopmart.odop.registry_csv import read_registry
from odopmart.regions.loaders import hindi_names, state_key
from odopmart.regions.models import District, State

NATIONAL_ODOP_FILE = "national_odop.csv"


def _gi_tags(data_dir: Path) -> dict[tuple[str, str], str]:
    with (data_dir / "gi_tags.csv").open(newline="", encoding="utf-8") as handle:
        return {(r["district"], r["odop_product"]): r["gi_tag"] for r in csv.DictReader(handle)}


def _upsert(district: District, *, name_en: str, defaults: dict[str, object]) -> OdopProduct:
    slug = slugify(f"{district.slug}-{name_en}")[:200]
    product, _ = OdopProduct.objects.update_or_create(
        district=district, name_en=name_en, defaults={"slug": slug, **defaults}
    )
    return product


@transaction.atomic
def up_registry_load(data_dir: Path) -> int:
    names_hi = hindi_names(data_dir)
    gi_tags = _gi_tags(data_dir)
    districts = {d.name_en: d for d in District.objects.filter(state__gst_state_code="09")}
    rows = read_registry(data_dir / "up_odop_districts.csv")
    for row in rows:
        district = districts[row.district]
        _upsert(
            district,
            name_en=row.name_en,
            defaults={
                "name_hi": names_hi.get(("odop", row.name_en), ""),
                "rank": row.rank,
                "sector": row.sector,
                "gi_tag": gi_tags.get((row.district, row.name_en), ""),
                "verification": row.verification,
                "source_ids": row.source_ids,
                "notes": row.notes,
                "year_added": row.year_added,
            },
        )
        if row.rank == "primary":
            District.objects.filter(pk=district.pk).update(
                headline_en=row.name_en, headline_hi=names_hi.get(("odop", row.name_en), "")
            )
    return len(rows)


@transaction.atomic
def national_registry_load(data_dir: Path) -> int:
    """Load `national_odop.csv` (columns: state, district, product, sector[, rank]) if present.

    Districts outside UP are created on first sight, without LGD codes.
    """
    path = data_dir / NATIONAL_ODOP_FILE
    if not path.exists():
        return 0
    states = {state_key(s.name_en): s for s in State.objects.all()}
    count = 0
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            state = states.get(state_key(row["state"]))
            if state is None or not row["district"].strip() or not row["product"].strip():
                continue
            name = row["district"].strip()
            district = District.objects.filter(state=state, name_en=name).first()
            if district is None:
                district = District.objects.create(
                    state=state, name_en=name, slug=slugify(f"{name}-{state.slug}")
                )
            _upsert(
                district,
                name_en=row["product"].strip(),
                defaults={"rank": row.get("rank") or "primary", "sector": row.get("sector", "")},
            )
            count += 1
    return count
