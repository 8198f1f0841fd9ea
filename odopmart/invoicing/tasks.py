"""Background tasks of invoicing: thin wrappers around the services."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from odopmart.invoicing.services import commission_invoices_issue, previous_month


@task()
def commission_invoices_issue_last_month() -> dict[str, int]:
    """Issue last month's commission invoice to every vendor (run on the 1st; idempotent)."""
    start, end = previous_month(timezone.localdate())
    return commission_invoices_issue(period_start=start, period_end=end)
