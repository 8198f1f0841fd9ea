"""Domain events that move money, turned into ledger entries (registered at app start).

Handlers run after the cause committed, at least once, in their own transaction; every
posting is keyed by its cause, so a repeated event changes nothing. Each entry is dated the
day the event was recorded, not the day it happened to be handled.
"""

from __future__ import annotations

from typing import Any

from odopmart.core.models import OutboxEvent
from odopmart.core.outbox import outbox_register
from odopmart.ledger import services


def _on(event: OutboxEvent) -> Any:
    return services._local_date(event.created_at)


def on_payment_captured(event: OutboxEvent) -> None:
    """payment.captured (payments) and order.paid (orders): money the gateway holds."""
    from odopmart.payments.models import Payment

    payment_id = event.payload.get("payment_id")
    if not payment_id:
        return
    payment = Payment.objects.get(pk=payment_id)
    services.ledger_post_capture(payment, on=_on(event))


def on_seller_order_delivered(event: OutboxEvent) -> None:
    from odopmart.orders.models import SellerOrder

    seller_order = SellerOrder.objects.select_related("order").get(
        pk=event.payload["seller_order_id"]
    )
    services.ledger_post_cod_delivered(seller_order, on=_on(event))


def on_refund_created(event: OutboxEvent) -> None:
    from odopmart.payments.models import Refund

    refund_id = event.payload.get("refund_id")
    if not refund_id:
        return
    refund = Refund.objects.select_related("payment").get(pk=refund_id)
    services.ledger_post_refund(refund, on=_on(event))


def on_refund_processed(event: OutboxEvent) -> None:
    from odopmart.payments.models import Refund

    refund = Refund.objects.select_related("payment").get(pk=event.payload["refund_id"])
    services.ledger_post_refund_paid(refund, on=_on(event))


def register() -> None:
    outbox_register("payment.captured", on_payment_captured)
    outbox_register("order.paid", on_payment_captured)
    outbox_register("seller_order.delivered", on_seller_order_delivered)
    outbox_register("refund.created", on_refund_created)
    outbox_register("refund.processed", on_refund_processed)
