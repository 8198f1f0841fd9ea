"""Reference data for the books: statutory rates with their effective dates."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from django.db import transaction

from odopmart.ledger.models import StatutoryRate


@transaction.atomic
def statutory_rates_load(data_dir: Path) -> int:
    path = data_dir / "statutory_rates.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        StatutoryRate.objects.update_or_create(
            kind=row["kind"],
            effective_from=date.fromisoformat(row["effective_from"]),
            defaults={
                "rate_bp": int(row["rate_bp"]),
                "effective_to": date.fromisoformat(row["effective_to"])
                if row["effective_to"]
                else None,
                "legal_reference": row["legal_reference"][:200],
                "source": row["source"][:255],
            },
        )
    return len(rows)
