"""Where a complaint stands, and which moves are allowed."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class GrievanceStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ACKNOWLEDGED = "acknowledged", _("Being looked into")
    RESOLVED = "resolved", _("Resolved")


class GrievanceCategory(models.TextChoices):
    DELIVERY = "delivery", _("Order or delivery")
    PAYMENT = "payment", _("Payment or refund")
    RETURN = "return", _("Return or exchange")
    PRODUCT = "product", _("Product not as described or defective")
    SELLER = "seller", _("Seller's conduct")
    ACCOUNT = "account", _("Website or my account")
    OTHER = "other", _("Something else")


class EventKind(models.TextChoices):
    SUBMITTED = "submitted", _("Complaint received")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged by the grievance team")
    REPLIED = "replied", _("Reply sent")
    NOTE = "note", _("Internal note")
    RESOLVED = "resolved", _("Resolved")


S = GrievanceStatus
GRIEVANCE_TRANSITIONS: dict[str, set[str]] = {
    S.RECEIVED: {S.ACKNOWLEDGED, S.RESOLVED},
    S.ACKNOWLEDGED: {S.RESOLVED},
    S.RESOLVED: set(),
}
