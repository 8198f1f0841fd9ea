"""Delete sign-in records nobody needs any more: old codes and old rate-limit counts."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from odopmart.accounts.models import OtpChallenge
from odopmart.accounts.ratelimit import rate_limit_prune


class Command(BaseCommand):
    help = "Delete sign-in codes and rate-limit counts older than --days (default 7)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--days", type=int, default=7)

    def handle(self, *args: Any, days: int, **options: Any) -> None:
        # Limits look back at most a day, so a week keeps every count that matters and a
        # little history for the helpline.
        before = timezone.now() - timedelta(days=max(days, 2))
        codes, _ = OtpChallenge.objects.filter(created_at__lt=before).delete()
        hits = rate_limit_prune(before=before)
        self.stdout.write(f"Deleted {codes} sign-in code(s) and {hits} rate-limit count(s)")
