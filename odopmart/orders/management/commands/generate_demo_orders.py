"""Simulate a year and more of orders on the demo catalogue through the real services."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from odopmart.orders.demo import generate_demo_orders
from odopmart.orders.models import Order


class Command(BaseCommand):
    help = "Place, pay, fulfil, deliver (and cancel/return a few) demo orders over past months."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--count", type=int, default=200)
        parser.add_argument("--months", type=int, default=15)
        parser.add_argument("--seed", type=int, default=2611)
        parser.add_argument(
            "--if-empty", action="store_true", help="do nothing when orders already exist"
        )

    def handle(self, *args: Any, count: int, months: int, seed: int, **options: Any) -> None:
        if options["if_empty"] and Order.objects.exists():
            self.stdout.write("Orders exist; demo orders not generated.")
            return
        started = time.monotonic()
        result = generate_demo_orders(count=count, months=months, seed=seed)
        self.stdout.write(
            f"Demo orders: {result.orders} placed, {result.delivered} parcels delivered, "
            f"{result.cancelled_items} items cancelled, {result.returns} returns "
            f"({result.skipped} skipped) in {time.monotonic() - started:.0f}s."
        )
