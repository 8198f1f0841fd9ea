"""Run what logistics does on a timer: due booking retries, then tracking polls."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from odopmart.logistics.services import shipments_book_due, shipments_poll_due


class Command(BaseCommand):
    help = "Retry due shipment bookings and poll tracking for providers without webhooks."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--limit", type=int, default=200)
        parser.add_argument("--no-poll", action="store_true", help="only retry bookings")

    def handle(self, *args: Any, limit: int, no_poll: bool, **options: Any) -> None:
        booked = shipments_book_due(limit=limit)
        polled = 0 if no_poll else shipments_poll_due(limit=limit)
        self.stdout.write(f"bookings attempted: {booked}; shipments polled: {polled}")
