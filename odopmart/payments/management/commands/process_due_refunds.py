"""Send refunds whose (re)try is due: the safety net behind the task queue, run from a timer."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from odopmart.payments.services import refunds_process_due


class Command(BaseCommand):
    help = "Send every refund whose next attempt is due to the payment gateway."

    def handle(self, *args: Any, **options: Any) -> None:
        count = refunds_process_due()
        if options.get("verbosity", 1) > 1:
            self.stdout.write(f"{count} refund(s) tried")
