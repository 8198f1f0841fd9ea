from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PaymentStatus(models.TextChoices):
    CREATED = "created", _("Created")
    AUTHORIZED = "authorized", _("Authorised")
    CAPTURED = "captured", _("Captured")
    FAILED = "failed", _("Failed")
    PARTIALLY_REFUNDED = "partially_refunded", _("Partly refunded")
    REFUNDED = "refunded", _("Refunded")
    # Cash on delivery: nothing to collect online; "captured" when the courier remits.
    COD_PENDING = "cod_pending", _("Cash due on delivery")


_P = PaymentStatus
PAYMENT_TRANSITIONS: dict[str, set[str]] = {
    _P.CREATED: {_P.AUTHORIZED, _P.CAPTURED, _P.FAILED},
    # A failed attempt can be followed by a successful one on the same gateway order.
    _P.FAILED: {_P.AUTHORIZED, _P.CAPTURED},
    _P.AUTHORIZED: {_P.CAPTURED, _P.FAILED},
    _P.CAPTURED: {_P.PARTIALLY_REFUNDED, _P.REFUNDED},
    _P.PARTIALLY_REFUNDED: {_P.PARTIALLY_REFUNDED, _P.REFUNDED},
    _P.REFUNDED: set(),
    _P.COD_PENDING: {_P.CAPTURED, _P.FAILED},
}


class RefundStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    PROCESSED = "processed", _("Processed")
    FAILED = "failed", _("Failed")


class WebhookOutcome(models.TextChoices):
    RECEIVED = "received", _("Received")
    PROCESSED = "processed", _("Processed")
    DUPLICATE = "duplicate", _("Duplicate")
    IGNORED = "ignored", _("Ignored")
    FLAGGED = "flagged", _("Flagged for a person")
