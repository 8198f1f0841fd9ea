"""The buying path: placing an order, payment outcomes, expiry, cancelling and vendor actions.

Rules kept here (DESIGN.md "Rules that hold everywhere"):

* all or nothing: each entry point runs in one transaction and raises `OrderError` before any
  write it cannot finish;
* stock is taken with a conditional UPDATE (``stock = stock - q WHERE stock >= q``) in variant
  id order, so two buyers racing for the last unit get exactly one order and stock never goes
  below zero (row locks on PostgreSQL, BEGIN IMMEDIATE on SQLite);
* every status change goes through `transitions` (checked, with an event row);
* what the outside world must hear about is published to the outbox in the same transaction.

Returns live in `orders.returns` and are re-exported here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from odopmart.catalog.models import Product, Variant
from odopmart.core.models import IdempotencyRecord
from odopmart.core.outbox import outbox_publish
from odopmart.orders.conf import orders_setting
from odopmart.orders.exceptions import CaptureRefused, OrderError
from odopmart.orders.models import (
    Cart,
    CartLine,
    Order,
    OrderEvent,
    OrderItem,
    SellerOrder,
    StockReservation,
)
from odopmart.orders.numbers import order_number_new, seller_order_number
from odopmart.orders.pricing import Quote, quote
from odopmart.orders.shipping import delivery_pincode_check
from odopmart.orders.states import (
    CANCELLABLE_ITEM_STATUSES,
    ItemStatus,
    OrderStatus,
    PaymentMethod,
    ReservationStatus,
    SellerOrderStatus,
)
from odopmart.orders.transitions import (
    actor_user,
    items_transition,
    order_rollup,
    order_transition,
    seller_order_rollup,
    seller_order_transition,
)

_O = OrderStatus
_SO = SellerOrderStatus
_I = ItemStatus
_R = ReservationStatus

PLACED_OR_LATER = frozenset({_O.PLACED, _O.PARTLY_SHIPPED, _O.SHIPPED, _O.DELIVERED, _O.COMPLETED})


@dataclass(frozen=True)
class DeliveryAddress:
    name: str
    line1: str
    city: str
    pincode: str
    line2: str = ""
    district: str = ""
    state_code: str = ""  # optional; must agree with the PIN code's state when given

    @classmethod
    def from_address(cls, address: Any) -> DeliveryAddress:
        """From a saved accounts.Address."""
        return cls(
            name=address.name,
            line1=address.line1,
            line2=address.line2,
            city=address.city,
            pincode=address.pincode,
        )


# --- stock --------------------------------------------------------------------------------------


def _take_stock(wanted: Iterable[tuple[int, int]]) -> None:
    """Take units of each variant or raise (the caller's transaction undoes any taken)."""
    for variant_id, quantity in sorted(wanted):
        taken = Variant.objects.filter(pk=variant_id, stock__gte=quantity).update(
            stock=F("stock") - quantity
        )
        if not taken:
            raise OrderError(
                "out_of_stock",
                _("Sorry, an item in your order has just sold out."),
                field="variant_id",
                variant_id=variant_id,
            )


def _return_stock(given: Iterable[tuple[int, int]]) -> None:
    for variant_id, quantity in sorted(given):
        Variant.objects.filter(pk=variant_id).update(stock=F("stock") + quantity)


def _refresh_cards(variant_ids: Iterable[int], *, crossed_zero: bool) -> None:
    """Refresh product cards whose stock flag may have changed: a variant that ran out
    (taking) or came back from nothing (returning)."""
    from odopmart.catalog.services import product_refresh_summary

    ids = list(variant_ids)
    if not ids:
        return
    variants = Variant.objects.filter(pk__in=ids)
    if crossed_zero:
        variants = variants.filter(stock=0)
    product_ids = set(variants.values_list("product_id", flat=True))
    for product in Product.objects.filter(pk__in=product_ids):
        product_refresh_summary(product)


def _refresh_after_return(given: list[tuple[int, int]]) -> None:
    back = [
        variant_id
        for variant_id, quantity in given
        if Variant.objects.filter(pk=variant_id, stock=quantity).exists()
    ]
    _refresh_cards(back, crossed_zero=False)


def _release_reservations(order: Order, statuses: Iterable[str], variant_ids=None) -> list:
    """Give back the stock of the order's reservations in these statuses; mark them released."""
    reservations = StockReservation.objects.filter(order=order, status__in=list(statuses))
    if variant_ids is not None:
        reservations = reservations.filter(variant_id__in=list(variant_ids))
    given = list(reservations.values_list("variant_id", "quantity"))
    if given:
        _return_stock(given)
        reservations.update(status=_R.RELEASED)
        _refresh_after_return(given)
    return given


def _hold_again(order: Order, expires_at: datetime | None) -> None:
    """Take the stock of released reservations again (raises out_of_stock if gone)."""
    released = StockReservation.objects.filter(order=order, status=_R.RELEASED)
    wanted = list(released.values_list("variant_id", "quantity"))
    _take_stock(wanted)
    update: dict[str, Any] = {"status": _R.HELD}
    if expires_at is not None:
        update["expires_at"] = expires_at
    released.update(**update)
    _refresh_cards([v for v, _q in wanted], crossed_zero=True)


def _lock(order: Order | int) -> Order:
    pk = order if isinstance(order, int) else order.pk
    return Order.objects.select_for_update().get(pk=pk)


# --- placing ------------------------------------------------------------------------------------


def _validate_contact(phone: str, email: str) -> tuple[str, str]:
    from odopmart.accounts.exceptions import AuthError
    from odopmart.accounts.phone import phone_normalize

    try:
        phone = phone_normalize(phone)
    except AuthError as error:
        raise OrderError(
            "phone_invalid", _("Enter a valid Indian mobile number."), field="phone"
        ) from error
    email = (email or "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError as error:
            raise OrderError(
                "email_invalid", _("Enter a valid email address."), field="email"
            ) from error
    return phone, email


def _validate_address(address: DeliveryAddress) -> Any:
    for name in ("name", "line1", "city"):
        value = (getattr(address, name) or "").strip()
        if not value:
            raise OrderError("address_incomplete", _("This field is required."), field=name)
    limits = {"name": 120, "line1": 200, "line2": 200, "city": 120, "district": 120}
    for name, limit in limits.items():
        if len(getattr(address, name) or "") > limit:
            raise OrderError("address_too_long", _("This is too long."), field=name)
    pincode = delivery_pincode_check(address.pincode)
    if address.state_code and address.state_code != pincode.state.gst_state_code:
        raise OrderError(
            "pincode_state_mismatch",
            _("This PIN code is not in the state you chose."),
            field="pincode",
        )
    return pincode


def _idempotency_scope(cart: Cart, buyer: Any) -> str:
    who = f"user:{buyer.pk}" if buyer is not None else f"cart:{cart.token}"
    return f"orders.place_order:{who}"


def _idempotent_order(scope: str, key: str) -> Order | None:
    record = IdempotencyRecord.objects.filter(scope=scope, key=key).first()
    if record is None or not record.response_body:
        return None
    return Order.objects.filter(pk=record.response_body.get("order_id")).first()


def _pickup_address(artisan: Any) -> str:
    parts = [artisan.address_line, artisan.town, artisan.district.name_en, artisan.pincode]
    return ", ".join(part for part in parts if part)


def _raise_first_problem(found: Quote) -> None:
    problem = found.problems[0]
    field = "pincode" if problem.variant_id is None else "variant_id"
    raise OrderError(
        problem.code,
        problem.message,
        field=field,
        variant_id=problem.variant_id,
        available=problem.available,
        problems=found.problems,
    )


def place_order(
    *,
    cart: Cart,
    buyer: Any,
    phone: str,
    email: str,
    address: DeliveryAddress,
    payment_method: str,
    language: str = "en",
    idempotency_key: str | None = None,
    expected_total_paise: int | None = None,
    now: datetime | None = None,
) -> Order:
    """Turn the cart's wanted lines into an order awaiting payment, holding their stock.

    Re-checks prices, stock and delivery first. If any price differs from what the buyer last
    saw, nothing is placed: the error `price_changed` says so (the cart now holds the new
    prices). With `expected_total_paise` (the total the buyer confirmed) a different total is
    refused too. The same `idempotency_key` from the same buyer (or guest cart) returns the
    order the first request placed.
    """
    now = now or timezone.now()
    buyer = actor_user(buyer)
    if payment_method not in PaymentMethod.values:
        raise OrderError("payment_method_invalid", _("Choose how to pay."), field="payment_method")
    if cart.user_id is not None and (buyer is None or cart.user_id != buyer.pk):
        raise OrderError("cart_not_found", _("This cart is not yours."))
    scope = _idempotency_scope(cart, buyer)
    if idempotency_key:
        idempotency_key = str(idempotency_key)[:120]
        existing = _idempotent_order(scope, idempotency_key)
        if existing is not None:
            return existing
    phone, email = _validate_contact(phone, email)
    delivery = _validate_address(address)

    lines = list(CartLine.objects.filter(cart=cart, saved_for_later=False))
    if not lines:
        raise OrderError("cart_empty", _("Your cart is empty."))
    found = quote(
        [(line.variant_id, line.quantity) for line in lines],
        delivery.code,
        on=timezone.localdate(now),
    )
    if found.problems:
        _raise_first_problem(found)
    prices = {ql.variant.pk: ql.unit_price_paise for ql in found.lines}
    changed = [line for line in lines if prices[line.variant_id] != line.price_seen_paise]
    if changed:
        for line in changed:
            line.price_seen_paise = prices[line.variant_id]
            line.save(update_fields=["price_seen_paise"])
        raise OrderError(
            "price_changed",
            _("Some prices have changed since you added the items. Please check your cart."),
        )
    totals = found.totals
    if expected_total_paise is not None and expected_total_paise != totals.grand_total_paise:
        raise OrderError(
            "total_changed",
            _("The total has changed. Please check the new amount before paying."),
        )
    language = language if language in ("en", "hi") else "en"
    request_hash = hashlib.sha256(
        repr(sorted((ln.variant_id, ln.quantity) for ln in lines)).encode()
    ).hexdigest()

    try:
        with transaction.atomic():
            order = _create_order(
                found=found,
                cart_lines=lines,
                buyer=buyer,
                phone=phone,
                email=email,
                address=address,
                delivery=delivery,
                payment_method=payment_method,
                language=language,
                now=now,
            )
            if idempotency_key:
                IdempotencyRecord.objects.create(
                    scope=scope,
                    key=idempotency_key,
                    request_hash=request_hash,
                    response_status=201,
                    response_body={"order_id": order.pk, "number": order.number},
                )
    except IntegrityError:
        # A concurrent request with the same key won: answer with its order.
        if idempotency_key:
            existing = _idempotent_order(scope, idempotency_key)
            if existing is not None:
                return existing
        raise
    return order


def _create_order(
    *,
    found: Quote,
    cart_lines: list[CartLine],
    buyer: Any,
    phone: str,
    email: str,
    address: DeliveryAddress,
    delivery: Any,
    payment_method: str,
    language: str,
    now: datetime,
) -> Order:
    wanted = [(ql.variant.pk, ql.quantity) for ql in found.lines]
    _take_stock(wanted)
    totals = found.totals
    expires_at = now + timedelta(minutes=orders_setting("RESERVATION_MINUTES"))
    order = Order.objects.create(
        number=order_number_new(now),
        buyer=buyer,
        status=_O.PENDING_PAYMENT,
        payment_method=payment_method,
        language=language,
        phone=phone,
        email=email,
        ship_name=address.name.strip(),
        ship_line1=address.line1.strip(),
        ship_line2=address.line2.strip(),
        ship_city=address.city.strip(),
        ship_district=(address.district or delivery.district_names.split(";")[0]).strip()[:120],
        ship_pincode=delivery.code,
        ship_state=delivery.state,
        items_total_paise=totals.items_paise,
        shipping_total_paise=totals.shipping_paise,
        taxable_total_paise=totals.taxable_paise,
        cgst_total_paise=totals.cgst_paise,
        sgst_total_paise=totals.sgst_paise,
        igst_total_paise=totals.igst_paise,
        grand_total_paise=totals.grand_total_paise,
        reservation_expires_at=expires_at,
        created_at=now,
    )
    items: list[OrderItem] = []
    for index, shipment in enumerate(found.shipments, start=1):
        seller_order = SellerOrder.objects.create(
            order=order,
            vendor=shipment.vendor,
            number=seller_order_number(order.number, index),
            status=_SO.PENDING_PAYMENT,
            supply_type=shipment.supply_type,
            vendor_state_code=shipment.vendor_state_code,
            place_of_supply_code=shipment.place_of_supply_code,
            weight_grams=shipment.weight_grams,
            zone=shipment.zone,
            items_total_paise=shipment.items_total_paise,
            shipping_paise=shipment.shipping_paise,
            shipping_taxable_paise=shipment.shipping_tax.taxable_paise,
            shipping_cgst_paise=shipment.shipping_tax.cgst_paise,
            shipping_sgst_paise=shipment.shipping_tax.sgst_paise,
            shipping_igst_paise=shipment.shipping_tax.igst_paise,
            taxable_total_paise=shipment.taxable_paise,
            cgst_total_paise=shipment.cgst_paise,
            sgst_total_paise=shipment.sgst_paise,
            igst_total_paise=shipment.igst_paise,
            grand_total_paise=shipment.grand_total_paise,
            created_at=now,
        )
        for line in shipment.lines:
            variant = line.variant
            product = variant.product
            artisan = product.artisan
            items.append(
                OrderItem(
                    order=order,
                    seller_order=seller_order,
                    variant=variant,
                    product=product,
                    artisan=artisan,
                    vendor=shipment.vendor,
                    status=_I.PENDING_PAYMENT,
                    name_en=product.name_en,
                    name_hi=product.name_hi,
                    variant_label_en=variant.label_en,
                    variant_label_hi=variant.label_hi,
                    sku=variant.sku,
                    hsn_code=product.hsn_code,
                    district_name_en=product.district.name_en,
                    district_name_hi=product.district.name_hi,
                    odop_product_name_en=product.odop_product.name_en,
                    odop_product_name_hi=product.odop_product.name_hi,
                    quantity=line.quantity,
                    unit_price_paise=line.unit_price_paise,
                    line_total_paise=line.line_total_paise,
                    gst_rate_bp=line.rate_bp,
                    taxable_value_paise=line.tax.taxable_paise,
                    cgst_paise=line.tax.cgst_paise,
                    sgst_paise=line.tax.sgst_paise,
                    igst_paise=line.tax.igst_paise,
                    weight_grams=line.weight_grams,
                    pickup_address=_pickup_address(artisan),
                    pickup_pincode=line.pickup_pincode,
                    return_window_days=product.category.return_window_days,
                )
            )
    OrderItem.objects.bulk_create(items)
    StockReservation.objects.bulk_create(
        StockReservation(
            order=order,
            variant_id=variant_id,
            quantity=quantity,
            status=_R.HELD,
            expires_at=expires_at,
            created_at=now,
        )
        for variant_id, quantity in wanted
    )
    OrderEvent.objects.create(order=order, from_status="", to_status=_O.PENDING_PAYMENT, at=now)
    CartLine.objects.filter(pk__in=[line.pk for line in cart_lines]).delete()
    outbox_publish(
        "order.placed",
        {
            "order_id": order.pk,
            "number": order.number,
            "grand_total_paise": order.grand_total_paise,
            "payment_method": payment_method,
        },
        dedupe_key=f"order.placed:{order.pk}",
    )
    _refresh_cards([variant_id for variant_id, _q in wanted], crossed_zero=True)
    return order


# --- payment outcomes ---------------------------------------------------------------------------


def _confirm(order: Order, *, topic: str, paid: bool, actor: Any, payment: Any = None) -> Order:
    now = timezone.now()
    with transaction.atomic():
        order = _lock(order)
        if order.status in PLACED_OR_LATER:
            return order  # already confirmed: a repeated callback changes nothing
        if order.status == _O.CANCELLED:
            raise CaptureRefused(
                "order_closed", _("This order was cancelled; the payment will be refunded.")
            )
        if StockReservation.objects.filter(order=order, status=_R.RELEASED).exists():
            # The hold lapsed (payment failed or expired) but the money came: hold again.
            try:
                _hold_again(order, None)
            except OrderError as error:
                raise CaptureRefused(
                    "stock_gone",
                    _("The items sold out before the payment arrived; it will be refunded."),
                ) from error
        StockReservation.objects.filter(order=order, status=_R.HELD).update(status=_R.COMMITTED)
        reason = _("Payment received") if paid else _("Cash on delivery accepted")
        fields: dict[str, Any] = {"placed_at": now, "reservation_expires_at": None}
        if paid:
            fields["paid_at"] = now
        order_transition(order, _O.PLACED, actor=actor, reason=reason, **fields)
        for seller_order in order.seller_orders.filter(status=_SO.PENDING_PAYMENT):
            seller_order_transition(seller_order, _SO.PLACED, actor=actor, reason=reason)
        items = list(order.items.filter(status=_I.PENDING_PAYMENT))
        items_transition(items, _I.PLACED, actor=actor, reason=reason)
        payload: dict[str, Any] = {"order_id": order.pk, "number": order.number}
        if payment is not None:
            payload["payment_id"] = payment.pk
        outbox_publish(topic, payload, dedupe_key=f"{topic}:{order.pk}")
    return order


def order_confirm_paid(order: Order, *, payment: Any, actor: Any = None) -> Order:
    """Money was captured: the order is placed (idempotent).

    If the reservation had lapsed the stock is held again; if it is gone, or the order was
    cancelled, `CaptureRefused` is raised and nothing changes: the caller refunds and flags.
    """
    return _confirm(order, topic="order.paid", paid=True, actor=actor, payment=payment)


def order_confirm_cod(order: Order, *, actor: Any = None) -> Order:
    """Cash on delivery accepted for the order: placed like a paid one (idempotent)."""
    if order.payment_method != PaymentMethod.COD:
        raise OrderError("not_cod", _("This order is not paid by cash on delivery."))
    return _confirm(order, topic="order.cod_confirmed", paid=False, actor=actor)


def order_payment_failed(order: Order, *, reason: str = "", actor: Any = None) -> Order:
    """The payment attempt failed: stock is given back (a no-op unless awaiting payment)."""
    with transaction.atomic():
        order = _lock(order)
        if order.status != _O.PENDING_PAYMENT:
            return order
        _release_reservations(order, [_R.HELD])
        order_transition(
            order, _O.PAYMENT_FAILED, actor=actor, reason=reason or _("Payment failed")
        )
    return order


def order_retry_payment(order: Order, *, actor: Any = None, now: datetime | None = None) -> Order:
    """Hold the stock again for a new payment attempt after a failure."""
    now = now or timezone.now()
    with transaction.atomic():
        order = _lock(order)
        if order.status == _O.PENDING_PAYMENT:
            return order
        if order.status != _O.PAYMENT_FAILED:
            raise OrderError(
                "order_closed", _("This order can no longer be paid. Please order again.")
            )
        expires_at = now + timedelta(minutes=orders_setting("RESERVATION_MINUTES"))
        _hold_again(order, expires_at)
        order_transition(
            order,
            _O.PENDING_PAYMENT,
            actor=actor,
            reason=_("Payment tried again"),
            reservation_expires_at=expires_at,
        )
    return order


def reservations_expire(now: datetime | None = None) -> int:
    """Orders still unpaid when their hold runs out expire; their stock goes back on sale."""
    now = now or timezone.now()
    due = list(
        Order.objects.filter(
            status__in=[_O.PENDING_PAYMENT, _O.PAYMENT_FAILED], reservation_expires_at__lt=now
        )
        .order_by("reservation_expires_at")
        .values_list("pk", flat=True)[: orders_setting("EXPIRE_BATCH")]
    )
    expired = 0
    for pk in due:
        with transaction.atomic():
            order = _lock(pk)
            if order.status not in (_O.PENDING_PAYMENT, _O.PAYMENT_FAILED):
                continue
            if order.reservation_expires_at is None or order.reservation_expires_at >= now:
                continue
            _release_reservations(order, [_R.HELD])
            order_transition(order, _O.EXPIRED, reason=_("Not paid in time"))
            expired += 1
    return expired


# --- cancelling and refunds ---------------------------------------------------------------------


def _paid_online(order: Order) -> bool:
    return order.paid_at is not None


def _refund(
    order: Order,
    amount_paise: int,
    *,
    key: str,
    reason: str,
    item: OrderItem | None = None,
    return_request: Any = None,
) -> Any:
    """Ask payments to refund (written now, sent after commit) and record it on the order."""
    if amount_paise <= 0:
        return None
    from odopmart.payments.services import refund_create

    refund = refund_create(
        order,
        amount_paise,
        idempotency_key=key,
        reason=reason,
        item=item,
        return_request=return_request,
    )
    if refund is None:
        return None  # nothing was collected (cash on delivery not paid yet): nothing goes back
    Order.objects.filter(pk=order.pk).update(
        refunded_total_paise=F("refunded_total_paise") + amount_paise
    )
    order.refunded_total_paise += amount_paise
    outbox_publish(
        "refund.created",
        {
            "order_id": order.pk,
            "amount_paise": amount_paise,
            "refund_id": getattr(refund, "pk", None),
        },
        dedupe_key=f"refund.created:{key}",
    )
    return refund


def _can_act_as_buyer(order: Order, actor: Any) -> None:
    user = actor_user(actor)
    if user is not None and order.buyer_id is not None and user.pk != order.buyer_id:
        from odopmart.accounts.models import StaffRole
        from odopmart.accounts.roles import has_staff_role

        if not has_staff_role(user, StaffRole.HELPLINE):
            raise OrderError("not_allowed", _("You cannot change this order."))


def _release_items(order: Order, items: list[OrderItem]) -> None:
    """Give back the stock of items being cancelled (held or already committed)."""
    _release_reservations(
        order, [_R.HELD, _R.COMMITTED], variant_ids=[item.variant_id for item in items]
    )


def _mark_items_refunded(items: list[OrderItem]) -> int:
    total = 0
    for item in items:
        due = item.line_total_paise - item.refunded_paise
        if due > 0:
            OrderItem.objects.filter(pk=item.pk).update(refunded_paise=item.line_total_paise)
            item.refunded_paise = item.line_total_paise
            total += due
    return total


def order_cancel(order: Order, *, actor: Any, reason: str) -> Order:
    """The buyer cancels the whole order before anything has shipped; all its stock goes back
    and what was paid online is refunded in full."""
    with transaction.atomic():
        order = _lock(order)
        _can_act_as_buyer(order, actor)
        reason = (reason or "").strip()[:1000] or _("Cancelled by the buyer")
        if order.status == _O.CANCELLED:
            return order
        items = list(order.items.exclude(status=_I.CANCELLED))
        if order.status in (_O.PENDING_PAYMENT, _O.PAYMENT_FAILED):
            _release_reservations(order, [_R.HELD])
        elif order.status == _O.PLACED:
            if any(item.status not in CANCELLABLE_ITEM_STATUSES for item in items):
                raise OrderError(
                    "not_cancellable", _("Part of this order has shipped and can't be cancelled.")
                )
            _release_items(order, items)
        else:
            raise OrderError("not_cancellable", _("This order can no longer be cancelled."))
        items_transition(items, _I.CANCELLED, actor=actor, reason=reason)
        for seller_order in order.seller_orders.exclude(status=_SO.CANCELLED):
            seller_order_transition(
                seller_order, _SO.CANCELLED, actor=actor, reason=reason, cancel_reason=reason
            )
        now = timezone.now()
        order_transition(order, _O.CANCELLED, actor=actor, reason=reason, cancelled_at=now)
        if _paid_online(order):
            refund = _refund(
                order,
                order.grand_total_paise - order.refunded_total_paise,
                key=f"order-cancel:{order.pk}",
                reason=reason,
            )
            if refund is not None:
                _mark_items_refunded(items)
        outbox_publish(
            "order.cancelled",
            {"order_id": order.pk, "number": order.number, "by": "buyer", "reason": reason},
            dedupe_key=f"order.cancelled:{order.pk}",
        )
    return order


def _cancel_items(
    order: Order,
    items: list[OrderItem],
    *,
    actor: Any,
    reason: str,
    by: str,
    key_prefix: str,
) -> None:
    """Cancel placed items (stock back, refund of their lines and of a seller order's shipping
    once it has nothing left to send), then roll the statuses up."""
    _release_items(order, items)
    items_transition(items, _I.CANCELLED, actor=actor, reason=reason)
    refund = 0
    touched = {item.seller_order_id for item in items}
    for seller_order in SellerOrder.objects.filter(pk__in=touched):
        was_cancelled = seller_order.status == _SO.CANCELLED
        seller_order_rollup(seller_order, actor=actor, reason=reason)
        if seller_order.status == _SO.CANCELLED and not was_cancelled:
            SellerOrder.objects.filter(pk=seller_order.pk).update(cancel_reason=reason)
            refund += seller_order.shipping_paise
    if _paid_online(order):
        refund += sum(item.line_total_paise - item.refunded_paise for item in items)
        refund = min(refund, order.grand_total_paise - order.refunded_total_paise)
        key = f"{key_prefix}:{min(i.pk for i in items)}"
        if _refund(
            order, refund, key=key, reason=reason, item=items[0] if len(items) == 1 else None
        ):
            _mark_items_refunded(items)
    order_rollup(order, actor=actor, reason=reason)
    for item in items:
        outbox_publish(
            "item.cancelled",
            {"order_id": order.pk, "item_id": item.pk, "by": by, "reason": reason},
            dedupe_key=f"item.cancelled:{item.pk}",
        )
    if order.status == _O.CANCELLED:
        outbox_publish(
            "order.cancelled",
            {"order_id": order.pk, "number": order.number, "by": by, "reason": reason},
            dedupe_key=f"order.cancelled:{order.pk}",
        )


def item_cancel(item: OrderItem, *, actor: Any, reason: str) -> OrderItem:
    """The buyer cancels one item before it ships: its stock goes back and it is refunded."""
    with transaction.atomic():
        order = _lock(item.order_id)
        _can_act_as_buyer(order, actor)
        item = OrderItem.objects.get(pk=item.pk)
        reason = (reason or "").strip()[:1000] or _("Cancelled by the buyer")
        if item.status == _I.CANCELLED:
            return item
        if order.status not in PLACED_OR_LATER:
            raise OrderError(
                "order_not_placed",
                _("This order is not paid yet: cancel the whole order instead."),
            )
        if item.status not in CANCELLABLE_ITEM_STATUSES:
            raise OrderError("not_cancellable", _("This item has shipped and can't be cancelled."))
        _cancel_items(
            order, [item], actor=actor, reason=reason, by="buyer", key_prefix="item-cancel"
        )
    return item


# --- vendor actions -----------------------------------------------------------------------------


def _seller_locked(seller_order: SellerOrder, actor: Any) -> tuple[Order, SellerOrder]:
    from odopmart.orders.access import can_manage_seller_order

    order = _lock(seller_order.order_id)
    seller_order = SellerOrder.objects.get(pk=seller_order.pk)
    if actor_user(actor) is not None and not can_manage_seller_order(actor, seller_order):
        raise OrderError("not_allowed", _("You cannot change this order."))
    return order, seller_order


_FORWARD_RANK = {
    status: rank
    for rank, status in enumerate(
        (_I.PENDING_PAYMENT, _I.PLACED, _I.CONFIRMED, _I.READY, _I.SHIPPED, _I.DELIVERED)
    )
}


def _seller_move(
    seller_order: SellerOrder,
    to: str,
    *,
    actor: Any,
    reason: str = "",
    item_fields: dict[str, Any] | None = None,
) -> SellerOrder:
    with transaction.atomic():
        order, seller_order = _seller_locked(seller_order, actor)
        if seller_order.status == to:
            return seller_order
        seller_order_transition(seller_order, to, actor=actor, reason=reason)
        # Items can run ahead of their seller order (an artisan answers "ready" before the
        # vendor accepts): only those behind the new status move.
        target = _FORWARD_RANK.get(to)
        items = [
            item
            for item in seller_order.items.exclude(status=_I.CANCELLED)
            if target is None or _FORWARD_RANK.get(item.status, target) < target
        ]
        items_transition(items, to, actor=actor, reason=reason, **(item_fields or {}))
        order_rollup(order, actor=actor, reason=reason)
    return seller_order


def seller_order_accept(seller_order: SellerOrder, *, actor: Any) -> SellerOrder:
    """The vendor confirms it will fulfil the order."""
    return _seller_move(seller_order, _SO.CONFIRMED, actor=actor, reason=_("Accepted"))


def seller_order_mark_ready(seller_order: SellerOrder, *, actor: Any) -> SellerOrder:
    return _seller_move(seller_order, _SO.READY, actor=actor, reason=_("Ready for pickup"))


def seller_order_mark_shipped(seller_order: SellerOrder, *, actor: Any) -> SellerOrder:
    with transaction.atomic():
        seller_order = _seller_move(seller_order, _SO.SHIPPED, actor=actor, reason=_("Shipped"))
        # Each shipped item gets its certificate of origin.
        outbox_publish(
            "seller_order.shipped",
            {"order_id": seller_order.order_id, "seller_order_id": seller_order.pk},
            dedupe_key=f"seller_order.shipped:{seller_order.pk}",
        )
    return seller_order


def seller_order_mark_delivered(seller_order: SellerOrder, *, actor: Any) -> SellerOrder:
    with transaction.atomic():
        seller_order = _seller_move(
            seller_order,
            _SO.DELIVERED,
            actor=actor,
            reason=_("Delivered"),
            item_fields={"delivered_at": timezone.now()},
        )
        # The books hear of it (cash on delivery becomes receivable from the courier).
        outbox_publish(
            "seller_order.delivered",
            {"order_id": seller_order.order_id, "seller_order_id": seller_order.pk},
            dedupe_key=f"seller_order.delivered:{seller_order.pk}",
        )
    return seller_order


def seller_order_cancel(seller_order: SellerOrder, *, actor: Any, reason: str) -> SellerOrder:
    """The vendor cannot fulfil: every item not yet shipped is cancelled, stock goes back and
    the buyer is refunded (items and shipping). A reason is required."""
    reason = (reason or "").strip()[:1000]
    if not reason:
        raise OrderError("reason_required", _("Say why the order is cancelled."), field="reason")
    with transaction.atomic():
        order, seller_order = _seller_locked(seller_order, actor)
        if seller_order.status == _SO.CANCELLED:
            return seller_order
        if seller_order.status not in (_SO.PLACED, _SO.CONFIRMED, _SO.READY):
            raise OrderError("not_cancellable", _("This order can no longer be cancelled."))
        items = list(seller_order.items.exclude(status=_I.CANCELLED))
        _cancel_items(
            order, items, actor=actor, reason=reason, by="vendor", key_prefix="seller-cancel"
        )
        seller_order.refresh_from_db()
    return seller_order


# Returns: kept in their own module, part of this service layer.
from odopmart.orders.returns import (  # noqa: E402
    return_request_create,
    return_request_decide,
    return_request_receive,
)

__all__ = [
    "DeliveryAddress",
    "item_cancel",
    "order_cancel",
    "order_confirm_cod",
    "order_confirm_paid",
    "order_payment_failed",
    "order_retry_payment",
    "place_order",
    "reservations_expire",
    "return_request_create",
    "return_request_decide",
    "return_request_receive",
    "seller_order_accept",
    "seller_order_cancel",
    "seller_order_mark_delivered",
    "seller_order_mark_ready",
    "seller_order_mark_shipped",
]
