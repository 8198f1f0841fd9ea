"""Posting the marketplace's money events by the one accounting model every part follows.

    capture (online)        Dr gateway_clearing   / Cr buyer_receipts        capture:<payment>
    COD delivered           Dr cod_receivable     / Cr buyer_receipts        cod-delivered:<so>
    COD remitted            Dr bank               / Cr cod_receivable        (caller's key)
    refund recorded         Dr buyer_receipts     / Cr refunds_payable       refund:<refund>
    refund paid             Dr refunds_payable    / Cr gateway_clearing      refund-paid:<refund>
                            (Cr bank for cash on delivery, paid back by hand)
    item earned             Dr buyer_receipts     / Cr vendor_payable[v]     deliver:<item>
    commission              Dr vendor_payable[v]  / Cr commission_income     commission:<item>
                                                  + Cr gst_on_commission
    TCS (s.52)              Dr vendor_payable[v]  / Cr tcs_payable           tcs:<item>
    TDS (s.194-O)           Dr vendor_payable[v]  / Cr tds_payable           tds:<item>
    artisan's share         Dr vendor_payable[v]  / Cr artisan_payable[a]    artisan:<item>

An item is earned when it was delivered, its return window has closed and no return is open
(`ledger_recognise_due`); its figures are kept in an `ItemAccrual` row written in the same
transaction as its entries. Every posting is keyed by its cause, so running anything twice
records it once.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils import timezone

from odopmart.ledger.commission import commission_for
from odopmart.ledger.conf import ledger_setting
from odopmart.ledger.models import (
    AccountKind,
    ItemAccrual,
    JournalEntry,
    Posting,
    StatutoryRateKind,
)
from odopmart.ledger.posting import credit, debit, journal_post
from odopmart.ledger.rates import artisan_share_bp, statutory_rate
from odopmart.ledger.withholding import percent_of, tcs_on, tds_on
from odopmart.orders.models import Order, OrderItem, ReturnRequest, SellerOrder
from odopmart.orders.states import ItemStatus, ReturnStatus, SupplyType

logger = logging.getLogger("odopmart.ledger")

A = AccountKind
# Items whose money can be earned: delivered and kept, or returned and refunded.
EARNABLE_STATUSES = (ItemStatus.DELIVERED, ItemStatus.RETURNED, ItemStatus.REFUNDED)
RETURNED_STATUSES = frozenset({ItemStatus.RETURNED, ItemStatus.REFUNDED})
OPEN_RETURN_STATUSES = (ReturnStatus.REQUESTED, ReturnStatus.APPROVED)


def _local_date(moment: datetime | None) -> date:
    return timezone.localdate(moment) if moment is not None else timezone.localdate()


# --- receipts and refunds -----------------------------------------------------------------------


def ledger_post_capture(payment: Any, *, on: date | None = None) -> JournalEntry | None:
    """Money captured online for an order: the gateway holds it for the buyer."""
    amount = int(payment.captured_paise)
    if amount <= 0 or payment.provider == "cod":
        return None
    return journal_post(
        "payment_captured",
        f"capture:{payment.pk}",
        [debit(A.GATEWAY_CLEARING, amount), credit(A.BUYER_RECEIPTS, amount)],
        occurred_on=on or _local_date(None),
        memo=f"payment {payment.gateway_payment_id or payment.pk}",
        order_id=payment.order_id,
    )


def cod_delivered_amount(seller_order: SellerOrder) -> int:
    """What the courier collects for a seller order: its items still wanted plus shipping."""
    kept = [
        item.line_total_paise
        for item in seller_order.items.all()
        if item.status != ItemStatus.CANCELLED
    ]
    return sum(kept) + seller_order.shipping_paise if kept else 0


def ledger_post_cod_delivered(
    seller_order: SellerOrder, *, on: date | None = None
) -> JournalEntry | None:
    """A cash-on-delivery parcel was delivered: the logistics partner owes us the cash."""
    order = seller_order.order
    if order.payment_method != "cod":
        return None
    amount = cod_delivered_amount(seller_order)
    if amount <= 0:
        return None
    return journal_post(
        "cod_delivered",
        f"cod-delivered:{seller_order.pk}",
        [debit(A.COD_RECEIVABLE, amount), credit(A.BUYER_RECEIPTS, amount)],
        occurred_on=on or _local_date(None),
        memo=f"cash on delivery {seller_order.number}",
        order_id=order.pk,
        seller_order_id=seller_order.pk,
    )


def ledger_post_cod_remitted(
    *,
    dedupe_key: str,
    amount_paise: int,
    on: date,
    seller_order: SellerOrder | None = None,
    memo: str = "",
) -> JournalEntry:
    """The logistics partner paid collected cash into the operator's bank (the COD
    reconciliation calls this per matched seller order, keyed by the remittance line)."""
    links: dict[str, Any] = {}
    if seller_order is not None:
        links = {"order_id": seller_order.order_id, "seller_order_id": seller_order.pk}
    return journal_post(
        "cod_remitted",
        dedupe_key,
        [debit(A.BANK, amount_paise), credit(A.COD_RECEIVABLE, amount_paise)],
        occurred_on=on,
        memo=memo,
        **links,
    )


def ledger_post_refund(refund: Any, *, on: date | None = None) -> JournalEntry:
    """A refund was decided: what the buyer paid is now owed back to them."""
    payment = refund.payment
    amount = int(refund.amount_paise)
    return journal_post(
        "refund",
        f"refund:{refund.pk}",
        [debit(A.BUYER_RECEIPTS, amount), credit(A.REFUNDS_PAYABLE, amount)],
        occurred_on=on or _local_date(refund.created_at),
        memo=(refund.reason or "")[:200],
        order_id=payment.order_id,
        item_id=refund.item_id,
    )


def ledger_post_refund_paid(refund: Any, *, on: date | None = None) -> JournalEntry:
    """The refund reached the buyer: through the gateway, or in cash from the bank (COD)."""
    payment = refund.payment
    ledger_post_refund(refund)  # a refund made outside the orders flow posts here first
    amount = int(refund.amount_paise)
    source = A.BANK if payment.provider == "cod" else A.GATEWAY_CLEARING
    return journal_post(
        "refund_paid",
        f"refund-paid:{refund.pk}",
        [debit(A.REFUNDS_PAYABLE, amount), credit(source, amount)],
        occurred_on=on or _local_date(refund.processed_at),
        memo=f"refund {refund.gateway_refund_id or refund.pk}",
        order_id=payment.order_id,
        item_id=refund.item_id,
    )


# --- earning: the return window closed ----------------------------------------------------------


def shipping_shares(seller_order: SellerOrder) -> dict[int, tuple[int, int]]:
    """Each kept item's share of the seller order's shipping: (incl. GST, taxable value).

    Split by line total over the items not cancelled (cancellation happens only before
    shipment, so the set is fixed once anything is delivered); the last item takes the
    remainder so the shares add up to the charge exactly.
    """
    items = sorted(
        (i for i in seller_order.items.all() if i.status != ItemStatus.CANCELLED),
        key=lambda i: i.pk,
    )
    total = sum(i.line_total_paise for i in items)
    shares: dict[int, tuple[int, int]] = {}
    gross_left, taxable_left = seller_order.shipping_paise, seller_order.shipping_taxable_paise
    for index, item in enumerate(items):
        if index == len(items) - 1 or total == 0:
            shares[item.pk] = (gross_left, taxable_left)
            gross_left = taxable_left = 0
            continue
        gross = seller_order.shipping_paise * item.line_total_paise // total
        taxable = seller_order.shipping_taxable_paise * item.line_total_paise // total
        shares[item.pk] = (gross, taxable)
        gross_left -= gross
        taxable_left -= taxable
    return shares


def supply_date(order: Order) -> date:
    """The date of the sale whose rates apply: when the buyer paid (online), or when the
    order was placed (cash on delivery)."""
    return _local_date(order.paid_at or order.placed_at or order.created_at)


def item_accrual_figures(item: OrderItem, *, returned: bool) -> dict[str, Any]:
    """Every figure of an item's accrual (no writes): what the vendor earns and what is
    taken from it, at the rates in force on the date of supply."""
    seller_order = item.seller_order
    order = item.order
    vendor = item.vendor
    on = supply_date(order)
    ship_gross, ship_taxable = shipping_shares(seller_order).get(item.pk, (0, 0))
    line_kept = 0 if returned else item.line_total_paise
    gross = line_kept + ship_gross
    taxable = item.taxable_value_paise + ship_taxable
    returned_taxable = item.taxable_value_paise if returned else 0
    net_taxable = taxable - returned_taxable
    commission_base = 0 if returned else item.taxable_value_paise
    vendor_state = seller_order.vendor_state_code or vendor.gst_state_code

    fields: dict[str, Any] = {
        "item": item,
        "order": order,
        "seller_order": seller_order,
        "vendor": vendor,
        "artisan_id": item.artisan_id,
        "supplied_on": on,
        "supplier_registration": vendor.registration,
        "vendor_gstin": vendor.gstin,
        "vendor_pan": vendor.pan,
        "enrolment_number": vendor.enrolment_number,
        "supply_type": seller_order.supply_type,
        "place_of_supply_code": seller_order.place_of_supply_code,
        "returned": returned,
        "line_total_paise": item.line_total_paise,
        "shipping_paise": ship_gross,
        "shipping_taxable_paise": ship_taxable,
        "gross_paise": gross,
        "taxable_paise": taxable,
        "returned_taxable_paise": returned_taxable,
        "net_taxable_paise": net_taxable,
        "commission_base_paise": commission_base,
    }
    commission = commission_for(
        vendor_id=vendor.pk,
        category_id=item.product.category_id,
        vendor_state_code=vendor_state,
        base_paise=commission_base,
        on=on,
    )
    fields.update(
        commission_rate_bp=commission.rate_bp,
        commission_paise=commission.commission_paise,
        gst_on_commission_rate_bp=commission.gst_rate_bp,
        commission_cgst_paise=commission.gst.cgst_paise,
        commission_sgst_paise=commission.gst.sgst_paise,
        commission_igst_paise=commission.gst.igst_paise,
    )
    if vendor.is_registered:
        kind = (
            StatutoryRateKind.TCS_INTRA
            if seller_order.supply_type == SupplyType.INTRA_STATE
            else StatutoryRateKind.TCS_INTER
        )
        tcs_rate = statutory_rate(kind, on)
        tcs = tcs_on(net_taxable, tcs_rate.rate_bp, seller_order.supply_type)
        fields.update(
            tcs_rate=tcs_rate,
            tcs_rate_bp=tcs_rate.rate_bp,
            tcs_cgst_paise=tcs.cgst_paise,
            tcs_sgst_paise=tcs.sgst_paise,
            tcs_igst_paise=tcs.igst_paise,
        )
    # else: no TCS on an enrolled unregistered supplier (Notification 37/2023-CT).
    tds_kind = StatutoryRateKind.TDS_194O if vendor.pan else StatutoryRateKind.TDS_194O_NO_PAN
    tds_rate = statutory_rate(tds_kind, on)
    fields.update(
        tds_rate=tds_rate,
        tds_rate_bp=tds_rate.rate_bp,
        tds_paise=tds_on(net_taxable, tds_rate.rate_bp),
    )
    share_bp = artisan_share_bp(vendor_id=vendor.pk, on=on)
    fields.update(
        artisan_share_bp=share_bp,
        artisan_share_paise=percent_of(commission_base, share_bp),
    )
    fields["vendor_net_paise"] = (
        gross
        - commission.total_paise
        - fields.get("tcs_cgst_paise", 0)
        - fields.get("tcs_sgst_paise", 0)
        - fields.get("tcs_igst_paise", 0)
        - fields["tds_paise"]
        - fields["artisan_share_paise"]
    )
    return fields


def _post_accrual(accrual: ItemAccrual) -> None:
    v, item_id = accrual.vendor_id, accrual.item_id
    links = {
        "order_id": accrual.order_id,
        "seller_order_id": accrual.seller_order_id,
        "item_id": item_id,
    }
    on = accrual.recognised_on
    if accrual.gross_paise:
        journal_post(
            "earned",
            f"deliver:{item_id}",
            [
                debit(A.BUYER_RECEIPTS, accrual.gross_paise),
                credit(A.VENDOR_PAYABLE, accrual.gross_paise, vendor_id=v),
            ],
            occurred_on=on,
            memo="returned: shipping only" if accrual.returned else "",
            **links,
        )
    gst = accrual.gst_on_commission_paise
    if accrual.commission_paise or gst:
        journal_post(
            "commission",
            f"commission:{item_id}",
            [
                debit(A.VENDOR_PAYABLE, accrual.commission_paise + gst, vendor_id=v),
                credit(A.COMMISSION_INCOME, accrual.commission_paise),
                credit(A.GST_ON_COMMISSION, gst),
            ],
            occurred_on=on,
            memo=f"{accrual.commission_rate_bp / 100:g}% + GST",
            **links,
        )
    if accrual.tcs_paise:
        journal_post(
            "tcs",
            f"tcs:{item_id}",
            [
                debit(A.VENDOR_PAYABLE, accrual.tcs_paise, vendor_id=v),
                credit(A.TCS_PAYABLE, accrual.tcs_paise),
            ],
            occurred_on=on,
            memo=f"{accrual.tcs_rate_bp / 100:g}%",
            **links,
        )
    if accrual.tds_paise:
        journal_post(
            "tds",
            f"tds:{item_id}",
            [
                debit(A.VENDOR_PAYABLE, accrual.tds_paise, vendor_id=v),
                credit(A.TDS_PAYABLE, accrual.tds_paise),
            ],
            occurred_on=on,
            memo=f"{accrual.tds_rate_bp / 100:g}%",
            **links,
        )
    if accrual.artisan_share_paise:
        journal_post(
            "artisan_share",
            f"artisan:{item_id}",
            [
                debit(A.VENDOR_PAYABLE, accrual.artisan_share_paise, vendor_id=v),
                credit(
                    A.ARTISAN_PAYABLE, accrual.artisan_share_paise, artisan_id=accrual.artisan_id
                ),
            ],
            occurred_on=on,
            memo=f"{accrual.artisan_share_bp / 100:g}%",
            **links,
        )


def _has_open_return() -> Exists:
    return Exists(
        ReturnRequest.objects.filter(item=OuterRef("pk"), status__in=OPEN_RETURN_STATUSES)
    )


def items_due(now: datetime | None = None) -> QuerySet[OrderItem]:
    """Items whose money can be earned now: delivered, window closed, no return open, not
    yet recognised. One range condition per distinct return window, all in the database."""
    now = now or timezone.now()
    base = OrderItem.objects.filter(
        status__in=EARNABLE_STATUSES, delivered_at__isnull=False, accrual__isnull=True
    ).exclude(_has_open_return())
    windows = base.order_by().values_list("return_window_days", flat=True).distinct()
    due = OrderItem.objects.none()
    for days in windows:
        due = due | base.filter(
            return_window_days=days, delivered_at__lte=now - timedelta(days=days)
        )
    return due.order_by("delivered_at", "pk")


def ledger_recognise_item(item: OrderItem, *, now: datetime | None = None) -> ItemAccrual | None:
    """Earn one item if it is due: write its accrual and post its entries, together."""
    now = now or timezone.now()
    with transaction.atomic():
        item = (
            OrderItem.objects.select_for_update(of=("self",))
            .select_related("order", "seller_order", "vendor__state", "product")
            .get(pk=item.pk)
        )
        if ItemAccrual.objects.filter(item=item).exists():
            return None
        if item.status not in EARNABLE_STATUSES or item.delivered_at is None:
            return None
        if item.delivered_at + timedelta(days=item.return_window_days) > now:
            return None
        if ReturnRequest.objects.filter(item=item, status__in=OPEN_RETURN_STATUSES).exists():
            return None
        fields = item_accrual_figures(item, returned=item.status in RETURNED_STATUSES)
        accrual = ItemAccrual.objects.create(
            **fields, recognised_on=_local_date(now), recognised_at=now
        )
        _post_accrual(accrual)
    return accrual


def ledger_recognise_due(now: datetime | None = None) -> int:
    """Earn every due item (a task, a management command and part of the serve loop).
    Returns how many were recognised; an item that fails is logged and left for next time."""
    now = now or timezone.now()
    done = 0
    batch = int(ledger_setting("RECOGNISE_BATCH"))
    for item in list(items_due(now)[:batch]):
        try:
            if ledger_recognise_item(item, now=now) is not None:
                done += 1
        except Exception:
            logger.exception("Could not recognise item %s", item.pk)
    return done


# --- tracing ------------------------------------------------------------------------------------


def ledger_order_entries(order: Order) -> QuerySet[JournalEntry]:
    """Every entry an order caused (directly, or through its seller orders and items), with
    their postings and accounts, oldest first."""
    postings = Posting.objects.select_related("account__vendor", "account__artisan")
    return (
        JournalEntry.objects.filter(order=order)
        .select_related("seller_order", "item")
        .prefetch_related(Prefetch("postings", queryset=postings))
        .order_by("occurred_on", "created_at", "pk")
    )


def ledger_order_receipts_held(order: Order) -> int:
    """What the operator still holds for the buyer of this order (credit balance of buyer
    receipts over the order's entries)."""
    from django.db.models import Sum

    total = Posting.objects.filter(entry__order=order, account__kind=A.BUYER_RECEIPTS).aggregate(
        total=Sum("amount_paise")
    )["total"]
    return -int(total or 0)
