from __future__ import annotations

from datetime import date

import pytest

from odopmart.ledger.exceptions import LedgerError
from odopmart.ledger.models import AccountKind as K
from odopmart.ledger.models import JournalEntry, Posting
from odopmart.ledger.posting import (
    credit,
    debit,
    journal_post,
    ledger_balance,
    ledger_trial_balance,
)

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 24)


def test_balanced_entry_is_recorded_once() -> None:
    legs = [debit(K.GATEWAY_CLEARING, 105_000), credit(K.BUYER_RECEIPTS, 105_000)]
    first = journal_post("payment_captured", "pay:1", legs, occurred_on=TODAY)
    again = journal_post("payment_captured", "pay:1", legs, occurred_on=TODAY)
    assert first.pk == again.pk
    assert Posting.objects.count() == 2
    assert ledger_balance(K.GATEWAY_CLEARING) == 105_000
    assert ledger_balance(K.BUYER_RECEIPTS) == -105_000
    assert ledger_trial_balance() == 0


def test_unbalanced_entry_is_refused_and_writes_nothing() -> None:
    with pytest.raises(LedgerError) as error:
        journal_post(
            "payment_captured", "pay:2",
            [debit(K.GATEWAY_CLEARING, 100), credit(K.BUYER_RECEIPTS, 99)],
            occurred_on=TODAY,
        )  # fmt: skip
    assert error.value.code == "unbalanced"
    assert not JournalEntry.objects.exists()


def test_zero_legs_are_dropped_and_an_empty_entry_refused() -> None:
    entry = journal_post(
        "commission", "c:1",
        [debit(K.VENDOR_PAYABLE, 500, vendor_id=None), credit(K.COMMISSION_INCOME, 500),
         credit(K.GST_ON_COMMISSION, 0)],
        occurred_on=TODAY,
    )  # fmt: skip
    assert entry.postings.count() == 2
    with pytest.raises(LedgerError) as error:
        journal_post("commission", "c:2", [credit(K.GST_ON_COMMISSION, 0)], occurred_on=TODAY)
    assert error.value.code == "empty_entry"


def test_unknown_account_kind_is_refused() -> None:
    with pytest.raises(LedgerError) as error:
        journal_post("x", "x:1", [debit("petty_cash", 1), credit(K.BANK, 1)], occurred_on=TODAY)
    assert error.value.code == "unknown_account"
    assert not JournalEntry.objects.exists()


def test_party_accounts_are_kept_apart(make_vendor) -> None:  # noqa: ANN001
    first, second = make_vendor(), make_vendor()
    journal_post(
        "settlement_due", "s:1",
        [debit(K.BUYER_RECEIPTS, 700), credit(K.VENDOR_PAYABLE, 400, vendor_id=first.pk),
         credit(K.VENDOR_PAYABLE, 300, vendor_id=second.pk)],
        occurred_on=TODAY,
    )  # fmt: skip
    assert ledger_balance(K.VENDOR_PAYABLE, vendor_id=first.pk) == -400
    assert ledger_balance(K.VENDOR_PAYABLE, vendor_id=second.pk) == -300
