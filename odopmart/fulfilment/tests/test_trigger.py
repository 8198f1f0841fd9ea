"""A paid (or COD-confirmed) order reaches each artisan: one request, one SMS and one call each,
in their language; running the handler again sends nothing more."""

from __future__ import annotations

import pytest

from odopmart.core.models import OutboxEvent
from odopmart.core.outbox import outbox_dispatch
from odopmart.fulfilment.models import ReadinessRequest
from odopmart.fulfilment.services import on_order_confirmed, readiness_requests_for_order
from odopmart.fulfilment.states import ReadinessStatus
from odopmart.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_paid_order_asks_each_artisan_once_by_sms_and_call(place_paid, shop, sms_outbox):
    order = place_paid()

    requests = {r.artisan_id: r for r in ReadinessRequest.objects.filter(order=order)}
    assert set(requests) == {shop.rukhsana.pk, shop.imran.pk, shop.stranger.pk}
    rukhsana = requests[shop.rukhsana.pk]
    assert rukhsana.status == ReadinessStatus.ASKED
    assert rukhsana.language == "hi"
    assert sorted(rukhsana.items.values_list("product_id", flat=True)) == sorted(
        [shop.kurta.pk, shop.dupatta.pk]
    )
    assert rukhsana.call_attempts == 1
    assert rukhsana.next_call_at is not None

    messages = Notification.objects.filter(dedupe_key__startswith="readiness:").order_by("pk")
    rows = {(n.dedupe_key, n.channel, n.recipient, n.language, n.template) for n in messages}
    expected = set()
    for request, phone in (
        (rukhsana, "+919876500001"),
        (requests[shop.imran.pk], "+919876500002"),
        (requests[shop.stranger.pk], "+919876500004"),
    ):
        expected |= {
            (f"readiness:{request.pk}:sms", "sms", phone, request.language, "readiness_ask_sms"),
            (f"readiness:{request.pk}:call:1", "voice", phone, request.language,
             "readiness_ask_call"),
        }  # fmt: skip
    assert rows == expected
    sms = messages.get(dedupe_key=f"readiness:{rukhsana.pk}:sms")
    assert order.number in sms.body
    assert "चिकन कुर्ता +1" in sms.body
    assert "3 नग" in sms.body
    assert "/a/?t=" in sms.body
    call = messages.get(dedupe_key=f"readiness:{rukhsana.pk}:call:1")
    assert call.allowed_keys == "123"
    assert "1 दबाइए" in call.body
    english = messages.get(dedupe_key=f"readiness:{requests[shop.imran.pk].pk}:sms")
    assert "1 x Cushion cover" in english.body
    # The locmem providers got exactly these six messages.
    assert len(sms_outbox) == 6


def test_running_the_handler_again_sends_nothing_more(place_paid, sms_outbox):
    order = place_paid()
    before = Notification.objects.count()
    requests_before = ReadinessRequest.objects.count()

    event = OutboxEvent.objects.get(topic="order.paid")
    on_order_confirmed(event)
    assert readiness_requests_for_order(order) == []

    assert ReadinessRequest.objects.count() == requests_before
    assert Notification.objects.count() == before
    assert len(sms_outbox) == 6


def test_outbox_event_processed_once(place_paid):
    place_paid()
    event = OutboxEvent.objects.get(topic="order.paid")
    assert event.processed_at is not None
    assert not event.failed
    assert outbox_dispatch(event.pk).attempts == event.attempts  # already done: no-op


def test_cod_confirmed_order_asks_too(place_paid, shop):
    order = place_paid([(shop.cushion, 2)], method="cod")

    request = ReadinessRequest.objects.get(order=order)
    assert request.artisan == shop.imran
    assert (
        Notification.objects.filter(dedupe_key__startswith=f"readiness:{request.pk}:").count() == 2
    )


def test_artisan_without_a_phone_goes_straight_to_the_helpline(place_paid, shop):
    shop.imran.phone = ""
    shop.imran.save(update_fields=["phone"])

    order = place_paid([(shop.cushion, 1)])

    request = ReadinessRequest.objects.get(order=order)
    assert request.status == ReadinessStatus.ESCALATED
    assert request.helpline_tasks.get().kind == "no_phone"
    assert not Notification.objects.filter(dedupe_key__startswith="readiness:").exists()
