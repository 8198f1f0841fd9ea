"""Shipments: booking a pickup at the artisan's door, tracking events, operator-managed status.

* :func:`shipment_book_for_ready_items` writes the shipment in the caller's transaction; the
  provider is called after commit by :func:`shipment_book_attempt` (a task), step by step, each
  step's result saved so a retry never repeats a step that worked. Timeouts and 5xx are retried
  with a back-off; 4xx, or too many attempts, leave the shipment "needs attention" for a person.
* :func:`shipment_apply_event` is the one place a shipment's status changes: it checks the
  transition table, records every event (also those it does not apply), and rolls the change up
  into the orders and into the buyer's messages.
* :func:`shipments_poll_due` polls tracking for providers without webhooks;
  :func:`tracking_webhook_receive` records and applies webhook calls.
* :func:`shipment_set_manual_status` is the operator's hand for the manual provider.

No network call ever happens inside a transaction.
"""

from __future__ import annotations

import functools
import logging
import re
import secrets
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from odopmart.logistics import messages
from odopmart.logistics.conf import logistics_setting
from odopmart.logistics.exceptions import ShipmentError
from odopmart.logistics.models import (
    PickupLocation,
    Shipment,
    ShipmentEvent,
    ShipmentItem,
    TrackingWebhook,
)
from odopmart.logistics.providers import (
    LogisticsProviderError,
    PickupSlot,
    Serviceability,
    TrackingEvent,
    provider_for,
)
from odopmart.logistics.states import (
    ACTIVE_STATUSES,
    CANCELLABLE_STATUSES,
    FINAL_STATUSES,
    PICKED_UP_STATUSES,
    SHIPMENT_TRANSITIONS,
    BookingState,
    EventKind,
    EventSource,
    ShipmentStatus,
    WebhookOutcome,
)
from odopmart.orders.models import OrderItem, SellerOrder
from odopmart.orders.states import ItemStatus, PaymentMethod, SellerOrderStatus
from odopmart.sellers.models import Artisan

logger = logging.getLogger("odopmart.logistics")

Actor = AbstractBaseUser | AnonymousUser | None
S = ShipmentStatus

# Items the artisan has said are ready (or the vendor accepted): these may be booked.
BOOKABLE_ITEM_STATUSES = (ItemStatus.READY, ItemStatus.CONFIRMED)
# A booking attempt holds the shipment this long; a worker that dies is retried after it.
ATTEMPT_LEASE = timedelta(minutes=10)
# Consecutive failed tracking polls before a person is asked to look.
POLL_FAILURES_BEFORE_ATTENTION = 6
AWB_PATTERN = re.compile(r"[A-Za-z0-9-]{6,40}")
# Webhook headers worth keeping (never the token itself).
KEPT_HEADERS = ("content-type", "user-agent", "x-forwarded-for", "content-length")


def _user(actor: Actor) -> Any:
    return actor if actor is not None and getattr(actor, "is_authenticated", False) else None


def retry_delay(attempt: int) -> timedelta:
    base = int(logistics_setting("RETRY_BASE_SECONDS"))
    ceiling = int(logistics_setting("RETRY_MAX_SECONDS"))
    return timedelta(seconds=min(base * 2 ** max(attempt - 1, 0), ceiling))


def _event(
    shipment: Shipment,
    *,
    kind: str,
    source: str = EventSource.SYSTEM,
    actor: Actor = None,
    reason: str = "",
    from_status: str = "",
    to_status: str = "",
    applied: bool = False,
    tracking: TrackingEvent | None = None,
) -> ShipmentEvent:
    fields: dict[str, Any] = {}
    if tracking is not None:
        fields = {
            "provider_status": tracking.provider_status[:200],
            "provider_code": tracking.provider_code[:40],
            "location": tracking.location[:200],
            "event_time": tracking.event_time,
            "provider_event_id": tracking.event_id[:200],
            "raw": dict(tracking.raw),
        }
    return ShipmentEvent.objects.create(
        shipment=shipment,
        kind=kind,
        source=source,
        actor=_user(actor),
        reason=reason,
        from_status=from_status or shipment.status,
        to_status=to_status or shipment.status,
        applied=applied,
        **fields,
    )


# --- booking ---------------------------------------------------------------------------------


def _mm_to_cm(value: int) -> int:
    return max(int(logistics_setting("MIN_DIMENSION_CM")), -(-value // 10))


def _parcel_size(items: Iterable[OrderItem]) -> tuple[int, int, int, int]:
    """(grams, length, width, height cm): the goods' weight plus packing; the items stacked
    in one box as long and wide as the largest of them."""
    grams = int(logistics_setting("PACKING_GRAMS"))
    length = width = height = 0
    for item in items:
        variant = item.variant
        grams += (variant.weight_grams or item.weight_grams) * item.quantity
        length = max(length, variant.length_mm)
        width = max(width, variant.width_mm)
        height += variant.height_mm * item.quantity
    return grams, _mm_to_cm(length), _mm_to_cm(width), _mm_to_cm(height)


def _artisan_phone(artisan: Artisan) -> str:
    from odopmart.accounts.phone import phone_normalize

    try:
        return phone_normalize(artisan.phone) if artisan.phone else ""
    except Exception:  # an unusable number: told to a person, never a crash
        return ""


def _schedule_booking(shipment_id: int, run_after: datetime | None = None) -> None:
    """Queue a booking attempt. Never raises: `shipments_book_due` picks up what is lost."""
    from odopmart.logistics.tasks import shipment_book

    try:
        task = shipment_book
        if run_after is not None:
            if not task.get_backend().supports_defer:
                return
            task = task.using(run_after=run_after)
        task.enqueue(shipment_id)
    except Exception:
        logger.exception("Could not queue booking of shipment %s; the dispatcher will", shipment_id)


def bookable_items(seller_order: SellerOrder, artisan: Artisan) -> list[OrderItem]:
    """The artisan's ready items of the seller order that are in no live shipment."""
    return list(
        OrderItem.objects.filter(
            seller_order=seller_order, artisan=artisan, status__in=BOOKABLE_ITEM_STATUSES
        )
        .exclude(shipment_lines__shipment__status__in=ACTIVE_STATUSES)
        .select_related("variant")
        .order_by("pk")
    )


def shipment_book_for_ready_items(
    seller_order: SellerOrder, artisan: Artisan, *, actor: Actor = None
) -> Shipment:
    """Book a pickup at the artisan's door for their ready items of this seller order.

    The shipment is written in the caller's transaction; the provider is asked after commit.
    Raises ShipmentError("nothing_ready") when no item is ready and unbooked.
    """
    with transaction.atomic():
        seller_order = (
            SellerOrder.objects.select_for_update()
            .select_related("order", "vendor")
            .get(pk=seller_order.pk)
        )
        if seller_order.status in (SellerOrderStatus.PENDING_PAYMENT, SellerOrderStatus.CANCELLED):
            raise ShipmentError(
                "not_shippable",
                gettext("This order can't be shipped: it is not paid or it was cancelled."),
            )
        if artisan.vendor_id != seller_order.vendor_id:
            raise ShipmentError(
                "wrong_artisan", gettext("This artisan does not sell for this seller.")
            )
        items = bookable_items(seller_order, artisan)
        if not items:
            raise ShipmentError(
                "nothing_ready",
                gettext("No items of this artisan are ready to be picked up."),
            )
        order = seller_order.order
        grams, length, width, height = _parcel_size(items)
        declared = sum(item.line_total_paise for item in items)
        cod = 0
        if order.payment_method == PaymentMethod.COD:
            # The first parcel of a seller order also collects its shipping charge.
            first = not Shipment.objects.filter(
                seller_order=seller_order, status__in=ACTIVE_STATUSES
            ).exists()
            cod = declared + (seller_order.shipping_paise if first else 0)
        first_item = items[0]
        provider = provider_for()
        shipment = Shipment.objects.create(
            seller_order=seller_order,
            artisan=artisan,
            reference=f"{seller_order.number}-{secrets.token_hex(2).upper()}",
            provider=provider.name,
            pickup_name=artisan.name_en,
            pickup_phone=_artisan_phone(artisan),
            pickup_address=first_item.pickup_address,
            pickup_pincode=first_item.pickup_pincode,
            weight_grams=grams,
            length_cm=length,
            width_cm=width,
            height_cm=height,
            declared_value_paise=declared,
            cod_amount_paise=cod,
            next_attempt_at=timezone.now(),
            created_by=_user(actor),
        )
        ShipmentItem.objects.bulk_create(
            ShipmentItem(shipment=shipment, item=item, quantity=item.quantity) for item in items
        )
        _event(
            shipment, kind=EventKind.BOOKING, actor=actor,
            source=EventSource.STAFF if _user(actor) else EventSource.SYSTEM,
            reason=gettext("Pickup requested for %(count)s item(s).") % {"count": len(items)},
        )  # fmt: skip
    transaction.on_commit(functools.partial(_schedule_booking, shipment.pk), robust=True)
    return shipment


def _lock(shipment_id: int) -> Shipment | None:
    return Shipment.objects.select_for_update().filter(pk=shipment_id).first()


def _load(shipment_id: int) -> Shipment:
    return Shipment.objects.select_related(
        "seller_order__order__ship_state", "seller_order__vendor", "artisan__district__state"
    ).get(pk=shipment_id)


def _save_step(shipment_id: int, **fields: Any) -> Shipment | None:
    with transaction.atomic():
        shipment = _lock(shipment_id)
        if shipment is None or shipment.booking_state != BookingState.PENDING:
            return None
        for name, value in fields.items():
            setattr(shipment, name, value)
        shipment.save(update_fields=list(fields))
        return shipment


def _pickup_location(shipment: Shipment, provider: Any) -> str:
    import hashlib

    address_hash = hashlib.sha256(
        f"{shipment.pickup_address}|{shipment.pickup_pincode}|{shipment.pickup_phone}".encode()
    ).hexdigest()
    known = PickupLocation.objects.filter(
        provider=provider.name, artisan=shipment.artisan, address_hash=address_hash
    ).first()
    if known is not None:
        return known.name
    name = f"odop-a{shipment.artisan_id}-{address_hash[:6]}"
    registered = provider.register_pickup_location(shipment, name) or name
    PickupLocation.objects.get_or_create(
        provider=provider.name, artisan=shipment.artisan, address_hash=address_hash,
        defaults={"name": registered},
    )  # fmt: skip
    return registered


def shipment_book_attempt(*, shipment_id: int) -> Shipment | None:
    """One booking attempt, if the shipment waits for one and it is due. Safe to run twice."""
    now = timezone.now()
    with transaction.atomic(durable=True):
        shipment = _lock(shipment_id)
        if shipment is None or shipment.booking_state != BookingState.PENDING:
            return shipment
        if shipment.next_attempt_at is not None and shipment.next_attempt_at > now:
            return shipment
        shipment.booking_attempts += 1
        shipment.next_attempt_at = now + ATTEMPT_LEASE
        shipment.save(update_fields=["booking_attempts", "next_attempt_at"])
        attempt = shipment.booking_attempts
    provider = provider_for(shipment.provider)
    try:
        shipment = _load(shipment_id)
        if provider.name != "manual" and not shipment.pickup_location_name:
            name = _pickup_location(shipment, provider)
            shipment = _save_step(shipment_id, pickup_location_name=name) or shipment
            shipment = _load(shipment_id)
        if not shipment.awb:
            try:
                booking = provider.create_shipment(shipment)
            except LogisticsProviderError as error:
                if error.partial is not None:
                    _save_step(
                        shipment_id,
                        provider_order_id=error.partial.provider_order_id,
                        provider_shipment_id=error.partial.provider_shipment_id,
                    )
                raise
            if (
                booking.awb
                and Shipment.objects.filter(provider=shipment.provider, awb=booking.awb)
                .exclude(pk=shipment_id)
                .exists()
            ):
                raise LogisticsProviderError(
                    f"AWB {booking.awb} already belongs to another shipment", retryable=False
                )
            found = {
                "awb": booking.awb,
                "courier_name": booking.courier_name[:80],
                "provider_order_id": booking.provider_order_id,
                "provider_shipment_id": booking.provider_shipment_id,
            }
            # Only what the provider gave: staff may have entered the rest by hand.
            found = {name: value for name, value in found.items() if value}
            if found:
                _save_step(shipment_id, **found)
            shipment = _load(shipment_id)
        if shipment.pickup_slot_start is None:
            slot = provider.schedule_pickup(shipment)
            _save_step(shipment_id, pickup_slot_start=slot.start, pickup_slot_end=slot.end)
            shipment = _load(shipment_id)
        if not shipment.label_file:
            pdf = provider.label(shipment)
            _store_label(shipment_id, pdf)
    except LogisticsProviderError as error:
        return _booking_failed(shipment_id, attempt, str(error), retryable=error.retryable)
    except Exception as error:
        logger.exception("Booking shipment %s crashed", shipment_id)
        return _booking_failed(
            shipment_id, attempt, f"{type(error).__name__}: {error}", retryable=True
        )
    return _booking_done(shipment_id)


def _store_label(shipment_id: int, pdf: bytes) -> None:
    with transaction.atomic():
        shipment = _lock(shipment_id)
        if shipment is None:
            return
        if shipment.label_file:
            shipment.label_file.delete(save=False)
        shipment.label_file.save(f"{shipment.reference}.pdf", ContentFile(pdf), save=False)
        shipment.save(update_fields=["label_file"])


def _booking_failed(
    shipment_id: int, attempt: int, error: str, *, retryable: bool
) -> Shipment | None:
    now = timezone.now()
    with transaction.atomic(durable=True):
        shipment = _lock(shipment_id)
        if shipment is None or shipment.booking_state != BookingState.PENDING:
            return shipment
        shipment.last_error = error[:2000]
        out_of_attempts = attempt >= int(logistics_setting("BOOKING_MAX_ATTEMPTS"))
        if retryable and not out_of_attempts:
            shipment.next_attempt_at = now + retry_delay(attempt)
            shipment.save(update_fields=["last_error", "next_attempt_at"])
            _event(
                shipment, kind=EventKind.ERROR,
                reason=gettext("Booking attempt %(attempt)s failed, will try again: %(error)s")
                % {"attempt": attempt, "error": shipment.last_error},
            )  # fmt: skip
            transaction.on_commit(
                functools.partial(_schedule_booking, shipment.pk, shipment.next_attempt_at),
                robust=True,
            )
            return shipment
        shipment.booking_state = BookingState.FAILED
        shipment.needs_attention = True
        shipment.next_attempt_at = None
        shipment.save(
            update_fields=["last_error", "booking_state", "needs_attention", "next_attempt_at"]
        )
        _event(
            shipment, kind=EventKind.ERROR,
            reason=gettext("Booking failed after %(attempt)s attempt(s): %(error)s")
            % {"attempt": attempt, "error": shipment.last_error},
        )  # fmt: skip
        logger.error("Booking of shipment %s failed: %s", shipment_id, error)
        return shipment


def _booking_done(shipment_id: int) -> Shipment | None:
    with transaction.atomic(durable=True):
        shipment = _lock(shipment_id)
        if shipment is None or shipment.booking_state != BookingState.PENDING:
            return shipment
        shipment.booking_state = BookingState.DONE
        shipment.next_attempt_at = None
        shipment.last_error = ""
        shipment.save(update_fields=["booking_state", "next_attempt_at", "last_error"])
        _event(
            shipment, kind=EventKind.BOOKING,
            reason=gettext("Booked with %(provider)s.") % {"provider": shipment.provider}
            + (f" AWB {shipment.awb}" if shipment.awb else ""),
        )  # fmt: skip
        if shipment.status == S.CREATED:
            _move(shipment, S.PICKUP_SCHEDULED, source=EventSource.SYSTEM, event_time=None)
        _notify_artisan_pickup(shipment)
        return shipment


def shipments_book_due(*, limit: int = 200) -> int:
    """Attempt every booking whose (re)try is due. Returns how many were attempted."""
    now = timezone.now()
    due = list(
        Shipment.objects.filter(booking_state=BookingState.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    for shipment_id in due:
        shipment_book_attempt(shipment_id=shipment_id)
    return len(due)


@transaction.atomic
def shipment_booking_retry(shipment: Shipment, *, actor: Actor) -> Shipment:
    """A person fixed what stopped the booking (address, pincode, credentials): try again."""
    locked = _lock(shipment.pk)
    assert locked is not None
    if locked.booking_state != BookingState.FAILED:
        raise ShipmentError("not_failed", gettext("Only a failed booking can be tried again."))
    locked.booking_state = BookingState.PENDING
    locked.booking_attempts = 0
    locked.next_attempt_at = timezone.now()
    locked.needs_attention = False
    locked.save(
        update_fields=["booking_state", "booking_attempts", "next_attempt_at", "needs_attention"]
    )
    _event(locked, kind=EventKind.BOOKING, actor=actor, source=EventSource.STAFF,
           reason=gettext("Booking tried again."))  # fmt: skip
    transaction.on_commit(functools.partial(_schedule_booking, locked.pk), robust=True)
    return locked


def shipment_serviceability(
    *, pickup_pincode: str, delivery_pincode: str, weight_grams: int, cod: bool
) -> Serviceability:
    """Ask the configured provider (network call: never inside a transaction)."""
    return provider_for().serviceability(pickup_pincode, delivery_pincode, weight_grams, cod)


# --- status ---------------------------------------------------------------------------------


def _move(
    shipment: Shipment,
    to: str,
    *,
    source: str,
    event_time: datetime | None,
    actor: Actor = None,
    reason: str = "",
    tracking: TrackingEvent | None = None,
) -> ShipmentEvent:
    """Move a locked shipment to `to` (allowed by the table), record it, roll it up."""
    from_status = shipment.status
    now = timezone.now()
    shipment.status = to
    # Only a time the courier reported is compared with later events' times (our clock and
    # theirs may differ); our own moves leave it empty.
    shipment.status_at = event_time if source in (EventSource.WEBHOOK, EventSource.POLL) else None
    fields = ["status", "status_at"]
    first_pickup = to in PICKED_UP_STATUSES and shipment.picked_up_at is None
    if first_pickup:
        shipment.picked_up_at = event_time or now
        fields.append("picked_up_at")
    if to == S.DELIVERED:
        shipment.delivered_at = event_time or now
        fields.append("delivered_at")
    shipment.save(update_fields=fields)
    event = _event(
        shipment, kind=EventKind.STATUS, source=source, actor=actor, reason=reason,
        from_status=from_status, to_status=to, applied=True, tracking=tracking,
    )  # fmt: skip
    _roll_up(shipment, to, first_pickup=first_pickup)
    _notify_buyer(shipment, to, first_pickup=first_pickup)
    return event


def shipment_apply_event(
    shipment: Shipment,
    event: TrackingEvent,
    *,
    source: str = EventSource.WEBHOOK,
    actor: Actor = None,
    reason: str = "",
) -> ShipmentEvent | None:
    """Record a tracking event and move the shipment if the table allows it.

    Returns None for an event already recorded (same provider event id): a duplicate changes
    nothing. Events that would move the shipment back, or that are older than its current
    status, are recorded with `applied=False`.
    """
    with transaction.atomic():
        locked = _lock(shipment.pk)
        if locked is None:
            return None
        if (
            event.event_id
            and ShipmentEvent.objects.filter(
                shipment=locked, provider_event_id=event.event_id[:200]
            ).exists()
        ):
            return None
        to = event.status
        if to is None:
            recorded = _event(
                locked, kind=EventKind.NOTE, source=source, actor=actor, tracking=event,
                reason=reason or gettext("Courier status with no meaning for us; recorded only."),
            )  # fmt: skip
        elif to == locked.status:
            recorded = _event(
                locked, kind=EventKind.STATUS, source=source, actor=actor, tracking=event,
                to_status=to, reason=reason,
            )  # fmt: skip
        elif to not in SHIPMENT_TRANSITIONS[locked.status]:
            recorded = _event(
                locked, kind=EventKind.STATUS, source=source, actor=actor, tracking=event,
                to_status=to,
                reason=reason or gettext("Arrived out of order; the shipment stays where it is."),
            )  # fmt: skip
        elif event.event_time and locked.status_at and event.event_time < locked.status_at:
            recorded = _event(
                locked, kind=EventKind.STATUS, source=source, actor=actor, tracking=event,
                to_status=to,
                reason=reason or gettext("Older than the current status; recorded only."),
            )  # fmt: skip
        else:
            recorded = _move(
                locked, to, source=source, event_time=event.event_time, actor=actor,
                reason=reason, tracking=event,
            )  # fmt: skip
    shipment.refresh_from_db()
    return recorded


def _orders_service(name: str) -> Any:
    """An orders service, if that module has it (imported late: orders don't import us)."""
    try:
        from odopmart.orders import services as order_services
    except ImportError:
        return None
    return getattr(order_services, name, None)


def _call_orders(shipment: Shipment, name: str, seller_order: SellerOrder) -> bool:
    """Call an orders service in a savepoint; a refusal is recorded for a person, never lost.

    The roll-up is a consequence of the courier's event, not a person's act, so it is made
    without an actor (our own event row says who, if anyone, entered the status)."""
    service = _orders_service(name)
    if service is None:
        logger.warning("orders.services.%s is not available; %s not rolled up", name, shipment)
        return False
    try:
        with transaction.atomic():
            service(seller_order, actor=None)
    except Exception as error:
        logger.warning("%s refused for %s: %s", name, shipment, error)
        shipment.needs_attention = True
        shipment.save(update_fields=["needs_attention"])
        _event(
            shipment, kind=EventKind.ERROR,
            reason=gettext("The order could not be updated (%(step)s): %(error)s")
            % {"step": name, "error": error},
        )  # fmt: skip
        return False
    return True


def _seller_order_covered(seller_order: SellerOrder, field: str) -> bool:
    """Are all the seller order's live items in live shipments that have reached `field`
    (picked_up_at / delivered_at)?"""
    live_items = OrderItem.objects.filter(seller_order=seller_order).exclude(
        status=ItemStatus.CANCELLED
    )
    done = ShipmentItem.objects.filter(
        shipment__seller_order=seller_order,
        shipment__status__in=ACTIVE_STATUSES,
        **{f"shipment__{field}__isnull": False},
    )
    return not live_items.exclude(pk__in=done.values("item")).exists()


def _roll_up(shipment: Shipment, to: str, *, first_pickup: bool) -> None:
    """All the seller order's parcels picked up -> shipped; all delivered -> delivered."""
    seller_order = SellerOrder.objects.get(pk=shipment.seller_order_id)
    SO = SellerOrderStatus
    if (
        first_pickup
        and seller_order.status in (SO.PLACED, SO.CONFIRMED, SO.READY)
        and _seller_order_covered(seller_order, "picked_up_at")
    ):
        if seller_order.status == SO.PLACED:
            # Picked up means it was ready; the order's table goes through "ready".
            _call_orders(shipment, "seller_order_mark_ready", seller_order)
            seller_order.refresh_from_db()
        _call_orders(shipment, "seller_order_mark_shipped", seller_order)
        seller_order.refresh_from_db()
    if (
        to == S.DELIVERED
        and seller_order.status == SO.SHIPPED
        and _seller_order_covered(seller_order, "delivered_at")
    ):
        _call_orders(shipment, "seller_order_mark_delivered", seller_order)


# --- messages -------------------------------------------------------------------------------


def _items_summary(shipment: Shipment, limit: int = 40) -> str:
    names = [
        f"{line.item.name_en} × {line.quantity}" for line in shipment.lines.select_related("item")
    ]
    text = ", ".join(names)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _notify_artisan_pickup(shipment: Shipment) -> None:
    if shipment.pickup_slot_start is None:
        return
    if not shipment.pickup_phone:
        shipment.needs_attention = True
        shipment.save(update_fields=["needs_attention"])
        _event(shipment, kind=EventKind.NOTE, reason=gettext(
            "The artisan has no usable mobile number: tell them the pickup time by phone."
        ))  # fmt: skip
        return
    from odopmart.notifications.services import notification_enqueue

    start = timezone.localtime(shipment.pickup_slot_start)
    end = timezone.localtime(shipment.pickup_slot_end or shipment.pickup_slot_start)
    notification_enqueue(
        channel="sms",
        recipient=shipment.pickup_phone,
        template=messages.PICKUP_ARTISAN,
        language=shipment.artisan.preferred_language,
        context={
            "order": shipment.seller_order.order.number,
            "items": _items_summary(shipment),
            "date": f"{start:%d-%m-%Y}",
            "start": f"{start:%H:%M}",
            "end": f"{end:%H:%M}",
            "shipment": shipment.reference,
        },
        dedupe_key=f"shipment-{shipment.pk}-pickup-{start:%Y%m%d%H%M}",
    )


def _notify_buyer(shipment: Shipment, to: str, *, first_pickup: bool) -> None:
    from odopmart.core.money import format_inr
    from odopmart.notifications.message_templates import template_get
    from odopmart.notifications.services import E164, notification_enqueue

    if to in (S.PICKED_UP, S.IN_TRANSIT) and first_pickup:
        milestone = "picked_up"
    elif to == S.OUT_FOR_DELIVERY:
        milestone = "out_for_delivery_cod" if shipment.is_cod else "out_for_delivery"
    elif to == S.DELIVERED:
        milestone = "delivered"
    else:
        return
    order = shipment.seller_order.order
    sms_template, email_template = messages.BUYER_MESSAGES[milestone]
    context = {
        "order": order.number,
        "courier": shipment.courier_name or "odopmart",
        "awb": shipment.awb or shipment.reference,
        "amount": format_inr(shipment.cod_amount_paise),
    }
    # Another delivery attempt on another day is worth another message.
    day = f"{timezone.localdate():%Y%m%d}" if milestone.startswith("out_for") else ""
    key = f"shipment-{shipment.pk}-buyer-{milestone}{day}"
    for channel, template, recipient in (
        ("sms", sms_template, order.phone if E164.fullmatch(order.phone or "") else ""),
        ("email", email_template, order.email),
    ):
        if not recipient:
            continue
        needed = template_get(template).placeholders(order.language)
        notification_enqueue(
            channel=channel,
            recipient=recipient,
            template=template,
            language=order.language,
            context={name: value for name, value in context.items() if name in needed},
            dedupe_key=f"{key}-{channel}",
        )


# --- polling --------------------------------------------------------------------------------


def shipment_poll(shipment: Shipment) -> int:
    """Fetch tracking for one shipment and apply what is new. Returns events applied."""
    provider = provider_for(shipment.provider)
    try:
        events = provider.track(shipment.awb)
    except LogisticsProviderError as error:
        with transaction.atomic():
            locked = _lock(shipment.pk)
            if locked is None:
                return 0
            locked.poll_failures += 1
            locked.last_error = str(error)[:2000]
            fields = ["poll_failures", "last_error"]
            if locked.poll_failures == POLL_FAILURES_BEFORE_ATTENTION:
                locked.needs_attention = True
                fields.append("needs_attention")
                _event(locked, kind=EventKind.ERROR, source=EventSource.POLL, reason=gettext(
                    "Tracking could not be fetched %(count)s times in a row: %(error)s"
                ) % {"count": locked.poll_failures, "error": locked.last_error})  # fmt: skip
            locked.save(update_fields=fields)
        return 0
    applied = 0
    ordered = sorted(
        events, key=lambda event: (event.event_time is None, event.event_time or timezone.now())
    )
    for event in ordered:
        recorded = shipment_apply_event(shipment, event, source=EventSource.POLL)
        applied += bool(recorded is not None and recorded.applied)
    Shipment.objects.filter(pk=shipment.pk, poll_failures__gt=0).update(poll_failures=0)
    return applied


def shipments_poll_due(*, now: datetime | None = None, limit: int = 200) -> int:
    """Poll tracking of live shipments whose provider sends no webhooks and whose last poll is
    older than POLL_MINUTES. Returns how many shipments were polled."""
    from django.db.models import Q

    now = now or timezone.now()
    names = list(_polling_providers())
    if not names:
        return 0
    stale = now - timedelta(minutes=int(logistics_setting("POLL_MINUTES")))
    candidates = list(
        Shipment.objects.filter(provider__in=names, booking_state=BookingState.DONE)
        .exclude(awb="")
        .exclude(status__in=FINAL_STATUSES)
        .filter(Q(last_polled_at__isnull=True) | Q(last_polled_at__lt=stale))
        .order_by("last_polled_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    polled = 0
    for shipment_id in candidates:
        # Claim it, so two pollers don't both call the provider.
        claimed = (
            Shipment.objects.filter(pk=shipment_id)
            .filter(Q(last_polled_at__isnull=True) | Q(last_polled_at__lt=stale))
            .update(last_polled_at=now)
        )
        if not claimed:
            continue
        shipment_poll(Shipment.objects.get(pk=shipment_id))
        polled += 1
    return polled


def _polling_providers() -> list[str]:
    from odopmart.logistics.providers import PROVIDER_NAMES

    return [name for name in PROVIDER_NAMES if provider_for(name).wants_polling()]


# --- webhooks -------------------------------------------------------------------------------


def tracking_webhook_receive(
    provider_name: str, headers: Mapping[str, str], body: bytes
) -> TrackingWebhook:
    """Record the call, check its token, apply its events. Never raises for bad input: the
    record's outcome says what happened (the view answers from it)."""
    kept = {key: value for key, value in headers.items() if key.lower() in KEPT_HEADERS}
    webhook = TrackingWebhook.objects.create(
        provider=provider_name[:20], body=body[:20000].decode("utf-8", "replace"), headers=kept
    )
    try:
        provider = provider_for(provider_name)
    except ValueError:
        return _webhook_outcome(webhook, WebhookOutcome.INVALID, "unknown provider", flagged=True)
    if not provider.verify_webhook(headers, body):
        return _webhook_outcome(
            webhook, WebhookOutcome.FORGED, "token missing or wrong", flagged=True
        )
    webhook.signature_valid = True
    try:
        events = provider.parse_webhook(headers, body)
    except (ValueError, TypeError, KeyError) as error:
        return _webhook_outcome(webhook, WebhookOutcome.INVALID, str(error), flagged=True)
    if not events:
        return _webhook_outcome(webhook, WebhookOutcome.IGNORED, "no events")
    webhook.awb = events[0].awb[:40]
    shipment = Shipment.objects.filter(provider=provider.name, awb=events[0].awb).first()
    if shipment is None:
        return _webhook_outcome(
            webhook, WebhookOutcome.UNKNOWN_AWB,
            gettext("No shipment has this AWB; recorded for a person to check."), flagged=True,
        )  # fmt: skip
    webhook.shipment = shipment
    recorded = [
        shipment_apply_event(shipment, event, source=EventSource.WEBHOOK) for event in events
    ]
    if all(event is None for event in recorded):
        return _webhook_outcome(webhook, WebhookOutcome.DUPLICATE, "already recorded")
    if any(event is not None and event.applied for event in recorded):
        return _webhook_outcome(webhook, WebhookOutcome.APPLIED, "")
    return _webhook_outcome(webhook, WebhookOutcome.IGNORED, "recorded, status unchanged")


def _webhook_outcome(
    webhook: TrackingWebhook, outcome: str, detail: str, *, flagged: bool = False
) -> TrackingWebhook:
    webhook.outcome = outcome
    webhook.detail = detail[:2000]
    webhook.flagged = flagged
    webhook.processed_at = timezone.now()
    webhook.save()
    return webhook


# --- operator-managed -----------------------------------------------------------------------


def shipment_set_manual_status(
    shipment: Shipment,
    status: str | None,
    *,
    actor: Actor,
    awb: str | None = None,
    courier_name: str | None = None,
    pickup_slot: PickupSlot | None = None,
    note: str = "",
) -> Shipment:
    """Staff record what the courier told them: the AWB and courier, a new pickup window, a
    status. Only for operator-managed shipments; statuses follow the same table."""
    if shipment.provider != "manual":
        raise ShipmentError(
            "not_manual",
            gettext("This shipment is tracked by its courier; it can't be set by hand."),
        )
    with transaction.atomic():
        locked = _lock(shipment.pk)
        assert locked is not None
        fields: list[str] = []
        awb = (awb or "").strip().upper()
        if awb and awb != locked.awb:
            if not AWB_PATTERN.fullmatch(awb):
                raise ShipmentError(
                    "awb_invalid",
                    gettext("An AWB number is 6 to 40 letters, digits or dashes."),
                    "awb",
                )
            if (
                Shipment.objects.filter(provider=locked.provider, awb=awb)
                .exclude(pk=locked.pk)
                .exists()
            ):
                raise ShipmentError(
                    "awb_taken", gettext("Another shipment already has this AWB number."), "awb"
                )
            locked.awb = awb
            fields.append("awb")
            if locked.label_file:
                # Our label shows the AWB: drawn again when next downloaded.
                old = locked.label_file.name
                storage = locked.label_file.storage
                locked.label_file = ""
                fields.append("label_file")
                transaction.on_commit(lambda: storage.delete(old))
        if courier_name is not None and courier_name.strip() != locked.courier_name:
            locked.courier_name = courier_name.strip()[:80]
            fields.append("courier_name")
        slot_changed = False
        if pickup_slot is not None and pickup_slot.start != locked.pickup_slot_start:
            if pickup_slot.end <= pickup_slot.start:
                raise ShipmentError(
                    "slot_invalid",
                    gettext("The pickup window must end after it starts."),
                    "pickup_end",
                )
            locked.pickup_slot_start, locked.pickup_slot_end = pickup_slot.start, pickup_slot.end
            fields += ["pickup_slot_start", "pickup_slot_end"]
            slot_changed = True
        if fields:
            locked.save(update_fields=fields)
            _event(locked, kind=EventKind.NOTE, source=EventSource.STAFF, actor=actor,
                   reason=note or gettext("Details entered by staff."))  # fmt: skip
        if slot_changed and locked.status in CANCELLABLE_STATUSES:
            _notify_artisan_pickup(locked)
        if status and status != locked.status:
            if status not in SHIPMENT_TRANSITIONS[locked.status]:
                raise ShipmentError(
                    "transition_not_allowed",
                    gettext("A shipment that is “%(from)s” can't become “%(to)s”.")
                    % {"from": S(locked.status).label, "to": S(status).label},
                    "status",
                )
            if status == S.CANCELLED:
                _release_booking(locked)
            _move(locked, status, source=EventSource.STAFF, event_time=timezone.now(),
                  actor=actor, reason=note)  # fmt: skip
    shipment.refresh_from_db()
    return shipment


def _release_booking(shipment: Shipment) -> None:
    if shipment.booking_state == BookingState.PENDING:
        shipment.booking_state = BookingState.CANCELLED
        shipment.next_attempt_at = None
        shipment.save(update_fields=["booking_state", "next_attempt_at"])


def shipment_cancel(shipment: Shipment, *, actor: Actor, reason: str = "") -> Shipment:
    """Cancel before pickup: the provider first (outside a transaction), then ours. The items
    can be booked again."""
    if shipment.status not in CANCELLABLE_STATUSES:
        raise ShipmentError(
            "not_cancellable",
            gettext("The parcel has already been picked up; it can't be cancelled."),
        )
    if shipment.booking_state == BookingState.DONE or shipment.awb:
        try:
            provider_for(shipment.provider).cancel(shipment)
        except LogisticsProviderError as error:
            raise ShipmentError(
                "provider_refused",
                gettext("The courier did not cancel it: %(error)s") % {"error": error},
            ) from error
    with transaction.atomic():
        locked = _lock(shipment.pk)
        assert locked is not None
        if locked.status not in CANCELLABLE_STATUSES:
            raise ShipmentError(
                "not_cancellable",
                gettext("The parcel has already been picked up; it can't be cancelled."),
            )
        _release_booking(locked)
        _move(locked, S.CANCELLED, source=EventSource.STAFF, event_time=timezone.now(),
              actor=actor, reason=reason)  # fmt: skip
    shipment.refresh_from_db()
    return shipment


def shipment_label(shipment: Shipment) -> bytes:
    """The label PDF: the stored one, or (operator-managed) ours, drawn and kept."""
    if shipment.label_file:
        try:
            with shipment.label_file.open("rb") as handle:
                return handle.read()
        except FileNotFoundError:
            pass
    if shipment.provider != "manual":
        raise ShipmentError("no_label", gettext("The courier's label is not ready yet."))
    from odopmart.logistics.label import shipment_label_pdf

    pdf = shipment_label_pdf(_load(shipment.pk))
    _store_label(shipment.pk, pdf)
    return pdf


__all__ = [
    "bookable_items",
    "shipment_apply_event",
    "shipment_book_attempt",
    "shipment_book_for_ready_items",
    "shipment_booking_retry",
    "shipment_cancel",
    "shipment_label",
    "shipment_poll",
    "shipment_serviceability",
    "shipment_set_manual_status",
    "shipments_book_due",
    "shipments_poll_due",
    "tracking_webhook_receive",
]
