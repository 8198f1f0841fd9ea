"""Background tasks of the outbox: thin wrappers around the services."""

from __future__ import annotations

from django_tasks import task

from odopmart.notifications import services


@task()
def notification_send(notification_id: int) -> str:
    """One attempt at sending a queued message (a no-op if it is not due or already handled)."""
    notification = services.notification_attempt(notification_id=notification_id)
    return notification.status if notification is not None else "missing"


@task()
def notification_dispatch_due() -> int:
    """Queue every message whose retry is due and recover interrupted attempts."""
    return services.notification_dispatch_due()
