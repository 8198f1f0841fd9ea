"""Postings for each flow through the real buying services, against hand-computed figures.

Product: ₹1,050 incl. 5 % GST (taxable ₹1,000), two of them: line ₹2,100, taxable ₹2,000
(shipping is free at that value). Commission 10 %, GST on it 18 %.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import time_machine

from odopmart.ledger.models import AccountKind, ItemAccrual, JournalEntry
from odopmart.ledger.posting import ledger_balance, ledger_trial_balance
from odopmart.ledger.services import (
    ledger_order_receipts_held,
    ledger_recognise_due,
    shipping_shares,
)
from odopmart.ledger.tests.conftest import DELHI, IST, at, deliver, dispatch
from odopmart.orders.services import (
    order_cancel,
    return_request_create,
    return_request_decide,
    return_request_receive,
)
from odopmart.payments.models import Refund
from odopmart.payments.services import refund_mark_processed

pytestmark = pytest.mark.django_db
A = AccountKind


def recognise(on: date) -> int:
    count = ledger_recognise_due(now=at(on))
    assert ledger_trial_balance() == 0
    return count


def test_pay_deliver_recognise_posts_every_leg(sale, seller, product_of, commission, artisan_share):
    artisan_share(seller, 6000)
    order = sale((product_of(seller), 2), on=date(2025, 1, 15))
    assert ledger_balance(A.GATEWAY_CLEARING) == 210000
    assert ledger_order_receipts_held(order) == 210000

    deliver(order, date(2025, 1, 20))
    assert recognise(date(2025, 1, 26)) == 0  # the 7-day window is still open
    assert recognise(date(2025, 1, 28)) == 1

    accrual = ItemAccrual.objects.get()
    assert accrual.supplied_on == date(2025, 1, 15)
    assert accrual.recognised_on == date(2025, 1, 28)
    assert (accrual.gross_paise, accrual.taxable_paise, accrual.net_taxable_paise) == (
        210000, 200000, 200000,
    )  # fmt: skip
    assert accrual.commission_paise == 20000
    assert (accrual.commission_cgst_paise, accrual.commission_sgst_paise) == (1800, 1800)
    assert accrual.commission_igst_paise == 0  # vendor in the operator's state
    assert (accrual.tcs_cgst_paise, accrual.tcs_sgst_paise, accrual.tcs_igst_paise) == (500, 500, 0)
    assert accrual.tds_paise == 200  # 0.1 %
    assert accrual.artisan_share_paise == 120000  # 60 % of taxable value
    assert accrual.vendor_net_paise == 210000 - 23600 - 1000 - 200 - 120000

    v = seller.pk
    assert ledger_order_receipts_held(order) == 0
    assert ledger_balance(A.VENDOR_PAYABLE, vendor_id=v) == -65200
    assert ledger_balance(A.COMMISSION_INCOME) == -20000
    assert ledger_balance(A.GST_ON_COMMISSION) == -3600
    assert ledger_balance(A.TCS_PAYABLE) == -1000
    assert ledger_balance(A.TDS_PAYABLE) == -200
    item = order.items.get()
    assert ledger_balance(A.ARTISAN_PAYABLE, artisan_id=item.artisan_id) == -120000
    keys = set(JournalEntry.objects.filter(order=order).values_list("dedupe_key", flat=True))
    assert keys == {
        f"capture:{order.payments.get().pk}",
        f"deliver:{item.pk}",
        f"commission:{item.pk}",
        f"tcs:{item.pk}",
        f"tds:{item.pk}",
        f"artisan:{item.pk}",
    }
    # Running again changes nothing.
    assert recognise(date(2025, 2, 28)) == 0
    assert ItemAccrual.objects.count() == 1


@pytest.mark.parametrize(
    ("paid_on", "tcs_half", "tds"),
    [
        (date(2024, 7, 9), 1000, 2000),  # TCS 1 % (0.5 + 0.5), TDS 1 %
        (date(2024, 7, 10), 500, 2000),  # TCS 0.5 % from 10 Jul 2024
        (date(2024, 9, 30), 500, 2000),  # TDS still 1 %
        (date(2024, 10, 1), 500, 200),  # TDS 0.1 % from 1 Oct 2024
    ],
)
def test_withholding_rates_follow_the_date_paid(
    sale, seller, product_of, commission, paid_on, tcs_half, tds
):
    order = sale((product_of(seller), 2), on=paid_on)
    deliver(order, paid_on + timedelta(days=3))
    # Recognised long after the change: the rate of the date of supply applies.
    assert recognise(paid_on + timedelta(days=60)) == 1
    accrual = ItemAccrual.objects.get()
    assert (accrual.tcs_cgst_paise, accrual.tcs_sgst_paise) == (tcs_half, tcs_half)
    assert accrual.tds_paise == tds


def test_inter_state_sale_collects_tcs_as_igst(sale, seller, product_of, commission):
    order = sale((product_of(seller), 2), address=DELHI)
    assert order.seller_orders.get().supply_type == "inter"
    deliver(order, date(2025, 1, 20))
    recognise(date(2025, 3, 1))
    accrual = ItemAccrual.objects.get()
    assert (accrual.tcs_cgst_paise, accrual.tcs_sgst_paise, accrual.tcs_igst_paise) == (0, 0, 1000)
    assert accrual.taxable_paise == 200000


def test_commission_gst_is_igst_for_a_vendor_outside_the_operators_state(
    sale, make_vendor, product_of, commission
):
    from odopmart.regions.models import State

    delhi_vendor = make_vendor(
        gstin="07AAACD1234E1Z2", pan="AAACD1234E", state=State.objects.get(gst_state_code="07")
    )
    order = sale((product_of(delhi_vendor), 2), address=DELHI)
    deliver(order, date(2025, 1, 20))
    recognise(date(2025, 3, 1))
    accrual = ItemAccrual.objects.get()
    assert accrual.commission_igst_paise == 3600
    assert accrual.commission_cgst_paise == accrual.commission_sgst_paise == 0


def test_gst_on_commission_rate_is_taken_on_the_date(sale, seller, product_of, commission):
    from odopmart.ledger.models import StatutoryRate

    StatutoryRate.objects.filter(kind="gst_on_commission").update(effective_to=date(2025, 1, 31))
    StatutoryRate.objects.create(
        kind="gst_on_commission", rate_bp=1200, effective_from=date(2025, 2, 1)
    )
    before = sale((product_of(seller), 2), on=date(2025, 1, 31))
    after = sale((product_of(seller), 2), on=date(2025, 2, 1))
    deliver(before, date(2025, 2, 3))
    deliver(after, date(2025, 2, 3))
    recognise(date(2025, 3, 1))
    assert ItemAccrual.objects.get(order=before).gst_on_commission_paise == 3600
    assert ItemAccrual.objects.get(order=after).gst_on_commission_paise == 2400


def test_no_pan_vendor_has_tds_at_the_no_pan_rate(sale, make_vendor, product_of, commission):
    vendor = make_vendor(gstin="09AAACN1111A1Z5", pan="")
    order = sale((product_of(vendor), 2))
    deliver(order, date(2025, 1, 20))
    recognise(date(2025, 3, 1))
    accrual = ItemAccrual.objects.get()
    assert accrual.tds_rate_bp == 500
    assert accrual.tds_paise == 10000  # 5 % of ₹2,000
    assert "206AA" in accrual.tds_rate.legal_reference


def test_shipping_is_shared_and_in_the_tds_base(sale, seller, product_of, commission):
    cheap_a, cheap_b = product_of(seller, price_paise=21000), product_of(seller, price_paise=42000)
    order = sale((cheap_a, 1), (cheap_b, 1), on=date(2025, 6, 16))
    seller_order = order.seller_orders.get()
    assert seller_order.shipping_paise > 0  # below the free-shipping threshold
    shares = shipping_shares(seller_order)
    assert sum(g for g, _t in shares.values()) == seller_order.shipping_paise
    assert sum(t for _g, t in shares.values()) == seller_order.shipping_taxable_paise
    deliver(order, date(2025, 6, 20))
    assert recognise(date(2025, 8, 1)) == 2
    accruals = ItemAccrual.objects.all()
    assert sum(a.gross_paise for a in accruals) == order.grand_total_paise
    for a in accruals:
        assert a.net_taxable_paise == a.item.taxable_value_paise + a.shipping_taxable_paise
        assert a.commission_base_paise == a.item.taxable_value_paise  # no commission on shipping
    assert ledger_order_receipts_held(order) == 0


def test_cancel_before_delivery_refunds_and_earns_nothing(sale, seller, product_of, commission):
    order = sale((product_of(seller), 2))
    order_cancel(order, actor=None, reason="changed my mind")
    dispatch()
    refund = Refund.objects.get()
    assert ledger_balance(A.REFUNDS_PAYABLE) == -210000
    assert ledger_order_receipts_held(order) == 0
    refund_mark_processed(refund, gateway_refund_id="rfnd_1")
    dispatch()
    assert ledger_balance(A.REFUNDS_PAYABLE) == 0
    assert ledger_balance(A.GATEWAY_CLEARING) == 0
    assert recognise(date(2025, 6, 1)) == 0
    assert ledger_trial_balance() == 0


def _return(item, on):
    with time_machine.travel(at(on), tick=False):
        rr = return_request_create(item, actor=None, reason_code="size_fit", details="too small")
        return_request_decide(rr, actor=None, approve=True, note="")
        return_request_receive(rr, actor=None)
        dispatch()


def test_return_after_delivery_leaves_only_shipping_and_is_reported_as_a_return(
    sale, seller, product_of, commission
):
    product = product_of(seller, price_paise=21000)
    order = sale((product, 1), on=date(2025, 6, 16))
    seller_order = order.seller_orders.get()
    deliver(order, date(2025, 6, 20))
    item = order.items.get()
    _return(item, date(2025, 6, 22))
    assert ledger_order_receipts_held(order) == seller_order.shipping_paise
    recognise(date(2025, 8, 1))
    accrual = ItemAccrual.objects.get()
    assert accrual.returned
    assert accrual.gross_paise == seller_order.shipping_paise
    assert accrual.returned_taxable_paise == item.taxable_value_paise
    assert accrual.net_taxable_paise == seller_order.shipping_taxable_paise
    assert accrual.commission_paise == 0
    assert ledger_order_receipts_held(order) == 0


def test_an_open_return_holds_the_money(sale, seller, product_of, commission):
    order = sale((product_of(seller), 2))
    deliver(order, date(2025, 1, 20))
    with time_machine.travel(at(date(2025, 1, 22)), tick=False):
        return_request_create(order.items.get(), actor=None, reason_code="size_fit")
    assert recognise(date(2025, 3, 1)) == 0
    assert ledger_order_receipts_held(order) == 210000


def test_cash_on_delivery_is_receivable_on_delivery(sale, seller, product_of, commission):
    order = sale((product_of(seller), 2), method="cod")
    assert not JournalEntry.objects.exists()  # no money yet
    deliver(order, date(2025, 1, 20))
    assert ledger_balance(A.COD_RECEIVABLE) == order.grand_total_paise
    assert ledger_order_receipts_held(order) == order.grand_total_paise
    recognise(date(2025, 3, 1))
    assert ledger_order_receipts_held(order) == 0
    assert ItemAccrual.objects.get().supplied_on == date(2025, 1, 15)  # placed, not paid


def test_events_handled_twice_post_once(sale, seller, product_of, commission):
    from odopmart.core.models import OutboxEvent
    from odopmart.ledger.handlers import on_payment_captured

    order = sale((product_of(seller), 2))
    event = OutboxEvent.objects.get(topic="order.paid")
    on_payment_captured(event)
    on_payment_captured(event)
    assert ledger_order_receipts_held(order) == 210000


def test_a_missing_commission_rule_leaves_the_item_for_later(sale, seller, product_of):
    order = sale((product_of(seller), 2))
    deliver(order, date(2025, 1, 20))
    assert recognise(date(2025, 3, 1)) == 0
    assert ledger_order_receipts_held(order) == 210000
    assert not ItemAccrual.objects.exists()


def test_management_command(sale, seller, product_of, commission, capsys):
    from django.core.management import call_command

    order = sale((product_of(seller), 2))
    deliver(order, date(2025, 1, 20))
    with time_machine.travel(datetime(2025, 3, 1, tzinfo=IST)):
        call_command("ledger_recognise_due")
    assert "recognised 1 item(s); trial balance 0" in capsys.readouterr().out
