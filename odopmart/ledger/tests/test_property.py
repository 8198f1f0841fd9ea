"""Property: whatever buyers, vendors and the clock do, the books balance after every step and
each order's buyer receipts hold exactly what the operator still holds for that buyer.

Random sequences of: order (online or cash on delivery, one or two vendors), pay, cancel an
order or one item, deliver, return (request, approve, receive), refund reaching the buyer, and
time passing with the recognition run.
"""

from __future__ import annotations

import contextlib
from datetime import date, timedelta

import pytest
import time_machine
from django.db import transaction
from django.db.models import Sum
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from odopmart.ledger.models import ItemAccrual
from odopmart.ledger.posting import ledger_trial_balance
from odopmart.ledger.services import (
    cod_delivered_amount,
    ledger_order_receipts_held,
    ledger_recognise_due,
)
from odopmart.ledger.tests.conftest import at, deliver, dispatch
from odopmart.orders.exceptions import OrderError
from odopmart.orders.models import Order
from odopmart.orders.services import (
    item_cancel,
    order_cancel,
    order_confirm_cod,
    return_request_create,
    return_request_decide,
    return_request_receive,
)
from odopmart.orders.states import ItemStatus, OrderStatus
from odopmart.orders.tests.helpers import pay
from odopmart.payments.models import Payment, Refund
from odopmart.payments.services import refund_mark_processed

pytestmark = pytest.mark.django_db

STEP = st.one_of(
    st.tuples(
        st.just("order"), st.integers(0, 5), st.sampled_from(["online", "cod"]), st.booleans()
    ),
    st.tuples(st.just("pay"), st.integers(0, 20)),
    st.tuples(st.just("cancel_order"), st.integers(0, 20)),
    st.tuples(st.just("cancel_item"), st.integers(0, 20)),
    st.tuples(st.just("deliver"), st.integers(0, 20)),
    st.tuples(st.just("return"), st.integers(0, 20)),
    st.tuples(st.just("refund_paid"), st.integers(0, 20)),
    st.tuples(st.just("wait"), st.integers(1, 12)),
    st.tuples(st.just("settle"), st.booleans()),
)


def expected_held(order: Order) -> int:
    """From the domain alone: money in (captured online, or COD parcels delivered), less
    refunds decided, less what items earned."""
    taken = (
        Payment.objects.filter(order=order)
        .exclude(provider="cod")
        .aggregate(s=Sum("captured_paise"))["s"]
        or 0
    )
    if order.payment_method == "cod":
        taken = sum(
            cod_delivered_amount(so) for so in order.seller_orders.filter(status="delivered")
        )
    refunded = Refund.objects.filter(payment__order=order).aggregate(s=Sum("amount_paise"))["s"]
    earned = ItemAccrual.objects.filter(order=order).aggregate(s=Sum("gross_paise"))["s"]
    return taken - (refunded or 0) - (earned or 0)


class World:
    def __init__(self, sale_lines, place, cart_with):
        self.sale_lines = sale_lines
        self.place = place
        self.cart_with = cart_with
        self.today = date(2025, 6, 2)
        self.orders: list[Order] = []

    def pick(self, index: int, **filters) -> Order | None:
        ids = [o.pk for o in self.orders]
        found = list(Order.objects.filter(pk__in=ids, **filters).order_by("pk"))
        return found[index % len(found)] if found else None

    def run(self, step: tuple) -> None:
        kind = step[0]
        with time_machine.travel(at(self.today), tick=False):
            # Refused by the rules (not cancellable, window closed): nothing changed.
            with contextlib.suppress(OrderError):
                getattr(self, f"do_{kind}")(*step[1:])
            dispatch()

    def do_order(self, which: int, method: str, pay_now: bool) -> None:
        order = self.place(self.cart_with(*self.sale_lines[which]), method=method)
        self.orders.append(order)
        if pay_now:
            self._pay(order)

    def do_pay(self, index: int) -> None:
        order = self.pick(index, status=OrderStatus.PENDING_PAYMENT)
        if order is not None:
            self._pay(order)

    def _pay(self, order: Order) -> None:
        if order.payment_method == "online":
            pay(order)
        else:
            order_confirm_cod(order)

    def do_cancel_order(self, index: int) -> None:
        order = self.pick(index, status__in=[OrderStatus.PLACED, OrderStatus.PENDING_PAYMENT])
        if order is not None:
            order_cancel(order, actor=None, reason="changed my mind")

    def do_cancel_item(self, index: int) -> None:
        order = self.pick(index, status=OrderStatus.PLACED)
        if order is not None:
            item = order.items.exclude(status=ItemStatus.CANCELLED).first()
            if item is not None:
                item_cancel(item, actor=None, reason="one is enough")

    def do_deliver(self, index: int) -> None:
        order = self.pick(index, status__in=[OrderStatus.PLACED, OrderStatus.PARTLY_SHIPPED])
        if order is not None:
            deliver(order, self.today)

    def do_return(self, index: int) -> None:
        order = self.pick(index, items__status=ItemStatus.DELIVERED)
        if order is None:
            return
        item = order.items.filter(status=ItemStatus.DELIVERED).first()
        rr = return_request_create(item, actor=None, reason_code="size_fit")
        return_request_decide(rr, actor=None, approve=True)
        return_request_receive(rr, actor=None)

    def do_refund_paid(self, index: int) -> None:
        pending = list(Refund.objects.filter(status="pending").order_by("pk"))
        if pending:
            refund_mark_processed(pending[index % len(pending)], gateway_refund_id="rfnd")

    def do_wait(self, days: int) -> None:
        self.today += timedelta(days=days)
        with time_machine.travel(at(self.today), tick=False):
            ledger_recognise_due()

    def do_settle(self, confirm: bool) -> None:
        """A settlement run; the operator then confirms the bank transfers (or not yet)."""
        from odopmart.settlements.models import Payout
        from odopmart.settlements.services import payout_mark_paid, settlement_run

        settlement_run()
        if confirm:
            for payout in Payout.objects.filter(status__in=("pending", "queued", "processing")):
                payout_mark_paid(payout, utr=f"UTR{payout.pk:08d}", actor=None)

    def check(self) -> None:
        assert ledger_trial_balance() == 0
        for order in Order.objects.filter(pk__in=[o.pk for o in self.orders]):
            assert ledger_order_receipts_held(order) == expected_held(order), order.number


@pytest.fixture
def catalogue(seller, make_vendor, product_of, commission, artisan_share):
    other = make_vendor(gstin="09AAACO2222B1Z6", pan="")
    artisan_share(seller, 5000)
    cheap, dear, theirs = (
        product_of(seller, price_paise=21000, stock=500),
        product_of(seller, price_paise=105000, stock=500),
        product_of(other, price_paise=33300, stock=500),
    )
    return [
        [(cheap, 1)],
        [(dear, 2)],
        [(cheap, 1), (dear, 1)],
        [(theirs, 1)],
        [(cheap, 2), (theirs, 1)],
        [(dear, 1), (theirs, 2)],
    ]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(STEP, min_size=3, max_size=16))
def test_books_balance_after_every_step(catalogue, place, cart_with, steps):
    with transaction.atomic():
        world = World(catalogue, place, cart_with)
        for step in steps:
            world.run(step)
            world.check()
        for index in range(len(world.orders)):  # whatever is still on its way arrives
            world.run(("deliver", index))
        world.run(("wait", 40))  # every window closes
        world.check()
        world.run(("settle", True))  # everything earned is settled and paid out
        world.check()
        for order in world.orders:
            order.refresh_from_db()
            settled = (
                order.payment_method == "online"
                and not order.items.filter(
                    status__in=[ItemStatus.PLACED, ItemStatus.CONFIRMED, ItemStatus.SHIPPED]
                ).exists()
            )
            if settled and order.status not in (OrderStatus.PENDING_PAYMENT, "payment_failed"):
                # Everything paid for online was either refunded or earned by a vendor.
                assert ledger_order_receipts_held(order) == 0, order.number
        event(f"items earned: {min(ItemAccrual.objects.count(), 3)}+")
        event(f"refunds: {min(Refund.objects.count(), 2)}+")
        transaction.set_rollback(True)


def test_a_known_sequence(catalogue, place, cart_with):
    world = World(catalogue, place, cart_with)
    steps = [
        ("order", 2, "online", False),
        ("pay", 0),
        ("order", 4, "cod", True),
        ("deliver", 0),
        ("deliver", 1),
        ("return", 1),
        ("refund_paid", 0),
        ("wait", 20),
    ]
    for step in steps:
        world.run(step)
        world.check()
    assert ItemAccrual.objects.count() == 4
    assert ItemAccrual.objects.filter(returned=True).count() == 1
