"""Posting to the ledger: one balanced entry per money event, recorded once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Sum

from odopmart.ledger.exceptions import LedgerError
from odopmart.ledger.models import AccountKind, JournalEntry, LedgerAccount, Posting


@dataclass(frozen=True)
class Leg:
    """One side of an entry: `amount_paise` > 0 debits the account, < 0 credits it."""

    kind: str
    amount_paise: int
    vendor_id: int | None = None
    artisan_id: int | None = None


def debit(kind: str, amount_paise: int, **party: int | None) -> Leg:
    return Leg(kind, amount_paise, **party)


def credit(kind: str, amount_paise: int, **party: int | None) -> Leg:
    return Leg(kind, -amount_paise, **party)


def ledger_account(
    kind: str, *, vendor_id: int | None = None, artisan_id: int | None = None
) -> LedgerAccount:
    if kind not in AccountKind.values:
        raise LedgerError("unknown_account", f"Unknown ledger account kind {kind!r}.")
    account, _ = LedgerAccount.objects.get_or_create(
        kind=kind, vendor_id=vendor_id, artisan_id=artisan_id
    )
    return account


def journal_post(
    kind: str,
    dedupe_key: str,
    legs: Iterable[Leg],
    *,
    occurred_on: date,
    memo: str = "",
    **links: Any,
) -> JournalEntry:
    """Record a balanced entry once. Zero legs are dropped; an entry with nothing left or that
    does not sum to zero is refused, so the ledger always balances.

    Call it inside the transaction that makes the money event happen.
    """
    kept = [leg for leg in legs if leg.amount_paise]
    if not kept:
        raise LedgerError("empty_entry", f"Entry {dedupe_key} has no amounts.")
    total = sum(leg.amount_paise for leg in kept)
    if total != 0:
        raise LedgerError("unbalanced", f"Entry {dedupe_key} is off by {total} paise.")
    existing = JournalEntry.objects.filter(dedupe_key=dedupe_key).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            entry = JournalEntry.objects.create(
                kind=kind, dedupe_key=dedupe_key, memo=memo[:255], occurred_on=occurred_on,
                **links,
            )  # fmt: skip
            Posting.objects.bulk_create(
                Posting(
                    entry=entry,
                    account=ledger_account(
                        leg.kind, vendor_id=leg.vendor_id, artisan_id=leg.artisan_id
                    ),
                    amount_paise=leg.amount_paise,
                )
                for leg in kept
            )
    except IntegrityError:
        # Someone posted the same event at the same moment: theirs stands.
        return JournalEntry.objects.get(dedupe_key=dedupe_key)
    return entry


def ledger_balance(
    kind: str, *, vendor_id: int | None = None, artisan_id: int | None = None
) -> int:
    """Debit-positive balance of one account (a liability's balance is negative)."""
    total = Posting.objects.filter(
        account__kind=kind, account__vendor_id=vendor_id, account__artisan_id=artisan_id
    ).aggregate(total=Sum("amount_paise"))["total"]
    return int(total or 0)


def ledger_trial_balance() -> int:
    """The sum of every posting: zero when the books balance."""
    return int(Posting.objects.aggregate(total=Sum("amount_paise"))["total"] or 0)
