"""The payment state machine: every allowed move writes an event; every other move is refused."""

from __future__ import annotations

import itertools

import pytest

from odopmart.payments.exceptions import InvalidPaymentTransition
from odopmart.payments.models import Payment, PaymentEvent
from odopmart.payments.states import PAYMENT_TRANSITIONS, PaymentStatus
from odopmart.payments.transitions import payment_transition

pytestmark = pytest.mark.django_db
PAIRS = list(itertools.product(PaymentStatus.values, repeat=2))


@pytest.fixture
def payment(place) -> Payment:
    order = place()
    return Payment.objects.create(order=order, provider="sandbox", amount_paise=100)


@pytest.mark.parametrize(("start", "to"), PAIRS)
def test_transition_table(payment, buyer, start, to):
    Payment.objects.filter(pk=payment.pk).update(status=start)
    payment.refresh_from_db()
    if to in PAYMENT_TRANSITIONS[start]:
        event = payment_transition(payment, to, actor=buyer, reason="because")
        payment.refresh_from_db()
        assert payment.status == to
        assert (event.from_status, event.to_status, event.actor, event.reason) == (
            start, to, buyer, "because",
        )  # fmt: skip
    else:
        with pytest.raises(InvalidPaymentTransition) as caught:
            payment_transition(payment, to)
        assert caught.value.code == "payment_transition_not_allowed"
        payment.refresh_from_db()
        assert payment.status == start
        assert not PaymentEvent.objects.filter(payment=payment).exists()


def test_captured_never_goes_back():
    assert PaymentStatus.AUTHORIZED not in PAYMENT_TRANSITIONS[PaymentStatus.CAPTURED]
    assert PaymentStatus.FAILED not in PAYMENT_TRANSITIONS[PaymentStatus.CAPTURED]
    assert PaymentStatus.CREATED not in PAYMENT_TRANSITIONS[PaymentStatus.CAPTURED]
