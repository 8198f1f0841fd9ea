"""Operator-managed pickups, the embedded default: staff arrange the courier, then enter the
AWB, the courier and each status by hand in the shipments page. The label is ours."""

from __future__ import annotations

from typing import TYPE_CHECKING

from odopmart.logistics.providers.base import (
    Booking,
    LogisticsProvider,
    PickupSlot,
    Serviceability,
    default_pickup_slot,
)

if TYPE_CHECKING:
    from odopmart.logistics.models import Shipment


class ManualProvider(LogisticsProvider):
    name = "manual"

    def serviceability(
        self, pickup_pincode: str, delivery_pincode: str, weight_grams: int, cod: bool
    ) -> Serviceability:
        # The operator's own arrangements reach every PIN code (India Post at worst).
        return Serviceability(serviceable=True, cod_available=True)

    def create_shipment(self, shipment: Shipment) -> Booking:
        return Booking(awb="")

    def schedule_pickup(self, shipment: Shipment) -> PickupSlot:
        return default_pickup_slot()

    def label(self, shipment: Shipment) -> bytes:
        from odopmart.logistics.label import shipment_label_pdf

        return shipment_label_pdf(shipment)

    def cancel(self, shipment: Shipment) -> None:
        return None
