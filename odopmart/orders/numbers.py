"""Human-friendly order numbers such as OD2611-7K3F9Q: easy to read out on the phone."""

from __future__ import annotations

import secrets
from datetime import datetime

from django.utils import timezone

from odopmart.orders.conf import orders_setting
from odopmart.orders.models import Order

# No 0/O, 1/I/L, 5/S or 2/Z: letters and digits people mix up when reading or speaking.
ALPHABET = "346789ABCDEFGHJKMNPQRTUVWXY"
RANDOM_LENGTH = 6


def order_number_new(now: datetime | None = None) -> str:
    """A new unused order number (the unique constraint is the last word on collisions)."""
    now = timezone.localtime(now or timezone.now())
    prefix = f"{orders_setting('ORDER_NUMBER_PREFIX')}{now:%y%m}-"
    while True:
        number = prefix + "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
        if not Order.objects.filter(number=number).exists():
            return number


def seller_order_number(order_number: str, index: int) -> str:
    return f"{order_number}-{index}"
