from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from odopmart.catalog.models import ProductStatus, Variant
from odopmart.orders.cart import (
    CART_SESSION_KEY,
    cart_add,
    cart_by_token,
    cart_count,
    cart_for_user,
    cart_merge,
    cart_remove,
    cart_review,
    cart_save_for_later,
    cart_set_quantity,
)
from odopmart.orders.exceptions import OrderError
from odopmart.orders.models import Cart, CartLine

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _max_five(settings):
    settings.ORDERS = {"MAX_LINE_QUANTITY": 5}


def _code(call, *args):
    with pytest.raises(OrderError) as raised:
        call(*args)
    return raised.value.code


def test_add_adds_up_and_is_bounded_by_stock_and_maximum(make_product):
    cart = Cart.objects.create()
    low = make_product(stock=3).variants.get()
    many = make_product(stock=50).variants.get()
    cart_add(cart, low.pk, 2)
    assert _code(cart_add, cart, low.pk, 2) == "insufficient_stock"
    assert cart.lines.get(variant=low).quantity == 2
    cart_add(cart, low.pk, 1)
    assert cart.lines.get(variant=low).quantity == 3
    assert _code(cart_add, cart, many.pk, 6) == "quantity_limit"
    cart_add(cart, many.pk, "5")
    assert cart_count(cart) == 8


@pytest.mark.parametrize("bad", [0, -1, "1.5", "abc", None, 2.0, True, "9999999"])
def test_bad_quantities_are_refused(make_product, bad):
    cart = Cart.objects.create()
    variant = make_product().variants.get()
    assert _code(cart_add, cart, variant.pk, bad) in {"invalid_quantity", "quantity_limit"}
    assert not cart.lines.exists()


def test_unknown_or_hidden_variants_are_refused(make_product):
    cart = Cart.objects.create()
    assert _code(cart_add, cart, 999999, 1) == "unavailable"
    assert _code(cart_add, cart, "x", 1) == "unavailable"
    product = make_product(status=ProductStatus.DRAFT)
    assert _code(cart_add, cart, product.variants.get().pk, 1) == "unavailable"


def test_set_quantity_and_remove(make_product):
    cart = Cart.objects.create()
    variant = make_product(stock=4).variants.get()
    cart_add(cart, variant.pk, 1)
    cart_set_quantity(cart, variant.pk, 4)
    assert cart_count(cart) == 4
    assert _code(cart_set_quantity, cart, variant.pk, 5) == "insufficient_stock"
    assert cart_set_quantity(cart, variant.pk, 0) is None
    assert not cart.lines.exists()
    assert cart_remove(cart, variant.pk) is False


def test_saved_for_later_is_kept_but_not_bought(make_product):
    cart = Cart.objects.create()
    kept = make_product().variants.get()
    bought = make_product().variants.get()
    cart_add(cart, kept.pk, 2)
    cart_add(cart, bought.pk, 1)
    cart_save_for_later(cart, kept.pk, True)
    review = cart_review(cart)
    assert [line.variant.pk for line in review.purchasable] == [bought.pk]
    assert [line.variant.pk for line in review.saved] == [kept.pk]
    assert cart_count(cart) == 1
    cart_save_for_later(cart, kept.pk, False)
    assert cart_count(cart) == 3


def test_review_points_out_price_changes_and_stock(make_product):
    cart = Cart.objects.create()
    pricey = make_product(price_paise=100000, stock=5).variants.get()
    gone = make_product(stock=2).variants.get()
    cart_add(cart, pricey.pk, 1)
    cart_add(cart, gone.pk, 2)
    Variant.objects.filter(pk=pricey.pk).update(price_paise=90000)
    Variant.objects.filter(pk=gone.pk).update(stock=1)

    review = cart_review(cart)
    by_variant = {line.variant.pk: line for line in review.lines}
    assert by_variant[pricey.pk].price_changed
    assert (by_variant[pricey.pk].price_seen_paise, by_variant[pricey.pk].price_paise) == (
        100000,
        90000,
    )
    assert by_variant[gone.pk].problem == "insufficient_stock"
    assert by_variant[gone.pk].available == 1
    assert [line.variant.pk for line in review.purchasable] == [pricey.pk]
    assert review.subtotal_paise == 90000


def test_merge_adds_up_within_bounds_and_deletes_the_guest_cart(make_product, buyer):
    variant = make_product(stock=4).variants.get()
    other = make_product().variants.get()
    guest = Cart.objects.create()
    mine = cart_for_user(buyer)
    cart_add(guest, variant.pk, 3)
    cart_add(guest, other.pk, 1)
    cart_add(mine, variant.pk, 2)
    cart_merge(guest, mine)
    assert dict(mine.lines.values_list("variant_id", "quantity")) == {variant.pk: 4, other.pk: 1}
    assert not Cart.objects.filter(pk=guest.pk).exists()


def test_guest_cart_follows_the_buyer_through_sign_in(make_product):
    user = get_user_model().objects.create_user(username="signer", password="pw-long-enough-1")
    variant = make_product().variants.get()
    client = Client()
    client.get("/")  # start a session
    session = client.session
    guest = Cart.objects.create()
    session[CART_SESSION_KEY] = guest.pk
    session.save()
    cart_add(guest, variant.pk, 2)

    client.login(username="signer", password="pw-long-enough-1")

    assert CartLine.objects.get(cart__user=user).quantity == 2
    assert not Cart.objects.filter(pk=guest.pk).exists()


def test_token_finds_only_guest_carts(buyer):
    guest = Cart.objects.create()
    assert cart_by_token(str(guest.token)) == guest
    assert cart_by_token(cart_for_user(buyer).token) is None
    assert cart_by_token("not-a-uuid") is None
