from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.http import Http404

from odopmart.accounts.models import StaffRole, StaffRoleGrant
from odopmart.orders.access import (
    order_for_buyer,
    seller_order_for_user,
    seller_orders_for_user,
)
from odopmart.orders.tests.helpers import pay
from odopmart.sellers.models import VendorMembership

pytestmark = pytest.mark.django_db


def _user(name):
    return get_user_model().objects.create_user(username=name, password="pw-long-enough-1")


def test_buyer_sees_own_order_only(make_product, cart_with, place, buyer, other_buyer):
    order = place(cart_with((make_product(), 1), user=buyer), buyer=buyer)
    assert order_for_buyer(buyer, order.number) == order
    assert order_for_buyer(buyer, order.pk) == order
    for who, ref in ((other_buyer, order.number), (other_buyer, order.pk), (None, order.number)):
        with pytest.raises(Http404):
            order_for_buyer(who, ref)


def test_guest_needs_the_access_token(make_product, cart_with, place):
    from django.contrib.auth.models import AnonymousUser

    order = place(cart_with((make_product(), 1)))
    assert order_for_buyer(AnonymousUser(), order.number, access_token=order.access_token) == order
    for token in ("wrong", "00000000-0000-0000-0000-000000000000", None):
        with pytest.raises(Http404):
            order_for_buyer(AnonymousUser(), order.number, access_token=token)


def test_vendor_sees_its_placed_seller_orders_only(make_product, cart_with, place):
    a, b = make_product(), make_product()
    order = place(cart_with((a, 1), (b, 1)))
    member = _user("member")
    VendorMembership.objects.create(user=member, vendor=a.vendor, role="owner")
    # Not placed yet: vendors do not see orders waiting for payment.
    assert not seller_orders_for_user(member).exists()
    pay(order)
    mine = order.seller_orders.get(vendor=a.vendor)
    theirs = order.seller_orders.get(vendor=b.vendor)
    assert list(seller_orders_for_user(member)) == [mine]
    assert seller_order_for_user(member, mine.pk) == mine
    for ref in (theirs.pk, "x", None):
        with pytest.raises(Http404):
            seller_order_for_user(member, ref)
    with pytest.raises(Http404):
        seller_order_for_user(_user("nobody"), mine.pk)


def test_moderators_see_all_seller_orders(make_product, cart_with, place):
    order = pay(place(cart_with((make_product(), 1), (make_product(), 1))))
    moderator = _user("mod")
    StaffRoleGrant.objects.create(user=moderator, role=StaffRole.MODERATOR)
    assert set(seller_orders_for_user(moderator)) == set(order.seller_orders.all())
