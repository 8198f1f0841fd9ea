"""Who may see and act on which seller order: another vendor with the first vendor's ids gets
404 and nothing changes; an artisan sees only their own items."""

from __future__ import annotations

import pytest
from django.utils import timezone

from odopmart.orders import services as order_services
from odopmart.orders.models import OrderEvent, SellerOrder
from odopmart.orders.returns import return_request_create
from odopmart.sellercentre.tests.orders_fixtures import *  # noqa: F403

pytestmark = pytest.mark.django_db

LIST = "/seller/orders/"


@pytest.fixture
def world(make_vendor, make_artisan, make_product, make_member, make_user, make_order):
    vendor_a, vendor_b = make_vendor(), make_vendor()
    artisan_user = make_user()
    artisan = make_artisan(vendor=vendor_a, user=artisan_user)
    colleague = make_artisan(vendor=vendor_a)
    mine = make_product(artisan=artisan, name_en="Rukhsana's kurta", stock=5).variants.get()
    theirs = make_product(artisan=colleague, name_en="Colleague's stole", stock=5).variants.get()
    order = make_order(mine, theirs)
    seller_order = order.seller_orders.get()
    delivered = make_order(mine).seller_orders.get()
    for step in ("seller_order_accept", "seller_order_mark_ready", "seller_order_mark_shipped",
                 "seller_order_mark_delivered"):  # fmt: skip
        getattr(order_services, step)(delivered, actor=None)
    return_request = return_request_create(
        delivered.items.get(), actor=None, reason_code="other", now=timezone.now()
    )
    return {
        "vendor_a": vendor_a,
        "member_a": make_member(vendor_a),
        "member_b": make_member(vendor_b),
        "artisan_user": artisan_user,
        "seller_order": seller_order,
        "return_request": return_request,
    }


def _snapshot(seller_order: SellerOrder, return_request) -> tuple:
    seller_order.refresh_from_db()
    return_request.refresh_from_db()
    return (
        seller_order.status,
        tuple(seller_order.items.values_list("status", flat=True)),
        return_request.status,
        OrderEvent.objects.count(),
    )


def test_another_vendor_gets_404_everywhere_and_nothing_changes(client, world):
    seller_order, return_request = world["seller_order"], world["return_request"]
    before = _snapshot(seller_order, return_request)
    client.force_login(world["member_b"])
    so, rr = seller_order.pk, return_request.pk

    responses = [
        client.get(f"{LIST}{so}/"),
        client.post(f"{LIST}{so}/accept/"),
        client.post(f"{LIST}{so}/ready/"),
        client.post(f"{LIST}{so}/shipped/"),
        client.post(f"{LIST}{so}/delivered/"),
        client.get(f"{LIST}{so}/cancel/"),
        client.post(f"{LIST}{so}/cancel/", {"reason": "out_of_stock"}),
        client.get(f"{LIST}returns/{rr}/"),
        client.post(f"{LIST}returns/{rr}/", {"decision": "approve"}),
        client.post(f"{LIST}returns/{rr}/received/"),
    ]

    assert [r.status_code for r in responses] == [404] * len(responses)
    assert _snapshot(seller_order, return_request) == before
    listed = client.get(LIST)
    assert list(listed.context["page"].object_list) == []
    assert list(client.get(f"{LIST}returns/").context["page"].object_list) == []


def test_the_owning_vendor_sees_them(client, world):
    client.force_login(world["member_a"])

    assert client.get(f"{LIST}{world['seller_order'].pk}/").status_code == 200
    assert client.get(f"{LIST}returns/{world['return_request'].pk}/").status_code == 200


def test_an_artisan_sees_only_their_own_items(client, world):
    client.force_login(world["artisan_user"])

    home = client.get("/seller/me/")
    assert home.status_code == 200
    names = [item.name_en for item in home.context["to_keep_ready"]]
    assert names == ["Rukhsana's kurta"]
    page = home.content.decode()
    assert "Rukhsana&#x27;s kurta" in page or "Rukhsana's kurta" in page
    assert "Colleague" not in page

    # The vendor's order pages are not theirs.
    assert client.get(f"{LIST}{world['seller_order'].pk}/").status_code == 404
    assert client.post(f"{LIST}{world['seller_order'].pk}/accept/").status_code == 404
    assert client.get(f"{LIST}returns/{world['return_request'].pk}/").status_code == 404
    world["seller_order"].refresh_from_db()
    assert world["seller_order"].status == "placed"


def test_orders_awaiting_payment_are_not_shown(client, world, make_product, make_artisan):
    from odopmart.orders.cart import cart_add
    from odopmart.orders.models import Cart
    from odopmart.orders.services import place_order
    from odopmart.sellercentre.tests.orders_fixtures import ADDRESS

    variant = make_product(artisan=make_artisan(vendor=world["vendor_a"])).variants.get()
    cart = Cart.objects.create()
    cart_add(cart, variant.pk, 1)
    pending = place_order(
        cart=cart, buyer=None, phone="+919870099999", email="", address=ADDRESS,
        payment_method="online",
    )  # fmt: skip
    client.force_login(world["member_a"])

    listed = client.get(LIST).context["page"].object_list
    assert pending.pk not in {so.order_id for so in listed}
    assert client.get(f"{LIST}{pending.seller_orders.get().pk}/").status_code == 404
