"""The interface every logistics provider implements.

A provider makes network calls and turns answers into our shapes; it never writes to the
database. The services decide about retries, record every outcome and move the state machine.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from odopmart.logistics.conf import logistics_setting

if TYPE_CHECKING:
    from odopmart.logistics.models import Shipment


class LogisticsProviderError(Exception):
    """The provider did not do it. `retryable=False` when trying again can't help (a 4xx:
    bad address, unserviceable pincode, refused credentials)."""

    def __init__(
        self,
        message: str,
        *,
        retryable: bool,
        status_code: int | None = None,
        partial: Booking | None = None,
    ) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.status_code = status_code
        # What the provider did create before failing (kept, so a retry doesn't repeat it).
        self.partial = partial


@dataclass(frozen=True)
class Serviceability:
    serviceable: bool
    cod_available: bool
    # Couriers on offer (aggregators): [{"id", "name", "rate_paise", "etd"}], best first.
    couriers: list[dict[str, Any]] = field(default_factory=list)
    detail: str = ""


@dataclass(frozen=True)
class Booking:
    awb: str  # empty when the provider leaves it to a person (operator-managed)
    courier_name: str = ""
    provider_order_id: str = ""
    provider_shipment_id: str = ""


@dataclass(frozen=True)
class PickupSlot:
    start: dt.datetime
    end: dt.datetime
    reference: str = ""


@dataclass(frozen=True)
class TrackingEvent:
    """One tracking event in our terms. `status` is None when the courier's status has no
    meaning for us (it is still recorded)."""

    awb: str
    status: str | None
    provider_status: str
    provider_code: str = ""
    location: str = ""
    event_time: dt.datetime | None = None
    # Stable for the same event however often it is delivered (dedupe).
    event_id: str = ""
    raw: Mapping[str, Any] = field(default_factory=dict)


def default_pickup_slot(now: dt.datetime | None = None) -> PickupSlot:
    """The next working day (not Sunday) between the configured hours, local time."""
    local = timezone.localtime(now or timezone.now())
    day = local.date() + dt.timedelta(days=1)
    while day.weekday() == 6:
        day += dt.timedelta(days=1)
    zone = timezone.get_current_timezone()
    start = dt.datetime.combine(day, dt.time(int(logistics_setting("PICKUP_START_HOUR"))), zone)
    end = dt.datetime.combine(day, dt.time(int(logistics_setting("PICKUP_END_HOUR"))), zone)
    return PickupSlot(start=start, end=end)


class LogisticsProvider(ABC):
    name = "base"
    # Tracking arrives by webhook; without it, `shipments_poll_due` polls `track`.
    supports_webhooks = False
    supports_polling = False

    def __init__(self, **options: Any) -> None:
        self.options = options

    @abstractmethod
    def serviceability(
        self, pickup_pincode: str, delivery_pincode: str, weight_grams: int, cod: bool
    ) -> Serviceability:
        """Can a parcel go from one PIN code to the other (and with cash on delivery)?"""

    def register_pickup_location(self, shipment: Shipment, name: str) -> str:
        """Register the artisan's door as a pickup location named `name`; returns the name the
        provider knows it by. Providers that take the address with each booking do nothing."""
        return ""

    @abstractmethod
    def create_shipment(self, shipment: Shipment) -> Booking:
        """Create the shipment with the provider and get its AWB and courier."""

    @abstractmethod
    def schedule_pickup(self, shipment: Shipment) -> PickupSlot:
        """Ask for the courier to come to the pickup address; returns the window."""

    @abstractmethod
    def label(self, shipment: Shipment) -> bytes:
        """The shipping label as PDF bytes."""

    def wants_polling(self) -> bool:
        """Should `shipments_poll_due` poll this provider's shipments?"""
        return self.supports_polling

    def track(self, awb: str) -> list[TrackingEvent]:
        """Every tracking event the provider knows for the AWB (polling)."""
        return []

    def verify_webhook(self, headers: Mapping[str, str], body: bytes) -> bool:
        """Is the call really from the provider (its token or signature, constant time)?"""
        return False

    def parse_webhook(self, headers: Mapping[str, str], body: bytes) -> list[TrackingEvent]:
        """The tracking events in a webhook body; ValueError when it can't be read."""
        raise ValueError(f"{self.name} sends no webhooks")

    @abstractmethod
    def cancel(self, shipment: Shipment) -> None:
        """Cancel the shipment with the provider (before pickup)."""
