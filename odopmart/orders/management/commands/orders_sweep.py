"""Expire unpaid orders and deliver due outbox events; call it every minute (cron, systemd)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from odopmart.core.outbox import outbox_dispatch_due
from odopmart.orders.services import reservations_expire


class Command(BaseCommand):
    help = "Expire unpaid orders past their hold and deliver due outbox events."

    def handle(self, *args: Any, **options: Any) -> None:
        expired = reservations_expire()
        delivered = outbox_dispatch_due()
        self.stdout.write(f"{expired} order(s) expired, {delivered} outbox event(s) delivered")
