"""Reassignment to another artisan of the same vendor with the same ODOP product (else refused
with a clear error), and cancellation through the orders service."""

from __future__ import annotations

import pytest
from django.urls import reverse

from odopmart.fulfilment.exceptions import FulfilmentError
from odopmart.fulfilment.models import HelplineTask, ReadinessRequest
from odopmart.fulfilment.services import readiness_answer, readiness_cancel, readiness_reassign
from odopmart.fulfilment.states import AnswerChannel, ReadinessStatus
from odopmart.notifications.models import Notification
from odopmart.orders.models import OrderEvent
from odopmart.orders.states import ItemStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def cannot(place_paid, shop) -> ReadinessRequest:
    order = place_paid([(shop.kurta, 2), (shop.cushion, 1)])
    request = ReadinessRequest.objects.get(order=order, artisan=shop.rukhsana)
    return readiness_answer(request, 3, channel=AnswerChannel.IVR)


def test_reassign_moves_the_items_and_asks_the_new_artisan(cannot, shop, make_user):
    vendor_user = make_user("owner", vendor=shop.vendor)

    new = readiness_reassign(cannot, shop.spare, actor=vendor_user, reason="Rukhsana is unwell")

    cannot.refresh_from_db()
    assert (cannot.status, cannot.resolution) == (ReadinessStatus.RESOLVED, "reassigned")
    assert cannot.reassigned_to == new
    assert HelplineTask.objects.get(request=cannot).status == "done"
    assert new.artisan == shop.spare
    assert new.status == ReadinessStatus.ASKED
    item = new.items.get()
    assert item.artisan == shop.spare
    assert item.pickup_pincode == shop.spare.pincode
    assert shop.spare.town in item.pickup_address
    event = OrderEvent.objects.get(item=item, reason__startswith="Rukhsana is unwell")
    assert event.actor == vendor_user
    keys = set(Notification.objects.filter(dedupe_key__startswith=f"readiness:{new.pk}:")
               .values_list("dedupe_key", flat=True))  # fmt: skip
    assert keys == {f"readiness:{new.pk}:sms", f"readiness:{new.pk}:call:1"}


@pytest.mark.parametrize(
    ("target", "code"),
    [("stranger", "other_vendor"), ("imran", "other_product"), ("rukhsana", "same_artisan")],
)
def test_reassign_refused_with_a_clear_error(cannot, shop, make_user, target, code):
    if target == "imran":
        # Imran makes another product of the vendor; he is in the order too, so ask for both.
        shop.imran.odop_products.clear()
    with pytest.raises(FulfilmentError) as error:
        readiness_reassign(cannot, getattr(shop, target), actor=None, reason="x")

    assert error.value.code in (code, "artisan_busy")
    assert str(error.value)
    cannot.refresh_from_db()
    assert cannot.status == ReadinessStatus.CANNOT_MAKE
    assert set(cannot.items.values_list("artisan_id", flat=True)) == {shop.rukhsana.pk}


def test_reassign_refused_for_another_odop_product(place_paid, shop, make_artisan, make_product):
    weaver = make_artisan(vendor=shop.vendor, phone="9876500009")
    make_product(artisan=weaver, district_slug="varanasi")  # a different district's ODOP product
    order = place_paid([(shop.kurta, 1)])
    request = ReadinessRequest.objects.get(order=order)

    with pytest.raises(FulfilmentError) as error:
        readiness_reassign(request, weaver, actor=None, reason="x")
    assert error.value.code == "other_product"


def test_cancel_refunds_through_the_orders_service(cannot, shop, make_user):
    vendor_user = make_user("owner-2", vendor=shop.vendor)

    readiness_cancel(cannot, actor=vendor_user, reason="Cannot be made in time")

    cannot.refresh_from_db()
    assert (cannot.status, cannot.resolution) == (ReadinessStatus.RESOLVED, "cancelled")
    assert set(cannot.items.values_list("status", flat=True)) == {ItemStatus.CANCELLED}
    other = ReadinessRequest.objects.get(order=cannot.order, artisan=shop.imran)
    assert other.status == ReadinessStatus.ASKED  # Imran's item is untouched


def test_vendor_reassigns_from_the_page(client, cannot, shop, make_user):
    client.force_login(make_user("owner-3", vendor=shop.vendor))
    url = reverse("fulfilment:readiness_reassign", args=[cannot.pk])

    response = client.post(url, {"artisan": shop.spare.pk, "reason": "Unwell"})

    assert response.status_code == 302
    cannot.refresh_from_db()
    assert cannot.status == ReadinessStatus.RESOLVED
    refused = client.post(url, {"artisan": shop.stranger.pk, "reason": "x"})
    assert refused.status_code == 302  # back to the page with the error shown


def test_buyer_cancelling_closes_the_request(place_paid, shop, buyer,
                                             django_capture_on_commit_callbacks):  # fmt: skip
    from odopmart.orders.services import order_cancel

    order = place_paid([(shop.kurta, 1)])
    with django_capture_on_commit_callbacks(execute=True):
        order_cancel(order, actor=buyer, reason="Changed my mind")

    request = ReadinessRequest.objects.get(order=order)
    assert (request.status, request.resolution) == (ReadinessStatus.RESOLVED, "cancelled")
