"""The artisan loop end to end, in a real browser, with the embedded defaults: console SMS/voice
providers, the database task queue (nobody runs it: the minute's `periodic` work, run here by the
test between steps, is the worker) and the operator-managed ("manual") logistics provider.

A guest pays through the sandbox gateway → the paid order reaches the artisan as an SMS (in
Hindi, with the short link) and an IVR call → the artisan opens the link, no sign-in, and taps
"ready" → a pickup is booked with the operator-managed provider → a staff member enters the AWB
and moves the parcel to picked up, in transit, out for delivery and delivered → the buyer's order
page shows it delivered with its tracking number and a certificate of origin → the public
verification page says it is genuine, the PDF downloads, the QR code's address opens the same
page, and tampered codes and signatures are refused.

Screenshots of the main steps go to /tmp/loop-*.png.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from typing import Any

import pytest

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect
PlaywrightTimeout = sync_api.TimeoutError

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CONSOLE = "odopmart.notifications.providers.console"
BUYER_PHONE, BUYER_E164 = "98123 45678", "+919812345678"
ARTISAN_PHONE, ARTISAN_E164 = "98390 12345", "+919839012345"
ARTISAN_EN, ARTISAN_HI = "Shabnam Ansari", "शबनम अंसारी"
SAREE_EN, SAREE_HI = "Banarasi silk saree", "बनारसी रेशमी साड़ी"
STAFF = ("ops.priya", "Ghats-of-Kashi-2026")
AWB = "EP123456789IN"
COURIER = "India Post"
DEVANAGARI = re.compile("[\u0900-\u097f]")


def _shot(page: Any, name: str) -> None:
    page.screenshot(path=f"/tmp/loop-{name}.png", full_page=True)  # noqa: S108


def _new_page(page: Any, locale: str = "en-IN") -> Any:
    """A page in a new browser context: another person, with their own cookies."""
    context = page.context.browser.new_context(
        viewport={"width": 390, "height": 844}, locale=locale
    )
    new = context.new_page()
    new.set_default_timeout(15_000)
    return new


def _submit(page: Any, button: str, url: str | re.Pattern[str]) -> None:
    """Press a form's button and wait for the page it leads to; if the form comes back
    instead, fail with the errors it shows."""
    page.get_by_role("button", name=button, exact=True).click()
    try:
        page.wait_for_url(url, timeout=15_000)
    except PlaywrightTimeout:
        errors = page.locator(".errorlist, .form-errors, [role=alert]").all_inner_texts()
        raise AssertionError(f"{button!r} stayed on {page.url}: {errors}") from None


def _tick() -> None:
    """One minute of the embedded deployment's background work, in this thread: the timed steps
    of `manage.py periodic` (due outbox events, due messages, artisan calls, shipment bookings...)
    and then the database task worker until its queue is empty (`manage.py db_worker --batch`).
    Every step and every task must succeed."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    from odopmart.core.periodic import MINUTE_STEPS, periodic_run

    outcome = periodic_run(MINUTE_STEPS)
    assert set(outcome.values()) == {"ok"}, outcome
    Worker(
        queue_names=["*"], interval=0, batch=True, backend_name="default", startup_delay=False,
        max_tasks=None, worker_id="loop-browser-test", excluded_queue_names=[],
    ).run()  # fmt: skip
    failed = [
        (result.task_path, result.traceback)
        for result in DBTaskResult.objects.filter(status="FAILED")
        # The sandbox gateway's webhook goes nowhere here (see the `loop` fixture).
        if not result.task_path.endswith("sandbox_webhook_deliver")
    ]
    assert not failed, failed


def _console_messages(stream: io.StringIO) -> list[tuple[str, str, str]]:
    """(channel, recipient, body) of every message the console providers printed."""
    found = re.findall(
        r"^----- (\w+) to (\S+) \([^)]*\) -----\n(.*?)\n-{40}$", stream.getvalue(), re.M | re.S
    )
    return [(channel, recipient, body) for channel, recipient, body in found]


@pytest.fixture
def loop(reference_data, make_vendor, make_artisan, make_product, settings):
    from django.contrib.auth import get_user_model
    from django.core.cache import cache

    from odopmart.accounts.models import StaffRole, StaffRoleGrant
    from odopmart.regions.models import District

    console = io.StringIO()
    settings.NOTIFICATIONS = {
        **(getattr(settings, "NOTIFICATIONS", None) or {}),
        "SMS_PROVIDER": f"{CONSOLE}.ConsoleSmsProvider",
        "VOICE_PROVIDER": f"{CONSOLE}.ConsoleVoiceProvider",
        "EMAIL_PROVIDER": f"{CONSOLE}.ConsoleEmailProvider",
        "PROVIDER_OPTIONS": {
            f"{CONSOLE}.{name}": {"stream": console}
            for name in ("ConsoleSmsProvider", "ConsoleVoiceProvider", "ConsoleEmailProvider")
        },
    }
    # The embedded default: tasks wait in the database for a worker (here: `_tick`).
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.LOGISTICS = {"PROVIDER": "manual"}
    # The sandbox's webhook task waits in the queue (nobody runs it); the gateway's signed
    # return completes the order.
    settings.PAYMENTS = {"PROVIDER": "sandbox", "SITE_URL": "http://127.0.0.1:9"}
    settings.CACHE_PAGE_SECONDS = 0
    cache.clear()

    varanasi = District.objects.get(slug="varanasi")
    vendor = make_vendor(
        name_en="Kashi Weavers Cooperative", name_hi="काशी बुनकर सहकारी समिति",
        contact_phone="9415000001",
    )  # fmt: skip
    artisan = make_artisan(
        vendor=vendor, name_en=ARTISAN_EN, name_hi=ARTISAN_HI, district=varanasi,
        town="Madanpura", pincode="221001", phone=ARTISAN_PHONE, preferred_language="hi",
        craft_en="Banarasi silk weaving", craft_hi="बनारसी रेशम बुनाई",
    )  # fmt: skip
    saree = make_product(
        artisan=artisan, district_slug="varanasi", name_en=SAREE_EN, name_hi=SAREE_HI,
        price_paise=1249900, stock=3,
    )  # fmt: skip
    assert saree.odop_product is not None
    username, password = STAFF
    staff = get_user_model().objects.create_user(username=username, password=password)
    StaffRoleGrant.objects.create(user=staff, role=StaffRole.OPERATOR_ADMIN)
    return {"console": console, "artisan": artisan, "saree": saree, "vendor": vendor}


def test_paid_order_reaches_the_artisan_is_picked_up_delivered_and_certified(
    live_server, browser_page, loop, settings
):
    from odopmart.certificates.models import Certificate
    from odopmart.certificates.pdf import certificate_pdf, verification_url
    from odopmart.core.models import OutboxEvent
    from odopmart.fulfilment.models import ReadinessRequest
    from odopmart.fulfilment.states import AnswerChannel, ReadinessStatus
    from odopmart.logistics.models import Shipment
    from odopmart.logistics.states import BookingState, ShipmentStatus
    from odopmart.notifications.models import Notification
    from odopmart.notifications.states import NotificationStatus
    from odopmart.orders.models import Order, OrderItem
    from odopmart.orders.states import ItemStatus, OrderStatus, SellerOrderStatus

    base = live_server.url
    # The SMS carries a full link to this site (as PUBLIC_BASE_URL does in a deployment).
    settings.FULFILMENT = {"PUBLIC_BASE_URL": base}
    console = loop["console"]
    buyer = browser_page

    # --- 1. the buyer pays ------------------------------------------------------------------
    buyer.goto(base + loop["saree"].get_absolute_url())
    buyer.get_by_role("button", name="Add to cart").click()
    buyer.wait_for_url(re.compile(r"/cart/$"))
    buyer.get_by_role("button", name="Checkout").click()
    buyer.wait_for_url(re.compile(r"/checkout/mobile/$"))
    buyer.get_by_label("Mobile number").fill(BUYER_PHONE)
    _submit(buyer, "Send code", re.compile(r"/checkout/mobile/code/$"))
    _tick()  # the worker sends the code (console SMS)
    codes = [
        re.search(r"\b(\d{6})\b", body)
        for channel, to, body in _console_messages(console)
        if channel == "sms" and to == BUYER_E164
    ]
    assert codes, _console_messages(console)
    assert codes[-1] is not None, _console_messages(console)
    buyer.get_by_label("6-digit code", exact=True).fill(codes[-1].group(1))
    _submit(buyer, "Continue", re.compile(r"/checkout/address/$"))
    buyer.get_by_label("Full name").fill("Asha Verma")
    buyer.get_by_label("House, street").fill("14 Civil Lines")
    buyer.get_by_label("Town or city").fill("Lucknow")
    buyer.get_by_label("PIN code").fill("226001")
    _submit(buyer, "Continue", re.compile(r"/checkout/review/$"))
    buyer.get_by_label("UPI, card or net banking").check()
    buyer.get_by_role("button", name=re.compile("Place order and pay")).click()
    buyer.wait_for_url(re.compile(r"/pay/sandbox/"))
    _shot(buyer, "01-sandbox-gateway")
    buyer.get_by_role("button", name="Pay successfully (UPI)").click()
    buyer.wait_for_url(re.compile(r"/orders/OD[^/]+/placed/"), timeout=30_000)
    expect(buyer.locator("main")).to_contain_text("Thank you! Your order is placed.")
    buyer.get_by_role("link", name="See your order").click()
    buyer.wait_for_url(re.compile(r"/orders/OD[^/]+/\?t="))
    order_url = buyer.url

    order = Order.objects.get()
    assert order.status == OrderStatus.PLACED, order.status
    item = OrderItem.objects.get(order=order)
    assert item.artisan_id == loop["artisan"].pk
    assert OutboxEvent.objects.filter(topic="order.paid").exists()

    # --- 2. the worker delivers the order.paid event: an SMS and a call to the artisan -------
    _tick()  # outbox → readiness request with SMS and call; notifications → console
    assert (
        not OutboxEvent.objects.filter(processed_at__isnull=True, failed=False)
        .filter(topic="order.paid")
        .exists()
    )
    readiness = ReadinessRequest.objects.get(order=order)
    assert readiness.artisan_id == loop["artisan"].pk
    assert readiness.status == ReadinessStatus.ASKED
    assert readiness.language == "hi"
    assert list(readiness.items.all()) == [item]
    sms = Notification.objects.get(dedupe_key=f"readiness:{readiness.pk}:sms")
    call = Notification.objects.get(dedupe_key=f"readiness:{readiness.pk}:call:1")
    for message, channel in ((sms, "sms"), (call, "voice")):
        assert message.channel == channel
        assert message.recipient == ARTISAN_E164
        assert message.language == "hi"
        assert message.status in (NotificationStatus.SENT, NotificationStatus.DELIVERED), (
            message.status, message.last_error,
        )  # fmt: skip
    assert order.number in sms.body
    assert SAREE_HI in sms.body
    assert "1 नग" in sms.body
    assert call.allowed_keys == "123"
    assert "1 दबाइए" in call.body
    printed = [(c, body) for c, to, body in _console_messages(console) if to == ARTISAN_E164]
    assert [c for c, _ in printed] == ["sms", "voice"], printed
    assert printed[0][1] == sms.body
    link = re.search(r"(https?://\S+/a/\?t=\S+)", sms.body)
    assert link, sms.body
    assert link.group(1).startswith(base + "/a/?t=")

    # --- 3. the artisan opens the link (no sign-in) and taps "ready" ------------------------
    artisan = _new_page(buyer)
    artisan.goto(link.group(1))
    assert artisan.locator("html").get_attribute("lang") == "hi"
    main = artisan.locator("main")
    expect(artisan.locator("h1")).to_contain_text(ARTISAN_HI)
    expect(main).to_contain_text(SAREE_HI)
    expect(main).to_contain_text(order.number)
    ready_button = artisan.locator('button[name="answer"][value="1"]')
    expect(ready_button).to_be_visible()
    expect(ready_button).to_contain_text("तैयार")
    _shot(artisan, "02-artisan-link")
    ready_button.click()
    artisan.wait_for_url(re.compile(r"/a/\?.*done=1"))
    expect(artisan.locator('[role="status"]')).to_be_visible()
    expect(artisan.locator(".al-state-ready")).to_be_visible()
    expect(artisan.locator('button[name="answer"]')).to_have_count(0)
    _shot(artisan, "03-artisan-ready")

    readiness.refresh_from_db()
    assert readiness.status == ReadinessStatus.READY
    assert readiness.answer == 1
    assert readiness.answer_channel == AnswerChannel.SMS_LINK
    item.refresh_from_db()
    assert item.status == ItemStatus.READY
    shipment = Shipment.objects.get(seller_order=item.seller_order)
    assert shipment.provider == "manual"
    assert shipment.artisan_id == loop["artisan"].pk
    assert shipment.pickup_pincode == "221001"
    assert shipment.booking_state == BookingState.PENDING

    # --- 4. the worker books the pickup with the operator-managed provider ------------------
    _tick()  # shipments_book_due: slot, label, "pickup scheduled", the artisan's pickup SMS
    _tick()  # ...and that SMS is sent
    shipment.refresh_from_db()
    assert shipment.booking_state == BookingState.DONE, shipment.last_error
    assert shipment.status == ShipmentStatus.PICKUP_SCHEDULED
    assert shipment.pickup_slot_start is not None
    assert shipment.label_file
    assert not shipment.awb
    assert not shipment.needs_attention
    pickup_sms = Notification.objects.get(template="logistics_pickup_artisan")
    assert pickup_sms.recipient == ARTISAN_E164
    assert pickup_sms.language == "hi"
    assert pickup_sms.status in (NotificationStatus.SENT, NotificationStatus.DELIVERED)
    assert shipment.reference in pickup_sms.body

    # --- 5. operator staff enter the AWB and move the parcel along --------------------------
    staff = _new_page(buyer)
    staff.goto(base + "/accounts/staff-login/")
    staff.get_by_label("Username", exact=True).fill(STAFF[0])
    staff.get_by_label("Password", exact=True).fill(STAFF[1])
    staff.get_by_role("button", name="Sign in", exact=True).click()
    staff.wait_for_url(lambda url: "/staff-login/" not in url)
    staff.goto(base + "/shipments/")
    row = staff.locator(".rows li", has_text=shipment.reference)
    expect(row).to_contain_text("Pickup scheduled")
    expect(row).to_contain_text("No AWB yet")
    _shot(staff, "04-shipments-list")
    row.get_by_role("link", name=shipment.reference).click()
    staff.wait_for_url(re.compile(rf"/shipments/{shipment.pk}/$"))
    detail_url = staff.url
    expect(staff.locator("main")).to_contain_text(ARTISAN_EN)
    label = staff.request.get(base + f"/shipments/{shipment.pk}/label.pdf")
    assert label.status == 200
    assert label.headers["content-type"] == "application/pdf"
    assert label.body().startswith(b"%PDF")

    staff.get_by_label("AWB number", exact=True).fill(AWB.lower())
    staff.get_by_label("Courier", exact=True).fill(COURIER)
    staff.get_by_label("New status", exact=True).select_option(label="Picked up")
    _submit(staff, "Save", detail_url)
    expect(staff.locator("main")).to_contain_text("Shipment updated.")
    expect(staff.locator("main")).to_contain_text(AWB)
    _shot(staff, "05-shipment-picked-up")
    shipment.refresh_from_db()
    assert shipment.awb == AWB
    assert shipment.courier_name == COURIER
    assert shipment.status == ShipmentStatus.PICKED_UP
    assert shipment.picked_up_at
    seller_order = shipment.seller_order
    seller_order.refresh_from_db()
    assert seller_order.status == SellerOrderStatus.SHIPPED
    _tick()  # seller_order.shipped → the certificate of origin; the buyer's "picked up" SMS
    certificate = Certificate.objects.get(item=item)
    assert Notification.objects.filter(
        template="logistics_buyer_picked_up", recipient=BUYER_E164
    ).exists()

    for status in ("In transit", "Out for delivery", "Delivered"):
        staff.get_by_label("New status", exact=True).select_option(label=status)
        _submit(staff, "Save", detail_url)
        expect(staff.locator(".section-head .status")).to_have_text(status)
    # Delivered is final: nothing more to choose.
    expect(staff.get_by_label("New status", exact=True).locator("option")).to_have_count(1)
    history = staff.locator(".timeline")
    expect(history).to_contain_text("Pickup requested for 1 item(s).")
    assert not DEVANAGARI.search(history.inner_text()), history.inner_text()
    _shot(staff, "06-shipment-delivered")
    shipment.refresh_from_db()
    assert shipment.status == ShipmentStatus.DELIVERED
    assert shipment.delivered_at
    seller_order.refresh_from_db()
    assert seller_order.status == SellerOrderStatus.DELIVERED
    item.refresh_from_db()
    assert item.status == ItemStatus.DELIVERED
    _tick()
    assert not OutboxEvent.objects.filter(failed=True).exists()
    assert not OutboxEvent.objects.filter(processed_at__isnull=True).exists()
    buyer_sms = set(
        Notification.objects.filter(recipient=BUYER_E164, channel="sms").values_list(
            "template", flat=True
        )
    )
    assert {
        "logistics_buyer_picked_up", "logistics_buyer_out_for_delivery",
        "logistics_buyer_delivered",
    } <= buyer_sms  # fmt: skip
    assert not Notification.objects.filter(status=NotificationStatus.FAILED).exists()

    # --- 6. the buyer's order page: delivered, tracking number, certificate -----------------
    buyer.goto(order_url)
    shipment_box = buyer.locator(".shipment")
    expect(shipment_box.locator(".order-head .status")).to_have_text("Delivered")
    expect(shipment_box.locator(".parcel")).to_contain_text("Delivered")
    expect(shipment_box.locator(".parcel .awb")).to_have_text(AWB)
    expect(shipment_box.locator(".parcel .timeline")).to_contain_text("Out for delivery")
    cert_link = shipment_box.locator(".items li", has_text=SAREE_EN).get_by_role(
        "link", name="Certificate of origin"
    )
    expect(cert_link).to_have_attribute("href", f"/origin/{certificate.code}/")
    # The artisan answered in Hindi; the buyer's English page tells it in English.
    expect(shipment_box.locator(".more .timeline")).to_contain_text(
        "The artisan says the items are ready."
    )
    assert not DEVANAGARI.search(shipment_box.inner_text()), shipment_box.inner_text()
    _shot(buyer, "07-buyer-order-delivered")

    # --- 7. the public verification page ---------------------------------------------------
    cert_link.click()
    buyer.wait_for_url(re.compile(rf"/origin/{certificate.code}/$"))
    verify_url = buyer.url
    main = buyer.locator("main")
    expect(buyer.locator(".cert-status.ok h1")).to_have_text("Genuine certificate of origin")
    expect(buyer.locator(".cert-odop")).to_have_text(loop["saree"].odop_product.name_en)
    expect(buyer.locator(".cert-place")).to_contain_text("Varanasi")
    expect(main).to_contain_text(SAREE_EN)
    expect(main).to_contain_text(ARTISAN_EN)
    expect(main).to_contain_text(loop["vendor"].name_en)
    expect(main).to_contain_text(seller_order.number)
    for private in ("Asha Verma", "Civil Lines", BUYER_PHONE, "98123", ARTISAN_PHONE):
        expect(main).not_to_contain_text(private)
    _shot(buyer, "08-certificate-genuine")

    # The PDF, from the page's own button.
    pdf_link = buyer.get_by_role("link", name="Download the certificate (PDF)")
    expect(pdf_link).to_have_attribute("href", f"/origin/{certificate.code}/certificate.pdf")
    pdf = buyer.request.get(base + pdf_link.get_attribute("href"))
    assert pdf.status == 200
    assert pdf.headers["content-type"] == "application/pdf"
    body = pdf.body()
    with open("/tmp/loop-certificate.pdf", "wb") as saved:  # noqa: S108 - to look at
        saved.write(body)
    assert body.startswith(b"%PDF")
    assert b"%%EOF" in body[-1024:]

    # The QR code encodes the verification URL (captured from the PDF builder; the printed
    # address under it says the same), and that address opens the same page.
    encoded: list[str] = []

    def spy_qr(url: str) -> bytes:
        from odopmart.certificates.pdf import qr_png

        encoded.append(url)
        return qr_png(url)

    certificate_pdf(certificate, base_url=base, make_qr=spy_qr)
    assert encoded == [verification_url(certificate, base_url=base)]
    qr_url = encoded[0]
    assert qr_url == f"{base}/origin/{certificate.code}/"
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-", "-"], input=body, capture_output=True, check=True
        ).stdout.decode()
        assert qr_url in text.replace("\n", ""), text
        assert certificate.display_code in text
    qr_page = _new_page(buyer)  # someone scanning the parcel's certificate with their phone
    qr_page.goto(qr_url)
    assert qr_page.url == verify_url
    expect(qr_page.locator(".cert-status.ok h1")).to_have_text("Genuine certificate of origin")
    expect(qr_page.locator("main")).to_contain_text(ARTISAN_EN)

    # --- 8. tampering: a changed code is unknown, a forged signature is not genuine ----------
    other = "0" if certificate.code[-1] != "0" else "1"
    tampered_code = certificate.code[:-1] + other
    response = qr_page.goto(f"{base}/origin/{tampered_code}/")
    assert response.status == 404
    expect(qr_page.locator(".cert-status.bad h1")).to_have_text("No certificate with this code")
    expect(qr_page.locator("main")).not_to_contain_text(ARTISAN_EN)
    _shot(qr_page, "09-certificate-unknown")
    forged = "f" * 16 if not certificate.signature.startswith("f") else "0" * 16
    response = qr_page.goto(f"{qr_url}?s={forged}")
    assert response.status == 200
    expect(qr_page.locator(".cert-status.bad h1")).to_have_text("Not genuine")
    expect(qr_page.locator(".cert-card")).to_have_count(0)
    _shot(qr_page, "10-certificate-not-genuine")
    response = qr_page.goto(f"{base}/origin/{tampered_code}/certificate.pdf")
    assert qr_page.url == f"{base}/origin/{tampered_code}/"  # no PDF for an unknown code
