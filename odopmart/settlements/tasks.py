"""Background tasks of settlements: thin wrappers around the services."""

from __future__ import annotations

from django_tasks import task

from odopmart.settlements import services


@task()
def settlement_run() -> int | None:
    """Settle what is due (the lead schedules it, e.g. weekly)."""
    batch = services.settlement_run()
    return batch.pk if batch is not None else None


@task()
def payouts_send_due() -> int:
    """Send (or retry, after their back-off) pending RazorpayX payouts."""
    return services.payouts_send_due()
