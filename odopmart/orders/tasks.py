"""Background tasks of the orders app: thin wrappers around the services."""

from __future__ import annotations

from django_tasks import task

from odopmart.orders import services


@task()
def reservations_expire() -> int:
    """Expire unpaid orders whose hold ran out (also run by the serve loop every minute)."""
    return services.reservations_expire()
