from __future__ import annotations

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()


@register.filter
def bp_percent(rate_bp: int | None) -> str:
    """Basis points as a percentage: 50 → "0.5%", 1800 → "18%"."""
    return f"{(rate_bp or 0) / 100:g}%"


@register.filter
def negate(value: int | None) -> int:
    return -int(value or 0)


ENTRY_KINDS = {
    "payment_captured": _("Payment captured"),
    "cod_delivered": _("Cash on delivery: delivered"),
    "cod_remitted": _("Cash on delivery: remitted"),
    "refund": _("Refund decided"),
    "refund_paid": _("Refund paid"),
    "earned": _("Earned by the vendor"),
    "commission": _("Commission"),
    "tcs": _("TCS"),
    "tds": _("TDS"),
    "artisan_share": _("Artisan's share"),
}


@register.filter
def entry_kind(kind: str) -> str:
    """A journal entry's kind in words (other modules' kinds are shown as they are)."""
    return str(ENTRY_KINDS.get(kind, kind))
