"""Run the marketplace's timed work once: every minute (default) or daily (`--daily`)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from odopmart.core.periodic import DAILY_STEPS, MINUTE_STEPS, periodic_run


class Command(BaseCommand):
    help = "Run the timed work once (call every minute; with --daily, once a day)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--daily", action="store_true", help="run the daily steps")

    def handle(self, *args: Any, daily: bool, **options: Any) -> None:
        outcome = periodic_run(DAILY_STEPS if daily else MINUTE_STEPS)
        for name, result in outcome.items():
            self.stdout.write(f"  {name}: {result}")
        failed = [name for name, result in outcome.items() if result != "ok"]
        if failed:
            raise CommandError(f"{len(failed)} step(s) failed: {', '.join(failed)}")
