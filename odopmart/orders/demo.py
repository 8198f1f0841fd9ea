"""Demo orders: more than a year of buying on the demo catalogue, driven through the real
services with the clock moved to each moment (time-machine), so every invoice, ledger entry,
certificate, settlement and report is exactly what the live code produces.

Buyers check out (online through the sandbox gateway's signed webhook, or cash on delivery),
artisans answer their calls, the desk enters the courier's AWB and statuses, parcels are
delivered; a few buyers cancel or return. Volumes grow month on month, so the insights show
quarter-on-quarter growth. Deterministic for a given seed.
"""

from __future__ import annotations

import heapq
import io
import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import time_machine
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from odopmart.catalog.models import Variant
from odopmart.core.outbox import outbox_dispatch_due
from odopmart.orders.cart import cart_add
from odopmart.orders.exceptions import OrderError
from odopmart.orders.models import Cart, Order
from odopmart.orders.services import DeliveryAddress, item_cancel, place_order
from odopmart.orders.states import ItemStatus, PaymentMethod

# Real PIN codes across India (delivery addresses), weighted towards Uttar Pradesh.
DESTINATIONS: list[tuple[str, str, str]] = [
    ("226001", "Lucknow", "Hazratganj"),
    ("221001", "Varanasi", "Godowlia"),
    ("208001", "Kanpur", "Mall Road"),
    ("282001", "Agra", "Sadar Bazar"),
    ("273001", "Gorakhpur", "Golghar"),
    ("211001", "Prayagraj", "Civil Lines"),
    ("110001", "New Delhi", "Connaught Place"),
    ("400001", "Mumbai", "Fort"),
    ("560001", "Bengaluru", "MG Road"),
    ("700001", "Kolkata", "BBD Bagh"),
    ("302001", "Jaipur", "MI Road"),
    ("800001", "Patna", "Fraser Road"),
    ("600001", "Chennai", "Parrys"),
    ("500001", "Hyderabad", "Abids"),
]
DESTINATION_WEIGHTS = [9, 6, 4, 4, 3, 3, 6, 5, 5, 3, 3, 2, 2, 2]
BUYER_NAMES = [
    "Asha Verma", "Ravi Gupta", "Meena Rao", "Farhan Ali", "Sunita Yadav", "Arjun Mehta",
    "Kavya Iyer", "Imran Qureshi", "Pooja Singh", "Nikhil Joshi", "Ananya Das", "Rohit Sharma",
]  # fmt: skip


@dataclass
class DemoResult:
    orders: int = 0
    delivered: int = 0
    cancelled_items: int = 0
    returns: int = 0
    skipped: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass(order=True)
class _Action:
    at: datetime
    seq: int
    run: Callable[[], None] = field(compare=False)


class _Clock:
    """Runs actions in time order with the clock moved to each action's moment."""

    def __init__(self) -> None:
        self._queue: list[_Action] = []
        self._seq = itertools.count()

    def at(self, when: datetime, run: Callable[[], None]) -> None:
        heapq.heappush(self._queue, _Action(when, next(self._seq), run))

    def run(self, until: datetime) -> None:
        while self._queue and self._queue[0].at <= until:
            action = heapq.heappop(self._queue)
            with time_machine.travel(action.at, tick=False):
                action.run()
                # What the task worker would do right after: deliver the domain events.
                outbox_dispatch_due()


def _ensure_money_rules(start: date) -> None:
    """The demo's commercial terms: a default commission, a lower one for textiles, and each
    demo vendor passing 60 % of the taxable value to its artisans."""
    from odopmart.catalog.models import Category
    from odopmart.ledger.models import ArtisanShareRule, CommissionRule
    from odopmart.sellers.models import Vendor

    if not CommissionRule.objects.filter(vendor__isnull=True, category__isnull=True).exists():
        CommissionRule.objects.create(rate_bp=800, effective_from=start)
        textiles = Category.objects.filter(slug__icontains="textile").first()
        if textiles:
            CommissionRule.objects.create(rate_bp=600, category=textiles, effective_from=start)
    for vendor in Vendor.objects.filter(is_demo=True):
        ArtisanShareRule.objects.get_or_create(
            vendor=vendor, effective_from=start, defaults={"rate_bp": 6000}
        )


def _buyers(rng: random.Random) -> list[Any]:
    from odopmart.accounts.models import Profile

    users = []
    model = get_user_model()
    for n, name in enumerate(BUYER_NAMES):
        first, last = name.split()
        user, created = model.objects.get_or_create(
            username=f"demo-buyer-{n + 1}",
            defaults={"first_name": first, "last_name": last, "email": f"buyer{n + 1}@example.in"},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            Profile.objects.get_or_create(
                user=user, defaults={"phone": f"+9198{n + 1:02d}{rng.randrange(10**6):06d}"}
            )
        users.append(user)
    return users


def _desk_user() -> Any:
    """The operator's logistics desk, who enters the courier's AWB and statuses by hand."""
    from odopmart.accounts.models import StaffRole, StaffRoleGrant

    user, created = get_user_model().objects.get_or_create(
        username="demo-desk", defaults={"first_name": "Logistics", "last_name": "Desk"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        StaffRoleGrant.objects.get_or_create(user=user, role=StaffRole.HELPLINE)
    return user


def _month_starts(first: date, count: int) -> list[date]:
    months, year, month = [], first.year, first.month
    for _ in range(count):
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _order_moments(rng: random.Random, count: int, months: int, now: datetime) -> list[datetime]:
    """`count` moments spread over the last `months` months, growing month on month."""
    tz = timezone.get_current_timezone()
    today = timezone.localdate(now)
    first = date(today.year, today.month, 1) - timedelta(days=31 * (months - 1))
    starts = _month_starts(date(first.year, first.month, 1), months)
    weights = [1.0 + 0.12 * i + rng.random() * 0.3 for i in range(months)]
    moments = []
    for _ in range(count):
        start = rng.choices(starts, weights)[0]
        end = min(
            (start.replace(day=28) + timedelta(days=4)).replace(day=1), today - timedelta(days=1)
        )
        if end <= start:
            continue
        day = start + timedelta(days=rng.randrange((end - start).days))
        hour, minute = rng.randrange(8, 22), rng.randrange(60)
        moments.append(datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz))
    return sorted(moments)


class _Simulation:
    def __init__(self, rng: random.Random, result: DemoResult, now: datetime) -> None:
        self.rng = rng
        self.result = result
        self.now = now
        self.clock = _Clock()
        self.buyers = _buyers(rng)
        self.desk = _desk_user()
        self.variant_ids = list(
            Variant.objects.filter(
                is_active=True,
                product__status="approved",
                product__vendor__status="approved",
                product__is_demo=True,
            )
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        self.awb_numbers = itertools.count(88_000_001)

    # --- one order's life ---------------------------------------------------------------

    def place(self, at: datetime) -> None:
        rng = self.rng
        cart = Cart.objects.create()
        for variant_id in rng.sample(self.variant_ids, k=rng.choice((1, 1, 1, 2, 2, 3))):
            try:
                cart_add(cart, variant_id, rng.choice((1, 1, 1, 2)))
            except OrderError:
                continue  # sold out or off sale: the buyer picks something else
        if not cart.lines.exists():
            cart.delete()
            self.result.skipped += 1
            return
        pincode, city, area = rng.choices(DESTINATIONS, DESTINATION_WEIGHTS)[0]
        guest = rng.random() < 0.3
        buyer = None if guest else rng.choice(self.buyers)
        name = buyer.get_full_name() if buyer else rng.choice(BUYER_NAMES)
        method = PaymentMethod.ONLINE
        if rng.random() < 0.3 and self._cod_allowed(cart, pincode):
            method = PaymentMethod.COD
        try:
            order = place_order(
                cart=cart,
                buyer=buyer,
                phone=buyer.profile.phone if buyer else f"+9197{rng.randrange(10**8):08d}",
                email=buyer.email if buyer else "",
                address=DeliveryAddress(
                    name=name, line1=f"{rng.randrange(1, 200)} {area}", city=city, pincode=pincode
                ),
                payment_method=method,
                language=rng.choice(("hi", "en")),
            )
        except OrderError as error:
            self.result.skipped += 1
            self.result.notes.append(f"{at:%Y-%m-%d}: not placed ({error.code})")
            return
        self.pay(order)
        self.result.orders += 1
        self.plan(order, at)

    @staticmethod
    def _cod_allowed(cart: Cart, pincode: str) -> bool:
        from odopmart.payments.services import cod_available

        lines = cart.lines.select_related("variant")
        value = sum(line.variant.price_paise * line.quantity for line in lines)
        return cod_available(value, pincode) is None

    def pay(self, order: Order) -> None:
        from odopmart.payments.providers.sandbox import sandbox_click
        from odopmart.payments.services import payment_start, webhook_receive

        start = payment_start(order)
        if order.payment_method == PaymentMethod.ONLINE:
            # The buyer presses "Pay" on the sandbox gateway: its signed webhook arrives.
            click = sandbox_click(start.payment, "captured")
            webhook_receive("sandbox", click.webhook_body.encode(), click.webhook_headers)

    def plan(self, order: Order, at: datetime) -> None:
        rng, hour, day = self.rng, timedelta(hours=1), timedelta(days=1)
        if rng.random() < 0.07:
            self.clock.at(at + 2 * hour, lambda: self.cancel_one(order.pk))
        self.clock.at(at + rng.randrange(2, 8) * hour, lambda: self.answer(order.pk))
        self.clock.at(at + day + rng.randrange(1, 6) * hour, lambda: self.pick_up(order.pk))
        self.clock.at(at + 2 * day, lambda: self.move(order.pk, "in_transit"))
        self.clock.at(at + 4 * day, lambda: self.move(order.pk, "out_for_delivery"))
        self.clock.at(at + 4 * day + 5 * hour, lambda: self.move(order.pk, "delivered"))
        if rng.random() < 0.05:
            self.clock.at(at + 6 * day, lambda: self.return_one(order.pk))

    def cancel_one(self, order_id: int) -> None:
        order = Order.objects.get(pk=order_id)
        item = order.items.filter(status=ItemStatus.PLACED).order_by("pk").first()
        if item is None:
            return
        with transaction.atomic():
            item_cancel(item, actor=order.buyer, reason="Ordered by mistake")
        self.result.cancelled_items += 1

    def answer(self, order_id: int) -> None:
        from odopmart.fulfilment.models import ReadinessRequest
        from odopmart.fulfilment.services import readiness_answer

        for request in ReadinessRequest.objects.filter(order_id=order_id, answer__isnull=True):
            try:
                readiness_answer(request, 1, channel="ivr")
            except Exception as error:  # noqa: BLE001 - a demo order may have been cancelled
                self.result.notes.append(f"readiness {request.pk}: {error}")

    def _shipments(self, order_id: int) -> list[Any]:
        from odopmart.logistics.models import Shipment
        from odopmart.logistics.services import shipments_book_due

        shipments_book_due()
        return list(
            Shipment.objects.filter(seller_order__order_id=order_id).exclude(status="cancelled")
        )

    def pick_up(self, order_id: int) -> None:
        from odopmart.logistics.services import shipment_set_manual_status

        for shipment in self._shipments(order_id):
            if shipment.status in ("created", "pickup_scheduled"):
                shipment_set_manual_status(
                    shipment, "picked_up", actor=self.desk,
                    awb=f"DEMO{next(self.awb_numbers)}", courier_name="India Post",
                )  # fmt: skip

    def move(self, order_id: int, status: str) -> None:
        from odopmart.logistics.services import shipment_set_manual_status

        for shipment in self._shipments(order_id):
            try:
                shipment_set_manual_status(shipment, status, actor=self.desk)
            except Exception as error:  # noqa: BLE001 - e.g. a parcel not picked up yet
                self.result.notes.append(f"shipment {shipment.pk} → {status}: {error}")
                continue
            if status == "delivered":
                self.result.delivered += 1

    def return_one(self, order_id: int) -> None:
        from odopmart.orders.services import (
            return_request_create,
            return_request_decide,
            return_request_receive,
        )

        order = Order.objects.get(pk=order_id)
        item = order.items.filter(status=ItemStatus.DELIVERED).order_by("pk").first()
        if item is None:
            return
        try:
            request = return_request_create(
                item, actor=order.buyer, reason_code="size_fit", details="Too small for my mother."
            )
        except OrderError as error:  # e.g. a category that takes no returns
            self.result.notes.append(f"return of item {item.pk}: {error.code}")
            return
        return_request_decide(request, actor=None, approve=True, note="Pickup arranged")
        self.clock.at(
            timezone.now() + timedelta(days=3),
            lambda: return_request_receive(request, actor=None),
        )
        self.result.returns += 1


def generate_demo_orders(
    *, count: int = 200, months: int = 15, seed: int = 2611, now: datetime | None = None
) -> DemoResult:
    """Simulate `count` orders over the last `months` months (deterministic for a seed)."""
    now = now or timezone.now()
    rng = random.Random(seed)
    result = DemoResult()
    moments = _order_moments(rng, count, months, now)
    if not moments:
        return result
    _ensure_money_rules(timezone.localdate(moments[0]) - timedelta(days=31))
    queued_before = _queued_task_ids()
    simulation = _Simulation(rng, result, now)
    for moment in moments:
        simulation.clock.at(moment, lambda at=moment: simulation.place(at))
    _schedule_timer(simulation.clock, timezone.localdate(moments[0]), now)
    simulation.clock.run(until=now)
    _messages_delivered()
    _drop_history_tasks(queued_before)
    return result


def _queued_task_ids() -> set[Any]:
    from django_tasks_db.models import DBTaskResult

    return set(DBTaskResult.objects.ready().values_list("pk", flat=True))


def _drop_history_tasks(queued_before: set[Any]) -> None:
    """The background work the history queued (event deliveries, sends, bookings) was done in
    line as the clock moved, so those queued tasks would only find it done; drop them rather
    than leave a backlog dated months ago for the worker."""
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.ready().exclude(pk__in=queued_before).delete()


def _schedule_timer(clock: _Clock, first_day: date, now: datetime) -> None:
    """What the timer does along the way, each night: recognise revenue whose return window
    closed; on Mondays settle with the vendors; on the 1st invoice last month's commission."""
    from django.core.management import call_command

    from odopmart.ledger.services import ledger_recognise_due

    try:
        from odopmart.settlements.services import settlement_run
    except ImportError:  # settlements not installed
        settlement_run = None

    def night(day: date) -> None:
        ledger_recognise_due()
        if day.weekday() == 0 and settlement_run is not None:
            settlement_run()
        if day.day == 1:
            call_command("invoicing_issue_commission", verbosity=0, stdout=io.StringIO())

    tz = timezone.get_current_timezone()
    day = first_day + timedelta(days=1)
    while True:
        moment = datetime(day.year, day.month, day.day, 1, 30, tzinfo=tz)
        if moment > now:
            break
        clock.at(moment, lambda day=day: night(day))
        day += timedelta(days=1)


def _messages_delivered() -> None:
    """The demo's messages went out at the time; the console shows them delivered rather than
    sending a year of SMS now."""
    from odopmart.notifications.models import Notification

    Notification.objects.filter(status__in=("queued", "sending", "sent")).update(status="delivered")
