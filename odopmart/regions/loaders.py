"""Load states, UP districts, PIN codes and post offices from data/reference (idempotent)."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from odopmart.regions.models import District, Pincode, PostOffice, State, StateType

UP_GST_CODE = "09"
_TYPE = {"State": StateType.STATE, "UT": StateType.UNION_TERRITORY}


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def state_key(name: str) -> str:
    """Normalise state names across sources ('The Dadra And …' == 'Dadra and …')."""
    key = name.strip().lower().replace("&", "and")
    return key.removeprefix("the ")


def hindi_names(data_dir: Path) -> dict[tuple[str, str], str]:
    return {
        (row["kind"], row["name_en"]): row["name_hi"] for row in _read(data_dir / "hindi_names.csv")
    }


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text).quantize(Decimal("0.000001")) if text else None
    except InvalidOperation:
        return None


@transaction.atomic
def states_load(data_dir: Path) -> int:
    names_hi = hindi_names(data_dir)
    rows = _read(data_dir / "gst_state_codes.csv")
    for row in rows:
        name = row["state_ut_name"].strip()
        State.objects.update_or_create(
            gst_state_code=row["gst_state_code"],
            defaults={
                "name_en": name,
                "name_hi": names_hi.get(("state", name), ""),
                "slug": slugify(name),
                "type": _TYPE.get(row["type"], StateType.OTHER),
                "iso_3166_2_code": row["iso_3166_2_code"],
                "lgd_state_code": int(row["lgd_state_code"]) if row["lgd_state_code"] else None,
                "notes": row["notes"],
            },
        )
    return len(rows)


@transaction.atomic
def up_districts_load(data_dir: Path) -> int:
    """The 75 districts of Uttar Pradesh, with LGD codes and Hindi names."""
    names_hi = hindi_names(data_dir)
    up = State.objects.get(gst_state_code=UP_GST_CODE)
    lgd_names = {
        int(r["lgd_district_code"]): r["district_name_lgd"]
        for r in _read(data_dir / "lgd_districts_up.csv")
    }
    rows = _read(data_dir / "up_odop_districts.csv")
    for row in rows:
        name = row["district"].strip()
        code = int(row["lgd_district_code"])
        District.objects.update_or_create(
            lgd_code=code,
            defaults={
                "state": up,
                "name_en": name,
                "name_hi": names_hi.get(("district", name), ""),
                "name_lgd": lgd_names.get(code, row["district_name_lgd"]),
                "slug": slugify(name),
            },
        )
    return len(rows)


@transaction.atomic
def pincodes_load(data_dir: Path) -> int:
    """Every PIN code in India (one row each) and UP's post offices with their district."""
    states = {state_key(s.name_en): s for s in State.objects.all()}
    districts_by_lgd = {d.lgd_code: d for d in District.objects.exclude(lgd_code=None)}

    offices = _read(data_dir / "pincodes_up.csv")
    district_votes: dict[str, Counter[int]] = defaultdict(Counter)
    for office in offices:
        if office["lgd_district_code"] and "pincode_prefix_not_UP_range" not in office["qa_flag"]:
            district_votes[office["pincode"]][int(office["lgd_district_code"])] += 1

    pincodes = []
    for row in _read(data_dir / "pincodes_india_summary.csv"):
        first_state = row["state"].split(";")[0]
        votes = district_votes.get(row["pincode"])
        district = districts_by_lgd.get(votes.most_common(1)[0][0]) if votes else None
        pincodes.append(
            Pincode(
                code=row["pincode"],
                state=states.get(state_key(first_state)),
                district=district,
                district_names=row["district"][:200],
                head_office=row["head_or_sub_office"][:120],
                office_count=int(row["office_count"] or 0),
                latitude=_decimal(row["latitude_median"]),
                longitude=_decimal(row["longitude_median"]),
            )
        )
    Pincode.objects.bulk_create(
        pincodes,
        batch_size=2000,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=[
            "state",
            "district",
            "district_names",
            "head_office",
            "office_count",
            "latitude",
            "longitude",
        ],
    )

    pincode_ids = dict(Pincode.objects.values_list("code", "id"))
    post_offices = []
    seen: set[tuple[str, str]] = set()
    for office in offices:
        key = (office["pincode"], office["office_name"].strip())
        if key in seen or office["pincode"] not in pincode_ids or not office["lgd_district_code"]:
            continue
        seen.add(key)
        post_offices.append(
            PostOffice(
                pincode_id=pincode_ids[office["pincode"]],
                name=key[1][:120],
                branch_type=office["branch_type"][:4],
                delivers=office["delivery_status"].strip().lower() == "delivery",
                district=districts_by_lgd[int(office["lgd_district_code"])],
                qa_flag=office["qa_flag"][:200],
            )
        )
    PostOffice.objects.bulk_create(
        post_offices,
        batch_size=2000,
        update_conflicts=True,
        unique_fields=["pincode", "name"],
        update_fields=["branch_type", "delivers", "district", "qa_flag"],
    )
    return len(pincodes)
