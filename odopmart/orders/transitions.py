"""Every status change of an order, a seller order or an item goes through here: the change is
checked against the tables in `states` and an OrderEvent (who, when, why) is written.

Callers hold the order's row lock (services lock it first), so a check and its write never
interleave with another change of the same order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from odopmart.orders.exceptions import InvalidTransition
from odopmart.orders.models import Order, OrderEvent, OrderItem, SellerOrder
from odopmart.orders.states import (
    ITEM_TRANSITIONS,
    ORDER_TRANSITIONS,
    SELLER_ORDER_TRANSITIONS,
    OrderStatus,
    SellerOrderStatus,
)


def actor_user(actor: Any) -> Any:
    """The user to record as actor (None for the system or an anonymous guest)."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return None
    return actor


def _refuse(kind: str, current: str, to: str) -> InvalidTransition:
    return InvalidTransition(
        "invalid_transition",
        _("This %(kind)s cannot go from “%(from)s” to “%(to)s”.")
        % {"kind": kind, "from": current, "to": to},
    )


def order_transition(
    order: Order, to: str, *, actor: Any = None, reason: str = "", **fields: Any
) -> Order:
    """Move the order to `to` (also saving `fields`, e.g. paid_at) and record the event."""
    current = order.status
    if to not in ORDER_TRANSITIONS.get(current, set()):
        raise _refuse(_("order"), current, to)
    order.status = to
    for name, value in fields.items():
        setattr(order, name, value)
    order.save(update_fields=["status", *fields])
    OrderEvent.objects.create(
        order=order, from_status=current, to_status=to, actor=actor_user(actor), reason=reason
    )
    return order


def seller_order_transition(
    seller_order: SellerOrder, to: str, *, actor: Any = None, reason: str = "", **fields: Any
) -> SellerOrder:
    current = seller_order.status
    if to not in SELLER_ORDER_TRANSITIONS.get(current, set()):
        raise _refuse(_("seller order"), current, to)
    seller_order.status = to
    for name, value in fields.items():
        setattr(seller_order, name, value)
    seller_order.save(update_fields=["status", *fields])
    OrderEvent.objects.create(
        order_id=seller_order.order_id,
        seller_order=seller_order,
        from_status=current,
        to_status=to,
        actor=actor_user(actor),
        reason=reason,
    )
    return seller_order


def item_transition(
    item: OrderItem, to: str, *, actor: Any = None, reason: str = "", **fields: Any
) -> OrderItem:
    items_transition([item], to, actor=actor, reason=reason, **fields)
    return item


def items_transition(
    items: Sequence[OrderItem], to: str, *, actor: Any = None, reason: str = "", **fields: Any
) -> None:
    """Move several items at once (all or none): one UPDATE per starting status, events in bulk."""
    for item in items:
        if to not in ITEM_TRANSITIONS.get(item.status, set()):
            raise _refuse(_("item"), item.status, to)
    now = timezone.now()
    user = actor_user(actor)
    events = []
    by_status: dict[str, list[OrderItem]] = {}
    for item in items:
        by_status.setdefault(item.status, []).append(item)
    for current, group in by_status.items():
        OrderItem.objects.filter(pk__in=[i.pk for i in group]).update(status=to, **fields)
        for item in group:
            events.append(
                OrderEvent(
                    order_id=item.order_id,
                    seller_order_id=item.seller_order_id,
                    item=item,
                    from_status=current,
                    to_status=to,
                    actor=user,
                    reason=reason,
                    at=now,
                )
            )
            item.status = to
            for name, value in fields.items():
                setattr(item, name, value)
    OrderEvent.objects.bulk_create(events)


# --- roll-up ------------------------------------------------------------------------------------

_SO = SellerOrderStatus
_O = OrderStatus


def seller_order_rollup(
    seller_order: SellerOrder, *, actor: Any = None, reason: str = ""
) -> SellerOrder:
    """A seller order whose items are all cancelled is cancelled itself."""
    statuses = set(seller_order.items.values_list("status", flat=True))
    if statuses == {"cancelled"} and seller_order.status != _SO.CANCELLED:
        seller_order_transition(seller_order, _SO.CANCELLED, actor=actor, reason=reason)
    return seller_order


def rolled_up_status(seller_statuses: Sequence[str], current: str) -> str:
    """The order status its seller orders add up to (unchanged before it is placed)."""
    if current in (_O.PENDING_PAYMENT, _O.PAYMENT_FAILED, _O.EXPIRED):
        return current
    active = [s for s in seller_statuses if s != _SO.CANCELLED]
    if not active:
        return _O.CANCELLED
    if all(s == _SO.DELIVERED for s in active):
        return _O.DELIVERED
    moved = [s for s in active if s in (_SO.SHIPPED, _SO.DELIVERED)]
    if len(moved) == len(active):
        return _O.SHIPPED
    if moved:
        return _O.PARTLY_SHIPPED
    return current if current in (_O.COMPLETED, _O.CANCELLED) else _O.PLACED


def order_rollup(order: Order, *, actor: Any = None, reason: str = "", **fields: Any) -> Order:
    """Bring the order's status in line with its seller orders (an event if it changes)."""
    statuses = list(order.seller_orders.values_list("status", flat=True))
    target = rolled_up_status(statuses, order.status)
    if target != order.status:
        if target == _O.CANCELLED:
            fields.setdefault("cancelled_at", timezone.now())
        order_transition(order, target, actor=actor, reason=reason, **fields)
    return order
