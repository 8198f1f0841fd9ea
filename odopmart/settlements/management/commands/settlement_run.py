"""Settle every recognised item not settled yet (run by hand or from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from odopmart.ledger.posting import ledger_trial_balance
from odopmart.settlements.services import payouts_send_due, settlement_run


class Command(BaseCommand):
    help = "Create settlements per vendor for recognised items and queue their payouts."

    def handle(self, *args: Any, **options: Any) -> None:
        batch = settlement_run()
        if batch is None:
            self.stdout.write("nothing to settle")
        else:
            count = batch.settlements.count()
            self.stdout.write(f"batch {batch.pk}: {count} settlement(s)")
        sent = payouts_send_due()
        self.stdout.write(f"sent {sent} payout(s); trial balance {ledger_trial_balance()}")
