"""The one place a payment's status changes: checks PAYMENT_TRANSITIONS, writes a PaymentEvent.

Callers hold the payment row locked (``select_for_update``) inside their transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext

from odopmart.payments.exceptions import InvalidPaymentTransition
from odopmart.payments.models import Payment, PaymentEvent
from odopmart.payments.states import PAYMENT_TRANSITIONS, PaymentStatus


def actor_user(actor: Any) -> Any:
    """The user to record as the actor (None for the system, a gateway or an anonymous buyer)."""
    return actor if actor is not None and getattr(actor, "is_authenticated", False) else None


def payment_can_transition(payment: Payment, to: str) -> bool:
    return to in PAYMENT_TRANSITIONS.get(payment.status, set())


def payment_transition(
    payment: Payment,
    to: str,
    *,
    actor: Any = None,
    reason: str = "",
    fields: Iterable[str] = (),
) -> PaymentEvent:
    """Move `payment` to `to` (saving `fields` too) and record who, when and why."""
    from_status = payment.status
    if not payment_can_transition(payment, to):
        raise InvalidPaymentTransition(
            "payment_transition_not_allowed",
            gettext("A payment that is %(from)s can't become %(to)s.")
            % {"from": PaymentStatus(from_status).label, "to": PaymentStatus(to).label},
        )
    payment.status = to
    payment.save(update_fields=["status", "updated_at", *fields])
    return PaymentEvent.objects.create(
        payment=payment,
        from_status=from_status,
        to_status=to,
        actor=actor_user(actor),
        reason=reason,
    )


def payment_record_created(
    payment: Payment, *, actor: Any = None, reason: str = ""
) -> PaymentEvent:
    """The first event of a new payment (from nothing to its initial status)."""
    return PaymentEvent.objects.create(
        payment=payment,
        from_status="",
        to_status=payment.status,
        actor=actor_user(actor),
        reason=reason,
    )


def payment_note(payment: Payment, reason: str, *, actor: Any = None) -> PaymentEvent:
    """Something happened to the payment without a status change (a refund, a flag)."""
    return PaymentEvent.objects.create(
        payment=payment,
        from_status=payment.status,
        to_status=payment.status,
        actor=actor_user(actor),
        reason=reason,
    )
