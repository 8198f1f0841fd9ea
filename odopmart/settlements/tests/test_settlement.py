"""Settlement runs through the real buying services, against hand-computed statements.

Product: ₹1,050 incl. 5 % GST (taxable ₹1,000), two a line: line ₹2,100, taxable ₹2,000 (no
shipping charge at that value). Commission 10 % = ₹200, GST on it 18 % = ₹36 (CGST + SGST:
vendor in the operator's state), TCS 0.5 % = ₹10, TDS 0.1 % = ₹2, artisan's share 60 % of
taxable = ₹1,200. Net to the vendor per line: 2100 − 200 − 36 − 10 − 2 − 1200 = ₹652.
"""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from odopmart.ledger.models import AccountKind, ItemAccrual, JournalEntry
from odopmart.ledger.posting import ledger_balance, ledger_trial_balance
from odopmart.settlements.exceptions import SettlementError
from odopmart.settlements.models import (
    ArtisanPayout,
    ArtisanPayoutStatus,
    BatchStatus,
    Payout,
    PayoutStatus,
    Settlement,
    SettlementItem,
    SettlementStatus,
)
from odopmart.settlements.services import (
    artisan_share_mark_paid_by_vendor,
    bank_result_apply,
    payout_mark_paid,
    payout_mark_rejected,
    settlement_pay_again,
    settlement_run,
    vendor_payable_unsettled,
)
from odopmart.settlements.tests.conftest import DELHI, at, deliver, recognise

pytestmark = pytest.mark.django_db
A = AccountKind


@pytest.fixture
def two_vendors(sale, seller, make_vendor, product_of, commission, artisan_share):
    """The seller (60 % artisan share) sells two lines (one to Delhi); another vendor (no
    artisan share) one line. All delivered on 20 Jan 2025 and recognised on 28 Jan."""
    artisan_share(seller, 6000)
    other = make_vendor(
        gstin="09AAACO1234A1Z5", pan="AAACO1234A", bank_account_holder="Other Crafts",
        bank_account_number="000111222333", bank_ifsc="SBIN0000001",
    )  # fmt: skip
    orders = [
        sale((product_of(seller), 2), on=date(2025, 1, 15)),
        sale((product_of(seller), 2), on=date(2025, 1, 15), address=DELHI),
        sale((product_of(other), 2), on=date(2025, 1, 15)),
    ]
    for order in orders:
        deliver(order, date(2025, 1, 20))
    assert recognise(date(2025, 1, 28)) == 3
    return seller, other


def test_statement_matches_hand_figures_and_the_ledger(two_vendors):
    seller, other = two_vendors
    # Before the run the books owe each vendor exactly its unsettled accruals' net.
    assert ledger_balance(A.VENDOR_PAYABLE, vendor_id=seller.pk) == -130400
    assert vendor_payable_unsettled(seller.pk) == 130400
    assert ledger_balance(A.VENDOR_PAYABLE, vendor_id=other.pk) == -(210000 - 23600 - 1000 - 200)

    batch = settlement_run(now=at(date(2025, 2, 1)))

    assert batch is not None
    assert batch.provider == "manual"
    mine = Settlement.objects.get(batch=batch, vendor=seller)
    assert (mine.item_count, mine.sales_paise, mine.returns_paise, mine.gross_paise) == (
        2, 420000, 0, 420000,
    )  # fmt: skip
    assert (mine.commission_paise, mine.gst_on_commission_paise) == (40000, 7200)
    assert (mine.tcs_paise, mine.tds_paise) == (2000, 400)  # intra ₹10 + inter (IGST) ₹10
    assert mine.artisan_share_paise == 240000
    assert mine.net_paise == 130400
    assert (mine.period_start, mine.period_end) == (date(2025, 1, 28), date(2025, 1, 28))
    theirs = Settlement.objects.get(batch=batch, vendor=other)
    assert theirs.net_paise == 185200
    assert theirs.artisan_share_paise == 0
    # Every accrual is in exactly one settlement, and the figures are the accruals' sums.
    assert SettlementItem.objects.count() == ItemAccrual.objects.count() == 3
    assert sum(a.vendor_net_paise for a in ItemAccrual.objects.filter(vendor=seller)) == 130400
    # Each artisan's share is tracked (no bank account: waiting for the seller to pay it).
    shares = ArtisanPayout.objects.filter(batch=batch).order_by("pk")
    assert [s.amount_paise for s in shares] == [120000, 120000]
    assert all(s.status == ArtisanPayoutStatus.DUE and s.last_problem for s in shares)

    # Nothing is settled twice.
    assert settlement_run(now=at(date(2025, 2, 8))) is None
    assert Settlement.objects.count() == 2

    # The bank file: one row per vendor payout, rupees with two decimals.
    rows = list(csv.DictReader(io.StringIO(batch.bank_file.open("rb").read().decode())))
    amounts = sorted((row["account_number"], row["amount_inr"], row["ifsc"]) for row in rows)
    assert amounts == [
        ("000111222333", "1852.00", "SBIN0000001"),
        ("50100012345678", "1304.00", "HDFC0001234"),
    ]
    payout = Payout.objects.get(settlement=mine)
    assert payout.status == PayoutStatus.QUEUED
    assert rows[[r["account_number"] for r in rows].index("50100012345678")]["reference"] == (
        payout.idempotency_key
    )
    # Nothing moved in the books until the money is confirmed.
    assert ledger_balance(A.BANK) == 0

    payout_mark_paid(payout, utr="HDFCN52025020112345", actor=None)
    payout_mark_paid(payout, utr="HDFCN52025020112345", actor=None)  # twice: once

    mine.refresh_from_db()
    assert mine.status == SettlementStatus.RECONCILED
    assert mine.utr == "HDFCN52025020112345"
    assert ledger_balance(A.VENDOR_PAYABLE, vendor_id=seller.pk) == 0
    assert ledger_balance(A.BANK) == -130400
    assert JournalEntry.objects.filter(dedupe_key=f"settle:{mine.pk}").count() == 1
    assert ledger_trial_balance() == 0
    assert payout.events.values_list("to_status", flat=True).count() == 3


def test_rejected_transfer_leaves_the_books_and_pays_again_with_a_new_key(two_vendors):
    seller, _other = two_vendors
    batch = settlement_run(now=at(date(2025, 2, 1)))
    settlement = Settlement.objects.get(batch=batch, vendor=seller)
    first = Payout.objects.get(settlement=settlement)

    with pytest.raises(SettlementError):
        payout_mark_rejected(first, reason="", actor=None)
    payout_mark_rejected(first, reason="Account closed", actor=None)

    settlement.refresh_from_db()
    first.refresh_from_db()
    assert first.status == PayoutStatus.REJECTED
    assert first.failure_reason == "Account closed"
    assert settlement.status == SettlementStatus.DUE
    assert settlement.last_problem == "Account closed"
    assert ledger_balance(A.VENDOR_PAYABLE, vendor_id=seller.pk) == -130400
    assert ledger_balance(A.BANK) == 0
    with pytest.raises(SettlementError):
        payout_mark_paid(first, utr="UTR12345", actor=None)

    second = settlement_pay_again(settlement, actor=None)
    assert second.idempotency_key != first.idempotency_key
    assert second.status == PayoutStatus.QUEUED
    with pytest.raises(SettlementError):  # one live payout per settlement
        settlement_pay_again(settlement, actor=None)

    counts = bank_result_apply(
        [{"reference": second.idempotency_key, "status": "success", "utr": "SBIN9988776655"}],
        actor=None,
    )
    assert counts["paid"] == 1
    settlement.refresh_from_db()
    assert settlement.status == SettlementStatus.RECONCILED
    assert ledger_balance(A.VENDOR_PAYABLE, vendor_id=seller.pk) == 0
    assert ledger_trial_balance() == 0


def test_bank_result_file_with_an_unknown_reference_changes_nothing(two_vendors):
    settlement_run(now=at(date(2025, 2, 1)))
    payout = Payout.objects.filter(settlement__isnull=False).first()
    with pytest.raises(SettlementError):
        bank_result_apply(
            [
                {"reference": payout.idempotency_key, "status": "success", "utr": "UTR000111"},
                {"reference": "not-ours", "status": "success", "utr": "UTR000222"},
            ],
            actor=None,
        )
    payout.refresh_from_db()
    assert payout.status == PayoutStatus.QUEUED
    assert ledger_balance(A.BANK) == 0


def test_platform_pays_artisans_with_a_bank_account(two_vendors):
    seller, _other = two_vendors
    artisans = [a.artisan for a in ItemAccrual.objects.filter(vendor=seller).order_by("pk")]
    # The run reads the artisan's bank details when it creates the payout.
    from odopmart.settlements.models import SettlementBatch

    for artisan in artisans:
        artisan.bank_account_number = f"9988776655{artisan.pk:02d}"
        artisan.bank_ifsc = "PUNB0123400"
        artisan.save()
    batch = settlement_run(now=at(date(2025, 2, 1)))
    assert isinstance(batch, SettlementBatch)
    share_payouts = list(Payout.objects.filter(artisan_payout__isnull=False).order_by("pk"))
    assert [p.amount_paise for p in share_payouts] == [120000, 120000]
    rows = list(csv.DictReader(io.StringIO(batch.bank_file.open("rb").read().decode())))
    assert len(rows) == 4  # two vendors, two artisans

    for payout in share_payouts:
        payout_mark_paid(payout, utr=f"UTRART{payout.pk:06d}", actor=None)
    for artisan in artisans:
        assert ledger_balance(A.ARTISAN_PAYABLE, artisan_id=artisan.pk) == 0
    assert ledger_balance(A.BANK) == -240000
    assert set(ArtisanPayout.objects.values_list("status", flat=True)) == {"paid"}
    batch.refresh_from_db()
    assert batch.status == BatchStatus.OPEN  # the vendors are not paid yet
    for payout in Payout.objects.filter(settlement__isnull=False):
        payout_mark_paid(payout, utr=f"UTRVEN{payout.pk:06d}", actor=None)
    batch.refresh_from_db()
    assert batch.status == BatchStatus.DONE
    assert ledger_trial_balance() == 0


def test_vendor_paid_artisan_is_given_back_in_the_next_settlement(two_vendors, sale, product_of):
    seller, _other = two_vendors
    batch = settlement_run(now=at(date(2025, 2, 1)))
    share = ArtisanPayout.objects.filter(batch=batch).order_by("pk").first()

    with pytest.raises(SettlementError):
        artisan_share_mark_paid_by_vendor(share, reference="", actor=None)
    artisan_share_mark_paid_by_vendor(share, reference="UPI 5021 8844", actor=None)
    with pytest.raises(SettlementError):  # already paid
        artisan_share_mark_paid_by_vendor(share, reference="UPI again", actor=None)

    share.refresh_from_db()
    assert share.status == ArtisanPayoutStatus.PAID_BY_VENDOR
    assert ledger_balance(A.ARTISAN_PAYABLE, artisan_id=share.artisan_id) == 0
    # The seller is now owed the settled ₹1,304 plus the ₹1,200 it paid its artisan.
    assert ledger_balance(A.VENDOR_PAYABLE, vendor_id=seller.pk) == -(130400 + 120000)
    assert vendor_payable_unsettled(seller.pk) == 120000

    following = settlement_run(now=at(date(2025, 2, 8)))
    again = Settlement.objects.get(batch=following, vendor=seller)
    assert (again.item_count, again.gross_paise, again.artisan_reimbursed_paise) == (0, 0, 120000)
    assert again.net_paise == 120000
    share.refresh_from_db()
    assert share.reimbursed_in == again
    assert settlement_run(now=at(date(2025, 2, 15))) is None  # given back once
    for payout in Payout.objects.filter(settlement__vendor=seller):
        payout_mark_paid(payout, utr=f"UTR{payout.pk:08d}", actor=None)
    assert ledger_balance(A.VENDOR_PAYABLE, vendor_id=seller.pk) == 0
    assert ledger_trial_balance() == 0


def test_vendor_without_bank_account_is_settled_but_not_paid(
    sale, make_vendor, product_of, commission
):
    vendor = make_vendor(gstin="09AAACH7409R1ZZ", pan="AAACH7409R")
    order = sale((product_of(vendor), 2), on=date(2025, 1, 15))
    deliver(order, date(2025, 1, 20))
    recognise(date(2025, 1, 28))
    batch = settlement_run(now=at(date(2025, 2, 1)))
    settlement = batch.settlements.get()
    assert settlement.status == SettlementStatus.DUE
    assert "bank account" in settlement.last_problem
    assert not Payout.objects.exists()
    assert not batch.bank_file
    assert ledger_trial_balance() == 0
