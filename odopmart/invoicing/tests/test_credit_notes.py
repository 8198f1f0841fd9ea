from __future__ import annotations

from datetime import date

import pytest
import time_machine

from odopmart.core.models import OutboxEvent
from odopmart.core.outbox import outbox_dispatch
from odopmart.invoicing.exceptions import InvoicingError
from odopmart.invoicing.models import CreditNote, TaxInvoice
from odopmart.invoicing.services import credit_note_issue
from odopmart.invoicing.tests.conftest import at, deliver, dispatch
from odopmart.orders.services import (
    item_cancel,
    order_cancel,
    return_request_create,
    return_request_decide,
    return_request_receive,
    seller_order_cancel,
)

pytestmark = pytest.mark.django_db

ON = date(2025, 6, 16)


def _sum(note: CreditNote) -> int:
    return (
        note.taxable_total_paise
        + note.cgst_total_paise
        + note.sgst_total_paise
        + note.igst_total_paise
    )


def test_item_cancelled_after_invoicing_is_credited(seller, product_of, sale, buyer):
    order = sale(
        (product_of(seller, price_paise=42000), 1),
        (product_of(seller, price_paise=21000), 2),
        on=ON,
    )
    invoice = TaxInvoice.objects.get(seller_order__order=order)
    item = order.items.order_by("pk").first()
    with time_machine.travel(at(date(2025, 6, 17)), tick=False):
        item_cancel(item, actor=buyer, reason="Ordered by mistake")
        dispatch()
    note = CreditNote.objects.get(invoice=invoice)
    assert note.item == item
    assert note.number == f"V{seller.pk}CN2526/00001"
    assert note.issued_on == date(2025, 6, 17)
    (line,) = note.lines
    assert line["item_id"] == item.pk
    assert (line["taxable_paise"], line["cgst_paise"], line["sgst_paise"]) == (40000, 1000, 1000)
    assert note.grand_total_paise == 42000 == _sum(note)
    assert note.details["invoice_number"] == invoice.number
    assert note.reason == "Ordered by mistake"
    # The same event again changes nothing.
    event = OutboxEvent.objects.get(topic="item.cancelled")
    OutboxEvent.objects.filter(pk=event.pk).update(processed_at=None)
    outbox_dispatch(event.pk)
    assert CreditNote.objects.count() == 1


def test_whole_seller_order_cancelled_credits_items_and_shipping(seller, product_of, sale, buyer):
    order = sale((product_of(seller, price_paise=42000), 1), on=ON)
    invoice = TaxInvoice.objects.get(seller_order__order=order)
    seller_order = order.seller_orders.get()
    assert seller_order.shipping_paise > 0
    seller_order_cancel(seller_order, actor=None, reason="Out of thread")
    dispatch()
    credited = CreditNote.objects.filter(invoice=invoice)
    assert sum(note.grand_total_paise for note in credited) == invoice.grand_total_paise
    kinds = sorted(line["kind"] for note in credited for line in note.lines)
    assert kinds == ["goods", "shipping"]


def test_order_cancelled_by_the_buyer_credits_everything_once(seller, product_of, sale, buyer):
    order = sale((product_of(seller, price_paise=42000), 2), on=ON)
    invoice = TaxInvoice.objects.get(seller_order__order=order)
    order_cancel(order, actor=buyer, reason="Changed my mind")
    dispatch()
    note = CreditNote.objects.get(invoice=invoice)
    assert note.item is None
    assert note.grand_total_paise == invoice.grand_total_paise
    assert note.taxable_total_paise == invoice.taxable_total_paise
    assert note.cgst_total_paise == invoice.cgst_total_paise


def test_return_received_is_credited(seller, product_of, sale):
    order = sale((product_of(seller, price_paise=42000), 1), on=ON)
    invoice = TaxInvoice.objects.get(seller_order__order=order)
    deliver(order, date(2025, 6, 20))
    item = order.items.get()
    with time_machine.travel(at(date(2025, 6, 22)), tick=False):
        request = return_request_create(item, actor=None, reason_code="size_fit", details="small")
        return_request_decide(request, actor=None, approve=True, note="")
        dispatch()
        assert not CreditNote.objects.exists()  # approved is not yet returned
        return_request_receive(request, actor=None)
        dispatch()
    note = CreditNote.objects.get(invoice=invoice)
    assert note.return_request == request
    assert note.details["cause"] == "return"
    assert [line["kind"] for line in note.lines] == ["goods"]  # shipping was delivered
    assert note.grand_total_paise == item.line_total_paise


def test_credit_more_than_invoiced_is_refused(seller, product_of, sale):
    order = sale((product_of(seller, price_paise=21000), 3), on=ON)
    invoice = TaxInvoice.objects.get(seller_order__order=order)
    item = order.items.get()
    first = credit_note_issue(invoice, item=item, reason="Damaged", dedupe_key="t:1", quantity=2)
    assert first.lines[0]["quantity"] == 2
    with pytest.raises(InvoicingError) as refused:
        credit_note_issue(invoice, item=item, reason="Damaged", dedupe_key="t:2", quantity=2)
    assert refused.value.code == "more_than_invoiced"
    last = credit_note_issue(invoice, item=item, reason="Damaged", dedupe_key="t:3")
    assert last.lines[0]["quantity"] == 1
    # Together they credit exactly the invoice line, to the paisa.
    line = invoice.lines[0]
    for name in ("taxable_paise", "cgst_paise", "sgst_paise"):
        assert first.lines[0][name] + last.lines[0][name] == line[name]
    with pytest.raises(InvoicingError) as again:
        credit_note_issue(invoice, item=item, reason="Damaged", dedupe_key="t:4")
    assert again.value.code == "already_credited"
    assert CreditNote.objects.count() == 2
    # The same cause twice returns the first note.
    assert credit_note_issue(invoice, item=item, reason="x", dedupe_key="t:1") == first


def test_an_item_not_on_the_invoice_is_refused(seller, product_of, sale):
    order = sale((product_of(seller, price_paise=21000), 1), on=ON)
    other = sale((product_of(seller, price_paise=21000), 1), on=ON)
    invoice = TaxInvoice.objects.get(seller_order__order=order)
    with pytest.raises(InvoicingError) as refused:
        credit_note_issue(invoice, item=other.items.get(), reason="x", dedupe_key="t:9")
    assert refused.value.code == "not_on_invoice"
