"""Earn every delivered item whose return window has closed (run by hand or from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from odopmart.ledger.posting import ledger_trial_balance
from odopmart.ledger.services import ledger_recognise_due


class Command(BaseCommand):
    help = "Recognise the vendor's revenue, commission, TCS, TDS and artisan share of due items."

    def handle(self, *args: Any, **options: Any) -> None:
        done = ledger_recognise_due()
        self.stdout.write(f"recognised {done} item(s); trial balance {ledger_trial_balance()}")
