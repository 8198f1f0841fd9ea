"""The states orders, seller orders and items move through, and the transitions allowed.

Every change goes through `orders.transitions`, which checks these tables and writes an event.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrderStatus(models.TextChoices):
    # Checkout done, waiting for the payment to start or finish (stock is reserved).
    PENDING_PAYMENT = "pending_payment", _("Awaiting payment")
    PLACED = "placed", _("Placed")  # paid, or cash on delivery accepted
    PARTLY_SHIPPED = "partly_shipped", _("Partly shipped")
    SHIPPED = "shipped", _("Shipped")
    DELIVERED = "delivered", _("Delivered")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")
    PAYMENT_FAILED = "payment_failed", _("Payment failed")
    EXPIRED = "expired", _("Expired")  # reservation ran out before payment


class SellerOrderStatus(models.TextChoices):
    PENDING_PAYMENT = "pending_payment", _("Awaiting payment")
    PLACED = "placed", _("Placed")
    CONFIRMED = "confirmed", _("Accepted")
    READY = "ready", _("Ready for pickup")
    SHIPPED = "shipped", _("Shipped")
    DELIVERED = "delivered", _("Delivered")
    CANCELLED = "cancelled", _("Cancelled")


class ItemStatus(models.TextChoices):
    PENDING_PAYMENT = "pending_payment", _("Awaiting payment")
    PLACED = "placed", _("Placed")
    CONFIRMED = "confirmed", _("Accepted")
    READY = "ready", _("Ready for pickup")
    SHIPPED = "shipped", _("Shipped")
    DELIVERED = "delivered", _("Delivered")
    CANCELLED = "cancelled", _("Cancelled")
    RETURN_REQUESTED = "return_requested", _("Return requested")
    RETURN_APPROVED = "return_approved", _("Return approved")
    RETURNED = "returned", _("Returned")
    REFUNDED = "refunded", _("Refunded")


class ReservationStatus(models.TextChoices):
    HELD = "held", _("Held")
    COMMITTED = "committed", _("Committed")
    RELEASED = "released", _("Released")


class ReturnStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    RECEIVED = "received", _("Received")
    REFUNDED = "refunded", _("Refunded")


class PaymentMethod(models.TextChoices):
    ONLINE = "online", _("UPI, card or net banking")
    COD = "cod", _("Cash on delivery")


class SupplyType(models.TextChoices):
    INTRA_STATE = "intra", _("Within the state (CGST + SGST)")
    INTER_STATE = "inter", _("Between states (IGST)")


_O = OrderStatus
ORDER_TRANSITIONS: dict[str, set[str]] = {
    _O.PENDING_PAYMENT: {_O.PLACED, _O.PAYMENT_FAILED, _O.EXPIRED, _O.CANCELLED},
    # A failed attempt can be retried while the reservation holds.
    _O.PAYMENT_FAILED: {_O.PLACED, _O.EXPIRED, _O.CANCELLED, _O.PENDING_PAYMENT},
    # A late capture for an expired order is still money received: if the stock can be held
    # again the order goes ahead, else the payment is refunded and flagged.
    _O.EXPIRED: {_O.PLACED},
    _O.PLACED: {_O.PARTLY_SHIPPED, _O.SHIPPED, _O.DELIVERED, _O.CANCELLED},
    _O.PARTLY_SHIPPED: {_O.SHIPPED, _O.DELIVERED, _O.CANCELLED},
    _O.SHIPPED: {_O.DELIVERED},
    _O.DELIVERED: {_O.COMPLETED},
    _O.COMPLETED: set(),
    _O.CANCELLED: set(),
}

_S = SellerOrderStatus
SELLER_ORDER_TRANSITIONS: dict[str, set[str]] = {
    _S.PENDING_PAYMENT: {_S.PLACED, _S.CANCELLED},
    _S.PLACED: {_S.CONFIRMED, _S.READY, _S.CANCELLED},
    _S.CONFIRMED: {_S.READY, _S.SHIPPED, _S.CANCELLED},
    _S.READY: {_S.SHIPPED, _S.CANCELLED},
    _S.SHIPPED: {_S.DELIVERED},
    _S.DELIVERED: set(),
    _S.CANCELLED: set(),
}

_I = ItemStatus
ITEM_TRANSITIONS: dict[str, set[str]] = {
    _I.PENDING_PAYMENT: {_I.PLACED, _I.CANCELLED},
    _I.PLACED: {_I.CONFIRMED, _I.READY, _I.CANCELLED},
    _I.CONFIRMED: {_I.READY, _I.SHIPPED, _I.CANCELLED},
    _I.READY: {_I.SHIPPED, _I.CANCELLED},
    _I.SHIPPED: {_I.DELIVERED},
    _I.DELIVERED: {_I.RETURN_REQUESTED},
    _I.RETURN_REQUESTED: {_I.RETURN_APPROVED, _I.DELIVERED},  # back to delivered if rejected
    _I.RETURN_APPROVED: {_I.RETURNED},
    _I.RETURNED: {_I.REFUNDED},
    _I.CANCELLED: set(),
    _I.REFUNDED: set(),
}

# Items the buyer may still cancel: nothing has left the artisan's door.
CANCELLABLE_ITEM_STATUSES = frozenset({_I.PENDING_PAYMENT, _I.PLACED, _I.CONFIRMED, _I.READY})
