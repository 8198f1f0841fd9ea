"""Reads for pages and the API: who may see which settlement, and an artisan's earnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet, Sum

from odopmart.accounts.models import StaffRole
from odopmart.accounts.roles import has_staff_role
from odopmart.ledger.models import ItemAccrual
from odopmart.sellers.models import Artisan, VendorMembership
from odopmart.settlements.models import ArtisanPayout, ArtisanPayoutStatus, Settlement


def is_settlement_staff(user: Any) -> bool:
    """Finance staff and operator admins run settlements and see every statement."""
    return has_staff_role(user, StaffRole.FINANCE)


def member_vendor_ids(user: Any) -> list[int]:
    if not (user is not None and user.is_authenticated and user.is_active):
        return []
    return list(VendorMembership.objects.filter(user=user).values_list("vendor_id", flat=True))


def settlements_for_user(user: Any) -> QuerySet[Settlement]:
    found = Settlement.objects.select_related("vendor", "batch")
    if is_settlement_staff(user):
        return found
    return found.filter(vendor_id__in=member_vendor_ids(user))


def settlement_lines(settlement: Settlement) -> QuerySet[ItemAccrual]:
    """The statement's items: every accrual it settled, with its order and product."""
    return (
        ItemAccrual.objects.filter(settlement_item__settlement=settlement)
        .select_related("item", "seller_order", "artisan")
        .order_by("recognised_on", "seller_order__number", "pk")
    )


PAID = (ArtisanPayoutStatus.PAID, ArtisanPayoutStatus.PAID_BY_VENDOR)


@dataclass
class Earnings:
    earned_paise: int = 0  # every recognised share
    paid_paise: int = 0
    due_paise: int = 0  # earned, not paid yet
    payouts: list[ArtisanPayout] = field(default_factory=list)
    items: list[ItemAccrual] = field(default_factory=list)


def artisan_earnings(artisan: Artisan, *, limit: int = 10) -> Earnings:
    """What the artisan earned for their delivered items (their share, as the books recorded
    it), what was paid and what is still due; the latest payouts and items."""
    accruals = ItemAccrual.objects.filter(artisan=artisan, artisan_share_paise__gt=0)
    earned = accruals.aggregate(t=Sum("artisan_share_paise"))["t"] or 0
    paid = (
        ArtisanPayout.objects.filter(artisan=artisan, status__in=PAID).aggregate(
            t=Sum("amount_paise")
        )["t"]
        or 0
    )
    return Earnings(
        earned_paise=int(earned),
        paid_paise=int(paid),
        due_paise=int(earned) - int(paid),
        payouts=list(
            ArtisanPayout.objects.filter(artisan=artisan)
            .select_related("batch")
            .order_by("-batch__created_at", "-pk")[:limit]
        ),
        items=list(
            accruals.select_related("item", "seller_order").order_by("-recognised_at", "-pk")[
                :limit
            ]
        ),
    )


def vendor_artisan_shares(vendor_id: int) -> QuerySet[ArtisanPayout]:
    return (
        ArtisanPayout.objects.filter(vendor_id=vendor_id)
        .select_related("artisan", "batch")
        # "due" sorts before "paid…": what is still owed comes first.
        .order_by("status", "-batch__created_at", "pk")
    )
