"""Money owed to sellers and artisans: the artisan's own earnings, a vendor's settlements.

Every endpoint needs ``Authorization: Bearer <token>`` (401 without). An artisan sees only their
own earnings (a user who is not an artisan gets 404); a vendor's settlements are for its members
only — another vendor's id answers 404 exactly as an unknown id does.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.http import Http404, HttpRequest
from ninja import Path, Router, Schema

from odopmart.accounts.api_auth import TokenAuth
from odopmart.api.errors import ErrorOut, ValidationErrorOut
from odopmart.core.money import format_inr
from odopmart.sellers.access import artisan_for_user
from odopmart.settlements.models import Settlement
from odopmart.settlements.selectors import artisan_earnings, member_vendor_ids

router = Router(tags=["earnings"], auth=TokenAuth())

MAX_ID = 2**31 - 1
ERRORS = {401: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut}


class ArtisanPayoutOut(Schema):
    id: int
    amount_paise: int
    amount_formatted: str
    status: str
    status_label: str
    reference: str
    settled_on: date
    paid_at: datetime | None


class EarnedItemOut(Schema):
    item_id: int
    order_number: str
    name: str
    quantity: int
    share_paise: int
    share_formatted: str
    earned_on: date
    returned: bool


class ArtisanEarningsOut(Schema):
    earned_paise: int
    paid_paise: int
    due_paise: int
    earned_formatted: str
    paid_formatted: str
    due_formatted: str
    payouts: list[ArtisanPayoutOut]
    items: list[EarnedItemOut]


class SettlementOut(Schema):
    id: int
    status: str
    status_label: str
    created_at: datetime
    period_start: date
    period_end: date
    item_count: int
    sales_paise: int
    returns_paise: int
    gross_paise: int
    commission_paise: int
    gst_on_commission_paise: int
    tcs_paise: int
    tds_paise: int
    artisan_share_paise: int
    artisan_reimbursed_paise: int
    net_paise: int
    net_formatted: str
    utr: str
    paid_at: datetime | None


@router.get(
    "/artisan/earnings",
    response={200: ArtisanEarningsOut, **ERRORS},
)
def artisan_earnings_detail(request: HttpRequest) -> dict[str, Any]:
    """The signed-in artisan's share of their delivered items: earned, paid, still due, with the
    latest payouts and items."""
    artisan = artisan_for_user(request.auth)  # type: ignore[attr-defined]
    if artisan is None:
        raise Http404
    earnings = artisan_earnings(artisan, limit=20)
    return {
        "earned_paise": earnings.earned_paise,
        "paid_paise": earnings.paid_paise,
        "due_paise": earnings.due_paise,
        "earned_formatted": format_inr(earnings.earned_paise),
        "paid_formatted": format_inr(earnings.paid_paise),
        "due_formatted": format_inr(earnings.due_paise),
        "payouts": [
            {
                "id": payout.pk,
                "amount_paise": payout.amount_paise,
                "amount_formatted": format_inr(payout.amount_paise),
                "status": payout.status,
                "status_label": str(payout.get_status_display()),
                "reference": payout.reference,
                "settled_on": payout.batch.created_at.date(),
                "paid_at": payout.paid_at,
            }
            for payout in earnings.payouts
        ],
        "items": [
            {
                "item_id": accrual.item_id,
                "order_number": accrual.seller_order.number,
                "name": accrual.item.name_en,
                "quantity": accrual.item.quantity,
                "share_paise": accrual.artisan_share_paise,
                "share_formatted": format_inr(accrual.artisan_share_paise),
                "earned_on": accrual.recognised_on,
                "returned": accrual.returned,
            }
            for accrual in earnings.items
        ],
    }


@router.get(
    "/seller/vendors/{vendor_id}/settlements",
    response={200: list[SettlementOut], **ERRORS},
)
def seller_vendor_settlements(request: HttpRequest, vendor_id: Path[int]) -> list[dict[str, Any]]:
    """The vendor's settlements, newest first (the latest 100), with their statement figures in
    paise. For the vendor's members only."""
    if not (1 <= vendor_id <= MAX_ID) or vendor_id not in member_vendor_ids(
        request.auth  # type: ignore[attr-defined]
    ):
        raise Http404
    settlements = Settlement.objects.filter(vendor_id=vendor_id).select_related("batch")
    return [
        {
            "id": s.pk,
            "status": s.status,
            "status_label": str(s.get_status_display()),
            "created_at": s.batch.created_at,
            "period_start": s.period_start,
            "period_end": s.period_end,
            "item_count": s.item_count,
            "sales_paise": s.sales_paise,
            "returns_paise": s.returns_paise,
            "gross_paise": s.gross_paise,
            "commission_paise": s.commission_paise,
            "gst_on_commission_paise": s.gst_on_commission_paise,
            "tcs_paise": s.tcs_paise,
            "tds_paise": s.tds_paise,
            "artisan_share_paise": s.artisan_share_paise,
            "artisan_reimbursed_paise": s.artisan_reimbursed_paise,
            "net_paise": s.net_paise,
            "net_formatted": format_inr(s.net_paise),
            "utr": s.utr,
            "paid_at": s.paid_at,
        }
        for s in settlements.order_by("-batch__created_at", "-pk")[:100]
    ]
