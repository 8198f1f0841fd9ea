"""Write paths of payments: starting a payment, the buyer's return, webhooks, and refunds.

* :func:`payment_start` opens (or reuses) the payment attempt for an order and, for online
  payments, the gateway's order; for cash on delivery it checks eligibility and confirms the
  order at once. Calling it again for the same order reuses the open attempt (double clicks).
* :func:`payment_verify_return` checks the signature the checkout hands the buyer's browser and
  asks the gateway what became of the payment.
* :func:`webhook_receive` records every call, checks the signature over the raw body,
  de-duplicates on the gateway's event id and applies the event once. The event row, the
  payment's change and the order's change commit together, so a crash leaves the event
  unprocessed and the gateway's retry applies it.
* :func:`refund_create` writes a refund in the caller's transaction; it is sent to the gateway
  after commit by a task, with exponential back-off (:func:`refund_attempt`,
  :func:`refunds_process_due`).

Either the return or the webhook alone completes a paid order; both together have one effect,
because every step checks the payment's state under a row lock first.

No network call is made inside a database transaction: gateway orders are created and refunds
sent between transactions. Call these functions outside an open transaction (refund_create is
the exception: it belongs in the caller's transaction).
"""

from __future__ import annotations

import functools
import json
import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext

from odopmart.core.money import format_inr
from odopmart.core.outbox import outbox_publish
from odopmart.orders.models import Order
from odopmart.orders.states import OrderStatus, PaymentMethod
from odopmart.payments.conf import payment_setting
from odopmart.payments.exceptions import GatewayError, PaymentError
from odopmart.payments.models import Payment, Refund, WebhookEvent
from odopmart.payments.providers import (
    ONLINE_PROVIDERS,
    PROVIDERS,
    default_online_provider,
    provider_for,
)
from odopmart.payments.providers.base import NormalisedEvent
from odopmart.payments.providers.cod import cod_problem
from odopmart.payments.states import PaymentStatus, RefundStatus, WebhookOutcome
from odopmart.payments.transitions import (
    payment_can_transition,
    payment_note,
    payment_record_created,
    payment_transition,
)

logger = logging.getLogger("odopmart.payments")

P = PaymentStatus
# Attempts that may still turn into money (a failed one can be retried on the same gateway order).
OPEN_STATUSES = (P.CREATED, P.AUTHORIZED, P.FAILED)
# Money was collected (or promised on delivery): the order is paid for.
PAID_STATUSES = (P.CAPTURED, P.PARTIALLY_REFUNDED, P.REFUNDED, P.COD_PENDING)
CAPTURED_STATUSES = (P.CAPTURED, P.PARTIALLY_REFUNDED, P.REFUNDED)
REFUNDABLE_STATUSES = (P.CAPTURED, P.PARTIALLY_REFUNDED)
CLOSED_ORDER_STATUSES = (OrderStatus.CANCELLED, OrderStatus.EXPIRED)


@dataclass(frozen=True)
class PaymentStart:
    payment: Payment
    # Where to send the buyer next (the gateway's page, or the order's status page).
    next_url: str
    # What an app needs to open the gateway's checkout itself (never a secret).
    checkout: dict[str, Any]


@dataclass(frozen=True)
class Outcome:
    """What applying a gateway event did: a WebhookOutcome value and a note for the record."""

    outcome: str
    detail: str = ""

    @property
    def flagged(self) -> bool:
        return self.outcome == WebhookOutcome.FLAGGED


def _orders_services() -> Any:
    # Imported lazily: the orders app imports payments services for refunds.
    from odopmart.orders import services

    return services


def _order_error() -> type[Exception]:
    from odopmart.orders.exceptions import OrderError

    return OrderError


def _lock_order(order_id: int) -> Order:
    return Order.objects.select_for_update().get(pk=order_id)


def _lock_payment(payment_id: int) -> Payment:
    return Payment.objects.select_for_update().select_related("order").get(pk=payment_id)


# --- links ---------------------------------------------------------------------------------


def guest_query(order: Order) -> str:
    """The access-token query a guest's links carry (signed-in buyers' orders need none)."""
    return f"?t={order.access_token}" if order.buyer_id is None else ""


def start_url(order: Order) -> str:
    return reverse("payments:start", args=[order.number]) + guest_query(order)


def status_url(order: Order) -> str:
    return reverse("payments:status", args=[order.number]) + guest_query(order)


def order_page_url(order: Order, *, placed: bool = False) -> str:
    """The buyer's order page (its confirmation after paying); our status page as a fallback."""
    try:
        url = reverse("buying:order_placed" if placed else "buying:order", args=[order.number])
    except NoReverseMatch:
        return status_url(order)
    return url + guest_query(order)


# --- starting a payment ----------------------------------------------------------------------


def _check_payable(order: Order) -> None:
    if order.payments.filter(status__in=PAID_STATUSES).exists() or order.status not in (
        OrderStatus.PENDING_PAYMENT,
        OrderStatus.PAYMENT_FAILED,
        *CLOSED_ORDER_STATUSES,
    ):
        raise PaymentError("already_paid", gettext("This order is already paid for."))
    if order.status in CLOSED_ORDER_STATUSES:
        raise PaymentError(
            "order_closed",
            gettext(
                "This order was cancelled or its items were released after the time to pay ran"
                " out. Please check out again."
            ),
        )
    if order.grand_total_paise <= 0:
        raise PaymentError("nothing_to_pay", gettext("There is nothing to pay for this order."))
    expires = order.reservation_expires_at
    if order.status == OrderStatus.PENDING_PAYMENT and expires and expires <= timezone.now():
        raise PaymentError(
            "reservation_expired",
            gettext(
                "The time to pay for this order ran out and its items were released. Please"
                " check out again."
            ),
        )


def _retry_if_failed(order: Order) -> Order:
    """A failed order gets its stock back for a new attempt (orders decide whether it can)."""
    if order.status != OrderStatus.PAYMENT_FAILED:
        return order
    try:
        _orders_services().order_retry_payment(order)
    except _order_error() as error:
        raise PaymentError(error.code, error.message) from error  # type: ignore[attr-defined]
    order.refresh_from_db()
    return order


def payment_start(
    order: Order,
    *,
    provider: str | None = None,
    idempotency_key: str | None = None,
    actor: Any = None,
) -> PaymentStart:
    """Start paying for `order` (or continue the open attempt) and say where the buyer goes.

    `provider` defaults to the order's method: "cod", or the configured online gateway. The
    call is idempotent per order: an open attempt is reused, so `idempotency_key` (accepted for
    API callers) needs no storage here. Raises PaymentError.
    """
    cod = order.payment_method == PaymentMethod.COD
    name = provider or ("cod" if cod else default_online_provider())
    if name not in PROVIDERS:
        raise PaymentError("unknown_provider", gettext("This way of paying is not available."))
    if (name == "cod") != cod:
        raise PaymentError(
            "method_mismatch", gettext("This order was placed with a different way of paying.")
        )
    if cod:
        return _cod_start(order, actor=actor)

    with transaction.atomic():
        locked = _lock_order(order.pk)
        _check_payable(locked)
        locked = _retry_if_failed(locked)
        payment = (
            locked.payments.filter(
                provider=name, status__in=OPEN_STATUSES, amount_paise=locked.grand_total_paise
            )
            .order_by("-created_at", "-pk")
            .first()
        )
        if payment is None:
            payment = Payment.objects.create(
                order=locked, provider=name, amount_paise=locked.grand_total_paise
            )
            payment_record_created(payment, actor=actor, reason="checkout started")

    gateway = provider_for(name)
    if not payment.gateway_order_id:
        # Outside the transaction: a slow gateway must not hold the order's row lock.
        try:
            gateway_order_id = gateway.create_order(
                payment.amount_paise,
                receipt=locked.number,
                notes={"order_number": locked.number, "payment": str(payment.pk)},
            )
        except GatewayError as error:
            logger.warning("Could not create the gateway order for %s: %s", locked.number, error)
            raise PaymentError(
                "gateway_unavailable",
                gettext("The payment gateway is not answering. Please try again in a minute."),
            ) from error
        with transaction.atomic():
            # A concurrent start may have set one first; theirs wins, ours simply goes unused.
            Payment.objects.filter(pk=payment.pk, gateway_order_id="").update(
                gateway_order_id=gateway_order_id, updated_at=timezone.now()
            )
        payment.refresh_from_db()
    checkout = gateway.checkout_context(payment)
    next_url = checkout.get("pay_url") or start_url(locked)
    return PaymentStart(payment=payment, next_url=next_url, checkout=checkout)


def _cod_start(order: Order, *, actor: Any) -> PaymentStart:
    with transaction.atomic():
        locked = _lock_order(order.pk)
        existing = locked.payments.filter(provider="cod").exclude(status=P.FAILED).first()
        if existing is not None:  # a double-clicked "place order"
            return PaymentStart(
                existing, order_page_url(locked, placed=True), _cod_context(existing)
            )
        problem = cod_problem(locked.grand_total_paise, locked.ship_pincode)
        if problem:
            raise PaymentError("cod_not_available", problem)
        _check_payable(locked)
        locked = _retry_if_failed(locked)
        payment = Payment.objects.create(
            order=locked,
            provider="cod",
            status=P.COD_PENDING,
            amount_paise=locked.grand_total_paise,
            method="cod",
        )
        payment_record_created(payment, actor=actor, reason="cash on delivery accepted")
        try:
            _orders_services().order_confirm_cod(locked, actor=actor)
        except _order_error() as error:
            raise PaymentError(error.code, error.message) from error  # type: ignore[attr-defined]
    return PaymentStart(payment, order_page_url(locked, placed=True), _cod_context(payment))


def _cod_context(payment: Payment) -> dict[str, Any]:
    return provider_for("cod").checkout_context(payment)


def cod_available(amount_paise: int, pincode: str) -> str | None:
    """For checkout pages: why COD can't be offered for this total and PIN code (None: it can)."""
    return cod_problem(amount_paise, pincode)


def payment_cod_collected(payment: Payment, *, actor: Any = None) -> Payment:
    """The courier collected the cash: the COD payment becomes captured (refundable by hand)."""
    with transaction.atomic():
        payment = _lock_payment(payment.pk)
        if payment.status != P.COD_PENDING:
            return payment
        payment.captured_paise = payment.amount_paise
        payment_transition(
            payment, P.CAPTURED, actor=actor, reason="cash collected", fields=["captured_paise"]
        )
    return payment


# --- the buyer's return from the gateway -------------------------------------------------------


def payment_for_gateway_order(provider: str, gateway_order_id: str) -> Payment | None:
    if not gateway_order_id:
        return None
    return (
        Payment.objects.select_related("order")
        .filter(provider=provider, gateway_order_id=gateway_order_id)
        .first()
    )


def payment_verify_return(
    payment: Payment, params: Mapping[str, Any], *, actor: Any = None
) -> Payment:
    """Check the checkout's signed return and record what the gateway says of the payment.

    The signature is checked against *our* stored gateway order id. Raises PaymentError
    ("bad_signature") when it does not match; nothing changes then.
    """
    payment_id = str(params.get("razorpay_payment_id") or "")[:64]
    signature = str(params.get("razorpay_signature") or "")
    gateway = provider_for(payment.provider)
    if not (
        gateway.online
        and gateway.verify_payment_signature(payment.gateway_order_id, payment_id, signature)
    ):
        raise PaymentError(
            "bad_signature",
            gettext(
                "We could not confirm this payment with the gateway. If money was taken, the"
                " gateway's own message will complete the order or it will be refunded."
            ),
        )
    if payment.status in CAPTURED_STATUSES and payment.gateway_payment_id == payment_id:
        return payment  # already done (the webhook came first, or a reload)
    try:
        found = gateway.fetch_payment(payment, payment_id)
    except GatewayError as error:
        # The signature proves the buyer paid; the webhook will say when it is captured.
        logger.warning("Could not fetch payment %s: %s", payment_id, error)
        found = None
    with transaction.atomic():
        if found is not None and found.status == "captured":
            _apply_capture(
                payment,
                gateway_payment_id=payment_id,
                amount_paise=found.amount_paise,
                method=found.method,
                source="return",
                actor=actor,
            )
        elif found is None or found.status == "authorized":
            payment_authorized(payment, gateway_payment_id=payment_id, source="return")
        elif found.status == "failed":
            payment_failed(
                payment, gateway_payment_id=payment_id, error=found.error, source="return"
            )
    payment.refresh_from_db()
    return payment


# --- applying what the gateway says ------------------------------------------------------------


def payment_authorized(
    payment: Payment, *, gateway_payment_id: str, method: str = "", source: str = "webhook"
) -> Outcome:
    with transaction.atomic():
        payment = _lock_payment(payment.pk)
        if not payment_can_transition(payment, P.AUTHORIZED):
            # Out of order (captured came first) or repeated: never move back.
            return Outcome(WebhookOutcome.IGNORED, f"payment is already {payment.status}")
        payment.gateway_payment_id = gateway_payment_id or payment.gateway_payment_id
        payment.method = method or payment.method
        payment_transition(
            payment,
            P.AUTHORIZED,
            reason=f"authorised ({source})",
            fields=["gateway_payment_id", "method"],
        )
    return Outcome(WebhookOutcome.PROCESSED)


def payment_failed(
    payment: Payment, *, gateway_payment_id: str, error: str = "", source: str = "webhook"
) -> Outcome:
    """A payment attempt failed: the payment becomes failed and the order releases its stock."""
    with transaction.atomic():
        payment = _lock_payment(payment.pk)
        if payment.status not in (P.CREATED, P.AUTHORIZED):
            return Outcome(WebhookOutcome.IGNORED, f"payment is already {payment.status}")
        if (
            payment.status == P.AUTHORIZED
            and payment.gateway_payment_id
            and gateway_payment_id != payment.gateway_payment_id
        ):
            # An earlier attempt's failure arriving after a later attempt went through.
            return Outcome(WebhookOutcome.IGNORED, "failure of an earlier attempt")
        payment.gateway_payment_id = gateway_payment_id or payment.gateway_payment_id
        payment.failure_reason = error[:1000]
        payment_transition(
            payment,
            P.FAILED,
            reason=f"failed ({source}): {error}"[:500],
            fields=["gateway_payment_id", "failure_reason"],
        )
        order = _lock_order(payment.order_id)
        if order.status == OrderStatus.PENDING_PAYMENT:
            _orders_services().order_payment_failed(
                order, reason=error or gettext("The payment did not go through.")
            )
    return Outcome(WebhookOutcome.PROCESSED)


def payment_captured(
    payment: Payment,
    *,
    gateway_payment_id: str,
    amount_paise: int | None = None,
    method: str = "",
    source: str = "webhook",
    actor: Any = None,
) -> Outcome:
    """Money was captured: confirm the order (orders.services.order_confirm_paid).

    Idempotent. Money that cannot go to the order (cancelled or expired order without stock,
    an order paid twice, a wrong amount) is refunded in full and the outcome is FLAGGED.
    """
    with transaction.atomic():
        return _apply_capture(
            payment,
            gateway_payment_id=gateway_payment_id,
            amount_paise=amount_paise,
            method=method,
            source=source,
            actor=actor,
        )


def _apply_capture(
    payment: Payment,
    *,
    gateway_payment_id: str,
    amount_paise: int | None,
    method: str,
    source: str,
    actor: Any,
) -> Outcome:
    payment = _lock_payment(payment.pk)
    if payment.status in CAPTURED_STATUSES:
        if gateway_payment_id in ("", payment.gateway_payment_id):
            return Outcome(WebhookOutcome.IGNORED, "already captured")
        return _flag(
            payment, f"a second payment {gateway_payment_id} was captured on this gateway order"
        )
    if payment.status == P.COD_PENDING:
        return _flag(payment, "an online capture for a cash-on-delivery payment")
    amount = payment.amount_paise if amount_paise is None else int(amount_paise)
    payment.gateway_payment_id = gateway_payment_id or payment.gateway_payment_id
    payment.method = method or payment.method
    payment.captured_paise = amount
    payment_transition(
        payment,
        P.CAPTURED,
        actor=actor,
        reason=f"captured ({source})",
        fields=["gateway_payment_id", "method", "captured_paise"],
    )
    outbox_publish(
        "payment.captured",
        {"payment_id": payment.pk, "order_id": payment.order_id, "amount_paise": amount},
        dedupe_key=f"payment.captured:{payment.pk}",
    )
    order = _lock_order(payment.order_id)
    problem = ""
    if amount != payment.amount_paise:
        problem = f"captured {amount} paise for a payment of {payment.amount_paise}"
    elif order.payments.exclude(pk=payment.pk).filter(status__in=PAID_STATUSES).exists():
        problem = "the order was already paid by another payment"
    elif order.status == OrderStatus.CANCELLED:
        # An expired order still gets the money if its stock can be held again (the orders
        # service decides); a cancelled one never does.
        problem = f"money captured for an order that is {order.status}"
    else:
        try:
            with transaction.atomic():
                _orders_services().order_confirm_paid(order, payment=payment, actor=actor)
        except _order_error() as error:
            problem = f"the order could not take the payment: {error}"
    if problem:
        _refund_whole(payment, problem)
        return _flag(payment, problem + "; refunded in full")
    return Outcome(WebhookOutcome.PROCESSED)


def _flag(payment: Payment, detail: str) -> Outcome:
    logger.warning("Payment %s flagged: %s", payment.pk, detail)
    payment_note(payment, f"FLAGGED: {detail}"[:1000])
    return Outcome(WebhookOutcome.FLAGGED, detail)


def _refund_whole(payment: Payment, reason: str) -> Refund | None:
    left = payment.captured_paise - payment.refunded_paise
    if left <= 0:
        return None
    return _refund_payment(
        payment, left, idempotency_key=f"capture-refund-{payment.pk}", reason=reason
    )


# --- webhooks ----------------------------------------------------------------------------------


def webhook_receive(provider: str, raw_body: bytes, headers: Mapping[str, str]) -> WebhookEvent:
    """Record, verify, de-duplicate and apply one webhook call.

    Returns the WebhookEvent; ``event.signature_valid`` False means the caller answers 400,
    ``event.is_duplicate`` True means it was seen before (answered 200, nothing done again).
    KeyError for an unknown provider. Unexpected errors propagate (the caller answers 500 and
    the gateway retries); the event then stays "received" and is applied on the retry.
    """
    if provider not in ONLINE_PROVIDERS:
        raise KeyError(provider)
    gateway = provider_for(provider)
    try:
        payload = json.loads(raw_body)
    except (ValueError, UnicodeDecodeError):
        payload = None
    if not isinstance(payload, dict):
        payload = None
    signature_valid = gateway.verify_webhook(raw_body, headers)
    event_id = gateway.webhook_event_id(raw_body, headers)
    event_type = str((payload or {}).get("event") or "")[:60]
    stored_payload = (
        payload if payload is not None else {"raw": raw_body[:4000].decode(errors="replace")}
    )

    if not signature_valid or payload is None:
        # Kept for the record under an id of its own, so a forged call can never claim (and so
        # block) the event id of a genuine one.
        event = WebhookEvent.objects.create(
            provider=provider,
            event_id=f"rejected-{uuid.uuid4().hex}",
            event_type=event_type,
            payload=stored_payload,
            signature_valid=signature_valid,
            outcome=WebhookOutcome.FLAGGED,
            detail=(
                ("signature did not match" if not signature_valid else "body is not a JSON object")
                + f"; claimed event id {event_id}"
            )[:2000],
            processed_at=timezone.now(),
        )
        event.is_duplicate = False  # type: ignore[attr-defined]
        return event

    with transaction.atomic():
        event, created = WebhookEvent.objects.get_or_create(
            provider=provider,
            event_id=event_id,
            defaults={"event_type": event_type, "payload": payload, "signature_valid": True},
        )
    if not created and event.outcome != WebhookOutcome.RECEIVED:
        event.is_duplicate = True  # type: ignore[attr-defined]
        return event

    try:
        with transaction.atomic():
            event = WebhookEvent.objects.select_for_update().get(pk=event.pk)
            if event.outcome != WebhookOutcome.RECEIVED:  # a concurrent delivery applied it
                event.is_duplicate = True  # type: ignore[attr-defined]
                return event
            payment, result = _apply_event(provider, gateway.parse_webhook(payload))
            event.outcome = result.outcome
            event.detail = result.detail[:2000]
            event.payment = payment
            event.processed_at = timezone.now()
            event.save(update_fields=["outcome", "detail", "payment", "processed_at"])
    except Exception as error:
        logger.exception("Webhook %s %s could not be applied", provider, event_id)
        WebhookEvent.objects.filter(pk=event.pk, outcome=WebhookOutcome.RECEIVED).update(
            detail=f"error, will be retried: {error.__class__.__name__}: {error}"[:2000]
        )
        raise
    event.is_duplicate = False  # type: ignore[attr-defined]
    return event


def _apply_event(provider: str, event: NormalisedEvent) -> tuple[Payment | None, Outcome]:
    kind = event.type
    if kind.startswith("refund."):
        return _apply_refund_event(provider, event)
    if kind not in ("payment.authorized", "payment.captured", "payment.failed", "order.paid"):
        return None, Outcome(WebhookOutcome.IGNORED, f"event {kind or '(none)'} is not used")
    payment = payment_for_gateway_order(provider, event.gateway_order_id)
    if payment is None:
        detail = f"no payment for gateway order {event.gateway_order_id or '(none)'}"
        logger.warning("Webhook flagged: %s", detail)
        return None, Outcome(WebhookOutcome.FLAGGED, detail)
    if kind in ("payment.captured", "order.paid"):
        result = _apply_capture(
            payment,
            gateway_payment_id=event.gateway_payment_id,
            amount_paise=event.amount_paise,
            method=event.method,
            source=f"webhook {kind}",
            actor=None,
        )
        return payment, result
    closed = payment.order.status in CLOSED_ORDER_STATUSES
    if kind == "payment.authorized":
        result = payment_authorized(
            payment, gateway_payment_id=event.gateway_payment_id, method=event.method
        )
    else:
        result = payment_failed(
            payment, gateway_payment_id=event.gateway_payment_id, error=event.error
        )
    if closed and not result.flagged:
        status = payment.order.status
        result = _flag(
            payment, f"{kind} for an order that is {status} ({result.detail or 'noted'})"
        )
    return payment, result


def _apply_refund_event(provider: str, event: NormalisedEvent) -> tuple[Payment | None, Outcome]:
    refund = _refund_for_event(provider, event)
    if refund is None:
        detail = f"{event.type} for a refund we did not make ({event.gateway_refund_id})"
        logger.warning("Webhook flagged: %s", detail)
        return None, Outcome(WebhookOutcome.FLAGGED, detail)
    if event.type == "refund.processed":
        refund_mark_processed(refund, gateway_refund_id=event.gateway_refund_id)
        return refund.payment, Outcome(WebhookOutcome.PROCESSED)
    if event.type == "refund.failed":
        refund_mark_failed(refund, error="the gateway reported the refund failed")
        return refund.payment, Outcome(
            WebhookOutcome.FLAGGED, f"refund {refund.pk} failed at the gateway"
        )
    if event.gateway_refund_id and not refund.gateway_refund_id:
        Refund.objects.filter(pk=refund.pk, gateway_refund_id="").update(
            gateway_refund_id=event.gateway_refund_id
        )
    return refund.payment, Outcome(WebhookOutcome.IGNORED, f"{event.type} noted")


def _refund_for_event(provider: str, event: NormalisedEvent) -> Refund | None:
    refunds = Refund.objects.select_related("payment").filter(payment__provider=provider)
    if event.gateway_refund_id:
        found = refunds.filter(gateway_refund_id=event.gateway_refund_id).first()
        if found is not None:
            return found
    key = str(event.refund_notes.get("idempotency_key") or "")
    if key:
        return refunds.filter(idempotency_key=key).first()
    return None


# --- refunds -----------------------------------------------------------------------------------


def refund_retry_delay(attempt: int) -> timedelta:
    """How long to wait after failed attempt number `attempt` (1-based) before the next one."""
    base = int(payment_setting("REFUND_RETRY_BASE_SECONDS"))
    ceiling = int(payment_setting("REFUND_RETRY_MAX_SECONDS"))
    return timedelta(seconds=min(base * 2 ** max(attempt - 1, 0), ceiling))


def refund_create(
    order: Order,
    amount_paise: int,
    *,
    idempotency_key: str,
    reason: str,
    item: Any = None,
    return_request: Any = None,
    actor: Any = None,
) -> Refund | None:
    """Refund `amount_paise` of what was paid for `order`, in the caller's transaction.

    Sent to the gateway after commit (with retries); a cash-on-delivery payment already
    collected becomes a refund for the operator to pay by hand. Returns None when nothing was
    collected (cash on delivery not yet paid, or an order never paid): there is no money to
    return. The same `idempotency_key` again returns the same refund. Raises PaymentError for a
    bad amount or more than is left to refund.
    """
    if isinstance(amount_paise, bool) or not isinstance(amount_paise, int) or amount_paise <= 0:
        raise PaymentError(
            "invalid_amount", gettext("A refund must be a positive amount in paise."), "amount"
        )
    key = (idempotency_key or "").strip()
    if not key or len(key) > 80:
        raise PaymentError(
            "invalid_idempotency_key",
            gettext("A refund needs an idempotency key of at most 80 characters."),
        )
    with transaction.atomic():
        # Lock every payment of the order first, so concurrent refunds queue up here.
        payments = list(
            Payment.objects.select_for_update()
            .filter(order_id=order.pk)
            .order_by("created_at", "pk")
        )
        existing = Refund.objects.filter(idempotency_key=key).first()
        if existing is not None:
            if existing.payment.order_id != order.pk or existing.amount_paise != amount_paise:
                raise PaymentError(
                    "idempotency_conflict",
                    gettext("This idempotency key was already used for a different refund."),
                )
            return existing
        holding = [p for p in payments if p.status in REFUNDABLE_STATUSES]
        if not holding and not any(p.status in CAPTURED_STATUSES for p in payments):
            return None  # nothing was collected, so nothing goes back
        payment = next(
            (p for p in holding if p.captured_paise - p.refunded_paise >= amount_paise), None
        )
        if payment is None:
            left = sum(p.captured_paise - p.refunded_paise for p in holding)
            raise PaymentError(
                "refund_exceeds_captured",
                gettext("A refund of %(amount)s is more than the %(left)s left to refund.")
                % {"amount": format_inr(amount_paise), "left": format_inr(left)},
                "amount",
            )
        return _refund_payment(
            payment,
            amount_paise,
            idempotency_key=key,
            reason=reason,
            item=item,
            return_request=return_request,
            actor=actor,
        )


def _refund_payment(
    payment: Payment,
    amount_paise: int,
    *,
    idempotency_key: str,
    reason: str,
    item: Any = None,
    return_request: Any = None,
    actor: Any = None,
) -> Refund:
    """Write a refund against a locked payment and queue it for after commit."""
    left = payment.captured_paise - payment.refunded_paise
    if amount_paise > left:
        raise PaymentError(
            "refund_exceeds_captured",
            gettext("A refund of %(amount)s is more than the %(left)s left to refund.")
            % {"amount": format_inr(amount_paise), "left": format_inr(left)},
            "amount",
        )
    online = payment.provider in ONLINE_PROVIDERS
    refund = Refund.objects.create(
        payment=payment,
        amount_paise=amount_paise,
        idempotency_key=idempotency_key,
        reason=reason[:2000],
        item=item,
        return_request=return_request,
        next_attempt_at=timezone.now() if online else None,
        last_error="" if online else "cash on delivery: to be paid back by hand",
    )
    payment.refunded_paise += amount_paise
    to = P.REFUNDED if payment.refunded_paise == payment.captured_paise else P.PARTIALLY_REFUNDED
    payment_transition(
        payment,
        to,
        actor=actor,
        reason=f"refund {refund.pk} of {amount_paise} paise: {reason}"[:1000],
        fields=["refunded_paise"],
    )
    if online:
        transaction.on_commit(functools.partial(_schedule_refund, refund.pk), robust=True)
    return refund


def _schedule_refund(refund_id: int, run_after: datetime | None = None) -> None:
    """Queue a refund attempt. Never raises: refunds_process_due picks up a lost one."""
    from odopmart.payments.tasks import refund_send

    try:
        task = refund_send
        if run_after is not None:
            if not task.get_backend().supports_defer:
                return
            task = task.using(run_after=run_after)
        task.enqueue(refund_id)
    except Exception:
        logger.exception("Could not queue refund %s; refunds_process_due will", refund_id)


def refund_attempt(refund_id: int, *, now: datetime | None = None) -> Refund | None:
    """Send one due refund to the gateway (a no-op when it is not due or already sent).

    Claims the refund in a short transaction (the next attempt time moves ahead first, so a
    worker dying mid-call leaves it due again later), calls the gateway outside any
    transaction with the refund's idempotency key, and records the outcome.
    """
    now = now or timezone.now()
    with transaction.atomic():
        refund = (
            Refund.objects.select_for_update()
            .select_related("payment__order")
            .filter(pk=refund_id)
            .first()
        )
        if (
            refund is None
            or refund.status != RefundStatus.PENDING
            or refund.gateway_refund_id
            or refund.payment.provider not in ONLINE_PROVIDERS
            or (refund.next_attempt_at is not None and refund.next_attempt_at > now)
        ):
            return refund
        refund.attempts += 1
        refund.next_attempt_at = now + refund_retry_delay(refund.attempts)
        refund.save(update_fields=["attempts", "next_attempt_at"])
    payment = refund.payment
    try:
        sent = provider_for(payment.provider).refund(
            payment,
            refund.amount_paise,
            refund.idempotency_key,
            notes={"order_number": payment.order.number, "refund": str(refund.pk)},
        )
    except GatewayError as error:
        return _refund_attempt_failed(refund.pk, str(error), retryable=error.retryable)
    with transaction.atomic():
        refund = Refund.objects.select_for_update().select_related("payment").get(pk=refund.pk)
        refund.gateway_refund_id = sent.gateway_refund_id
        refund.last_error = ""
        refund.next_attempt_at = None
        fields = ["gateway_refund_id", "last_error", "next_attempt_at"]
        if sent.processed and refund.status == RefundStatus.PENDING:
            refund.status = RefundStatus.PROCESSED
            refund.processed_at = timezone.now()
            fields += ["status", "processed_at"]
            _publish_refund_processed(refund)
        refund.save(update_fields=fields)
    return refund


def _refund_attempt_failed(refund_id: int, error: str, *, retryable: bool) -> Refund:
    with transaction.atomic():
        refund = Refund.objects.select_for_update().select_related("payment").get(pk=refund_id)
        refund.last_error = error[:2000]
        fields = ["last_error", "next_attempt_at"]
        if not retryable or refund.attempts >= int(payment_setting("REFUND_MAX_ATTEMPTS")):
            refund.status = RefundStatus.FAILED
            refund.next_attempt_at = None
            fields.append("status")
            payment_note(refund.payment, f"FLAGGED: refund {refund.pk} failed: {error}"[:1000])
            logger.error("Refund %s failed for good: %s", refund.pk, error)
        else:
            transaction.on_commit(
                functools.partial(_schedule_refund, refund.pk, refund.next_attempt_at),
                robust=True,
            )
        refund.save(update_fields=fields)
    return refund


def refunds_process_due(*, now: datetime | None = None, limit: int = 200) -> int:
    """Send every online refund whose (next) attempt is due. Returns how many were tried."""
    now = now or timezone.now()
    due = list(
        Refund.objects.filter(
            status=RefundStatus.PENDING,
            gateway_refund_id="",
            next_attempt_at__lte=now,
            payment__provider__in=ONLINE_PROVIDERS,
        )
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    for refund_id in due:
        refund_attempt(refund_id, now=now)
    return len(due)


def _publish_refund_processed(refund: Refund) -> None:
    """The books post the money leaving (gateway or, for cash on delivery, the bank)."""
    outbox_publish(
        "refund.processed",
        {"refund_id": refund.pk, "order_id": refund.payment.order_id},
        dedupe_key=f"refund.processed:{refund.pk}",
    )


def refund_mark_processed(
    refund: Refund, *, gateway_refund_id: str = "", actor: Any = None
) -> Refund:
    """The money reached the buyer (the gateway said so, or the operator paid cash back)."""
    with transaction.atomic():
        refund = Refund.objects.select_for_update().select_related("payment").get(pk=refund.pk)
        if refund.status == RefundStatus.PROCESSED:
            return refund
        refund.status = RefundStatus.PROCESSED
        refund.processed_at = timezone.now()
        refund.next_attempt_at = None
        refund.gateway_refund_id = refund.gateway_refund_id or gateway_refund_id[:64]
        refund.save(
            update_fields=["status", "processed_at", "next_attempt_at", "gateway_refund_id"]
        )
        _publish_refund_processed(refund)
        if actor is not None:
            payment_note(refund.payment, f"refund {refund.pk} marked paid back", actor=actor)
    return refund


def refund_mark_failed(refund: Refund, *, error: str) -> Refund:
    """The gateway gave up on a refund: the money is still owed; a person must act."""
    with transaction.atomic():
        refund = Refund.objects.select_for_update().select_related("payment").get(pk=refund.pk)
        if refund.status != RefundStatus.PENDING:
            return refund
        refund.status = RefundStatus.FAILED
        refund.last_error = error[:2000]
        refund.next_attempt_at = None
        refund.save(update_fields=["status", "last_error", "next_attempt_at"])
        payment_note(refund.payment, f"FLAGGED: refund {refund.pk} failed: {error}"[:1000])
    return refund


def refund_retry(refund: Refund, *, actor: Any = None) -> Refund:
    """The operator sends a failed online refund again (same idempotency key: never twice)."""
    with transaction.atomic():
        refund = Refund.objects.select_for_update().select_related("payment").get(pk=refund.pk)
        if refund.status != RefundStatus.FAILED or refund.payment.provider not in ONLINE_PROVIDERS:
            raise PaymentError(
                "refund_not_retryable", gettext("Only a failed online refund can be sent again.")
            )
        refund.status = RefundStatus.PENDING
        refund.attempts = 0
        refund.gateway_refund_id = ""
        refund.next_attempt_at = timezone.now()
        refund.save(update_fields=["status", "attempts", "gateway_refund_id", "next_attempt_at"])
        payment_note(refund.payment, f"refund {refund.pk} sent again", actor=actor)
        transaction.on_commit(functools.partial(_schedule_refund, refund.pk), robust=True)
    return refund
