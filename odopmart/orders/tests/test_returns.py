"""Returns: window, photos, decisions and the refund on receipt."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from odopmart.core.models import OutboxEvent
from odopmart.orders.exceptions import OrderError
from odopmart.orders.models import OrderItem, ReturnPhoto
from odopmart.orders.services import (
    return_request_create,
    return_request_decide,
    return_request_receive,
    seller_order_accept,
    seller_order_mark_delivered,
    seller_order_mark_shipped,
)
from odopmart.orders.states import ItemStatus, ReturnStatus
from odopmart.orders.tests.helpers import pay

pytestmark = pytest.mark.django_db


def photo(size=(640, 480), fmt="JPEG", name="damage.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(buffer, fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def delivered(make_product, cart_with, place, buyer):
    def make(price_paise=50000, **product_kwargs):
        product = make_product(price_paise=price_paise, **product_kwargs)
        order = pay(place(cart_with((product, 1), user=buyer), buyer=buyer))
        seller_order = order.seller_orders.get()
        for step in (seller_order_accept, seller_order_mark_shipped, seller_order_mark_delivered):
            step(seller_order, actor=None)
        return order.items.get()

    return make


def _code(call, *args, **kwargs):
    with pytest.raises(OrderError) as raised:
        call(*args, **kwargs)
    return raised.value.code


def test_return_with_photos_approved_received_and_refunded(delivered, buyer):
    from odopmart.payments.models import Refund

    item = delivered(price_paise=50000)
    request = return_request_create(
        item, actor=buyer, reason_code="damaged", details="Cracked", photos=[photo(), photo()]
    )
    item.refresh_from_db()
    assert item.status == ItemStatus.RETURN_REQUESTED
    stored = ReturnPhoto.objects.filter(return_request=request)
    assert stored.count() == 2
    assert all(p.image.name.endswith(".webp") for p in stored)
    assert OutboxEvent.objects.filter(topic="return.requested").count() == 1

    return_request_decide(request, actor=None, approve=True, note="")
    request.refresh_from_db()
    assert request.status == ReturnStatus.APPROVED
    assert _code(return_request_decide, request, actor=None, approve=False, note="x") == (
        "already_decided"
    )

    return_request_receive(request, actor=None)
    request.refresh_from_db()
    item.refresh_from_db()
    assert request.status == ReturnStatus.REFUNDED
    assert request.refund_paise == 50000
    assert item.status == ItemStatus.REFUNDED
    assert item.refunded_paise == 50000
    refund = Refund.objects.get(return_request=request)
    assert (refund.amount_paise, refund.item_id) == (50000, item.pk)
    item.order.refresh_from_db()
    assert item.order.refunded_total_paise == 50000


def test_rejection_needs_a_note_and_puts_the_item_back(delivered, buyer):
    item = delivered()
    request = return_request_create(item, actor=buyer, reason_code="size_fit", details="")
    assert _code(return_request_decide, request, actor=None, approve=False, note="") == (
        "note_required"
    )
    return_request_decide(request, actor=None, approve=False, note="Worn and washed")
    item.refresh_from_db()
    request.refresh_from_db()
    assert (request.status, item.status) == (ReturnStatus.REJECTED, ItemStatus.DELIVERED)
    assert _code(return_request_receive, request, actor=None) == "not_approved"


def test_return_window_is_the_categorys(delivered, buyer):
    item = delivered()
    days = item.return_window_days
    late = item.delivered_at + timedelta(days=days, minutes=1)
    assert (
        _code(return_request_create, item, actor=buyer, reason_code="other", now=late)
        == "return_window_closed"
    )
    in_time = item.delivered_at + timedelta(days=days, minutes=-1)
    assert return_request_create(item, actor=buyer, reason_code="other", now=in_time)


def test_only_delivered_items_can_be_returned(make_product, cart_with, place, buyer):
    order = pay(place(cart_with((make_product(), 1), user=buyer), buyer=buyer))
    assert (
        _code(return_request_create, order.items.get(), actor=buyer, reason_code="other")
        == "not_returnable"
    )


@pytest.mark.parametrize(
    ("photos", "code"),
    [
        ([], "photo_required"),
        ([SimpleUploadedFile("x.jpg", b"not an image")], "photo_invalid"),
        ([photo(size=(50, 50))], "photo_too_small"),
        ([photo(fmt="GIF", name="x.gif")], "photo_invalid"),
        ([photo()] * 6, "too_many_photos"),
    ],
)
def test_bad_photos_are_refused_with_nothing_written(delivered, buyer, photos, code):
    item = delivered()
    assert (
        _code(return_request_create, item, actor=buyer, reason_code="damaged", photos=photos)
        == code
    )
    assert not item.return_requests.exists()
    assert OrderItem.objects.get(pk=item.pk).status == ItemStatus.DELIVERED


def test_bad_reason_and_other_buyers_are_refused(delivered, buyer, other_buyer):
    item = delivered()
    assert _code(return_request_create, item, actor=buyer, reason_code="nope") == "reason_invalid"
    assert _code(return_request_create, item, actor=other_buyer, reason_code="other") == (
        "not_allowed"
    )


def test_delivered_at_is_set_when_delivered(delivered):
    item = delivered()
    assert item.delivered_at is not None
    assert item.delivered_at <= timezone.now()
