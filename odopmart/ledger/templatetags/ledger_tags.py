from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def bp_percent(rate_bp: int | None) -> str:
    """Basis points as a percentage: 50 → "0.5%", 1800 → "18%"."""
    return f"{(rate_bp or 0) / 100:g}%"


@register.filter
def negate(value: int | None) -> int:
    return -int(value or 0)
