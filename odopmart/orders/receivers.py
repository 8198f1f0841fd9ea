"""Signal receivers of the orders app (connected in OrdersConfig.ready)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from odopmart.orders.cart import CART_SESSION_KEY, cart_for_session, cart_for_user, cart_merge


@receiver(user_logged_in, dispatch_uid="orders_merge_guest_cart")
def merge_guest_cart_at_sign_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """What a guest put in the cart is still there after signing in."""
    if request is None or getattr(request, "session", None) is None:
        return
    guest = cart_for_session(request)
    if guest is None:
        return
    if guest.lines.exists():
        cart_merge(guest, cart_for_user(user, create=True))
    else:
        guest.delete()
    request.session.pop(CART_SESSION_KEY, None)
