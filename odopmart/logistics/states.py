"""The states a shipment moves through (INDIA_COMMERCE.md §7.3) and the moves allowed.

created -> pickup_scheduled -> picked_up -> in_transit -> out_for_delivery -> delivered
Exceptions: pickup_failed (rescheduled back to pickup_scheduled), undelivered (NDR: another
attempt or RTO), rto_initiated -> rto_in_transit -> rto_delivered, cancelled, lost.

Tracking events arrive late, twice and out of order. A move is made only if the table allows it,
so a "picked up" scan that arrives after "in transit" is recorded but never moves the shipment
back; any step forward may skip steps whose scans never came.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ShipmentStatus(models.TextChoices):
    CREATED = "created", _("Being booked")
    PICKUP_SCHEDULED = "pickup_scheduled", _("Pickup scheduled")
    PICKUP_FAILED = "pickup_failed", _("Pickup failed")
    PICKED_UP = "picked_up", _("Picked up")
    IN_TRANSIT = "in_transit", _("In transit")
    OUT_FOR_DELIVERY = "out_for_delivery", _("Out for delivery")
    UNDELIVERED = "undelivered", _("Delivery attempt failed")
    DELIVERED = "delivered", _("Delivered")
    RTO_INITIATED = "rto_initiated", _("Returning to the artisan")
    RTO_IN_TRANSIT = "rto_in_transit", _("Return in transit")
    RTO_DELIVERED = "rto_delivered", _("Returned to the artisan")
    CANCELLED = "cancelled", _("Cancelled")
    LOST = "lost", _("Lost")


S = ShipmentStatus

FORWARD = [
    S.CREATED,
    S.PICKUP_SCHEDULED,
    S.PICKED_UP,
    S.IN_TRANSIT,
    S.OUT_FOR_DELIVERY,
    S.DELIVERED,
]
RTO = [S.RTO_INITIATED, S.RTO_IN_TRANSIT, S.RTO_DELIVERED]


def _later(chain: list[S], status: S) -> set[S]:
    return set(chain[chain.index(status) + 1 :])


_BEFORE_PICKUP = {S.CREATED, S.PICKUP_SCHEDULED, S.PICKUP_FAILED}
_MOVING = {S.PICKED_UP, S.IN_TRANSIT, S.OUT_FOR_DELIVERY, S.UNDELIVERED}

SHIPMENT_TRANSITIONS: dict[str, frozenset[str]] = {
    S.CREATED: frozenset(_later(FORWARD, S.CREATED) | {S.PICKUP_FAILED, S.CANCELLED}),
    S.PICKUP_SCHEDULED: frozenset(
        _later(FORWARD, S.PICKUP_SCHEDULED) | {S.PICKUP_FAILED, S.CANCELLED}
    ),
    # Common at an artisan's home: nobody in, parcel not packed. The courier comes again.
    S.PICKUP_FAILED: frozenset(_later(FORWARD, S.CREATED) | {S.CANCELLED}),
    S.PICKED_UP: frozenset(_later(FORWARD, S.PICKED_UP) | {S.UNDELIVERED, S.LOST, *RTO}),
    S.IN_TRANSIT: frozenset(_later(FORWARD, S.IN_TRANSIT) | {S.UNDELIVERED, S.LOST, *RTO}),
    S.OUT_FOR_DELIVERY: frozenset({S.DELIVERED, S.UNDELIVERED, S.LOST, *RTO}),
    # After a failed attempt the parcel goes out again, waits at the hub, or returns.
    S.UNDELIVERED: frozenset({S.IN_TRANSIT, S.OUT_FOR_DELIVERY, S.DELIVERED, S.LOST, *RTO}),
    S.RTO_INITIATED: frozenset({S.RTO_IN_TRANSIT, S.RTO_DELIVERED, S.LOST}),
    S.RTO_IN_TRANSIT: frozenset({S.RTO_DELIVERED, S.LOST}),
    S.DELIVERED: frozenset(),
    S.RTO_DELIVERED: frozenset(),
    S.CANCELLED: frozenset(),
    S.LOST: frozenset(),
}

FINAL_STATUSES = frozenset(status for status, moves in SHIPMENT_TRANSITIONS.items() if not moves)
# Statuses in which the parcel has left the artisan's door.
PICKED_UP_STATUSES = frozenset(_MOVING | {S.DELIVERED, S.LOST, *RTO})
# A shipment in one of these still holds its items (a new booking for them is refused).
ACTIVE_STATUSES = frozenset(set(S) - {S.CANCELLED})
CANCELLABLE_STATUSES = frozenset(_BEFORE_PICKUP)


class EventKind(models.TextChoices):
    STATUS = "status", _("Status")
    BOOKING = "booking", _("Booking")
    ERROR = "error", _("Problem")
    NOTE = "note", _("Note")


class EventSource(models.TextChoices):
    WEBHOOK = "webhook", _("Courier webhook")
    POLL = "poll", _("Tracking poll")
    STAFF = "staff", _("Entered by staff")
    SYSTEM = "system", _("odopmart")


class BookingState(models.TextChoices):
    PENDING = "pending", _("Waiting to be booked")
    DONE = "done", _("Booked")
    FAILED = "failed", _("Booking failed: needs a person")
    CANCELLED = "cancelled", _("Cancelled")


class WebhookOutcome(models.TextChoices):
    RECEIVED = "received", _("Received")
    APPLIED = "applied", _("Applied")
    DUPLICATE = "duplicate", _("Already seen")
    IGNORED = "ignored", _("Recorded, no change")
    UNKNOWN_AWB = "unknown_awb", _("Unknown AWB")
    FORGED = "forged", _("Signature rejected")
    INVALID = "invalid", _("Unreadable")
