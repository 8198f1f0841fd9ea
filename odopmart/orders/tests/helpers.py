"""Helpers shared by the orders tests."""

from __future__ import annotations

from typing import Any

from odopmart.orders.models import Order
from odopmart.orders.services import order_confirm_paid


def pay(order: Order) -> Order:
    """Capture the whole amount the way payments does (a captured Payment), then confirm."""
    from odopmart.payments.models import Payment

    payment = Payment.objects.create(
        order=order,
        provider="sandbox",
        status="captured",
        amount_paise=order.grand_total_paise,
        captured_paise=order.grand_total_paise,
        gateway_order_id=f"order_test_{order.pk}",
        gateway_payment_id=f"pay_test_{order.pk}",
    )
    order_confirm_paid(order, payment=payment)
    order.refresh_from_db()
    return order


def statuses(order: Order) -> dict[str, Any]:
    order.refresh_from_db()
    return {
        "order": order.status,
        "seller_orders": sorted(order.seller_orders.values_list("status", flat=True)),
        "items": sorted(order.items.values_list("status", flat=True)),
    }
