"""The default shipping rate card shipped in data/reference/shipping_rates.csv."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings

RATE_CARD_FILE = "shipping_rates.csv"


@dataclass(frozen=True)
class RateCardRow:
    zone: str
    up_to_grams: int
    charge_paise: int
    extra_per_500g_paise: int
    effective_from: date


def _paise(rupees: str) -> int:
    whole, _, fraction = rupees.strip().partition(".")
    return int(whole) * 100 + int((fraction + "00")[:2])


def rate_card_read(data_dir: Path | None = None) -> list[RateCardRow]:
    directory = Path(data_dir or settings.ODOPMART["REFERENCE_DATA_DIR"])
    with (directory / RATE_CARD_FILE).open(newline="", encoding="utf-8") as handle:
        return [
            RateCardRow(
                zone=row["zone"].strip(),
                up_to_grams=int(row["up_to_grams"]),
                charge_paise=_paise(row["charge_rupees"]),
                extra_per_500g_paise=_paise(row["extra_per_500g_rupees"] or "0"),
                effective_from=date.fromisoformat(row["effective_from"].strip()),
            )
            for row in csv.DictReader(handle)
        ]


def shipping_rates_load(data_dir: Path | None = None, model: type | None = None) -> int:
    """Insert the rate card's rows that are not in the table yet (operator edits are kept)."""
    if model is None:
        from odopmart.orders.models import ShippingRate as model  # noqa: N813
    rows = rate_card_read(data_dir)
    for row in rows:
        model.objects.get_or_create(
            zone=row.zone,
            up_to_grams=row.up_to_grams,
            effective_from=row.effective_from,
            defaults={
                "charge_paise": row.charge_paise,
                "extra_per_500g_paise": row.extra_per_500g_paise,
            },
        )
    return len(rows)
