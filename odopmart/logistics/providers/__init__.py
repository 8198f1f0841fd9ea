"""Logistics providers, chosen by name: ``LOGISTICS["PROVIDER"]`` for new shipments, and each
shipment's own `provider` afterwards (a change of setting never strands booked parcels)."""

from __future__ import annotations

from odopmart.logistics.providers.base import (
    Booking,
    LogisticsProvider,
    LogisticsProviderError,
    PickupSlot,
    Serviceability,
    TrackingEvent,
)

__all__ = [
    "Booking",
    "LogisticsProvider",
    "LogisticsProviderError",
    "PickupSlot",
    "Serviceability",
    "TrackingEvent",
    "PROVIDER_NAMES",
    "provider_for",
]

PROVIDER_NAMES = ("manual", "shiprocket", "delhivery")


def provider_for(name: str | None = None) -> LogisticsProvider:
    from odopmart.logistics.conf import logistics_setting

    name = name or str(logistics_setting("PROVIDER"))
    if name == "shiprocket":
        from odopmart.logistics.providers.shiprocket import ShiprocketProvider

        return ShiprocketProvider()
    if name == "delhivery":
        from odopmart.logistics.providers.delhivery import DelhiveryProvider

        return DelhiveryProvider()
    if name == "manual":
        from odopmart.logistics.providers.manual import ManualProvider

        return ManualProvider()
    raise ValueError(f"unknown logistics provider {name!r}; choose one of {PROVIDER_NAMES}")
