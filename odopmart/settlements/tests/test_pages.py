"""Who may see what: a vendor only its own statements (another vendor's ids are a 404), an
artisan only their own earnings, finance staff everything; the pages and the API."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import Resolver404, resolve

from odopmart.accounts.services import api_token_create
from odopmart.ledger.models import AccountKind
from odopmart.ledger.posting import ledger_balance, ledger_trial_balance
from odopmart.settlements.models import (
    ArtisanPayout,
    ArtisanPayoutStatus,
    CodRemittanceFile,
    Payout,
    PayoutStatus,
    Settlement,
    SettlementStatus,
)
from odopmart.settlements.services import settlement_run
from odopmart.settlements.tests.conftest import at, deliver, recognise

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _earnings_api_mounted(settings: Any) -> None:
    try:
        mounted = resolve("/api/v1/artisan/earnings").url_name == "artisan_earnings_detail"
    except Resolver404:
        mounted = False
    if not mounted:
        settings.ROOT_URLCONF = "odopmart.settlements.tests.api_urls"


@pytest.fixture
def world(sale, seller, make_vendor, product_of, commission, artisan_share, member_of, make_user):
    artisan_share(seller, 6000)
    other = make_vendor(bank_account_number="000111222333", bank_ifsc="SBIN0000001")
    mine = sale((product_of(seller), 2), on=date(2025, 1, 15))
    theirs = sale((product_of(other), 2), on=date(2025, 1, 15))
    deliver(mine, date(2025, 1, 20))
    deliver(theirs, date(2025, 1, 20))
    recognise(date(2025, 1, 28))
    batch = settlement_run(now=at(date(2025, 2, 1)))
    artisan = mine.items.get().artisan
    artisan.user = make_user("artisan-phone")
    artisan.save(update_fields=["user"])
    return {
        "batch": batch,
        "seller": seller,
        "other": other,
        "owner": member_of(seller, "owner"),
        "other_owner": member_of(other, "other-owner"),
        "artisan": artisan,
        "mine": Settlement.objects.get(vendor=seller),
        "theirs": Settlement.objects.get(vendor=other),
    }


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_vendor_sees_only_its_own_statements(world):
    owner = signed_in(world["owner"])
    mine, theirs = world["mine"], world["theirs"]

    assert owner.get("/seller/settlements/").url == f"/seller/settlements/v/{world['seller'].pk}/"
    listing = owner.get(f"/seller/settlements/v/{world['seller'].pk}/")
    assert listing.status_code == 200
    assert "₹652" in listing.content.decode()
    page = owner.get(f"/seller/settlements/{mine.pk}/")
    assert page.status_code == 200
    body = page.content.decode()
    for figure in ("₹2,100", "₹200", "₹36", "₹10", "₹2", "₹1,200", "₹652"):
        assert figure in body
    assert mine.items.get().accrual.seller_order.number in body
    csv_body = owner.get(f"/seller/settlements/{mine.pk}.csv").content.decode()
    assert "2100.00" in csv_body
    assert "652.00" in csv_body

    for url in (
        f"/seller/settlements/{theirs.pk}/",
        f"/seller/settlements/{theirs.pk}.csv",
        f"/seller/settlements/v/{world['other'].pk}/",
        "/seller/settlements/batches/",
        f"/seller/settlements/batches/{world['batch'].pk}/",
        f"/seller/settlements/batches/{world['batch'].pk}/bank.csv",
        "/seller/settlements/cod/",
    ):
        assert owner.get(url).status_code == 404, url
    payout = Payout.objects.get(settlement=mine)
    assert (
        owner.post(f"/seller/settlements/payouts/{payout.pk}/paid/", {"utr": "X1234"}).status_code
        == 404
    )
    assert Client().get(f"/seller/settlements/{mine.pk}/").status_code == 302  # sign in first


def test_vendor_marks_its_artisans_share_paid_but_not_another_vendors(world):
    share = ArtisanPayout.objects.get(vendor=world["seller"])
    other = signed_in(world["other_owner"])
    url = f"/seller/settlements/shares/{share.pk}/mark-paid/"
    assert other.post(url, {"reference": "UPI123456"}).status_code == 404

    owner = signed_in(world["owner"])
    response = owner.post(url, {"reference": "UPI 9876 5432"})
    assert response.status_code == 302
    share.refresh_from_db()
    assert share.status == ArtisanPayoutStatus.PAID_BY_VENDOR
    assert share.reference == "UPI 9876 5432"
    assert share.marked_by == world["owner"]
    assert ledger_balance(AccountKind.ARTISAN_PAYABLE, artisan_id=share.artisan_id) == 0
    assert ledger_trial_balance() == 0


def test_staff_run_download_mark_paid_and_import_cod(world, finance_user):
    staff = signed_in(finance_user)
    batch = world["batch"]
    assert staff.get("/seller/settlements/").url == "/seller/settlements/batches/"
    assert staff.get("/seller/settlements/batches/").status_code == 200
    page = staff.get(f"/seller/settlements/batches/{batch.pk}/")
    assert page.status_code == 200
    assert "1304" not in page.content.decode()  # screens show rupees grouped, not raw
    bank = staff.get(f"/seller/settlements/batches/{batch.pk}/bank.csv")
    assert bank.status_code == 200
    assert b"652.00" in b"".join(bank.streaming_content)

    payout = Payout.objects.get(settlement=world["mine"])
    bad = staff.post(f"/seller/settlements/payouts/{payout.pk}/paid/", {"utr": "!"})
    assert bad.status_code == 302
    payout.refresh_from_db()
    assert payout.status == PayoutStatus.QUEUED
    staff.post(f"/seller/settlements/payouts/{payout.pk}/paid/", {"utr": "HDFC000123"})
    world["mine"].refresh_from_db()
    assert world["mine"].status == SettlementStatus.RECONCILED

    # Nothing new to settle.
    response = staff.post("/seller/settlements/batches/run/")
    assert response.url == "/seller/settlements/batches/"
    # A vendor's statements are open to finance staff too.
    assert staff.get(f"/seller/settlements/{world['theirs'].pk}/").status_code == 200

    upload = SimpleUploadedFile(
        "cod.csv", b"awb,cod_amount,remittance_date\nNOPE1,100,2025-02-03\n"
    )
    response = staff.post("/seller/settlements/cod/", {"file": upload})
    remittance = CodRemittanceFile.objects.get()
    assert response.url == f"/seller/settlements/cod/{remittance.pk}/"
    detail = staff.get(response.url).content.decode()
    assert "NOPE1" in detail
    again = SimpleUploadedFile("cod.csv", b"awb,cod_amount,remittance_date\nNOPE1,100,2025-02-03\n")
    refused = staff.post("/seller/settlements/cod/", {"file": again}, follow=True)
    assert "already imported" in refused.content.decode()
    assert CodRemittanceFile.objects.count() == 1
    assert staff.get("/hi/seller/settlements/cod/").status_code == 200


def test_artisan_sees_their_own_earnings_on_their_page(world, make_artisan):
    client = signed_in(world["artisan"].user)
    body = client.get("/seller/me/").content.decode()
    assert "My earnings" in body
    assert "₹1,200" in body


def test_earnings_api(world, make_user):
    _token, raw = api_token_create(user=world["artisan"].user, name="phone")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    body = Client().get("/api/v1/artisan/earnings", **headers).json()
    assert (body["earned_paise"], body["paid_paise"], body["due_paise"]) == (120000, 0, 120000)
    assert body["payouts"][0]["amount_paise"] == 120000
    assert body["items"][0]["share_paise"] == 120000
    assert Client().get("/api/v1/artisan/earnings").status_code == 401
    # A signed-in user who is not an artisan.
    _token, owner_raw = api_token_create(user=world["owner"], name="phone")
    owner = {"HTTP_AUTHORIZATION": f"Bearer {owner_raw}"}
    assert Client().get("/api/v1/artisan/earnings", **owner).status_code == 404

    mine = Client().get(f"/api/v1/seller/vendors/{world['seller'].pk}/settlements", **owner)
    assert mine.status_code == 200
    assert [s["net_paise"] for s in mine.json()] == [65200]
    assert mine.json()[0]["artisan_share_paise"] == 120000
    theirs = Client().get(f"/api/v1/seller/vendors/{world['other'].pk}/settlements", **owner)
    assert theirs.status_code == 404
    assert Client().get("/api/v1/seller/vendors/99999999999/settlements", **owner).status_code in (
        404,
        422,
    )
