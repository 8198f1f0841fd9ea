"""Template helpers of the buyer's pages: the header's cart count.

A tag rather than a context processor, so the count is worked out only on pages that show it,
and only for visitors who can have a cart: a signed-in buyer or a guest with a session.
Anonymous visitors without a session (served whole pages from the page cache) cost no query.
"""

from __future__ import annotations

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag(takes_context=True)
def cart_count(context: template.Context) -> int:
    request = context.get("request")
    if request is None:
        return 0
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    if not signed_in and settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return 0
    from odopmart.orders.cart import cart_count as count
    from odopmart.orders.cart import cart_for_request

    return count(cart_for_request(request, create=False))


@register.filter
def quantity_choices(stock: int | None) -> range:
    """1..n for the quantity menu on a product page: bounded by stock and the per-line limit
    (the cart checks again; this only keeps the menu honest)."""
    from odopmart.orders.conf import orders_setting

    most = min(int(stock or 0), int(orders_setting("MAX_LINE_QUANTITY")))
    return range(1, most + 1)


@register.filter
def phone(e164: str | None) -> str:
    """'+919876543210' -> '+91 98765 43210' (other numbers unchanged)."""
    from odopmart.accounts.exceptions import AuthError
    from odopmart.accounts.phone import phone_display

    if not e164:
        return ""
    try:
        return phone_display(e164)
    except (AuthError, ValueError):
        return e164
