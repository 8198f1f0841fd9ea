"""The cart page: guests and signed-in buyers, the merge at sign-in, bounds and notices."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from odopmart.catalog.models import Product, ProductStatus, Variant
from odopmart.orders.cart import cart_for_user
from odopmart.orders.models import CartLine
from odopmart.storefront.tests.buying_helpers import add, variant_of

pytestmark = pytest.mark.django_db


def lines() -> list[tuple[int, int, bool]]:
    return list(CartLine.objects.values_list("variant_id", "quantity", "saved_for_later"))


def test_guest_adds_two_products_and_sees_them_with_the_subtotal(client: Client, make_product):
    tray = make_product(name_en="Marble tray", price_paise=419900, stock=5)
    shoes = make_product(name_en="Oxford shoes", price_paise=349900, stock=5)
    assert add(client, tray, 2)["Location"] == "/cart/"
    add(client, shoes)

    page = client.get("/cart/")
    html = page.content.decode()
    assert "Marble tray" in html
    assert "Oxford shoes" in html
    assert "₹11,897" in html  # 2 × 4,199 + 3,499
    assert page.context["item_count"] == 3
    assert 'class="cart-count">3<' in html  # the header badge
    assert tray.vendor.name in html  # sold by, per line


def test_hindi_cart(client: Client, make_product):
    add(client, make_product(name_hi="लाख की डिबिया"))
    html = client.get("/hi/cart/").content.decode()
    assert "आपकी कार्ट" in html
    assert "लाख की डिबिया" in html
    assert "चेकआउट" in html


def test_empty_cart_for_a_new_visitor_costs_no_cart(client: Client, reference_data):
    page = client.get("/cart/")
    assert page.status_code == 200
    assert "Your cart is empty." in page.content.decode()
    assert not CartLine.objects.exists()


@pytest.mark.parametrize("quantity", ["-1", "0", "1000000", "abc", "2.5", ""])
def test_bad_quantities_are_refused_with_a_message(client: Client, make_product, quantity):
    product = make_product(stock=5)
    response = add(client, product, quantity)
    assert response.status_code == 302
    assert lines() == []
    assert client.get("/cart/").context["messages"]


def test_more_than_stock_is_refused(client: Client, make_product):
    product = make_product(stock=2)
    add(client, product, 3)
    assert lines() == []
    assert "Only 2 left" in str(list(client.get("/cart/").context["messages"])[0])


def test_a_tampered_price_is_ignored(client: Client, make_product):
    product = make_product(price_paise=249900)
    add(client, product, 1, price_paise=100, unit_price="1.00")
    assert CartLine.objects.get().price_seen_paise == 249900
    assert "₹2,499" in client.get("/cart/").content.decode()


def test_unknown_or_unsellable_variants_are_refused(client: Client, make_product):
    client.post("/cart/add/", {"variant": 999999, "quantity": 1})
    hidden = make_product(status=ProductStatus.DRAFT)
    add(client, hidden)
    assert lines() == []
    assert client.get("/cart/").status_code == 200


def test_add_from_another_site_is_refused(client: Client, make_product):
    product = make_product()
    response = client.post(
        "/cart/add/",
        {"variant": variant_of(product).pk, "quantity": 1},
        HTTP_ORIGIN="https://evil.example",
    )
    assert response.status_code == 403
    assert lines() == []


def test_plus_and_minus_stay_within_stock(client: Client, make_product):
    product = make_product(stock=2)
    variant = variant_of(product)
    add(client, product, 1)
    client.post("/cart/update/", {"variant": variant.pk, "action": "increase"})
    client.post("/cart/update/", {"variant": variant.pk, "action": "increase"})  # a third: no
    assert lines() == [(variant.pk, 2, False)]
    page = client.get("/cart/")
    assert not page.context["rows"][0].can_increase
    client.post("/cart/update/", {"variant": variant.pk, "action": "decrease"})
    client.post("/cart/update/", {"variant": variant.pk, "action": "decrease"})  # to 0: removed
    assert lines() == []


@pytest.mark.parametrize("quantity", ["-3", "99999999", "x"])
def test_setting_a_bad_quantity_changes_nothing(client: Client, make_product, quantity):
    product = make_product(stock=5)
    add(client, product, 2)
    variant = variant_of(product)
    response = client.post(
        "/cart/update/", {"variant": variant.pk, "action": "set", "quantity": quantity}
    )
    assert response.status_code == 302
    assert lines() == [(variant.pk, 2, False)]


def test_save_for_later_move_back_and_remove(client: Client, make_product):
    product = make_product(name_en="Brass lamp")
    variant = variant_of(product)
    add(client, product)
    client.post("/cart/update/", {"variant": variant.pk, "action": "save"})
    page = client.get("/cart/")
    assert lines() == [(variant.pk, 1, True)]
    assert page.context["rows"] == []
    assert len(page.context["saved_rows"]) == 1
    assert 'class="cart-count zero">0<' in page.content.decode()
    client.post("/cart/update/", {"variant": variant.pk, "action": "move"})
    assert lines() == [(variant.pk, 1, False)]
    client.post("/cart/update/", {"variant": variant.pk, "action": "remove"})
    assert lines() == []


def test_someone_elses_line_cannot_be_touched(client: Client, make_product):
    product = make_product()
    other = Client()
    add(other, product, 1)
    response = client.post("/cart/update/", {"variant": variant_of(product).pk, "action": "remove"})
    assert response.status_code == 302
    assert len(lines()) == 1


def test_notices_price_changed_only_n_left_and_no_longer_available(client: Client, make_product):
    dearer = make_product(name_en="Carpet", price_paise=500000, stock=5)
    scarce = make_product(name_en="Saree", stock=5)
    gone = make_product(name_en="Shawl", stock=5)
    add(client, dearer)
    add(client, scarce, 3)
    add(client, gone)
    Variant.objects.filter(pk=variant_of(dearer).pk).update(price_paise=550000, mrp_paise=600000)
    Variant.objects.filter(pk=variant_of(scarce).pk).update(stock=1)
    Product.objects.filter(pk=gone.pk).update(status=ProductStatus.ARCHIVED)

    page = client.get("/cart/")
    html = page.content.decode()
    assert "Price changed: was ₹5,000, now ₹5,500" in html
    assert "Only 1 left of this item." in html
    assert "Buy 1 instead" in html
    assert "This item is no longer available." in html
    assert page.context["subtotal_paise"] == 550000  # only what can be bought
    assert page.context["left_out"] == 2

    # Buying what is left fixes the line; checking out acknowledges the new price.
    client.post("/cart/update/", {"variant": variant_of(scarce).pk, "action": "set", "quantity": 1})
    client.post("/checkout/")
    html = client.get("/cart/").content.decode()
    assert "Only 1 left" not in html
    assert "Price changed" not in html


def test_signed_in_buyer_keeps_a_cart(client: Client, make_product):
    user = get_user_model().objects.create_user("buyer1")
    client.force_login(user)
    product = make_product()
    add(client, product, 2)
    assert cart_for_user(user).lines.get().quantity == 2
    other_device = Client()
    other_device.force_login(user)
    assert other_device.get("/cart/").context["item_count"] == 2


def test_guest_cart_merges_into_the_account_at_sign_in(client: Client, make_product):
    user = get_user_model().objects.create_user("buyer2")
    mine, theirs = make_product(stock=5), make_product(stock=5)
    signed_in = Client()
    signed_in.force_login(user)
    add(signed_in, mine, 1)

    add(client, mine, 2)
    add(client, theirs, 1)
    client.force_login(user)  # signing in merges the guest cart

    cart = cart_for_user(user)
    quantities = dict(cart.lines.values_list("variant_id", "quantity"))
    assert quantities == {variant_of(mine).pk: 3, variant_of(theirs).pk: 1}
    assert client.get("/cart/").context["item_count"] == 4
