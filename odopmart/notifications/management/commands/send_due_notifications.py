"""Run the outbox's safety net once; call it every minute from a timer (cron, systemd)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from odopmart.notifications.services import notification_dispatch_due


class Command(BaseCommand):
    help = "Queue due notification retries and recover interrupted send attempts."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--limit", type=int, default=500)

    def handle(self, *args: Any, limit: int, **options: Any) -> None:
        queued = notification_dispatch_due(limit=limit)
        self.stdout.write(f"{queued} notification attempt(s) queued")
