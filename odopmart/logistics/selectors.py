"""Reads of shipments: who may see which, the buyer's tracking, what is ready to book."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from odopmart.accounts.models import StaffRole
from odopmart.accounts.roles import has_staff_role
from odopmart.logistics.models import Shipment, ShipmentEvent, ShipmentItem
from odopmart.logistics.services import BOOKABLE_ITEM_STATUSES
from odopmart.logistics.states import ACTIVE_STATUSES, EventKind, ShipmentStatus
from odopmart.orders.models import Order, OrderItem
from odopmart.sellers.access import vendors_for_user


def is_logistics_staff(user: Any) -> bool:
    """Operator admins and the helpline see and act on every shipment."""
    return bool(user is not None) and has_staff_role(user, StaffRole.HELPLINE)


def shipments_for_user(user: Any) -> QuerySet[Shipment]:
    shipments = Shipment.objects.select_related(
        "seller_order__order", "seller_order__vendor", "artisan"
    ).order_by("-created_at", "-pk")
    if user is None or not user.is_authenticated:
        return shipments.none()
    if is_logistics_staff(user):
        return shipments
    return shipments.filter(seller_order__vendor__in=vendors_for_user(user))


def shipment_for_user(user: Any, shipment_id: int) -> Shipment:
    """The shipment if the user may see it, else 404 (never 403: ids can't be probed)."""
    shipment = (
        shipments_for_user(user)
        .select_related("seller_order__order__ship_state", "artisan__district")
        .prefetch_related(
            Prefetch("lines", queryset=ShipmentItem.objects.select_related("item")),
            Prefetch("events", queryset=ShipmentEvent.objects.select_related("actor")),
        )
        .filter(pk=shipment_id)
        .first()
    )
    if shipment is None:
        raise Http404
    return shipment


def shipments_for_order(order: Order) -> list[Shipment]:
    """The order's live shipments with their items and events (3 queries in all), for the
    buyer's order page. Each has `timeline`: the status events that moved it, oldest first."""
    shipments = list(
        Shipment.objects.filter(seller_order__order=order)
        .exclude(status=ShipmentStatus.CANCELLED)
        .order_by("created_at", "pk")
        .prefetch_related(
            Prefetch("lines", queryset=ShipmentItem.objects.select_related("item")),
            Prefetch(
                "events",
                queryset=ShipmentEvent.objects.filter(kind=EventKind.STATUS, applied=True),
                to_attr="timeline",
            ),
        )
    )
    return shipments


def shipment_public_summary(shipment: Shipment) -> dict[str, Any]:
    """What a buyer may see of a shipment, JSON-ready (no artisan phone or address)."""
    timeline = getattr(shipment, "timeline", None)
    if timeline is None:
        timeline = list(shipment.events.filter(kind=EventKind.STATUS, applied=True))
    return {
        "reference": shipment.reference,
        "status": shipment.status,
        "status_label": str(ShipmentStatus(shipment.status).label),
        "courier": shipment.courier_name,
        "awb": shipment.awb,
        "pickup_from": shipment.pickup_slot_start.isoformat()
        if shipment.pickup_slot_start
        else None,
        "picked_up_at": shipment.picked_up_at.isoformat() if shipment.picked_up_at else None,
        "delivered_at": shipment.delivered_at.isoformat() if shipment.delivered_at else None,
        "items": [
            {
                "order_item_id": line.item_id,
                "name": line.item.name_en,
                "name_hi": line.item.name_hi,
                "quantity": line.quantity,
            }
            for line in shipment.lines.all()
        ],  # fmt: skip
        "events": [
            {
                "status": event.to_status,
                "status_label": str(ShipmentStatus(event.to_status).label),
                "location": event.location,
                "at": (event.event_time or event.at).isoformat(),
            }
            for event in timeline
        ],
    }


def order_tracking_summary(order: Order) -> list[dict[str, Any]]:
    return [shipment_public_summary(shipment) for shipment in shipments_for_order(order)]


def pickups_ready_to_book(user: Any, limit: int = 50) -> list[dict[str, Any]]:
    """Ready items not yet in a live shipment, grouped per (seller order, artisan)."""
    if user is None or not user.is_authenticated:
        return []
    items = (
        OrderItem.objects.filter(status__in=BOOKABLE_ITEM_STATUSES)
        .exclude(shipment_lines__shipment__status__in=ACTIVE_STATUSES)
        .select_related("seller_order__order", "artisan")
        .order_by("seller_order_id", "artisan_id", "pk")
    )
    if not is_logistics_staff(user):
        items = items.filter(Q(vendor__in=vendors_for_user(user)))
    groups: dict[tuple[int, int], dict[str, Any]] = {}
    for item in items[: limit * 5]:
        key = (item.seller_order_id, item.artisan_id)
        if key not in groups:
            if len(groups) >= limit:
                break
            groups[key] = {"seller_order": item.seller_order, "artisan": item.artisan, "items": []}
        groups[key]["items"].append(item)
    return list(groups.values())
