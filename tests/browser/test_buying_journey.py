"""A guest buys two products from two vendors in a real browser, pays through the sandbox
gateway, then cancels one item and sees the cancellation and the refund in the timeline.

The phone is proved with the code from the locmem SMS outbox (tasks run at once); the sandbox
gateway's signed return brings the buyer back and completes the order.
"""

from __future__ import annotations

import re

import pytest

from odopmart.notifications.tests.fixtures import sms_outbox  # noqa: F401

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = "98123 45678"
LUCKNOW = "226001"


@pytest.fixture
def shop(reference_data, sms_outbox, make_product, settings):  # noqa: F811
    # The live server shares one SQLite connection between its threads, so the sandbox's webhook
    # is sent nowhere here; the gateway's signed return alone completes the order (the webhook
    # path has its own tests in the payments app).
    settings.PAYMENTS = {"PROVIDER": "sandbox", "SITE_URL": "http://127.0.0.1:9"}
    settings.CACHE_PAGE_SECONDS = 0
    lamp = make_product(name_en="Brass diya lamp", price_paise=89900, stock=4)
    rug = make_product(name_en="Bhadohi wool rug", price_paise=649900, stock=2)
    assert lamp.vendor_id != rug.vendor_id
    return {"lamp": lamp, "rug": rug, "outbox": sms_outbox}


def _code(outbox) -> str:
    assert outbox, "no SMS was sent"
    match = re.search(r"\b(\d{6})\b", outbox[-1].body)
    assert match, outbox[-1].body
    return match.group(1)


def test_guest_buys_from_two_vendors_pays_in_the_sandbox_and_cancels_one_item(
    live_server, browser_page, shop
):
    page = browser_page
    base = live_server.url
    for product in (shop["lamp"], shop["rug"]):
        page.goto(base + product.get_absolute_url())
        page.get_by_role("button", name="Add to cart").click()
        page.wait_for_url(re.compile(r"/cart/$"))
    expect(page.locator(".cart-count")).to_have_text("2")
    expect(page.locator("main")).to_contain_text("Brass diya lamp")
    expect(page.locator("main")).to_contain_text("Bhadohi wool rug")

    page.get_by_role("button", name="Checkout").click()
    page.wait_for_url(re.compile(r"/checkout/mobile/$"))
    page.get_by_label("Mobile number").fill(PHONE)
    page.get_by_role("button", name="Send code").click()
    page.wait_for_url(re.compile(r"/checkout/mobile/code/$"))
    page.get_by_label("6-digit code", exact=True).fill(_code(shop["outbox"]))
    page.get_by_role("button", name="Continue").click()

    page.wait_for_url(re.compile(r"/checkout/address/$"))
    page.get_by_label("Full name").fill("Asha Verma")
    page.get_by_label("House, street").fill("14 Civil Lines")
    page.get_by_label("Town or city").fill("Lucknow")
    page.get_by_label("PIN code").fill(LUCKNOW)
    page.get_by_role("button", name="Continue").click()

    page.wait_for_url(re.compile(r"/checkout/review/$"))
    main = page.locator("main")
    expect(main).to_contain_text("Shipment 1 of 2")
    expect(main).to_contain_text("Shipment 2 of 2")
    expect(main).to_contain_text("CGST")
    total = page.locator('[data-total="grand"]').inner_text()
    page.get_by_label("UPI, card or net banking").check()
    page.get_by_role("button", name=re.compile("Place order and pay")).click()

    page.wait_for_url(re.compile(r"/pay/sandbox/"))
    expect(page.locator("main")).to_contain_text(total)
    page.get_by_role("button", name="Pay successfully (UPI)").click()

    page.wait_for_url(re.compile(r"/orders/OD[^/]+/placed/"), timeout=30_000)
    expect(page.locator("main")).to_contain_text("Thank you! Your order is placed.")
    page.get_by_role("link", name="See your order").click()
    page.wait_for_url(re.compile(r"/orders/OD[^/]+/\?t="))

    lamp_row = page.locator(".items li", has_text="Brass diya lamp")
    lamp_row.get_by_role("link", name="Cancel this item").click()
    page.wait_for_url(re.compile(r"/items/\d+/cancel/"))
    page.get_by_label("I changed my mind").check()
    page.get_by_role("button", name="Cancel this item").click()
    page.wait_for_url(re.compile(r"/orders/OD[^/]+/(\?t=.*)?$"))

    main = page.locator("main")
    expect(main).to_contain_text("The item is cancelled.")
    lamp_shipment = page.locator(".shipment", has_text="Brass diya lamp")
    expect(lamp_shipment.locator(".timeline")).to_contain_text("Cancelled")
    expect(lamp_shipment.locator(".timeline")).to_contain_text("I changed my mind")
    expect(lamp_shipment.locator(".timeline")).to_contain_text("Refund of")
    rug_shipment = page.locator(".shipment", has_text="Bhadohi wool rug")
    expect(rug_shipment.get_by_role("link", name="Cancel this item")).to_be_visible()
