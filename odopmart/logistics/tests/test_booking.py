"""Booking a pickup with the operator-managed provider, the artisan's SMS, the manual flow
through to delivery and its roll-up into the order."""

from __future__ import annotations

from typing import Any

import pytest

from odopmart.logistics import messages
from odopmart.logistics.exceptions import ShipmentError
from odopmart.logistics.models import Shipment, ShipmentEvent
from odopmart.logistics.services import (
    shipment_book_attempt,
    shipment_book_for_ready_items,
    shipment_cancel,
    shipment_set_manual_status,
)
from odopmart.logistics.states import BookingState, EventKind
from odopmart.logistics.states import ShipmentStatus as S
from odopmart.logistics.tests.conftest import ARTISAN_PHONE, BUYER_PHONE
from odopmart.notifications.models import Notification
from odopmart.orders.states import SellerOrderStatus

pytestmark = pytest.mark.django_db


def test_booking_writes_the_shipment_and_books_after_commit(
    order: Any, django_capture_on_commit_callbacks: Any
) -> None:
    seller_order = order.seller_orders.get()
    item = seller_order.items.get()
    with django_capture_on_commit_callbacks() as callbacks:
        shipment = shipment_book_for_ready_items(seller_order, item.artisan)
    assert len(callbacks) == 1  # the booking task, queued only once the row is committed
    assert shipment.status == S.CREATED
    assert shipment.booking_state == BookingState.PENDING
    assert shipment.provider == "manual"
    assert [(line.item_id, line.quantity) for line in shipment.lines.all()] == [(item.pk, 2)]
    # 2 × 400 g of goods plus 100 g of packing; the boxes stacked: 30 × 20 × (2 × 5) cm.
    assert shipment.weight_grams == 900
    assert (shipment.length_cm, shipment.width_cm, shipment.height_cm) == (30, 20, 10)
    assert shipment.declared_value_paise == item.line_total_paise
    assert shipment.cod_amount_paise == 0
    assert shipment.pickup_pincode == item.pickup_pincode
    assert shipment.pickup_phone == ARTISAN_PHONE
    assert not Notification.objects.exists()


def test_attempt_schedules_pickup_stores_label_and_texts_the_artisan(booked: Shipment) -> None:
    assert booked.booking_state == BookingState.DONE
    assert booked.status == S.PICKUP_SCHEDULED
    assert booked.pickup_slot_start is not None
    assert booked.pickup_slot_end > booked.pickup_slot_start
    assert booked.label_file.name.endswith(".pdf")
    sms = Notification.objects.get(template=messages.PICKUP_ARTISAN)
    assert sms.channel == "sms"
    assert sms.recipient == ARTISAN_PHONE
    assert sms.language == "hi"  # the artisan's preferred language
    assert booked.seller_order.order.number in sms.body
    assert booked.reference in sms.body
    # Running the attempt again changes nothing and sends nothing more.
    assert shipment_book_attempt(shipment_id=booked.pk).booking_state == BookingState.DONE
    assert Notification.objects.filter(template=messages.PICKUP_ARTISAN).count() == 1


def test_nothing_ready_and_no_double_booking(order: Any, booked: Shipment) -> None:
    seller_order = order.seller_orders.get()
    with pytest.raises(ShipmentError) as error:
        shipment_book_for_ready_items(seller_order, booked.artisan)
    assert error.value.code == "nothing_ready"
    assert Shipment.objects.count() == 1


def test_cod_parcel_collects_items_and_shipping(make_order: Any) -> None:
    order = make_order(method="cod")
    seller_order = order.seller_orders.get()
    shipment = shipment_book_for_ready_items(seller_order, seller_order.items.first().artisan)
    assert shipment.cod_amount_paise == seller_order.items.get().line_total_paise + (
        seller_order.shipping_paise
    )


def test_manual_flow_to_delivery_rolls_up_and_tells_the_buyer(
    booked: Shipment, helpline_user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    shipment_set_manual_status(
        booked, None, actor=helpline_user, awb="dl123456789in", courier_name="India Post"
    )
    assert (booked.awb, booked.courier_name) == ("DL123456789IN", "India Post")
    assert not booked.label_file  # drawn again with the AWB when next downloaded

    shipment_set_manual_status(booked, S.PICKED_UP, actor=helpline_user, note="Collected")
    seller_order = booked.seller_order
    seller_order.refresh_from_db()
    assert seller_order.status == SellerOrderStatus.SHIPPED
    assert booked.picked_up_at is not None
    picked = Notification.objects.get(dedupe_key=f"shipment-{booked.pk}-buyer-picked_up-sms")
    assert picked.recipient == BUYER_PHONE
    assert "DL123456789IN" in picked.body
    assert Notification.objects.filter(
        dedupe_key=f"shipment-{booked.pk}-buyer-picked_up-email", recipient="asha@example.com"
    ).exists()

    shipment_set_manual_status(booked, S.IN_TRANSIT, actor=helpline_user)
    shipment_set_manual_status(booked, S.OUT_FOR_DELIVERY, actor=helpline_user)
    shipment_set_manual_status(booked, S.DELIVERED, actor=helpline_user)
    seller_order.refresh_from_db()
    assert seller_order.status == SellerOrderStatus.DELIVERED
    assert seller_order.order.status == "delivered"
    assert seller_order.items.get().delivered_at is not None
    templates = set(Notification.objects.values_list("template", flat=True))
    assert {
        messages.BUYER_PICKED_UP,
        messages.BUYER_OUT_FOR_DELIVERY,
        messages.BUYER_DELIVERED,
        messages.BUYER_DELIVERED + "_email",
    } <= templates
    moved = ShipmentEvent.objects.filter(shipment=booked, kind=EventKind.STATUS, applied=True)
    assert list(moved.values_list("to_status", flat=True)) == [
        S.PICKUP_SCHEDULED, S.PICKED_UP, S.IN_TRANSIT, S.OUT_FOR_DELIVERY, S.DELIVERED,
    ]  # fmt: skip
    assert moved.filter(actor=helpline_user).count() == 4


def test_manual_refuses_going_back_and_bad_awbs(
    booked: Shipment, make_order: Any, helpline_user: Any
) -> None:
    shipment_set_manual_status(booked, S.IN_TRANSIT, actor=helpline_user)
    with pytest.raises(ShipmentError) as error:
        shipment_set_manual_status(booked, S.PICKED_UP, actor=helpline_user)
    assert error.value.code == "transition_not_allowed"
    with pytest.raises(ShipmentError) as error:
        shipment_set_manual_status(booked, None, actor=helpline_user, awb="x!")
    assert error.value.code == "awb_invalid"
    booked.refresh_from_db()
    assert booked.status == S.IN_TRANSIT
    assert booked.awb == ""


def test_cancel_before_pickup_frees_the_items(
    order: Any, booked: Shipment, helpline_user: Any
) -> None:
    shipment_cancel(booked, actor=helpline_user, reason="Artisan away")
    assert booked.status == S.CANCELLED
    seller_order = order.seller_orders.get()
    again = shipment_book_for_ready_items(seller_order, booked.artisan)
    assert again.pk != booked.pk
    with pytest.raises(ShipmentError):
        shipment_cancel(booked, actor=helpline_user)


def test_no_mobile_number_is_flagged_for_a_person(
    make_order: Any, make_artisan: Any, make_product: Any, django_capture_on_commit_callbacks: Any
) -> None:
    artisan = make_artisan(phone="")
    from odopmart.logistics.tests.conftest import HSN

    order = make_order(products=[make_product(artisan=artisan, hsn_code=HSN, stock=5)])
    seller_order = order.seller_orders.get()
    shipment = shipment_book_for_ready_items(seller_order, artisan)
    shipment_book_attempt(shipment_id=shipment.pk)
    shipment.refresh_from_db()
    assert shipment.needs_attention
    assert not Notification.objects.filter(template=messages.PICKUP_ARTISAN).exists()
