"""Template helpers of settlements: the artisan's earnings for their own page."""

from __future__ import annotations

from django import template

from odopmart.sellers.models import Artisan
from odopmart.settlements.selectors import Earnings, artisan_earnings

register = template.Library()


@register.simple_tag(name="artisan_earnings")
def artisan_earnings_tag(artisan: Artisan) -> Earnings:
    return artisan_earnings(artisan, limit=5)
