"""Template helpers for the storefront: money, discounts, GST rates and query-string links."""

from __future__ import annotations

from django import template
from django.http import QueryDict
from django.utils.translation import gettext as _

from odopmart.core.money import format_inr, group_indian
from odopmart.core.money import percent_off as money_percent_off

register = template.Library()

# Largest side in pixels of the WebP renditions the catalogue makes of every product photo
# (thumbnail for cards, medium for the product page); renditions of one photo share a name and
# differ in the '-<px>.webp' ending. Used for <img> width/height and srcset.
RENDITIONS = {"thumbnail": 320, "medium": 800}


@register.filter
def inr(paise: int | None) -> str:
    """Paise as '₹1,23,456' (Indian digit grouping)."""
    if paise is None:
        return ""
    return format_inr(int(paise))


@register.filter
def medium_of(thumbnail: str) -> str:
    """The medium rendition next to a thumbnail (renditions share a name, '-<px>.webp' differs)."""
    suffix = f"-{RENDITIONS['thumbnail']}.webp"
    if thumbnail and thumbnail.endswith(suffix):
        return thumbnail.removesuffix(suffix) + f"-{RENDITIONS['medium']}.webp"
    return thumbnail


@register.filter
def craft_icon(category_id: int | None) -> str:
    """The icon of a category by id, from the cached category list (no query per card)."""
    from odopmart.storefront.selectors import categories

    for category in categories():
        if category.pk == category_id:
            return category.icon
    return ""


@register.filter
def num(value: int | None) -> str:
    """A count with Indian digit grouping: 12345 -> '12,345', 1234567 -> '12,34,567'."""
    return group_indian(int(value or 0))


@register.filter
def percent_off(mrp_paise: int, price_paise: int) -> int:
    """Whole-number discount, 0 when the price is not below the MRP."""
    return money_percent_off(int(mrp_paise or 0), int(price_paise or 0))


@register.filter
def rate_percent(rate_bp: int) -> str:
    """A rate in basis points as a percentage: 500 -> '5', 1250 -> '12.5'."""
    whole, rest = divmod(int(rate_bp or 0), 100)
    if not rest:
        return str(whole)
    return f"{whole}.{rest:02d}".rstrip("0")


@register.filter
def cm(millimetres: int) -> str:
    """Millimetres as centimetres, without trailing zeros: 305 -> '30.5'."""
    whole, rest = divmod(int(millimetres or 0), 10)
    return f"{whole}.{rest}" if rest else str(whole)


@register.filter
def weight(grams: int) -> str:
    grams = int(grams or 0)
    if grams >= 1000:
        whole, rest = divmod(grams, 1000)
        kilos = f"{whole}.{rest:03d}".rstrip("0").rstrip(".")
        return _("%(kg)s kg") % {"kg": kilos}
    return _("%(g)s g") % {"g": grams}


@register.filter
def variant_name(variant: object) -> str:
    """The variant's label, with its size and colour added when the label doesn't say them:
    'Size S' + S + Pink -> 'Size S · Pink'."""
    label = str(getattr(variant, "label", "") or "")
    words = label.casefold().replace(",", " ").split()
    parts = [label] if label else []
    for extra in (getattr(variant, "size", ""), getattr(variant, "colour", "")):
        extra = str(extra or "")
        if extra and extra.casefold() not in words and extra.casefold() != label.casefold():
            parts.append(extra)
    return " · ".join(parts)


@register.simple_tag(takes_context=True)
def query_with(context: template.Context, **changes: object) -> str:
    """The current query string with some parameters replaced (None or '' removes them).

    Empty parameters are dropped so links stay short: `?district=agra&page=2`.
    """
    request = context.get("request")
    params = request.GET.copy() if request is not None else QueryDict(mutable=True)
    for key, value in changes.items():
        params.pop(key, None)
        if value not in (None, ""):
            params[key] = str(value)
    for key in [k for k, values in params.lists() if not any(values)]:
        params.pop(key)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag
def page_window(page: int, pages: int, around: int = 2) -> list[int | None]:
    """Page numbers to show, None marking a gap: 1 … 4 5 [6] 7 8 … 20."""
    wanted = {1, pages, *range(page - around, page + around + 1)}
    numbers = sorted(n for n in wanted if 1 <= n <= pages)
    window: list[int | None] = []
    previous = 0
    for number in numbers:
        if number - previous == 2:
            window.append(previous + 1)  # a gap of one page shows the page, not "…"
        elif number - previous > 2:
            window.append(None)
        window.append(number)
        previous = number
    return window
