"""Load or refresh the reference data (idempotent): states, districts, PIN codes, ODOP, HSN, GST."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from odopmart.catalog.loaders import categories_load, gst_rates_load, hsn_codes_load
from odopmart.ledger.loaders import statutory_rates_load
from odopmart.odop.loaders import national_registry_load, up_registry_load
from odopmart.regions.loaders import pincodes_load, states_load, up_districts_load


class Command(BaseCommand):
    help = "Load or refresh reference data from data/reference (safe to run again)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--data-dir", default=str(settings.ODOPMART["REFERENCE_DATA_DIR"]))

    def handle(self, *args: Any, data_dir: str, **options: Any) -> None:
        directory = Path(data_dir)
        steps = [
            ("states/UTs", states_load),
            ("UP districts", up_districts_load),
            ("PIN codes", pincodes_load),
            ("UP ODOP products", up_registry_load),
            ("national ODOP products", national_registry_load),
            ("categories", categories_load),
            ("HSN codes", hsn_codes_load),
            ("GST rate rows", gst_rates_load),
            ("statutory rates (TCS, TDS, GST on commission)", statutory_rates_load),
        ]
        for label, load in steps:
            count = load(directory)
            self.stdout.write(f"  {label}: {count}")
        self.stdout.write(self.style.SUCCESS("Reference data loaded."))
