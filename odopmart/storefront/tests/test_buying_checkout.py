"""Checkout in steps: mobile (OTP or signed in), address (PIN code checked), review and pay."""

from __future__ import annotations

import re
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from odopmart.accounts.models import Address, Profile
from odopmart.catalog.models import Variant
from odopmart.core.money import format_inr
from odopmart.notifications.tests.fixtures import sms_outbox  # noqa: F401
from odopmart.orders.models import CartLine, Order
from odopmart.orders.pricing import quote
from odopmart.orders.states import OrderStatus
from odopmart.payments.models import Payment
from odopmart.regions.models import Pincode
from odopmart.storefront.tests.buying_helpers import (
    GUEST_PHONE,
    LUCKNOW,
    NEW_DELHI,
    add,
    review_form,
    variant_of,
    verified,
    with_address,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_vendors(make_product):
    """Two products from two different vendors (each test product gets its own vendor)."""
    tray = make_product(name_en="Marble tray", price_paise=419900, stock=5)
    shoes = make_product(name_en="Oxford shoes", price_paise=349900, stock=5)
    assert tray.vendor_id != shoes.vendor_id
    return tray, shoes


@pytest.fixture
def ready(client: Client, two_vendors):
    """A guest with both products in the cart, a verified phone and a Lucknow address."""
    tray, shoes = two_vendors
    add(client, tray, 2)
    add(client, shoes, 1)
    verified(client)
    assert with_address(client)["Location"] == "/checkout/review/"
    return client


def test_empty_cart_goes_back_to_the_cart(client: Client, reference_data):
    assert client.get("/checkout/")["Location"] == "/cart/"
    assert client.get("/checkout/review/")["Location"] == "/cart/"


def test_guest_proves_the_phone_with_a_code(
    client: Client,
    make_product,
    sms_outbox,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    add(client, make_product())
    assert client.post("/checkout/")["Location"] == "/checkout/mobile/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/checkout/mobile/", {"phone": "98123 45678", "email": "asha@example.com"}
        )
    assert response["Location"] == "/checkout/mobile/code/"
    assert [sms.recipient for sms in sms_outbox] == [GUEST_PHONE]

    wrong = client.post("/checkout/mobile/code/", {"code": "000000"})
    assert wrong.status_code == 200
    assert wrong.context["form"].errors

    code = re.search(r"\b(\d{6})\b", sms_outbox[-1].body).group(1)
    response = client.post("/checkout/mobile/code/", {"code": code})
    assert response["Location"] == "/checkout/address/"
    assert "_auth_user_id" not in client.session  # still a guest
    assert client.get("/checkout/")["Location"] == "/checkout/address/"


def test_bad_phone_is_a_form_error(client: Client, make_product):
    add(client, make_product())
    page = client.post("/checkout/mobile/", {"phone": "12345"})
    assert page.status_code == 200
    assert page.context["form"].errors["phone"]


def test_signed_in_buyer_skips_the_phone_and_picks_a_saved_address(client: Client, make_product):
    user = get_user_model().objects.create_user("asha")
    Profile.objects.update_or_create(user=user, defaults={"phone": "+919812300000"})
    mine = Address.objects.create(
        user=user, name="Asha", phone="+919812300000", line1="1 Mall Road", city="Lucknow",
        pincode=LUCKNOW,
    )  # fmt: skip
    stranger = get_user_model().objects.create_user("stranger")
    theirs = Address.objects.create(
        user=stranger, name="X", phone="+919800000000", line1="2 Rd", city="Agra",
        pincode="282001",
    )  # fmt: skip
    client.force_login(user)
    add(client, make_product())
    assert client.post("/checkout/")["Location"] == "/checkout/address/"

    refused = client.post("/checkout/address/", {"saved": theirs.pk})
    assert refused.status_code == 200
    assert refused.context["form"].errors["saved"]
    assert client.post("/checkout/address/", {"saved": mine.pk})["Location"] == (
        "/checkout/review/"
    )
    page = client.get("/checkout/review/")
    assert "1 Mall Road" in page.content.decode()


def test_signed_in_buyer_may_save_a_new_address(client: Client, make_product):
    user = get_user_model().objects.create_user("ravi")
    Profile.objects.update_or_create(user=user, defaults={"phone": "+919812300001"})
    Address.objects.create(
        user=user, name="Ravi", phone="+919812300001", line1="Old", city="Agra", pincode="282001"
    )
    client.force_login(user)
    add(client, make_product())
    client.post(
        "/checkout/address/",
        {"name": "Ravi", "line1": "9 New Lane", "city": "Lucknow", "pincode": LUCKNOW,
         "remember": "on"},
    )  # fmt: skip
    assert Address.objects.filter(user=user, line1="9 New Lane").exists()


@pytest.mark.parametrize(
    ("pincode", "message"),
    [
        ("2260", "Enter a valid 6-digit PIN code."),
        ("abcdef", "Enter a valid 6-digit PIN code."),
        ("100000", "We could not find PIN code 100000"),
    ],
)
def test_bad_pincodes_are_explained(client: Client, make_product, pincode, message):
    assert not Pincode.objects.filter(code="100000").exists()
    add(client, make_product())
    verified(client)
    page = with_address(client, pincode)
    assert page.status_code == 200
    assert message in page.content.decode()


def test_not_serviceable_pincode_is_said_before_payment(client: Client, make_product):
    Pincode.objects.filter(code=LUCKNOW).update(is_serviceable=False)
    add(client, make_product())
    verified(client)
    page = with_address(client, LUCKNOW)
    assert page.status_code == 200
    assert "we do not deliver to PIN code 226001 yet" in page.content.decode()
    assert client.get("/checkout/review/")["Location"] == "/checkout/address/"


def test_devanagari_digits_in_the_pincode(client: Client, make_product):
    add(client, make_product())
    verified(client)
    assert with_address(client, "२२६ ००१")["Location"] == "/checkout/review/"


def _amounts(html: str) -> dict[str, str]:
    return dict(re.findall(r'data-total="(\w+)">([^<]+)<', html))


def test_breakdown_shown_is_the_quote_per_shipment_intra_state(ready: Client, two_vendors):
    tray, shoes = two_vendors
    page = ready.get("/checkout/review/")
    html = page.content.decode()
    expected = quote([(variant_of(tray), 2), (variant_of(shoes), 1)], LUCKNOW)
    totals = expected.totals
    assert totals.cgst_paise > 0
    assert totals.igst_paise == 0
    assert _amounts(html) == {
        "items": format_inr(totals.items_paise),
        "shipping": format_inr(totals.shipping_paise) if totals.shipping_paise else "Free",
        "taxable": format_inr(totals.taxable_paise),
        "cgst": format_inr(totals.cgst_paise),
        "sgst": format_inr(totals.sgst_paise),
        "grand": format_inr(totals.grand_total_paise),
    }
    assert len(page.context["shipments"]) == 2
    for shipment in expected.shipments:
        assert shipment.vendor.name_en in html
        assert f"Includes CGST {format_inr(shipment.cgst_paise)}" in html
        assert format_inr(shipment.grand_total_paise) in html
    assert "Return within 7 days of delivery" in html
    assert page.context["form"].initial["shown_total_paise"] == totals.grand_total_paise


def test_breakdown_inter_state_is_igst(client: Client, two_vendors):
    tray, shoes = two_vendors
    add(client, tray)
    add(client, shoes)
    verified(client)
    with_address(client, NEW_DELHI)
    html = client.get("/checkout/review/").content.decode()
    expected = quote([(variant_of(tray), 1), (variant_of(shoes), 1)], NEW_DELHI).totals
    amounts = _amounts(html)
    assert amounts["igst"] == format_inr(expected.igst_paise)
    assert "cgst" not in amounts
    assert amounts["grand"] == format_inr(expected.grand_total_paise)


def test_review_in_hindi(ready: Client):
    html = ready.get("/hi/checkout/review/").content.decode()
    assert "जाँचें और भुगतान करें" in html
    assert "कुल देय राशि" in html


def test_cash_on_delivery_places_the_order(ready: Client, two_vendors):
    form = review_form(ready, "cod")
    response = ready.post("/checkout/review/", form)
    order = Order.objects.get()
    assert response["Location"] == f"/orders/{order.number}/placed/?t={order.access_token}"
    assert order.status == OrderStatus.PLACED
    assert order.grand_total_paise == form["shown_total_paise"]
    assert order.seller_orders.count() == 2
    assert not CartLine.objects.exists()
    page = ready.get(response["Location"])
    assert "Thank you! Your order is placed." in page.content.decode()
    assert str(order.access_token) in page.context["guest_link"]


def test_online_payment_goes_to_the_sandbox_gateway(ready: Client):
    response = ready.post("/checkout/review/", review_form(ready, "online"))
    order = Order.objects.get()
    payment = Payment.objects.get(order=order)
    assert payment.provider == "sandbox"
    assert order.status == OrderStatus.PENDING_PAYMENT
    assert response.status_code == 302
    assert response["Location"].startswith("/pay/")
    assert ready.get(response["Location"]).status_code == 200


def test_double_submit_places_one_order(ready: Client):
    form = review_form(ready, "cod")
    first = ready.post("/checkout/review/", form)
    second = ready.post("/checkout/review/", form)
    assert Order.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_tampered_total_is_refused_and_nothing_is_placed(ready: Client):
    form = review_form(ready, "cod")
    page = ready.post("/checkout/review/", {**form, "shown_total_paise": 100})
    assert page.status_code == 200
    assert "The total has changed" in page.content.decode()
    assert not Order.objects.exists()
    # The page now carries the real total and a fresh key.
    assert page.context["form"].initial["shown_total_paise"] == form["shown_total_paise"]


@pytest.mark.parametrize(
    "bad",
    [
        {"payment_method": "free"},
        {"idempotency_key": "not-a-key"},
        {"shown_total_paise": "-5"},
        {"shown_total_paise": "1e9"},
    ],
)
def test_bad_review_input_is_a_form_error(ready: Client, bad):
    page = ready.post("/checkout/review/", {**review_form(ready, "cod"), **bad})
    assert page.status_code == 200
    assert not Order.objects.exists()


def test_price_change_while_reviewing_is_shown_not_charged(ready: Client, two_vendors):
    tray, _shoes = two_vendors
    form = review_form(ready, "cod")
    Variant.objects.filter(pk=variant_of(tray).pk).update(price_paise=429900, mrp_paise=449900)
    page = ready.post("/checkout/review/", form)
    assert page.status_code == 200
    assert not Order.objects.exists()
    assert page.context["form"].initial["shown_total_paise"] != form["shown_total_paise"]
    # Confirming the new figures works.
    assert ready.post("/checkout/review/", review_form(ready, "cod")).status_code == 302
    assert Order.objects.count() == 1


def test_cod_not_offered_above_the_limit(ready: Client, settings):
    settings.PAYMENTS = {"COD_MAX_ORDER_PAISE": 100000}
    page = ready.get("/checkout/review/")
    methods = [value for value, _label in page.context["form"].fields["payment_method"].choices]
    assert methods == ["online"]
    assert page.context["cod_note"]
    form = review_form(ready, "cod")
    response = ready.post("/checkout/review/", {**form, "idempotency_key": str(uuid.uuid4())})
    assert response.status_code == 200
    assert not Order.objects.exists()
