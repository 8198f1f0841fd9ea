"""A new seller's first weeks, in a real browser: phone sign-in → "Become a seller" → onboarding
with KYC documents → a moderator approves the vendor → the vendor adds an artisan and lists a
product in Hindi and English with a photo → a moderator approves it → buyers find it in Hindi.

The seller and the moderator each have their own browser context (their own cookies). The SMS
with the sign-in code goes to the locmem outbox, sent at once by the immediate task backend.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from PIL import Image

from odopmart.notifications.tests.fixtures import sms_outbox  # noqa: F401

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect
PlaywrightTimeout = sync_api.TimeoutError

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = "98765 43210"
PAN = "AAACR5055K"
LUCKNOW_PINCODE = "226001"  # Uttar Pradesh, GST state code 09
MODERATOR = ("moderator.meera", "Kathak-Lucknow-2026")

VENDOR = "Chowk Chikan Cooperative"
ARTISAN_EN, ARTISAN_HI = "Rukhsana Bano", "रुख़साना बानो"
NAME_EN = "Chikankari cotton kurta"
NAME_HI = "चिकनकारी सूती कुर्ता"


def _pdf(title: str) -> bytes:
    """The smallest well-formed PDF: one empty page, a cross-reference table and %%EOF."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
        f"<< /Title ({title}) >>".encode(),
    ]
    body = b"%PDF-1.4\n"
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += f"{number} 0 obj\n".encode() + content + b"\nendobj\n"
    xref = len(body)
    body += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    body += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    body += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 4 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return body


def _png(width: int = 900, height: int = 900) -> bytes:
    picture = Image.new("RGB", (width, height), (236, 228, 214))
    for x in range(0, width, 60):  # a little pattern, so the photo is not one flat colour
        for y in range(0, height, 60):
            picture.paste((150, 60, 40), (x, y, x + 20, y + 20))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def journey(reference_data, sms_outbox, tmp_path):  # noqa: F811
    """Everything the database needs before the browser starts: a moderator with a password,
    and files to upload."""
    from django.contrib.auth import get_user_model
    from django.core.cache import cache

    from odopmart.accounts.models import StaffRoleGrant
    from odopmart.sellers.gstin import gstin_build

    cache.clear()  # no storefront page cached by an earlier test
    username, password = MODERATOR
    moderator = get_user_model().objects.create_user(username=username, password=password)
    StaffRoleGrant.objects.create(user=moderator, role="moderator")
    files = {}
    for name in ("gst-certificate", "pan-card", "cancelled-cheque"):
        files[name] = tmp_path / f"{name}.pdf"
        files[name].write_bytes(_pdf(name))
    files["photo"] = tmp_path / "kurta.png"
    files["photo"].write_bytes(_png())
    return {
        "gstin": gstin_build(state_code="09", pan=PAN),
        "files": files,
        "outbox": sms_outbox,
    }


def _code_from(outbox) -> str:
    assert outbox, "no SMS was sent"
    match = re.search(r"\b(\d{6})\b", outbox[-1].body)
    assert match, outbox[-1].body
    return match.group(1)


def _click(page, name: str) -> None:
    page.get_by_role("button", name=name, exact=True).click()


def _submit(page, button: str, url: str | re.Pattern[str]) -> None:
    """Press a form's button and wait for the page it leads to; if the form comes back
    instead, fail with the errors it shows."""
    _click(page, button)
    try:
        page.wait_for_url(url, timeout=10_000)
    except PlaywrightTimeout:
        errors = page.locator(".errorlist, .form-errors, [role=alert]").all_inner_texts()
        raise AssertionError(f"{button!r} stayed on {page.url}: {errors}") from None


def _upload(page, kind: str, path: Path) -> None:
    page.get_by_label("Document", exact=True).select_option(label=kind)
    page.get_by_label("File", exact=True).set_input_files(str(path))
    with page.expect_navigation():
        _click(page, "Upload")
    expect(page.locator(".form-errors, .errorlist")).to_have_count(0)


def test_a_new_seller_lists_a_product_that_buyers_find_in_hindi(live_server, browser_page, journey):
    seller = browser_page
    base = live_server.url
    files = journey["files"]

    # --- a visitor signs in with their phone and becomes a seller -------------------------
    seller.goto(base + "/")
    seller.get_by_role("link", name="Sell on ODOP Mart").click()
    seller.wait_for_url(re.compile(r"/accounts/signin/\?next=/seller/$"))
    seller.get_by_label("Mobile number", exact=True).fill(PHONE)
    _submit(seller, "Send code", re.compile(r"/accounts/signin/code/"))
    assert [sms.recipient for sms in journey["outbox"]] == ["+919876543210"]
    seller.get_by_label("6-digit code", exact=True).fill(_code_from(journey["outbox"]))
    _submit(seller, "Sign in", re.compile(r"/seller/$"))
    seller.get_by_role("link", name="Become a seller").click()
    seller.wait_for_url(re.compile(r"/seller/start/$"))

    # --- onboarding: business, address, bank, contact, documents, review ------------------
    seller.get_by_label("Business name (English)", exact=True).fill(VENDOR)
    seller.get_by_label("Business name (Hindi)", exact=True).fill("चौक चिकन सहकारी समिति")
    seller.get_by_label("Legal name", exact=True).fill("Chowk Chikan Karigar Sahkari Samiti Ltd")
    seller.get_by_label("Type of business", exact=True).select_option(label="Cooperative society")
    seller.get_by_label("GSTIN", exact=True).fill(journey["gstin"])
    seller.get_by_label("PAN of the business", exact=True).fill(PAN)
    _submit(seller, "Save and continue", re.compile(r"/onboarding/address/$"))

    seller.get_by_label("Business address", exact=True).fill("14 Chowk, near Gol Darwaza")
    seller.get_by_label("PIN code", exact=True).fill(LUCKNOW_PINCODE)
    _submit(seller, "Save and continue", re.compile(r"/onboarding/bank/$"))

    seller.get_by_label("Account holder's name", exact=True).fill("Chowk Chikan Sahkari Samiti")
    seller.get_by_label("Account number", exact=True).fill("123456789012")
    seller.get_by_label("Account number again", exact=True).fill("123456789012")
    seller.get_by_label("IFSC", exact=True).fill("SBIN0001234")
    _submit(seller, "Save and continue", re.compile(r"/onboarding/contact/$"))

    seller.get_by_label("Contact person", exact=True).fill("Shabana Parveen")
    seller.get_by_label("Contact person's mobile", exact=True).fill(PHONE)
    seller.get_by_label("Customer care number", exact=True).fill("9415012345")
    _submit(seller, "Save and continue", re.compile(r"/onboarding/documents/$"))

    _upload(seller, "GST registration certificate", files["gst-certificate"])
    _upload(seller, "PAN card", files["pan-card"])
    _upload(seller, "Cancelled cheque", files["cancelled-cheque"])
    expect(seller.locator("main")).to_contain_text("All required documents are here.")
    _submit(seller, "Continue to review", re.compile(r"/onboarding/review/$"))
    _submit(seller, "Submit for approval", re.compile(r"/seller/$"))
    expect(seller.locator(".sc-messages")).to_contain_text("Application submitted.")

    # --- a moderator approves the vendor ---------------------------------------------------
    moderator = _new_page(seller)
    moderator.goto(base + "/accounts/staff-login/")
    moderator.get_by_label("Username", exact=True).fill(MODERATOR[0])
    moderator.get_by_label("Password", exact=True).fill(MODERATOR[1])
    # Moderators land in the seller centre, where their queues are.
    _submit(moderator, "Sign in", base + "/seller/")
    moderator.goto(base + "/seller/moderation/")
    moderator.get_by_role("link", name=VENDOR).click()
    moderator.wait_for_url(re.compile(r"/seller/moderation/vendors/\d+/$"))
    expect(moderator.locator("main")).to_contain_text(journey["gstin"])
    _click(moderator, "Approve")
    expect(moderator.locator(".sc-messages")).to_contain_text(f"{VENDOR} is now Approved.")

    # --- the vendor adds an artisan --------------------------------------------------------
    seller.goto(base + "/seller/")
    seller.locator(".sc-nav").get_by_role("link", name="Artisans").click()
    seller.wait_for_url(re.compile(r"/seller/artisans/$"))
    seller.get_by_role("link", name="Add an artisan").click()
    seller.wait_for_url(re.compile(r"/seller/v/\d+/artisans/add/$"))
    seller.get_by_label("Name (English)", exact=True).fill(ARTISAN_EN)
    seller.get_by_label("Name (Hindi)", exact=True).fill(ARTISAN_HI)
    seller.get_by_label("Language for calls and SMS", exact=True).select_option(label="हिन्दी")
    seller.get_by_label("Craft (English)", exact=True).fill("Chikankari embroidery")
    seller.get_by_label("Craft (Hindi)", exact=True).fill("चिकनकारी कढ़ाई")
    seller.get_by_label("Town / village", exact=True).fill("Chowk")
    seller.get_by_label("PIN code", exact=True).fill("226003")
    _submit(seller, "Add the artisan", re.compile(r"/seller/artisans/\d+/$"))
    expect(seller.locator(".sc-messages")).to_contain_text("Artisan added.")

    # --- a listing in both languages, with a photo ----------------------------------------
    seller.goto(base + "/seller/")
    seller.get_by_role("link", name="Add a listing").click()
    # With one artisan the "whose product?" step is skipped.
    seller.wait_for_url(re.compile(r"/seller/listings/new/\d+/$"))
    seller.get_by_label("Category", exact=True).select_option(label="Clothing & Accessories")
    seller.get_by_label("Name in English", exact=True).fill(NAME_EN)
    seller.get_by_label("Name in Hindi", exact=True).fill(NAME_HI)
    seller.get_by_label("Description in English", exact=True).fill(
        "Hand embroidered in Lucknow on soft cotton, with shadow work on the yoke."
    )
    seller.get_by_label("Description in Hindi", exact=True).fill(
        "लखनऊ में मुलायम सूती कपड़े पर हाथ से की गई कढ़ाई, गले पर छाया का काम।"
    )
    seller.get_by_label("SKU", exact=True).fill("CCC-KURTA-M")
    seller.get_by_label("Option name in English", exact=True).fill("Size M")
    seller.get_by_label("Option name in Hindi", exact=True).fill("साइज़ M")
    seller.get_by_label("MRP (₹)", exact=True).fill("2,499")
    seller.get_by_label("Selling price (₹, with GST)", exact=True).fill("1,999")
    seller.get_by_label("In stock", exact=True).fill("3")
    seller.get_by_label("Packed weight (grams)", exact=True).fill("350")
    seller.get_by_label("Length (mm)", exact=True).fill("300")
    seller.get_by_label("Width (mm)", exact=True).fill("250")
    seller.get_by_label("Height (mm)", exact=True).fill("40")
    _submit(seller, "Save as draft", re.compile(r"/seller/listings/\d+/$"))
    listing_url = seller.url

    seller.get_by_label("Photo", exact=True).set_input_files(str(files["photo"]))
    seller.get_by_label("What the photo shows, in English", exact=True).fill("The kurta, front")
    seller.get_by_label("What the photo shows, in Hindi", exact=True).fill("कुर्ता, सामने से")
    _submit(seller, "Add photo", listing_url)
    expect(seller.locator(".sc-messages")).to_contain_text("Photo added.")

    seller.get_by_role("link", name="Send for review").click()
    seller.wait_for_url(re.compile(r"/submit/$"))
    checklist = seller.locator(".checklist li")
    expect(checklist).to_have_count(8)
    expect(seller.locator(".checklist li.ok")).to_have_count(8)  # every check passes
    _submit(seller, "Send for review", listing_url)
    expect(seller.locator(".sc-messages")).to_contain_text("Sent for review.")

    # --- the moderator approves the listing -----------------------------------------------
    moderator.goto(base + "/seller/listings/moderation/")
    row = moderator.locator(".lst-item", has_text=NAME_EN)
    expect(row).to_contain_text("All checks pass")
    row.get_by_role("link", name=NAME_EN).click()
    moderator.wait_for_url(re.compile(r"/seller/listings/moderation/\d+/$"))
    expect(moderator.locator(".checklist li.ok")).to_have_count(8)
    moderator.get_by_label("Approve", exact=True).check()
    _submit(moderator, "Save decision", re.compile(r"/seller/listings/moderation/$"))
    expect(moderator.locator(".sc-messages")).to_contain_text(f"Approved: {NAME_EN}.")

    # --- buyers find it in Hindi: search, the district page and the product page ----------
    buyer = _new_page(seller)
    buyer.goto(base + "/hi/")
    search_box = buyer.locator('input[name="q"]').first
    search_box.fill("चिकनकारी कुर्ता")
    search_box.press("Enter")
    buyer.wait_for_url(re.compile(r"/hi/search/\?q="))
    expect(buyer.locator('main a[href^="/hi/p/"]', has_text=NAME_HI).first).to_be_visible()

    buyer.goto(base + "/hi/districts/lucknow/")
    buyer.locator('main a[href^="/hi/p/"]', has_text=NAME_HI).first.click()
    buyer.wait_for_url(re.compile(r"/hi/p/\d+/"))
    assert buyer.locator("html").get_attribute("lang") == "hi"
    expect(buyer.locator("h1")).to_contain_text(NAME_HI)
    page_text = buyer.locator("main")
    expect(page_text).to_contain_text("₹1,999")
    expect(page_text).to_contain_text(ARTISAN_HI)
    expect(page_text).to_contain_text("लखनऊ")
    expect(buyer.locator('main img[src*="/media/"]').first).to_be_visible()


def _new_page(page):
    """A page in a new browser context: another person, with their own cookies."""
    context = page.context.browser.new_context(
        viewport={"width": 390, "height": 844}, locale="en-IN"
    )
    new = context.new_page()
    new.set_default_timeout(15_000)
    return new
