"""Settlement runs and payouts.

    vendor paid          Dr vendor_payable[v]   / Cr bank                 settle:<settlement>
    payout reversed      Dr bank                / Cr vendor_payable[v]    settle-reversed:<payout>
    artisan paid         Dr artisan_payable[a]  / Cr bank                 artisan-paid:<share>
    seller paid artisan  Dr artisan_payable[a]  / Cr vendor_payable[v]    artisan-vendor-paid:<id>

A run settles every recognised accrual not yet settled (its ``SettlementItem`` is one-to-one,
so an accrual is never settled twice). Nothing is posted when a payout is created: the ledger
moves only when the provider (or the operator, with the bank's UTR) says the money arrived, so
a rejected payout leaves the books as they were and the settlement is due again.
"""

from __future__ import annotations

import logging
import uuid
from collections import defaultdict
from datetime import datetime, timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Exists, OuterRef, Sum
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from odopmart.ledger.models import AccountKind, ItemAccrual, JournalEntry
from odopmart.ledger.posting import credit, debit, journal_post
from odopmart.settlements.conf import settlement_setting
from odopmart.settlements.exceptions import (
    PayoutRefused,
    SettlementError,
    TransientPayoutError,
)
from odopmart.settlements.models import (
    LIVE_PAYOUT_STATUSES,
    ArtisanPayout,
    ArtisanPayoutStatus,
    BatchStatus,
    Payout,
    PayoutEvent,
    PayoutStatus,
    Settlement,
    SettlementBatch,
    SettlementItem,
    SettlementStatus,
)
from odopmart.settlements.providers import provider_for
from odopmart.settlements.providers.manual import bank_file_csv

logger = logging.getLogger("odopmart.settlements")
A = AccountKind
P = PayoutStatus

# Statuses a payout can move on from; processed can still be reversed by the bank.
NEXT_STATUSES: dict[str, set[str]] = {
    P.PENDING: {P.QUEUED, P.PROCESSING, P.PROCESSED, P.REJECTED, P.FAILED, P.REVERSED},
    P.QUEUED: {P.PROCESSING, P.PROCESSED, P.REJECTED, P.FAILED, P.REVERSED},
    P.PROCESSING: {P.PROCESSED, P.REJECTED, P.FAILED, P.REVERSED},
    P.PROCESSED: {P.REVERSED},
    P.REVERSED: set(),
    P.REJECTED: set(),
    P.FAILED: set(),
}


def _user(actor: Any) -> Any:
    return actor if getattr(actor, "is_authenticated", False) else None


def new_idempotency_key() -> str:
    """36 characters (a UUID): what RazorpayX's X-Payout-Idempotency accepts (4-36)."""
    return str(uuid.uuid4())


def retry_delay(attempt: int) -> timedelta:
    base = int(settlement_setting("PAYOUT_RETRY_BASE_SECONDS"))
    most = int(settlement_setting("PAYOUT_RETRY_MAX_SECONDS"))
    return timedelta(seconds=min(most, base * 2 ** max(0, attempt - 1)))


# --- the run ------------------------------------------------------------------------------------


def unsettled_accruals(cut_off: datetime | None = None) -> Any:
    # NOT EXISTS rather than an outer join: PostgreSQL can then lock the rows (FOR UPDATE).
    found = ItemAccrual.objects.filter(
        ~Exists(SettlementItem.objects.filter(accrual=OuterRef("pk")))
    )
    if cut_off is not None:
        found = found.filter(recognised_at__lte=cut_off)
    return found


def _statement(accruals: list[ItemAccrual]) -> dict[str, int]:
    figures = defaultdict(int)
    for accrual in accruals:
        figures["sales_paise"] += accrual.line_total_paise + accrual.shipping_paise
        figures["returns_paise"] += accrual.line_total_paise if accrual.returned else 0
        figures["gross_paise"] += accrual.gross_paise
        figures["commission_paise"] += accrual.commission_paise
        figures["gst_on_commission_paise"] += accrual.gst_on_commission_paise
        figures["tcs_paise"] += accrual.tcs_paise
        figures["tds_paise"] += accrual.tds_paise
        figures["artisan_share_paise"] += accrual.artisan_share_paise
        figures["net_paise"] += accrual.vendor_net_paise
    return dict(figures)


def _narration(kind: str, number: int) -> str:
    # RazorpayX: at most 30 letters, digits and spaces; banks print it on the statement.
    return f"ODOP {kind} {number}"[:30]


def _vendor_payout(
    settlement: Settlement, provider: str, now: datetime | None = None
) -> Payout | None:
    vendor = settlement.vendor
    if settlement.net_paise <= 0:
        return None
    if not (vendor.bank_account_number and vendor.bank_ifsc):
        # Stored in English and translated when shown (read in either language).
        settlement.last_problem = gettext_noop("The seller has no bank account on record.")
        settlement.save(update_fields=["last_problem"])
        return None
    return Payout.objects.create(
        settlement=settlement,
        vendor=vendor,
        amount_paise=settlement.net_paise,
        provider=provider,
        idempotency_key=new_idempotency_key(),
        beneficiary_name=(vendor.bank_account_holder or vendor.name_en)[:120],
        account_number=vendor.bank_account_number,
        ifsc=vendor.bank_ifsc.upper(),
        narration=_narration("settlement", settlement.pk),
        created_at=now or timezone.now(),
        next_attempt_at=now or timezone.now(),
    )


def _artisan_payout(
    share: ArtisanPayout, provider: str, now: datetime | None = None
) -> Payout | None:
    artisan = share.artisan
    if not (artisan.bank_account_number and artisan.bank_ifsc):
        share.last_problem = gettext_noop(
            "The artisan has no bank account on record: the seller may pay and mark it paid."
        )
        share.save(update_fields=["last_problem"])
        return None
    return Payout.objects.create(
        artisan_payout=share,
        artisan=artisan,
        amount_paise=share.amount_paise,
        provider=provider,
        idempotency_key=new_idempotency_key(),
        beneficiary_name=artisan.name_en[:120],
        account_number=artisan.bank_account_number,
        ifsc=artisan.bank_ifsc.upper(),
        narration=_narration("artisan", share.pk),
        created_at=now or timezone.now(),
        next_attempt_at=now or timezone.now(),
    )


def _record(payout: Payout, to: str, *, source: str, actor: Any = None, reason: str = "") -> None:
    PayoutEvent.objects.create(
        payout=payout,
        from_status="",
        to_status=to,
        source=source,
        actor=_user(actor),
        reason=reason,
    )


def settlement_run(now: datetime | None = None, *, actor: Any = None) -> SettlementBatch | None:
    """Settle every recognised accrual not settled yet, one Settlement per vendor, and queue
    their payouts (and the artisans' shares, when the marketplace pays artisans).

    Returns the batch, or None when there was nothing to settle. Manual payouts are listed in
    the batch's bank file; RazorpayX payouts are sent after commit (``payouts_send_due``).
    """
    now = now or timezone.now()
    provider = provider_for()
    with transaction.atomic():
        accruals = list(
            unsettled_accruals(now)
            .select_for_update(of=("self",))
            .select_related("vendor", "artisan")
            .order_by("vendor_id", "pk")
        )
        reimbursements = list(
            ArtisanPayout.objects.select_for_update()
            .filter(status=ArtisanPayoutStatus.PAID_BY_VENDOR, reimbursed_in__isnull=True)
            .order_by("pk")
        )
        by_vendor: dict[int, list[ItemAccrual]] = defaultdict(list)
        for accrual in accruals:
            by_vendor[accrual.vendor_id].append(accrual)
        owed_back: dict[int, list[ArtisanPayout]] = defaultdict(list)
        for share in reimbursements:
            owed_back[share.vendor_id].append(share)
        vendor_ids = sorted(set(by_vendor) | set(owed_back))
        if not vendor_ids:
            return None
        batch = SettlementBatch.objects.create(
            created_at=now, cut_off=now, provider=provider.name, created_by=_user(actor)
        )
        artisan_pays = settlement_setting("ARTISAN_PAYOUTS") == "platform"
        payouts: list[Payout] = []
        for vendor_id in vendor_ids:
            mine = by_vendor.get(vendor_id, [])
            figures = _statement(mine)
            reimbursed = sum(share.amount_paise for share in owed_back.get(vendor_id, []))
            net = figures.get("net_paise", 0) + reimbursed
            if net < 0:
                # Never ask a vendor for money back by transfer: carried to a later run.
                logger.warning("vendor %s nets %s paise; carried forward", vendor_id, net)
                continue
            dates = [a.recognised_on for a in mine] or [timezone.localdate(now)]
            settlement = Settlement.objects.create(
                batch=batch,
                vendor_id=vendor_id,
                period_start=min(dates),
                period_end=max(dates),
                item_count=len(mine),
                **{key: value for key, value in figures.items() if key != "net_paise"},
                artisan_reimbursed_paise=reimbursed,
                net_paise=net,
                status=SettlementStatus.DUE if net > 0 else SettlementStatus.RECONCILED,
            )
            ArtisanPayout.objects.filter(
                pk__in=[share.pk for share in owed_back.get(vendor_id, [])]
            ).update(reimbursed_in=settlement)
            shares: dict[int, ArtisanPayout] = {}
            for artisan_id in sorted({a.artisan_id for a in mine if a.artisan_share_paise > 0}):
                amount = sum(a.artisan_share_paise for a in mine if a.artisan_id == artisan_id)
                shares[artisan_id] = ArtisanPayout.objects.create(
                    batch=batch, artisan_id=artisan_id, vendor_id=vendor_id, amount_paise=amount
                )
            SettlementItem.objects.bulk_create(
                SettlementItem(
                    accrual=accrual,
                    settlement=settlement,
                    artisan_payout=shares.get(accrual.artisan_id)
                    if accrual.artisan_share_paise > 0
                    else None,
                )
                for accrual in mine
            )
            payout = _vendor_payout(settlement, provider.name, now)
            if payout is not None:
                payouts.append(payout)
            if artisan_pays:
                for share in shares.values():
                    share_payout = _artisan_payout(share, provider.name, now)
                    if share_payout is not None:
                        payouts.append(share_payout)
        for payout in payouts:
            _record(payout, P.PENDING, source="run", actor=actor, reason="settlement run")
        if not provider.sends_itself:
            for payout in payouts:
                _move(payout, P.QUEUED, source="run", actor=actor, reason="in the bank file")
            batch_write_bank_file(batch)
        _batch_refresh(batch)
    if provider.sends_itself:
        transaction.on_commit(payouts_send_due, robust=True)
    logger.info("settlement batch %s: %s vendor(s)", batch.pk, len(vendor_ids))
    return batch


def batch_write_bank_file(batch: SettlementBatch) -> None:
    """(Re)write the manual transfer file: every manual payout of the batch still queued."""
    queued = list(batch_payouts(batch).filter(provider="manual", status=P.QUEUED).order_by("pk"))
    if not queued:
        if batch.bank_file:
            batch.bank_file.delete(save=False)
            batch.bank_file = ""
            batch.save(update_fields=["bank_file"])
        return
    name = f"odopmart-batch-{batch.pk}-{timezone.localtime():%Y%m%d%H%M%S}.csv"
    if batch.bank_file:
        batch.bank_file.delete(save=False)
    batch.bank_file.save(name, ContentFile(bank_file_csv(queued)), save=True)


def batch_payouts(batch: SettlementBatch) -> Any:
    from django.db.models import Q

    return Payout.objects.filter(
        Q(settlement__batch=batch) | Q(artisan_payout__batch=batch)
    ).select_related("vendor", "artisan", "settlement", "artisan_payout")


def _batch_refresh(batch: SettlementBatch) -> None:
    open_settlements = batch.settlements.filter(
        status__in=(SettlementStatus.DUE, SettlementStatus.FAILED)
    ).exists()
    open_shares = batch.artisan_payouts.filter(status=ArtisanPayoutStatus.DUE).exists()
    status = BatchStatus.OPEN if open_settlements or open_shares else BatchStatus.DONE
    if batch.status != status:
        batch.status = status
        batch.save(update_fields=["status"])


# --- payouts ------------------------------------------------------------------------------------


def _lock_payout(payout_id: int) -> Payout:
    return (
        Payout.objects.select_for_update(of=("self",))
        .select_related("settlement", "artisan_payout")
        .get(pk=payout_id)
    )


def _ledger_key(prefix: str, target_id: int, payout: Payout, siblings: Any) -> str:
    # The first payment of a settlement is settle:<id>; after a reversal, a new payment of the
    # same settlement needs its own key (the first entry and its reversal both stand).
    if siblings.filter(status=P.REVERSED).exclude(pk=payout.pk).exists():
        return f"{prefix}:{target_id}:p{payout.pk}"
    return f"{prefix}:{target_id}"


def _post_paid(payout: Payout) -> JournalEntry:
    on = timezone.localdate()
    amount = payout.amount_paise
    if payout.settlement_id:
        settlement = payout.settlement
        key = _ledger_key("settle", settlement.pk, payout, settlement.payouts.all())
        return journal_post(
            "settlement_paid",
            key,
            [debit(A.VENDOR_PAYABLE, amount, vendor_id=payout.vendor_id), credit(A.BANK, amount)],
            occurred_on=on,
            memo=f"settlement {settlement.pk} paid {payout.utr}".strip(),
        )
    share = payout.artisan_payout
    key = _ledger_key("artisan-paid", share.pk, payout, share.payouts.all())
    return journal_post(
        "artisan_paid",
        key,
        [debit(A.ARTISAN_PAYABLE, amount, artisan_id=payout.artisan_id), credit(A.BANK, amount)],
        occurred_on=on,
        memo=f"artisan share {share.pk} paid {payout.utr}".strip(),
    )


def _post_reversed(payout: Payout) -> None:
    amount = payout.amount_paise
    on = timezone.localdate()
    if payout.settlement_id:
        legs = [debit(A.BANK, amount), credit(A.VENDOR_PAYABLE, amount, vendor_id=payout.vendor_id)]
    else:
        legs = [
            debit(A.BANK, amount),
            credit(A.ARTISAN_PAYABLE, amount, artisan_id=payout.artisan_id),
        ]
    journal_post(
        "payout_reversed",
        f"payout-reversed:{payout.pk}",
        legs,
        occurred_on=on,
        memo=f"payout {payout.pk} reversed: {payout.failure_reason}"[:255],
    )


def _move(
    payout: Payout,
    to: str,
    *,
    source: str,
    actor: Any = None,
    reason: str = "",
    utr: str = "",
    provider_payout_id: str = "",
) -> bool:
    """The one place a payout changes status: its event, the ledger and what it pays for.
    Returns False (and changes nothing) for a move its status does not allow."""
    if to == payout.status:
        changed = []
        if utr and utr != payout.utr:
            payout.utr = utr[:40]
            changed.append("utr")
        if provider_payout_id and not payout.provider_payout_id:
            payout.provider_payout_id = provider_payout_id[:40]
            changed.append("provider_payout_id")
        if changed:
            payout.updated_at = timezone.now()
            payout.save(update_fields=[*changed, "updated_at"])
            if to == P.PROCESSED:
                _target_paid(payout, actor=actor)
        return bool(changed)
    if to not in NEXT_STATUSES[payout.status]:
        return False
    from_status = payout.status
    payout.status = to
    payout.updated_at = timezone.now()
    payout.next_attempt_at = None
    if utr:
        payout.utr = utr[:40]
    if provider_payout_id:
        payout.provider_payout_id = provider_payout_id[:40]
    if reason and to in (P.REJECTED, P.FAILED, P.REVERSED):
        payout.failure_reason = reason
    payout.save()
    PayoutEvent.objects.create(
        payout=payout,
        from_status=from_status,
        to_status=to,
        source=source,
        actor=_user(actor),
        reason=reason,
    )
    if to == P.PROCESSED:
        _post_paid(payout)
        _target_paid(payout, actor=actor)
    elif to in (P.REJECTED, P.FAILED, P.REVERSED):
        if from_status == P.PROCESSED:
            _post_reversed(payout)
        _target_unpaid(payout, reason or gettext_noop("The payout did not go through."))
    return True


def _target_paid(payout: Payout, *, actor: Any) -> None:
    now = timezone.now()
    if payout.settlement_id:
        settlement = payout.settlement
        settlement.status = SettlementStatus.RECONCILED if payout.utr else SettlementStatus.PAID
        settlement.utr = payout.utr
        settlement.paid_at = settlement.paid_at or now
        settlement.last_problem = ""
        settlement.save(update_fields=["status", "utr", "paid_at", "last_problem"])
        _batch_refresh(settlement.batch)
    else:
        share = payout.artisan_payout
        share.status = ArtisanPayoutStatus.PAID
        share.reference = payout.utr or share.reference
        share.paid_at = share.paid_at or now
        share.last_problem = ""
        share.save(update_fields=["status", "reference", "paid_at", "last_problem"])
        _batch_refresh(share.batch)


def _target_unpaid(payout: Payout, reason: str) -> None:
    """A payout that did not (or no longer) pays: its settlement or share is due again."""
    if payout.settlement_id:
        settlement = payout.settlement
        settlement.status = SettlementStatus.DUE
        settlement.paid_at = None
        settlement.utr = ""
        settlement.last_problem = reason
        settlement.save(update_fields=["status", "paid_at", "utr", "last_problem"])
        _batch_refresh(settlement.batch)
    else:
        share = payout.artisan_payout
        if share.status == ArtisanPayoutStatus.PAID_BY_VENDOR:
            return
        share.status = ArtisanPayoutStatus.DUE
        share.paid_at = None
        share.last_problem = reason
        share.save(update_fields=["status", "paid_at", "last_problem"])
        _batch_refresh(share.batch)


def payout_apply(
    payout: Payout,
    result: Any,
    *,
    source: str,
    actor: Any = None,
) -> Payout:
    """Record what the provider says of a payout (a ProviderPayout), once."""
    with transaction.atomic():
        locked = _lock_payout(payout.pk)
        _move(
            locked,
            result.status,
            source=source,
            actor=actor,
            reason=result.reason,
            utr=result.utr,
            provider_payout_id=result.provider_payout_id,
        )
    return locked


def payout_send(payout: Payout, *, actor: Any = None) -> Payout:
    """Send one pending payout to its provider (same idempotency key on every attempt).

    A transient failure (5xx, timeout) leaves it pending with a later ``next_attempt_at``
    (exponential back-off); after PAYOUT_MAX_ATTEMPTS it fails and its settlement is marked
    failed for a person to look at. A refusal (4xx) is recorded as rejected with its reason.
    """
    with transaction.atomic():
        locked = _lock_payout(payout.pk)
        if locked.status != P.PENDING:
            return locked
        locked.attempts += 1
        locked.updated_at = timezone.now()
        locked.save(update_fields=["attempts", "updated_at"])
    provider = provider_for(locked.provider)
    try:
        result = provider.send(locked)
    except TransientPayoutError as error:
        return _send_failed(locked, str(error), actor=actor)
    except PayoutRefused as error:
        with transaction.atomic():
            again = _lock_payout(locked.pk)
            _move(again, P.REJECTED, source="provider", actor=actor, reason=str(error))
        return again
    return payout_apply(locked, result, source="provider", actor=actor)


def _send_failed(payout: Payout, problem: str, *, actor: Any) -> Payout:
    with transaction.atomic():
        locked = _lock_payout(payout.pk)
        if locked.status != P.PENDING:
            return locked
        if locked.attempts >= int(settlement_setting("PAYOUT_MAX_ATTEMPTS")):
            _move(locked, P.FAILED, source="provider", actor=actor, reason=problem)
            if locked.settlement_id:
                Settlement.objects.filter(pk=locked.settlement_id).update(
                    status=SettlementStatus.FAILED
                )
            return locked
        locked.next_attempt_at = timezone.now() + retry_delay(locked.attempts)
        locked.failure_reason = problem
        locked.save(update_fields=["next_attempt_at", "failure_reason"])
        logger.warning("payout %s: %s; retry at %s", locked.pk, problem, locked.next_attempt_at)
    return locked


def payouts_send_due(now: datetime | None = None, *, limit: int = 100) -> int:
    """Send every pending payout of a sending provider whose time has come."""
    now = now or timezone.now()
    due = list(
        Payout.objects.filter(status=P.PENDING, next_attempt_at__lte=now)
        .exclude(provider="manual")
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    for payout_id in due:
        try:
            payout_send(Payout.objects.get(pk=payout_id))
        except Exception:  # one payout's bug must not stop the others
            logger.exception("payout %s could not be sent", payout_id)
    return len(due)


def payout_mark_paid(payout: Payout, *, utr: str, actor: Any) -> Payout:
    """The operator confirms a manual transfer with the bank's UTR."""
    utr = (utr or "").strip()
    if not (4 <= len(utr) <= 40) or not utr.replace("-", "").isalnum():
        raise SettlementError("bad_utr", gettext("Enter the bank's UTR (4-40 letters or digits)."))
    with transaction.atomic():
        locked = _lock_payout(payout.pk)
        if locked.status not in (P.PENDING, P.QUEUED, P.PROCESSING, P.PROCESSED):
            raise SettlementError(
                "not_payable", gettext("This payout was rejected or failed; retry it instead.")
            )
        _move(locked, P.PROCESSED, source="staff", actor=actor, reason="marked paid", utr=utr)
        _rewrite_bank_file(locked)
    return locked


def payout_mark_rejected(payout: Payout, *, reason: str, actor: Any) -> Payout:
    """The operator's bank refused a manual transfer (wrong account, closed account...)."""
    reason = (reason or "").strip()
    if not reason:
        raise SettlementError("reason_required", gettext("Say why the bank refused it."))
    with transaction.atomic():
        locked = _lock_payout(payout.pk)
        if not _move(locked, P.REJECTED, source="staff", actor=actor, reason=reason[:500]):
            raise SettlementError("not_rejectable", gettext("This payout can't be marked refused."))
        _rewrite_bank_file(locked)
    return locked


def _rewrite_bank_file(payout: Payout) -> None:
    if payout.provider != "manual":
        return
    batch = payout.settlement.batch if payout.settlement_id else payout.artisan_payout.batch
    transaction.on_commit(lambda: batch_write_bank_file(batch), robust=True)


def settlement_pay_again(settlement: Settlement, *, actor: Any) -> Payout:
    """A new payout (a new idempotency key) for a settlement whose payout was refused or
    failed, e.g. after the vendor corrected its bank account."""
    with transaction.atomic():
        locked = (
            Settlement.objects.select_for_update()
            .select_related("vendor", "batch")
            .get(pk=settlement.pk)
        )
        if locked.status not in (SettlementStatus.DUE, SettlementStatus.FAILED):
            raise SettlementError("not_due", gettext("This settlement is already paid."))
        live = locked.payouts.filter(status__in=LIVE_PAYOUT_STATUSES).first()
        if live is not None:
            raise SettlementError(
                "payout_live", gettext("A payout for this settlement is still being processed.")
            )
        provider = provider_for()
        payout = _vendor_payout(locked, provider.name)
        if payout is None:
            raise SettlementError(
                "no_bank_account", gettext("The seller has no bank account on record.")
            )
        locked.status = SettlementStatus.DUE
        locked.save(update_fields=["status"])
        _start(payout, provider, actor=actor)
    if provider.sends_itself:
        transaction.on_commit(lambda: payout_send(payout, actor=actor), robust=True)
    return payout


def artisan_share_pay_again(share: ArtisanPayout, *, actor: Any) -> Payout:
    with transaction.atomic():
        locked = (
            ArtisanPayout.objects.select_for_update()
            .select_related("artisan", "batch")
            .get(pk=share.pk)
        )
        if locked.status != ArtisanPayoutStatus.DUE:
            raise SettlementError("not_due", gettext("This share is already paid."))
        if locked.payouts.filter(status__in=LIVE_PAYOUT_STATUSES).exists():
            raise SettlementError(
                "payout_live", gettext("A payout for this share is still being processed.")
            )
        provider = provider_for()
        payout = _artisan_payout(locked, provider.name)
        if payout is None:
            raise SettlementError(
                "no_bank_account", gettext("The artisan has no bank account on record.")
            )
        _start(payout, provider, actor=actor)
    if provider.sends_itself:
        transaction.on_commit(lambda: payout_send(payout, actor=actor), robust=True)
    return payout


def _start(payout: Payout, provider: Any, *, actor: Any) -> None:
    _record(payout, P.PENDING, source="staff", actor=actor, reason="paid again")
    if not provider.sends_itself:
        _move(payout, P.QUEUED, source="staff", actor=actor, reason="in the bank file")
        batch = payout.settlement.batch if payout.settlement_id else payout.artisan_payout.batch
        transaction.on_commit(lambda: batch_write_bank_file(batch), robust=True)


def artisan_share_mark_paid_by_vendor(
    share: ArtisanPayout, *, reference: str, actor: Any
) -> ArtisanPayout:
    """The vendor paid the artisan itself: recorded with its reference, and the share is given
    back to the vendor in its next settlement (Dr artisan_payable / Cr vendor_payable)."""
    reference = (reference or "").strip()
    if not (3 <= len(reference) <= 60):
        raise SettlementError(
            "bad_reference",
            gettext("Enter the payment's reference (UTR, UPI or receipt number, 3-60 characters)."),
        )
    with transaction.atomic():
        locked = ArtisanPayout.objects.select_for_update().get(pk=share.pk)
        if locked.status != ArtisanPayoutStatus.DUE:
            raise SettlementError("not_due", gettext("This share is already paid."))
        if locked.payouts.filter(status__in=LIVE_PAYOUT_STATUSES).exists():
            raise SettlementError(
                "payout_live",
                gettext("The marketplace is already paying this share; wait for its result."),
            )
        locked.status = ArtisanPayoutStatus.PAID_BY_VENDOR
        locked.reference = reference
        locked.paid_at = timezone.now()
        locked.marked_by = _user(actor)
        locked.last_problem = ""
        locked.save(update_fields=["status", "reference", "paid_at", "marked_by", "last_problem"])
        amount = locked.amount_paise
        journal_post(
            "artisan_paid_by_vendor",
            f"artisan-vendor-paid:{locked.pk}",
            [
                debit(A.ARTISAN_PAYABLE, amount, artisan_id=locked.artisan_id),
                credit(A.VENDOR_PAYABLE, amount, vendor_id=locked.vendor_id),
            ],
            occurred_on=timezone.localdate(),
            memo=f"paid by the seller: {reference}"[:255],
        )
        _batch_refresh(locked.batch)
    return locked


# --- the bank's result file (manual provider) ---------------------------------------------------


def bank_result_apply(rows: list[dict[str, str]], *, actor: Any) -> dict[str, int]:
    """Apply the bank's result rows (reference = our payout reference, status, utr, reason):
    a success marks the payout paid with its UTR, a failure marks it refused with the reason.
    Every row is checked before anything is written."""
    counts = {"paid": 0, "rejected": 0, "unchanged": 0}
    checked: list[tuple[Payout, str, str, str]] = []
    problems: list[str] = []
    for number, row in enumerate(rows, start=2):
        reference = (row.get("reference") or "").strip()
        status = (row.get("status") or "").strip().lower()
        payout = Payout.objects.filter(idempotency_key=reference, provider="manual").first()
        if payout is None:
            problems.append(gettext("line %(n)s: unknown reference") % {"n": number})
        elif status not in {"success", "paid", "processed", "failed", "rejected", "returned"}:
            problems.append(gettext("line %(n)s: unknown status") % {"n": number})
        else:
            checked.append((payout, status, row.get("utr", "").strip(), row.get("reason", "")))
    if problems:
        raise SettlementError("bad_result_file", "; ".join(problems[:10]))
    with transaction.atomic():
        for payout, status, utr, reason in checked:
            if status in {"success", "paid", "processed"}:
                if payout.status in (P.PROCESSED,) and payout.utr == utr:
                    counts["unchanged"] += 1
                    continue
                payout_mark_paid(payout, utr=utr, actor=actor)
                counts["paid"] += 1
            else:
                locked = _lock_payout(payout.pk)
                if _move(locked, P.REJECTED, source="bank_file", actor=actor,
                         reason=(reason or status)[:500]):  # fmt: skip
                    _rewrite_bank_file(locked)
                    counts["rejected"] += 1
                else:
                    counts["unchanged"] += 1
    return counts


# --- reads --------------------------------------------------------------------------------------


def vendor_payable_unsettled(vendor_id: int) -> int:
    """What the books say the vendor is owed and not yet settled: the sum of vendor_net of its
    unsettled accruals plus artisans' shares it paid itself and has not been given back."""
    net = unsettled_accruals().filter(vendor_id=vendor_id).aggregate(t=Sum("vendor_net_paise"))
    back = ArtisanPayout.objects.filter(
        vendor_id=vendor_id,
        status=ArtisanPayoutStatus.PAID_BY_VENDOR,
        reimbursed_in__isnull=True,
    ).aggregate(t=Sum("amount_paise"))
    return int(net["t"] or 0) + int(back["t"] or 0)
