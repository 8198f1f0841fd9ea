"""What the marketplace does on a timer, in one place.

Each step is a plain function of the app that owns the work; `manage.py periodic` runs the
minute steps (the serve loop calls it every minute; a deployment can use cron or systemd
instead) and `manage.py periodic --daily` the daily ones. A failing step is logged and the
others still run: every step is safe to run again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.management import call_command

logger = logging.getLogger("odopmart.periodic")


@dataclass(frozen=True)
class Step:
    name: str
    run: Callable[[], Any]


def _command(name: str, *args: str) -> Callable[[], Any]:
    def run() -> Any:
        return call_command(name, *args, verbosity=0)

    return run


def _send_due_payouts() -> Any:
    from odopmart.settlements.services import payouts_send_due

    return payouts_send_due()


def _settle() -> Any:
    from odopmart.settlements.services import settlement_run

    return settlement_run()


def _escalate_readiness() -> Any:
    from odopmart.fulfilment.services import readiness_escalate_due

    return readiness_escalate_due()


MINUTE_STEPS: tuple[Step, ...] = (
    # Expired order holds, then due domain events (orders, payments, books, invoices...).
    Step("orders", _command("orders_sweep")),
    Step("notifications", _command("send_due_notifications")),
    Step("refunds", _command("process_due_refunds")),
    Step("artisan readiness calls and escalation", _escalate_readiness),
    Step("shipments", _command("logistics_tick")),
    Step("revenue recognition", _command("ledger_recognise_due")),
    Step("payouts", _send_due_payouts),
)

DAILY_STEPS: tuple[Step, ...] = (
    # Each vendor's recognised sales become a settlement and its payout.
    Step("settlements", _settle),
    # Idempotent per vendor and month: issuing last month's again changes nothing.
    Step("commission invoices", _command("invoicing_issue_commission")),
)


def periodic_run(steps: tuple[Step, ...]) -> dict[str, str]:
    """Run each step; returns step name → "ok" or the error, for the command to print."""
    outcome: dict[str, str] = {}
    for step in steps:
        try:
            step.run()
        except Exception as exc:
            logger.exception("Periodic step %s failed", step.name)
            outcome[step.name] = f"{type(exc).__name__}: {exc}"
        else:
            outcome[step.name] = "ok"
    return outcome
