"""The artisan's answer: IVR keypress 1/2/3 and other keys, and what each one does."""

from __future__ import annotations

from datetime import timedelta

import pytest

from odopmart.fulfilment.exceptions import FulfilmentError
from odopmart.fulfilment.models import HelplineTask, ReadinessRequest
from odopmart.fulfilment.services import readiness_answer
from odopmart.fulfilment.states import AnswerChannel, ReadinessStatus
from odopmart.notifications.ivr import ivr_keypress
from odopmart.notifications.models import Notification
from odopmart.orders.models import OrderEvent
from odopmart.orders.states import ItemStatus, SellerOrderStatus

pytestmark = pytest.mark.django_db


def _request(order, artisan) -> ReadinessRequest:
    return ReadinessRequest.objects.get(order=order, artisan=artisan)


def _press(request: ReadinessRequest, digits: str, capture):
    call = Notification.objects.get(dedupe_key=f"readiness:{request.pk}:call:1")
    with capture(execute=True):
        result = ivr_keypress(
            provider=call.provider, call_id=call.provider_message_id, digits=digits,
            payload={"Digits": digits},
        )  # fmt: skip
    request.refresh_from_db()
    return result


def test_key_1_marks_the_items_ready(place_paid, shop, django_capture_on_commit_callbacks):
    order = place_paid([(shop.kurta, 2), (shop.cushion, 1)])
    request = _request(order, shop.rukhsana)

    result = _press(request, "1", django_capture_on_commit_callbacks)

    assert result.outcome == "applied"
    assert "तैयार" in result.reply  # told what happens next, in Hindi
    assert request.status == ReadinessStatus.READY
    assert request.answer == 1
    assert request.answer_channel == AnswerChannel.IVR
    assert set(request.items.values_list("status", flat=True)) == {ItemStatus.READY}
    # Imran's item is still to be made, so the seller order is not ready yet.
    request.seller_order.refresh_from_db()
    assert request.seller_order.status == SellerOrderStatus.PLACED
    assert OrderEvent.objects.filter(item__in=request.items.all(), to_status="ready").count() == 1
    assert request.events.filter(kind="answered", to_status="ready").exists()


def test_all_artisans_ready_makes_the_seller_order_ready(place_paid, shop):
    order = place_paid([(shop.kurta, 1), (shop.cushion, 1)])
    for artisan in (shop.rukhsana, shop.imran):
        readiness_answer(_request(order, artisan), 1, channel=AnswerChannel.SMS_LINK)

    seller_order = order.seller_orders.get()
    assert seller_order.status == SellerOrderStatus.READY


def test_pickup_is_booked_when_logistics_is_there(place_paid, shop):
    shipments = pytest.importorskip("odopmart.logistics.models")
    order = place_paid([(shop.cushion, 1)])
    request = _request(order, shop.imran)

    readiness_answer(request, 1, channel=AnswerChannel.SMS_LINK)

    assert shipments.Shipment.objects.filter(seller_order=request.seller_order).count() == 1


def test_key_2_moves_the_date_and_tells_the_buyer(
    place_paid, shop, django_capture_on_commit_callbacks
):
    order = place_paid([(shop.kurta, 1)])
    request = _request(order, shop.rukhsana)
    old_date = request.ready_by

    _press(request, "2", django_capture_on_commit_callbacks)

    assert request.status == ReadinessStatus.NEEDS_MORE_DAYS
    assert request.ready_by == old_date + timedelta(days=3)
    buyer_sms = Notification.objects.get(
        dedupe_key=f"readiness:{request.pk}:buyer-date:{request.ready_by.isoformat()}"
    )
    assert buyer_sms.recipient == "+919876543210"
    assert buyer_sms.channel == "sms"
    assert buyer_sms.language == "hi"  # the buyer checked out in Hindi
    assert order.number in buyer_sms.body
    event = request.events.get(kind="answered")
    assert event.data["old_date"] == old_date.isoformat()


def test_key_3_opens_a_helpline_task_and_alerts_vendor_and_operator(
    place_paid, shop, settings, django_capture_on_commit_callbacks
):
    settings.FULFILMENT = {"OPERATOR_ALERT_PHONE": "9000000001", "OPERATOR_ALERT_EMAIL": "ops@x.in"}
    order = place_paid([(shop.kurta, 1)])
    request = _request(order, shop.rukhsana)

    _press(request, "3", django_capture_on_commit_callbacks)

    assert request.status == ReadinessStatus.CANNOT_MAKE
    task = HelplineTask.objects.get(request=request)
    assert (task.kind, task.status) == ("cannot_make", "open")
    alerts = Notification.objects.filter(dedupe_key__startswith=f"readiness:{request.pk}:alert:")
    assert {(n.channel, n.recipient) for n in alerts} == {
        ("sms", "+919811100001"),
        ("sms", "+919000000001"),
        ("email", "desk@vendor.example"),
        ("email", "ops@x.in"),
    }
    assert set(request.items.values_list("status", flat=True)) == {ItemStatus.PLACED}


def test_other_keys_are_recorded_and_ignored(place_paid, shop, django_capture_on_commit_callbacks):
    order = place_paid([(shop.kurta, 1)])
    request = _request(order, shop.rukhsana)

    result = _press(request, "9", django_capture_on_commit_callbacks)

    assert result.outcome == "invalid_key"
    assert result.ask_again is True
    assert request.status == ReadinessStatus.ASKED
    assert request.answer is None
    call = Notification.objects.get(dedupe_key=f"readiness:{request.pk}:call:1")
    assert call.callbacks.filter(digits="9", outcome="invalid_key").exists()


def test_a_repeated_keypress_is_applied_once(place_paid, shop, django_capture_on_commit_callbacks):
    order = place_paid([(shop.kurta, 1)])
    request = _request(order, shop.rukhsana)
    _press(request, "2", django_capture_on_commit_callbacks)
    moved_to = request.ready_by

    result = _press(request, "2", django_capture_on_commit_callbacks)

    assert result.outcome == "duplicate"
    assert request.ready_by == moved_to


def test_answers_that_no_longer_apply_are_refused(place_paid, shop):
    order = place_paid([(shop.kurta, 1)])
    request = _request(order, shop.rukhsana)
    readiness_answer(request, 1, channel=AnswerChannel.SMS_LINK)

    assert readiness_answer(request, 1, channel=AnswerChannel.IVR).status == "ready"  # same
    with pytest.raises(FulfilmentError) as error:
        readiness_answer(request, 3, channel=AnswerChannel.IVR)
    assert error.value.code == "already_ready"
    with pytest.raises(FulfilmentError) as error:
        readiness_answer(request, 7, channel=AnswerChannel.IVR)
    assert error.value.code == "invalid_answer"


def test_a_mistaken_3_can_be_corrected(place_paid, shop):
    order = place_paid([(shop.kurta, 1)])
    request = _request(order, shop.rukhsana)
    readiness_answer(request, 3, channel=AnswerChannel.SMS_LINK)

    request = readiness_answer(request, 1, channel=AnswerChannel.SMS_LINK)

    assert request.status == ReadinessStatus.READY
    assert HelplineTask.objects.get(request=request).status == "done"


def test_the_date_cannot_move_beyond_the_limit(place_paid, shop, settings):
    settings.FULFILMENT = {"MAX_EXTRA_DAYS_TOTAL": 4}
    order = place_paid([(shop.kurta, 1)])
    request = _request(order, shop.rukhsana)
    first = request.ready_by

    request = readiness_answer(request, 2, channel=AnswerChannel.SMS_LINK)  # +3
    request = readiness_answer(request, 2, channel=AnswerChannel.SMS_LINK)  # capped at +4
    assert request.ready_by == first + timedelta(days=4)
    with pytest.raises(FulfilmentError) as error:
        readiness_answer(request, 2, channel=AnswerChannel.SMS_LINK)
    assert error.value.code == "date_not_later"
    with pytest.raises(FulfilmentError) as error:
        readiness_answer(
            request, 2, channel=AnswerChannel.SMS_LINK, new_date=first + timedelta(days=9)
        )
    assert error.value.code == "date_too_late"
