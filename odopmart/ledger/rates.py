"""Rates in force on a date: withholding (TCS, TDS), GST on commission, commission, artisans'
share. All are rows with effective dates; nothing here knows a number."""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from odopmart.ledger.exceptions import LedgerError
from odopmart.ledger.models import ArtisanShareRule, CommissionRule, StatutoryRate


def _in_force(on: date) -> Q:
    return Q(effective_from__lte=on) & (Q(effective_to__isnull=True) | Q(effective_to__gte=on))


def statutory_rate(kind: str, on: date) -> StatutoryRate:
    """The row in force on the date (its legal reference labels reports)."""
    row = StatutoryRate.objects.filter(_in_force(on), kind=kind).order_by("-effective_from").first()
    if row is None:
        raise LedgerError("rate_missing", f"No {kind} rate in force on {on}; add one in the admin.")
    return row


def statutory_rate_bp(kind: str, on: date) -> int:
    return statutory_rate(kind, on).rate_bp


def commission_rate_bp(*, vendor_id: int, category_id: int, on: date) -> int:
    """The most specific commission rule in force: vendor + category, vendor, category, default."""
    rules = CommissionRule.objects.filter(
        _in_force(on),
        Q(vendor_id=vendor_id) | Q(vendor__isnull=True),
        Q(category_id=category_id) | Q(category__isnull=True),
    ).order_by("-effective_from")
    best = None
    for rule in rules:
        specificity = (rule.vendor_id is not None, rule.category_id is not None)
        if best is None or specificity > best[0]:
            best = (specificity, rule)
    if best is None:
        raise LedgerError("commission_missing", f"No commission rule in force on {on}.")
    return best[1].rate_bp


def artisan_share_bp(*, vendor_id: int, on: date) -> int:
    """The vendor's artisans' share in force; none configured means the vendor pays them itself
    outside the platform (0)."""
    rule = (
        ArtisanShareRule.objects.filter(vendor_id=vendor_id, effective_from__lte=on)
        .order_by("-effective_from")
        .first()
    )
    return rule.rate_bp if rule else 0
