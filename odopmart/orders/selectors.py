"""Read paths for order pages and the API: a buyer's orders, one order with everything its page
shows, and the timeline of its events (a fixed number of queries each)."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet

from odopmart.orders.access import orders_for_buyer, seller_orders_for_user
from odopmart.orders.models import Order, OrderEvent, OrderItem, SellerOrder


def order_list_for_buyer(user: Any) -> QuerySet[Order]:
    """The buyer's orders, newest first, with their seller orders and items."""
    return (
        orders_for_buyer(user)
        .select_related("ship_state")
        .prefetch_related(
            Prefetch(
                "items",
                queryset=OrderItem.objects.select_related("variant", "product").order_by("pk"),
            )
        )
        .order_by("-created_at", "-pk")
    )


def order_detail(order: Order) -> Order:
    """The order with seller orders (vendor), items (artisan, product) and events loaded."""
    return (
        Order.objects.select_related("ship_state", "buyer")
        .prefetch_related(
            Prefetch(
                "seller_orders",
                queryset=SellerOrder.objects.select_related("vendor").prefetch_related(
                    Prefetch(
                        "items",
                        queryset=OrderItem.objects.select_related(
                            "artisan", "product", "variant"
                        ).prefetch_related("return_requests"),
                    )
                ),
            ),
            Prefetch("events", queryset=OrderEvent.objects.select_related("actor")),
        )
        .get(pk=order.pk)
    )


def order_timeline(order: Order, *, include_items: bool = True) -> list[OrderEvent]:
    """What happened to the order, oldest first (who, when, why)."""
    events = OrderEvent.objects.filter(order=order).select_related("actor", "item")
    if not include_items:
        events = events.filter(item__isnull=True)
    return list(events.order_by("at", "pk"))


def seller_order_list(user: Any, *, status: str | None = None) -> QuerySet[SellerOrder]:
    """Seller orders the user may see, newest first, with their order and items."""
    orders = seller_orders_for_user(user).select_related("order", "vendor")
    if status:
        orders = orders.filter(status=status)
    return orders.prefetch_related(
        Prefetch("items", queryset=OrderItem.objects.select_related("artisan").order_by("pk"))
    ).order_by("-created_at", "-pk")
