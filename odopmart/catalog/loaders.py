"""Load categories, the HSN master and GST rates (with effective dates) from data/reference."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction

from odopmart.catalog.models import Category, GstRate, HsnCode

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# "5%: sale value not exceeding Rs 2,500 per piece ..." or "5%: ... [sale value not exceeding
# Rs 2,500 per piece]": the rate that applies up to a value per piece (or pair).
_THRESHOLD = re.compile(
    r"(?P<rate>\d+(?:\.\d+)?)%:[^;]*?not exceeding\s+Rs\.?\s*(?P<amount>[\d,]+(?:\.\d+)?)"
    r"\s*(?:per|a)\s+(?:piece|pair)",
    re.IGNORECASE,
)


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def categories_load(data_dir: Path) -> int:
    rows = _read(data_dir / "categories.csv")
    for row in rows:
        Category.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "position": int(row["position"]),
                "icon": row["icon"],
                "name_en": row["name_en"],
                "name_hi": row["name_hi"],
                "description_en": row["description_en"],
                "description_hi": row["description_hi"],
                "default_hsn_code": row["default_hsn_code"],
                "default_gst_rate_bp": int(row["default_gst_rate_bp"]),
                "return_window_days": int(row["return_window_days"]),
            },
        )
    return len(rows)


@transaction.atomic
def hsn_codes_load(data_dir: Path) -> int:
    codes = {}
    for row in _read(data_dir / "hsn_master.csv"):
        code = row["hsn_code"].strip()
        # Rows flagged in SOURCES.md (lost leading zero, embedded space) duplicate good rows.
        if row["qa_flag"] or not code.isdigit():
            continue
        codes[code] = HsnCode(code=code, description=row["description"])
    HsnCode.objects.bulk_create(
        codes.values(),
        batch_size=2000,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["description"],
    )
    return len(codes)


def _percent_to_bp(text: str) -> int:
    whole, _, fraction = text.strip().partition(".")
    return int(whole) * 100 + int((fraction + "00")[:2])


def _rupees_to_paise(text: str) -> int:
    whole, _, fraction = text.replace(",", "").strip().partition(".")
    return int(whole) * 100 + int((fraction + "00")[:2])


def value_threshold_parse(conditions: str, allowed_bp: list[int]) -> tuple[int, int, int] | None:
    """(rate up to the threshold, threshold in paise per piece, rate above) from a row's
    conditions such as "5%: sale value not exceeding Rs 2,500 per piece; 18% above", or None.

    The rate above is the highest other allowed rate of the row.
    """
    match = _THRESHOLD.search(conditions or "")
    if not match:
        return None
    below = _percent_to_bp(match.group("rate"))
    above = [rate for rate in allowed_bp if rate > below]
    if not above:
        return None
    return below, _rupees_to_paise(match.group("amount")), max(above)


@transaction.atomic
def gst_rates_load(data_dir: Path) -> int:
    rows = _read(data_dir / "odop_hsn_gst_rates.csv")
    for row in rows:
        match = _DATE.search(row["rates_effective_from"])
        # Rows without a verified rate still get a row so operators see what needs deciding.
        effective_from = (
            date.fromisoformat(match.group(0))
            if match
            else date.fromisoformat(settings.ODOPMART["GST_RATES_DEFAULT_EFFECTIVE_FROM"])
        )
        allowed = [
            _percent_to_bp(part)
            for part in row["gst_rates_allowed"].strip("{} ").split(",")
            if part.strip()
        ]
        rate_bp = _percent_to_bp(row["gst_rate_default"]) if row["gst_rate_default"] else None
        threshold = value_threshold_parse(row["rate_conditions"], allowed)
        threshold_paise = above_bp = None
        if threshold is not None:
            # The rate of a value-dependent row is the one up to the threshold.
            rate_bp, threshold_paise, above_bp = threshold
        GstRate.objects.update_or_create(
            hsn_code=row["hsn_code"],
            effective_from=effective_from,
            defaults={
                "rate_bp": rate_bp,
                "value_threshold_paise": threshold_paise,
                "rate_above_threshold_bp": above_bp,
                "allowed_rates_bp": allowed,
                "conditions": row["rate_conditions"],
                "source": row["rate_source"][:255],
                "verified": row["rate_verified"].strip().lower() == "yes",
            },
        )
    return len(rows)
