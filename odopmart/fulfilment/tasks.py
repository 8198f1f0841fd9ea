"""Background task of the readiness loop: a thin wrapper around the sweep."""

from __future__ import annotations

from django_tasks import task

from odopmart.fulfilment import services


@task()
def readiness_escalate_due_task() -> dict[str, int]:
    """Next calls, helpline tasks and SLA alerts that are due (run from a timer)."""
    result = services.readiness_escalate_due()
    return dict(vars(result))
