"""Issue the month's commission invoice to every vendor with commission accrued in it.

manage.py invoicing_issue_commission              # last month
manage.py invoicing_issue_commission --month 2026-10
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from odopmart.invoicing.services import commission_invoices_issue, previous_month


class Command(BaseCommand):
    help = "Issue a month's commission invoices (default: last month). Safe to run again."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--month", help="YYYY-MM (default: last month)")

    def handle(self, *args: Any, **options: Any) -> None:
        if options.get("month"):
            try:
                year, month = (int(part) for part in options["month"].split("-"))
                start = date(year, month, 1)
            except ValueError as error:
                raise CommandError("Give the month as YYYY-MM.") from error
            end = date(year, month, calendar.monthrange(year, month)[1])
        else:
            start, end = previous_month(timezone.localdate())
        counts = commission_invoices_issue(period_start=start, period_end=end)
        self.stdout.write(
            f"{start:%Y-%m}: {counts['issued']} issued, {counts['existing']} already issued, "
            f"{counts['failed']} failed"
        )
