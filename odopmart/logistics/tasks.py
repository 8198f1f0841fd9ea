"""Background tasks of logistics: thin wrappers around the services."""

from __future__ import annotations

from django_tasks import task

from odopmart.logistics import services


@task()
def shipment_book(shipment_id: int) -> str:
    """One booking attempt (a no-op if not due or already booked)."""
    shipment = services.shipment_book_attempt(shipment_id=shipment_id)
    return shipment.booking_state if shipment is not None else "missing"


@task()
def shipments_book_due() -> int:
    """Bookings whose retry is due (and attempts lost with a dead worker)."""
    return services.shipments_book_due()


@task()
def shipments_poll_due() -> int:
    """Tracking polls for providers without webhooks."""
    return services.shipments_poll_due()
