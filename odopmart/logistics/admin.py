"""Read-mostly admin: shipments change only through the services (the pages), so the admin
shows them, their events and every webhook without editing."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from odopmart.logistics.models import (
    PickupLocation,
    Shipment,
    ShipmentEvent,
    ShipmentItem,
    TrackingWebhook,
)


class ReadOnlyMixin:
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ShipmentItemInline(ReadOnlyMixin, admin.TabularInline):
    model = ShipmentItem
    extra = 0
    fields = ["item", "quantity"]
    readonly_fields = fields


class ShipmentEventInline(ReadOnlyMixin, admin.TabularInline):
    model = ShipmentEvent
    extra = 0
    fields = [
        "at", "kind", "source", "from_status", "to_status", "applied", "provider_status",
        "location", "event_time", "actor", "reason",
    ]  # fmt: skip
    readonly_fields = fields


@admin.register(Shipment)
class ShipmentAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = [
        "reference", "status", "booking_state", "needs_attention", "provider", "awb",
        "courier_name", "pickup_slot_start", "created_at",
    ]  # fmt: skip
    list_filter = ["status", "booking_state", "needs_attention", "provider"]
    search_fields = ["reference", "awb", "seller_order__number", "seller_order__order__number"]
    list_select_related = ["seller_order"]
    raw_id_fields = ["seller_order", "artisan", "created_by"]
    inlines = [ShipmentItemInline, ShipmentEventInline]
    date_hierarchy = "created_at"


@admin.register(ShipmentEvent)
class ShipmentEventAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["shipment", "kind", "from_status", "to_status", "applied", "source", "at"]
    list_filter = ["kind", "applied", "source", "to_status"]
    search_fields = ["shipment__reference", "shipment__awb", "provider_event_id"]
    raw_id_fields = ["shipment", "actor"]


@admin.register(TrackingWebhook)
class TrackingWebhookAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["received_at", "provider", "awb", "outcome", "signature_valid", "flagged"]
    list_filter = ["provider", "outcome", "flagged", "signature_valid"]
    search_fields = ["awb", "detail"]
    raw_id_fields = ["shipment"]


@admin.register(PickupLocation)
class PickupLocationAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["name", "provider", "artisan", "created_at"]
    list_filter = ["provider"]
    raw_id_fields = ["artisan"]
