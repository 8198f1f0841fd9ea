"""Seller-centre order pages: the vendor's list, one order with its actions, returns."""

from __future__ import annotations

from html import unescape

import pytest
from django.utils import timezone

from odopmart.orders import services as order_services
from odopmart.orders.models import OrderEvent, ReturnRequest, SellerOrder
from odopmart.orders.returns import return_request_create
from odopmart.sellercentre.tests.orders_fixtures import *  # noqa: F403

pytestmark = pytest.mark.django_db

LIST = "/seller/orders/"


@pytest.fixture
def vendor(make_vendor):
    return make_vendor()


@pytest.fixture
def member(client, vendor, make_member):
    client.force_login(make_member(vendor))
    client.user = vendor.memberships.get().user
    return client


@pytest.fixture
def variant(vendor, make_artisan, make_product):
    artisan = make_artisan(vendor=vendor, address_line="House 7, Chowk")
    return make_product(artisan=artisan, price_paise=249900, stock=10).variants.get()


@pytest.fixture
def seller_order(make_order, variant):
    order = make_order(variant)
    return order.seller_orders.get()


def _page(response) -> str:
    return unescape(response.content.decode())


def test_list_shows_the_vendors_orders_with_counts(
    member, vendor, variant, make_order, make_product, django_assert_max_num_queries
):
    orders = [make_order(variant) for _ in range(3)]
    make_order(make_product(stock=3).variants.get())  # another vendor's

    with django_assert_max_num_queries(16):
        response = member.get(LIST)

    assert response.status_code == 200
    listed = list(response.context["page"].object_list)
    assert {so.order_id for so in listed} == {order.pk for order in orders}
    page = _page(response)
    for order in orders:
        assert order.seller_orders.get().number in page
    assert "Lucknow 226010" in page
    assert "Asha Verma" not in page
    assert "Gomti Nagar" not in page
    assert {value: count for value, _label, count in response.context["counts"]}["placed"] == 3


def test_list_query_count_does_not_grow_with_orders(
    member, variant, make_order, django_assert_max_num_queries
):
    for _ in range(2):
        make_order(variant)
    with django_assert_max_num_queries(16) as few:
        member.get(LIST)
    for _ in range(6):
        make_order(variant)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = member.get(LIST)
    assert len(response.context["page"].object_list) == 8


def test_filter_by_status_and_search_by_number(member, variant, make_order):
    first, second = make_order(variant), make_order(variant)
    accepted = first.seller_orders.get()
    order_services.seller_order_accept(accepted, actor=None)

    by_status = member.get(LIST, {"status": "confirmed"})
    by_number = member.get(LIST, {"q": second.number[-6:]})
    nonsense = member.get(LIST, {"status": "bogus", "page": "x"})

    assert [so.pk for so in by_status.context["page"].object_list] == [accepted.pk]
    assert [so.order_id for so in by_number.context["page"].object_list] == [second.pk]
    assert nonsense.status_code == 200
    assert len(nonsense.context["page"].object_list) == 2


def test_detail_shows_items_pickup_totals_and_history(member, seller_order):
    response = member.get(f"{LIST}{seller_order.pk}/")

    assert response.status_code == 200
    page = _page(response)
    item = seller_order.items.get()
    assert seller_order.number in page
    assert item.sku in page
    assert "House 7, Chowk" in page
    assert "₹2,499" in page
    assert "CGST" in page
    assert "SGST" in page
    assert "Lucknow" in page
    assert "226010" in page
    assert "Asha Verma" not in page
    assert "14 Gomti Nagar" not in page
    assert order_phone_hidden(page, seller_order)
    assert response.context["actions"] == ["accept"]


def order_phone_hidden(page: str, seller_order: SellerOrder) -> bool:
    return seller_order.order.phone not in page


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("accept", "confirmed"),
        ("ready", "ready"),
        ("shipped", "shipped"),
        ("delivered", "delivered"),
    ],
)
def test_actions_move_the_order_on_and_write_events(member, seller_order, action, status):
    steps = ["accept", "ready", "shipped", "delivered"]
    for step in steps[: steps.index(action)]:
        assert member.post(f"{LIST}{seller_order.pk}/{step}/").status_code == 302

    response = member.post(f"{LIST}{seller_order.pk}/{action}/")

    assert response.status_code == 302
    assert response["Location"] == f"{LIST}{seller_order.pk}/"
    seller_order.refresh_from_db()
    assert seller_order.status == status
    event = OrderEvent.objects.filter(seller_order=seller_order).latest("at", "pk")
    assert (event.to_status, event.actor_id) == (status, member.user.pk)


def test_an_action_out_of_turn_changes_nothing(member, seller_order):
    response = member.post(f"{LIST}{seller_order.pk}/delivered/", follow=True)

    assert response.status_code == 200
    seller_order.refresh_from_db()
    assert seller_order.status == "placed"
    assert [str(m) for m in response.context["messages"]]


def test_actions_need_post_and_a_known_word(member, seller_order):
    assert member.get(f"{LIST}{seller_order.pk}/accept/").status_code == 405
    assert member.post(f"{LIST}{seller_order.pk}/explode/").status_code == 404
    seller_order.refresh_from_db()
    assert seller_order.status == "placed"


def test_cancel_with_a_reason(member, seller_order, variant):
    url = f"{LIST}{seller_order.pk}/cancel/"
    assert member.get(url).status_code == 200

    missing = member.post(url, {"reason": "other", "note": ""})
    assert missing.status_code == 400
    seller_order.refresh_from_db()
    assert seller_order.status == "placed"

    response = member.post(url, {"reason": "out_of_stock", "note": "Loom broke"})

    assert response.status_code == 302
    seller_order.refresh_from_db()
    assert seller_order.status == "cancelled"
    assert "Loom broke" in seller_order.cancel_reason
    variant.refresh_from_db()
    assert variant.stock == 10


def _delivered_with_return(seller_order):
    for step in ("seller_order_accept", "seller_order_mark_ready", "seller_order_mark_shipped",
                 "seller_order_mark_delivered"):  # fmt: skip
        getattr(order_services, step)(seller_order, actor=None)
    item = seller_order.items.get()
    return return_request_create(
        item,
        actor=None,
        reason_code="not_as_described",
        details="Colour differs",
        now=timezone.now(),
    )


def test_returns_queue_decide_and_receive(member, seller_order):
    return_request = _delivered_with_return(seller_order)

    queue = member.get(f"{LIST}returns/")
    assert queue.status_code == 200
    assert [rr.pk for rr in queue.context["page"].object_list] == [return_request.pk]
    assert "Not as described" in _page(queue)

    url = f"{LIST}returns/{return_request.pk}/"
    page = member.get(url)
    assert page.status_code == 200
    assert "Colour differs" in _page(page)

    no_note = member.post(url, {"decision": "reject", "note": ""})
    assert no_note.status_code == 400
    return_request.refresh_from_db()
    assert return_request.status == "requested"

    approved = member.post(url, {"decision": "approve", "note": ""})
    assert approved.status_code == 302
    return_request.refresh_from_db()
    assert return_request.status == "approved"

    received = member.post(f"{url}received/")
    assert received.status_code == 302
    return_request.refresh_from_db()
    assert return_request.status == "refunded"
    item = return_request.item
    item.refresh_from_db()
    assert item.status == "refunded"


def test_a_moderator_decides_returns_of_any_vendor(client, moderator, seller_order):
    return_request = _delivered_with_return(seller_order)
    client.force_login(moderator)

    assert client.get(f"{LIST}returns/").status_code == 200
    response = client.post(
        f"{LIST}returns/{return_request.pk}/", {"decision": "reject", "note": "Worn already"}
    )

    assert response.status_code == 302
    return_request.refresh_from_db()
    assert (return_request.status, return_request.decided_by) == ("rejected", moderator)


def test_dashboard_counts_orders_awaiting_action(member, vendor, variant, make_order):
    for _ in range(2):
        make_order(variant)

    response = member.get("/seller/")

    assert response.context["vendor_panels"][0]["orders"] == {"orders": 2, "returns": 0}
    assert f'href="/seller/orders/?vendor={vendor.pk}"' in response.content.decode()


def test_pages_in_hindi(member, seller_order):
    response = member.get(f"/hi{LIST}{seller_order.pk}/")

    assert response.status_code == 200
    assert "ऑर्डर" in _page(response)


def test_visitors_are_sent_to_sign_in(client, seller_order):
    response = client.get(LIST)

    assert response.status_code == 302
    assert not ReturnRequest.objects.exists()


def test_vendor_answers_for_the_artisan_from_the_order_page(member, seller_order):
    """The artisan's three answers are on the vendor's order page too (for artisans who call
    the vendor rather than press a key); answering marks the items ready."""
    from odopmart.core.outbox import outbox_dispatch_due
    from odopmart.fulfilment.models import ReadinessRequest

    outbox_dispatch_due()  # the order's confirmation asks the artisan
    readiness = ReadinessRequest.objects.get(seller_order=seller_order)
    page = _page(member.get(f"{LIST}{seller_order.pk}/"))
    action = f"/seller/helpline/readiness/{readiness.pk}/answer/"
    assert action in page

    member.post(action, {"answer": "1", "next": f"{LIST}{seller_order.pk}/"})
    readiness.refresh_from_db()
    assert readiness.status == "ready"
    assert set(seller_order.items.values_list("status", flat=True)) == {"ready"}
