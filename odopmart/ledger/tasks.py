"""Background tasks of the books: thin wrappers around the services."""

from __future__ import annotations

from django_tasks import task

from odopmart.ledger import services


@task()
def ledger_recognise_due() -> int:
    """Earn the items whose return window has closed (also run by the serve loop)."""
    return services.ledger_recognise_due()
