"""Documents follow the order's events (delivered after commit, at least once, so each
handler is idempotent): an invoice when the order is paid or its cash on delivery accepted, a
credit note when an invoiced item is cancelled or a return is received.

Refund events are not handled: a credit note follows the supply (what was cancelled or came
back), not the money, which the books track.

Expected refusals (nothing invoiced yet, already credited) are logged, not raised: a raise
would make the outbox retry every handler of the event, the books' included.
"""

from __future__ import annotations

import logging

from django.utils.translation import gettext as _

from odopmart.core.models import OutboxEvent
from odopmart.core.outbox import outbox_register
from odopmart.invoicing.exceptions import InvoicingError
from odopmart.invoicing.models import TaxInvoice
from odopmart.invoicing.services import credit_note_issue, invoices_issue_for_order
from odopmart.orders.models import Order, OrderItem, ReturnRequest
from odopmart.orders.states import SellerOrderStatus

logger = logging.getLogger("odopmart.invoicing")

_SETTLED_REFUSALS = {"already_credited", "nothing_to_credit", "not_on_invoice"}


def on_order_confirmed(event: OutboxEvent) -> None:
    order = Order.objects.filter(pk=event.payload.get("order_id")).first()
    if order is None:
        return
    try:
        invoices_issue_for_order(order)
    except InvoicingError as error:
        # Paid and then cancelled before this ran: nothing to invoice.
        logger.info("No invoice for order %s: %s", order.number, error.code)


def _credit(invoice: TaxInvoice, **kwargs) -> None:  # noqa: ANN003
    try:
        credit_note_issue(invoice, **kwargs)
    except InvoicingError as error:
        if error.code not in _SETTLED_REFUSALS:
            raise
        logger.info("No credit note for %s: %s", kwargs.get("dedupe_key"), error.code)


def on_item_cancelled(event: OutboxEvent) -> None:
    item = (
        OrderItem.objects.select_related("seller_order")
        .filter(pk=event.payload.get("item_id"))
        .first()
    )
    if item is None:
        return
    invoice = TaxInvoice.objects.filter(seller_order_id=item.seller_order_id).first()
    if invoice is None:
        return  # cancelled before invoicing: it was left off the invoice
    whole = item.seller_order.status == SellerOrderStatus.CANCELLED
    _credit(
        invoice,
        item=item,
        reason=event.payload.get("reason") or _("Item cancelled"),
        dedupe_key=f"cancel:item:{item.pk}",
        # The seller order's last item takes the shipping with it (it was refunded too).
        include_shipping=whole,
    )


def on_order_cancelled(event: OutboxEvent) -> None:
    invoices = TaxInvoice.objects.filter(seller_order__order_id=event.payload.get("order_id"))
    for invoice in invoices:
        _credit(
            invoice,
            item=None,
            reason=event.payload.get("reason") or _("Order cancelled"),
            dedupe_key=f"cancel:seller_order:{invoice.seller_order_id}",
        )


def on_return_received(event: OutboxEvent) -> None:
    found = ReturnRequest.objects.select_related("item").filter(
        pk=event.payload.get("return_request_id")
    )
    return_request = found.first()
    if return_request is None:
        return
    item = return_request.item
    invoice = TaxInvoice.objects.filter(seller_order_id=item.seller_order_id).first()
    if invoice is None:
        logger.warning("Return %s received for an item never invoiced", return_request.pk)
        return
    _credit(
        invoice,
        item=item,
        return_request=return_request,
        reason=_("Goods returned"),
        dedupe_key=f"return:{return_request.pk}",
    )


def register() -> None:
    outbox_register("order.paid", on_order_confirmed)
    outbox_register("order.cod_confirmed", on_order_confirmed)
    outbox_register("item.cancelled", on_item_cancelled)
    outbox_register("order.cancelled", on_order_cancelled)
    outbox_register("return.received", on_return_received)
