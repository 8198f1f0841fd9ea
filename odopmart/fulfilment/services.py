"""Write paths of the readiness loop. Every status change goes through :func:`_transition`, which
checks the table in `states.py` and appends a `ReadinessEvent`.

* :func:`readiness_requests_for_order` (the `order.paid` / `order.cod_confirmed` handler): one
  request per artisan with items in the order; an SMS and an IVR call to each.
* :func:`readiness_answer`: the artisan's answer 1/2/3, from any channel.
* :func:`readiness_escalate_due`: the timer's sweep: next call, helpline task, SLA alerts.
* :func:`readiness_reassign` / :func:`readiness_cancel`: the vendor's or operator's way out.
* :func:`helpline_task_take` / :func:`helpline_call_record`: the helpline agent's work.

Functions take `now` so a test (or the serve loop) controls the clock. None of them is durable:
the outbox and the IVR webhook call them inside transactions of their own.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from odopmart.fulfilment import messaging
from odopmart.fulfilment.conf import fulfilment_setting
from odopmart.fulfilment.exceptions import FulfilmentError
from odopmart.fulfilment.models import (
    HelplineCallLog,
    HelplineTask,
    ReadinessEvent,
    ReadinessRequest,
)
from odopmart.fulfilment.states import (
    ACTIVE_STATUSES,
    OUTCOME_ANSWERS,
    READINESS_TRANSITIONS,
    Answer,
    AnswerChannel,
    CallOutcome,
    HelplineTaskKind,
    HelplineTaskStatus,
    ReadinessStatus,
    Resolution,
)
from odopmart.orders.models import Order, OrderEvent, OrderItem, SellerOrder
from odopmart.orders.states import ItemStatus, SellerOrderStatus
from odopmart.sellers.models import Artisan

logger = logging.getLogger("odopmart.fulfilment")

Actor = AbstractBaseUser | AnonymousUser | None
R = ReadinessStatus
T = HelplineTaskStatus

# Items an artisan still has to make (paid, not yet ready, shipped or cancelled).
TO_MAKE = (ItemStatus.PLACED, ItemStatus.CONFIRMED)


def _user(actor: Actor) -> Any:
    return actor if actor is not None and getattr(actor, "is_authenticated", False) else None


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def _event(
    request: ReadinessRequest,
    kind: str,
    *,
    now: datetime,
    actor: Actor = None,
    reason: str = "",
    from_status: str = "",
    to_status: str = "",
    channel: str = "",
    **data: Any,
) -> ReadinessEvent:
    return ReadinessEvent.objects.create(
        request=request,
        kind=kind,
        from_status=from_status,
        to_status=to_status,
        channel=channel,
        data=data,
        actor=_user(actor),
        reason=reason,
        at=now,
    )


def _transition(
    request: ReadinessRequest,
    to: str,
    *,
    now: datetime,
    kind: str,
    actor: Actor = None,
    reason: str = "",
    channel: str = "",
    fields: tuple[str, ...] = (),
    **data: Any,
) -> None:
    from_status = request.status
    if to not in READINESS_TRANSITIONS[from_status]:
        raise FulfilmentError(
            "invalid_transition",
            gettext("This request is “%(from)s”; it can't become “%(to)s”.")
            % {"from": R(from_status).label, "to": R(to).label},
        )
    request.status = to
    request.updated_at = now
    request.save(update_fields=["status", "updated_at", *fields])
    _event(
        request, kind, now=now, actor=actor, reason=reason, from_status=from_status,
        to_status=to, channel=channel, **data,
    )  # fmt: skip


def _lock(request: ReadinessRequest | int) -> ReadinessRequest:
    pk = request.pk if isinstance(request, ReadinessRequest) else request
    return (
        ReadinessRequest.objects.select_for_update(of=("self",))
        .select_related("order", "seller_order", "artisan", "vendor")
        .get(pk=pk)
    )


def _ready_by(now: datetime) -> date:
    return timezone.localdate(now) + timedelta(days=int(fulfilment_setting("READY_DAYS")))


def _call_gap() -> timedelta:
    return timedelta(hours=float(fulfilment_setting("HOURS_BETWEEN_CALLS")))


def _sla() -> timedelta:
    return timedelta(hours=float(fulfilment_setting("ESCALATION_SLA_HOURS")))


def _open_task(request: ReadinessRequest) -> HelplineTask | None:
    return (
        HelplineTask.objects.select_for_update()
        .filter(request=request)
        .exclude(status=T.DONE)
        .first()
    )


def _task_open(
    request: ReadinessRequest, kind: str, *, now: datetime, actor: Actor = None
) -> HelplineTask:
    """The request's open task (re-labelled with the new reason), or a new one."""
    task = _open_task(request)
    if task is None:
        task = HelplineTask.objects.create(
            request=request, kind=kind, created_at=now, due_at=now + _sla()
        )
    elif task.kind != kind:
        task.kind = kind
        task.save(update_fields=["kind"])
    _event(request, "helpline_task", now=now, actor=actor, task=task.pk, task_kind=kind)
    return task


def _task_close(request: ReadinessRequest, *, now: datetime, note: str = "") -> None:
    task = _open_task(request)
    if task is None:
        return
    task.status = T.DONE
    task.closed_at = now
    if note:
        task.notes = f"{task.notes}\n{note}".strip()
    task.save(update_fields=["status", "closed_at", "notes"])


# --- asking ------------------------------------------------------------------------------------


def _ask(request: ReadinessRequest, *, now: datetime, attempt: int, actor: Actor = None) -> None:
    """Call number `attempt` (with the SMS the first time); no usable phone -> the helpline."""
    if messaging.send_ask(request, attempt=attempt, with_sms=attempt == 1):
        request.call_attempts = attempt
        request.next_call_at = now + _call_gap()
        request.save(update_fields=["call_attempts", "next_call_at"])
        _event(request, "called", now=now, actor=actor, attempt=attempt)
        return
    request.next_call_at = None
    request.save(update_fields=["next_call_at"])
    _transition(request, R.NO_ANSWER, now=now, kind="no_phone", actor=actor)
    _transition(request, R.ESCALATED, now=now, kind="escalated", actor=actor)
    _task_open(request, HelplineTaskKind.NO_PHONE, now=now, actor=actor)


def _request_create(
    seller_order: SellerOrder,
    artisan: Artisan,
    items: list[OrderItem],
    *,
    now: datetime,
    actor: Actor = None,
    ready_by: date | None = None,
    reason: str = "",
) -> ReadinessRequest:
    ready_by = ready_by or _ready_by(now)
    request = ReadinessRequest.objects.create(
        order_id=seller_order.order_id,
        seller_order=seller_order,
        vendor_id=seller_order.vendor_id,
        artisan=artisan,
        language=artisan.preferred_language or "hi",
        ready_by=ready_by,
        first_ready_by=ready_by,
        created_at=now,
        updated_at=now,
    )
    request.items.set(items)
    _event(
        request, "created", now=now, actor=actor, reason=reason, to_status=R.ASKED,
        items=[item.pk for item in items],
    )  # fmt: skip
    _ask(request, now=now, attempt=1, actor=actor)
    return request


def readiness_requests_for_order(
    order: Order | int, *, now: datetime | None = None
) -> list[ReadinessRequest]:
    """One request per artisan per seller order for the items still to be made, each with one
    SMS and one call. Safe to run again: artisans already asked are not asked twice."""
    now = _now(now)
    order_id = order.pk if isinstance(order, Order) else order
    created: list[ReadinessRequest] = []
    with transaction.atomic():
        # The order's row lock (as the orders services take it) makes two runs for one order
        # wait for each other instead of both asking.
        Order.objects.select_for_update().filter(pk=order_id).first()
        items = list(
            OrderItem.objects.select_related("seller_order", "artisan")
            .filter(order_id=order_id, status__in=TO_MAKE)
            .order_by("seller_order_id", "artisan_id", "pk")
        )
        groups: dict[tuple[int, int], list[OrderItem]] = {}
        for item in items:
            groups.setdefault((item.seller_order_id, item.artisan_id), []).append(item)
        asked = set(
            ReadinessRequest.objects.filter(order_id=order_id)
            .exclude(status=R.RESOLVED)
            .values_list("seller_order_id", "artisan_id")
        )
        # Items already in a request (even one since given to another artisan) are not re-asked.
        covered = set(
            ReadinessRequest.items.through.objects.filter(
                readinessrequest__order_id=order_id
            ).values_list("orderitem_id", flat=True)
        )
        for (seller_order_id, artisan_id), group in groups.items():
            fresh = [item for item in group if item.pk not in covered]
            if (seller_order_id, artisan_id) in asked or not fresh:
                continue
            created.append(_request_create(fresh[0].seller_order, fresh[0].artisan, fresh, now=now))
    return created


def on_order_confirmed(event: Any) -> None:
    """Outbox handler for `order.paid` and `order.cod_confirmed` (payload: order_id)."""
    payload = getattr(event, "payload", event) or {}
    order_id = payload.get("order_id")
    if order_id is None and payload.get("number"):
        order_id = Order.objects.filter(number=payload["number"]).values_list("pk", flat=True)[0]
    readiness_requests_for_order(int(order_id))


# --- answers -----------------------------------------------------------------------------------


def _items_mark_ready(request: ReadinessRequest, *, actor: Actor, now: datetime) -> None:
    """The artisan's items -> ready, and the seller order too once all its items are."""
    from odopmart.orders import transitions

    reason = gettext("The artisan says the items are ready.")
    Order.objects.select_for_update().filter(pk=request.order_id).first()  # orders' lock order
    items = list(request.items.filter(status__in=TO_MAKE).order_by("pk"))
    if items:
        transitions.items_transition(items, ItemStatus.READY, actor=actor, reason=reason)
    seller_order = SellerOrder.objects.get(pk=request.seller_order_id)
    waiting = seller_order.items.exclude(status__in=[ItemStatus.READY, ItemStatus.CANCELLED])
    if (
        seller_order.status in (SellerOrderStatus.PLACED, SellerOrderStatus.CONFIRMED)
        and not waiting.exists()
        and seller_order.items.filter(status=ItemStatus.READY).exists()
    ):
        transitions.seller_order_transition(
            seller_order, SellerOrderStatus.READY, actor=actor, reason=reason
        )


def _pickup_book(request: ReadinessRequest, *, now: datetime, actor: Actor) -> None:
    """Book the pickup at the artisan's door; without the logistics service (or if it fails) the
    items stay ready and the vendor books by hand."""
    try:
        from odopmart.logistics.services import shipment_book_for_ready_items
    except ImportError:
        return
    try:
        with transaction.atomic():
            shipment_book_for_ready_items(request.seller_order, request.artisan, actor=_user(actor))
    except Exception as error:  # any failure: the items stay ready, a person books by hand
        logger.exception("Pickup booking failed for readiness request %s", request.pk)
        _event(request, "pickup_not_booked", now=now, actor=actor, error=str(error)[:500])


def _new_date(request: ReadinessRequest, new_date: date | None) -> date:
    latest = request.first_ready_by + timedelta(
        days=int(fulfilment_setting("MAX_EXTRA_DAYS_TOTAL"))
    )
    if new_date is None:
        new_date = min(
            request.ready_by + timedelta(days=int(fulfilment_setting("EXTRA_DAYS"))), latest
        )
    if new_date <= request.ready_by:
        raise FulfilmentError(
            "date_not_later",
            gettext("The new date must be after %(date)s.")
            % {"date": messaging.date_text(request.ready_by, "en")},
            field="new_date",
        )
    if new_date > latest:
        raise FulfilmentError(
            "date_too_late",
            gettext("The date can move to %(date)s at the latest; after that, answer 3.")
            % {"date": messaging.date_text(latest, "en")},
            field="new_date",
        )
    return new_date


def readiness_answer(
    request: ReadinessRequest | int,
    answer: int | str,
    *,
    channel: str,
    actor: Actor = None,
    new_date: date | None = None,
    now: datetime | None = None,
) -> ReadinessRequest:
    """Record the artisan's answer: 1 ready (items ready, pickup booked), 2 more days (the date
    moves, the buyer is told), 3 cannot make it (helpline task; vendor and operator alerted).

    The same answer again changes nothing (a repeated keypress or a double tap); anything that
    no longer applies raises FulfilmentError.
    """
    now = _now(now)
    try:
        answer = Answer(int(answer))
    except (TypeError, ValueError):
        raise FulfilmentError(
            "invalid_answer", gettext("The answer must be 1, 2 or 3."), field="answer"
        ) from None
    if channel not in AnswerChannel.values:
        raise FulfilmentError("invalid_channel", gettext("Unknown answer channel."))
    with transaction.atomic():
        request = _lock(request)
        if request.status == R.RESOLVED:
            raise FulfilmentError(
                "resolved",
                gettext("This order has already been given to another artisan or cancelled."),
            )
        if request.status == R.READY:
            if answer == Answer.READY:
                return request
            raise FulfilmentError(
                "already_ready",
                gettext("The items are already marked ready; please call the helpline."),
            )
        if request.status == R.CANNOT_MAKE and answer == Answer.CANNOT_MAKE:
            return request
        request.answer = int(answer)
        request.answer_channel = channel
        request.answered_at = now
        request.answered_by = _user(actor)
        request.next_call_at = None
        fields = ("answer", "answer_channel", "answered_at", "answered_by", "next_call_at")
        if answer == Answer.READY:
            _transition(
                request, R.READY, now=now, kind="answered", actor=actor, channel=channel,
                fields=fields, answer=int(answer),
            )  # fmt: skip
            _task_close(request, now=now, note=gettext("Artisan: ready."))
            _items_mark_ready(request, actor=actor, now=now)
            _pickup_book(request, now=now, actor=actor)
        elif answer == Answer.MORE_DAYS:
            old_date = request.ready_by
            request.ready_by = _new_date(request, new_date)
            _transition(
                request, R.NEEDS_MORE_DAYS, now=now, kind="answered", actor=actor,
                channel=channel, fields=(*fields, "ready_by"), answer=int(answer),
                old_date=old_date.isoformat(), new_date=request.ready_by.isoformat(),
            )  # fmt: skip
            _task_close(request, now=now, note=gettext("Artisan: needs more days."))
            messaging.send_buyer_date_moved(request)
        else:
            _transition(
                request, R.CANNOT_MAKE, now=now, kind="answered", actor=actor,
                channel=channel, fields=fields, answer=int(answer),
            )  # fmt: skip
            task = _task_open(request, HelplineTaskKind.CANNOT_MAKE, now=now, actor=actor)
            sent = messaging.send_alerts(request, task, kind="cannot_make")
            _event(request, "alerted", now=now, actor=actor, messages=sent, why="cannot_make")
    return request


def readiness_key_ignored(
    request: ReadinessRequest | int, key: str, *, channel: str = AnswerChannel.IVR
) -> None:
    """A key other than 1-3: recorded, nothing else (the IVR asks again)."""
    pk = request.pk if isinstance(request, ReadinessRequest) else request
    target = ReadinessRequest.objects.filter(pk=pk).first()
    if target is not None:
        _event(target, "key_ignored", now=timezone.now(), channel=channel, key=str(key)[:12])


# --- escalation --------------------------------------------------------------------------------


@dataclass
class EscalationResult:
    calls: int = 0
    escalated: int = 0
    overdue: int = 0
    alerted: int = 0


def _escalate_one(request_id: int, now: datetime, result: EscalationResult) -> None:
    attempts = int(fulfilment_setting("CALL_ATTEMPTS"))
    with transaction.atomic():
        request = _lock(request_id)
        if request.status != R.ASKED or request.next_call_at is None or request.next_call_at > now:
            return
        if request.call_attempts < attempts:
            _ask(request, now=now, attempt=request.call_attempts + 1)
            result.calls += 1
            return
        request.next_call_at = None
        _transition(
            request, R.NO_ANSWER, now=now, kind="no_answer", fields=("next_call_at",),
            attempts=request.call_attempts,
        )  # fmt: skip
        _transition(request, R.ESCALATED, now=now, kind="escalated")
        _task_open(request, HelplineTaskKind.NO_ANSWER, now=now)
        result.escalated += 1


def _overdue_one(request_id: int, now: datetime, result: EscalationResult) -> None:
    with transaction.atomic():
        request = _lock(request_id)
        if request.status != R.NEEDS_MORE_DAYS or request.ready_by >= timezone.localdate(now):
            return
        _transition(request, R.ESCALATED, now=now, kind="overdue")
        _task_open(request, HelplineTaskKind.OVERDUE, now=now)
        result.overdue += 1


def _alert_one(task_id: int, now: datetime, result: EscalationResult) -> None:
    with transaction.atomic():
        task = (
            HelplineTask.objects.select_for_update()
            .filter(pk=task_id, alerted_at__isnull=True, due_at__lte=now)
            .exclude(status=T.DONE)
            .first()
        )
        if task is None:
            return
        request = _lock(task.request_id)
        sent = messaging.send_alerts(request, task, kind="unresolved")
        task.alerted_at = now
        task.save(update_fields=["alerted_at"])
        _event(request, "alerted", now=now, messages=sent, why="sla", task=task.pk)
        result.alerted += 1


def readiness_escalate_due(now: datetime | None = None, *, limit: int = 500) -> EscalationResult:
    """The timer's sweep: the next IVR call where one is due; after the last unanswered call a
    helpline task; a task past its SLA alerts the vendor and the operator. Safe to run at any
    time and from several processes (each request is handled under its row lock)."""
    now = _now(now)
    result = EscalationResult()
    due_calls = ReadinessRequest.objects.filter(status=R.ASKED, next_call_at__lte=now)
    for request_id in list(due_calls.order_by("next_call_at").values_list("pk", flat=True)[:limit]):
        _escalate_one(request_id, now, result)
    overdue = ReadinessRequest.objects.filter(
        status=R.NEEDS_MORE_DAYS, ready_by__lt=timezone.localdate(now)
    )
    for request_id in list(overdue.values_list("pk", flat=True)[:limit]):
        _overdue_one(request_id, now, result)
    late_tasks = HelplineTask.objects.filter(alerted_at__isnull=True, due_at__lte=now).exclude(
        status=T.DONE
    )
    for task_id in list(late_tasks.values_list("pk", flat=True)[:limit]):
        _alert_one(task_id, now, result)
    return result


# --- reassignment and cancellation ------------------------------------------------------------


def artisan_pickup_address(artisan: Artisan) -> tuple[str, str]:
    """The artisan's door as the courier needs it: (address, PIN code)."""
    # Same form as the orders service writes at checkout.
    parts = [artisan.address_line, artisan.town, artisan.district.name_en, artisan.pincode]
    return ", ".join(part for part in parts if part), artisan.pincode


def order_items_move_to_artisan(
    items: list[OrderItem], to_artisan: Artisan, *, actor: Actor, reason: str, now: datetime
) -> None:
    """Hand the items to another artisan: only their artisan and pickup fields change (prices,
    taxes and statuses stay as sold), with an OrderEvent per item saying who and why."""
    address, pincode = artisan_pickup_address(to_artisan)
    with transaction.atomic():
        for item in items:
            previous = item.artisan_id
            OrderItem.objects.filter(pk=item.pk).update(
                artisan=to_artisan, pickup_address=address, pickup_pincode=pincode
            )
            OrderEvent.objects.create(
                order_id=item.order_id,
                seller_order_id=item.seller_order_id,
                item=item,
                from_status=item.status,
                to_status=item.status,
                actor=_user(actor),
                reason=f"{reason} (artisan {previous} → {to_artisan.pk})".strip(),
                at=now,
            )


def _makes_same_product(to_artisan: Artisan, items: list[OrderItem]) -> bool:
    from odopmart.catalog.models import Product

    for item in items:
        odop_id = item.product.odop_product_id
        if odop_id is None:
            return False
        if to_artisan.odop_products.filter(pk=odop_id).exists():
            continue
        if Product.objects.filter(
            artisan=to_artisan, vendor_id=item.vendor_id, odop_product_id=odop_id
        ).exists():
            continue
        return False
    return True


def readiness_reassign(
    request: ReadinessRequest | int,
    to_artisan: Artisan,
    *,
    actor: Actor,
    reason: str = "",
    now: datetime | None = None,
) -> ReadinessRequest:
    """Give the items to another artisan of the same vendor who makes the same ODOP product;
    they are asked afresh (SMS and call). Returns the new request."""
    now = _now(now)
    with transaction.atomic():
        request = _lock(request)
        if request.status not in ACTIVE_STATUSES:
            raise FulfilmentError(
                "not_reassignable",
                gettext("Only an order that is not ready yet can be given to another artisan."),
            )
        if to_artisan.pk == request.artisan_id:
            raise FulfilmentError(
                "same_artisan", gettext("Choose a different artisan."), field="artisan"
            )
        if to_artisan.vendor_id != request.vendor_id:
            raise FulfilmentError(
                "other_vendor",
                gettext("The artisan must work with the same seller."),
                field="artisan",
            )
        items = list(
            request.items.select_for_update()
            .select_related("product")
            .filter(status__in=TO_MAKE)
            .order_by("pk")
        )
        if not items:
            raise FulfilmentError(
                "nothing_to_move", gettext("None of these items is still waiting to be made.")
            )
        if not _makes_same_product(to_artisan, items):
            raise FulfilmentError(
                "other_product",
                gettext("The artisan must make the same ODOP product as these items."),
                field="artisan",
            )
        if (
            ReadinessRequest.objects.filter(
                seller_order_id=request.seller_order_id, artisan=to_artisan
            )
            .exclude(status=R.RESOLVED)
            .exists()
        ):
            raise FulfilmentError(
                "artisan_busy",
                gettext("That artisan already has items in this order; cancel or ask them first."),
                field="artisan",
            )
        order_items_move_to_artisan(items, to_artisan, actor=actor, reason=reason, now=now)
        for item in items:
            item.artisan = to_artisan
        request.resolution = Resolution.REASSIGNED
        request.next_call_at = None
        _transition(
            request, R.RESOLVED, now=now, kind="reassigned", actor=actor, reason=reason,
            fields=("resolution", "next_call_at"), to_artisan=to_artisan.pk,
        )  # fmt: skip
        _task_close(request, now=now, note=gettext("Given to another artisan."))
        new = _request_create(
            request.seller_order, to_artisan, items, now=now, actor=actor,
            ready_by=max(request.ready_by, _ready_by(now)), reason=reason,
        )  # fmt: skip
        request.reassigned_to = new
        request.save(update_fields=["reassigned_to"])
    return new


def _item_cancel(item: OrderItem, *, actor: Actor, reason: str) -> None:
    """One item cancelled through the orders service. Its item_cancel is the buyer's (and the
    helpline's) action; a vendor, already checked by our caller, cancels as the system with its
    name in the reason."""
    from odopmart.orders import services as order_services
    from odopmart.orders.exceptions import OrderError

    try:
        order_services.item_cancel(item, actor=actor, reason=reason)
    except OrderError as error:
        if error.code != "not_allowed":
            raise
        who = getattr(actor, "get_username", lambda: "")()
        order_services.item_cancel(item, actor=None, reason=f"{reason} ({who})")


def readiness_cancel(
    request: ReadinessRequest | int,
    *,
    actor: Actor,
    reason: str,
    now: datetime | None = None,
) -> ReadinessRequest:
    """Cancel the artisan's items through the orders service (stock back, buyer refunded)."""
    now = _now(now)
    if not (reason or "").strip():
        raise FulfilmentError("reason_required", gettext("Say why it is cancelled."), "reason")
    from odopmart.orders.exceptions import OrderError

    try:
        return _cancel(request, actor=actor, reason=reason.strip(), now=now)
    except OrderError as error:
        raise FulfilmentError(error.code, error.message, error.field) from error


def _cancel(
    request: ReadinessRequest | int, *, actor: Actor, reason: str, now: datetime
) -> ReadinessRequest:
    from odopmart.orders import services as order_services

    with transaction.atomic():
        request = _lock(request)
        if request.status == R.RESOLVED:
            raise FulfilmentError("resolved", gettext("This request is already closed."))
        items = list(request.items.filter(status__in=(*TO_MAKE, ItemStatus.READY)).order_by("pk"))
        seller_order_items = request.seller_order.items.exclude(status=ItemStatus.CANCELLED)
        if items and {item.pk for item in items} == set(
            seller_order_items.values_list("pk", flat=True)
        ):
            order_services.seller_order_cancel(request.seller_order, actor=actor, reason=reason)
        else:
            for item in items:
                _item_cancel(item, actor=actor, reason=reason)
        request.resolution = Resolution.CANCELLED
        request.next_call_at = None
        _transition(
            request, R.RESOLVED, now=now, kind="cancelled", actor=actor, reason=reason,
            fields=("resolution", "next_call_at"), items=[item.pk for item in items],
        )  # fmt: skip
        _task_close(request, now=now, note=gettext("Cancelled."))
    return request


# --- the helpline ------------------------------------------------------------------------------


def helpline_task_take(task: HelplineTask, *, actor: Actor) -> HelplineTask:
    """The agent takes the task (it shows as theirs in the queue)."""
    with transaction.atomic():
        task = HelplineTask.objects.select_for_update().get(pk=task.pk)
        if task.status == T.DONE:
            raise FulfilmentError("task_done", gettext("This task is already done."))
        task.status = T.IN_PROGRESS
        task.assigned_to = _user(actor)
        task.save(update_fields=["status", "assigned_to"])
    return task


def helpline_call_record(
    task: HelplineTask,
    *,
    actor: Actor,
    outcome: str,
    notes: str = "",
    new_date: date | None = None,
    now: datetime | None = None,
) -> HelplineCallLog:
    """The agent's record of a call. An answer (ready / more days / cannot make) is recorded on
    the artisan's behalf; other outcomes keep the task open for another try."""
    now = _now(now)
    if outcome not in CallOutcome.values:
        raise FulfilmentError("invalid_outcome", gettext("Choose what happened on the call."))
    if outcome == CallOutcome.OTHER and not notes.strip():
        raise FulfilmentError("notes_required", gettext("Write what happened."), field="notes")
    with transaction.atomic():
        task = HelplineTask.objects.select_for_update().select_related("request").get(pk=task.pk)
        if task.status == T.DONE:
            raise FulfilmentError("task_done", gettext("This task is already done."))
        log = HelplineCallLog.objects.create(
            task=task, agent=_user(actor), outcome=outcome, notes=notes.strip(),
            new_ready_by=new_date, at=now,
        )  # fmt: skip
        if task.status == T.OPEN:
            task.status = T.IN_PROGRESS
            task.assigned_to = task.assigned_to or _user(actor)
            task.save(update_fields=["status", "assigned_to"])
        _event(task.request, "helpline_call", now=now, actor=actor, outcome=outcome, task=task.pk)
        answer = OUTCOME_ANSWERS.get(outcome)
        if answer is not None:
            readiness_answer(
                task.request, answer, channel=AnswerChannel.HELPLINE, actor=actor,
                new_date=new_date, now=now,
            )  # fmt: skip
    return log


def on_items_cancelled(event: Any) -> None:
    """Outbox handler for `item.cancelled` / `order.cancelled`: a request whose items are all
    cancelled (by the buyer, the vendor or us) is closed, so nobody calls the artisan again."""
    payload = getattr(event, "payload", event) or {}
    requests = ReadinessRequest.objects.exclude(status=R.RESOLVED)
    if payload.get("item_id"):
        requests = requests.filter(items__pk=payload["item_id"])
    elif payload.get("order_id"):
        requests = requests.filter(order_id=payload["order_id"])
    else:
        return
    now = timezone.now()
    for request_id in list(requests.values_list("pk", flat=True).distinct()):
        with transaction.atomic():
            request = _lock(request_id)
            if (
                request.status == R.RESOLVED
                or request.items.exclude(status=ItemStatus.CANCELLED).exists()
            ):
                continue
            request.resolution = Resolution.CANCELLED
            request.next_call_at = None
            _transition(
                request, R.RESOLVED, now=now, kind="items_cancelled",
                fields=("resolution", "next_call_at"),
                reason=str(payload.get("reason", ""))[:500],
            )  # fmt: skip
            _task_close(request, now=now, note=gettext("The items were cancelled."))
