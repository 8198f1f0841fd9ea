"""Payments against orders, their events, refunds, and every webhook received."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from odopmart.core.models import AuditEvent
from odopmart.orders.models import Order, OrderItem, ReturnRequest
from odopmart.payments.states import PaymentStatus, RefundStatus, WebhookOutcome


class Payment(models.Model):
    order = models.ForeignKey(Order, on_delete=models.PROTECT, related_name="payments")
    provider = models.CharField(_("provider"), max_length=20)  # sandbox, razorpay, cod
    status = models.CharField(
        _("status"), max_length=20, choices=PaymentStatus.choices, default=PaymentStatus.CREATED
    )
    amount_paise = models.BigIntegerField(_("amount (paise)"))
    currency = models.CharField(max_length=3, default="INR")
    gateway_order_id = models.CharField(_("gateway order id"), max_length=64, blank=True)
    gateway_payment_id = models.CharField(_("gateway payment id"), max_length=64, blank=True)
    method = models.CharField(_("method"), max_length=20, blank=True)  # upi, card, netbanking…
    captured_paise = models.BigIntegerField(_("captured (paise)"), default=0)
    refunded_paise = models.BigIntegerField(_("refunded (paise)"), default=0)
    failure_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("payment")
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "gateway_order_id"],
                condition=~Q(gateway_order_id=""),
                name="payment_unique_gateway_order",
            ),
            models.CheckConstraint(
                condition=Q(refunded_paise__gte=0)
                & Q(refunded_paise__lte=models.F("captured_paise")),
                name="payment_refund_within_captured",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.gateway_order_id or self.pk} ({self.status})"


class PaymentEvent(AuditEvent):
    payment = models.ForeignKey(Payment, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20)

    class Meta(AuditEvent.Meta):
        verbose_name = _("payment event")

    def __str__(self) -> str:
        return f"{self.payment_id}: {self.from_status} → {self.to_status}"


class Refund(models.Model):
    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="refunds")
    amount_paise = models.BigIntegerField(_("amount (paise)"))
    # Sent to the gateway so a retried request never refunds twice.
    idempotency_key = models.CharField(max_length=80, unique=True)
    status = models.CharField(
        max_length=10, choices=RefundStatus.choices, default=RefundStatus.PENDING
    )
    gateway_refund_id = models.CharField(max_length=64, blank=True)
    reason = models.TextField(blank=True)
    item = models.ForeignKey(
        OrderItem, on_delete=models.PROTECT, null=True, blank=True, related_name="refunds"
    )
    return_request = models.ForeignKey(
        ReturnRequest, on_delete=models.PROTECT, null=True, blank=True, related_name="refunds"
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("refund")
        constraints = [
            models.CheckConstraint(condition=Q(amount_paise__gt=0), name="refund_amount_pos"),
        ]

    def __str__(self) -> str:
        return f"refund {self.amount_paise} paise ({self.status})"


class WebhookEvent(models.Model):
    """Every webhook call received, kept whatever its fate (de-duplicated on the event id)."""

    provider = models.CharField(max_length=20)
    event_id = models.CharField(max_length=100)
    event_type = models.CharField(max_length=60, blank=True)
    payload = models.JSONField(default=dict)
    signature_valid = models.BooleanField(default=False)
    outcome = models.CharField(
        max_length=10, choices=WebhookOutcome.choices, default=WebhookOutcome.RECEIVED
    )
    detail = models.TextField(blank=True)
    payment = models.ForeignKey(
        Payment, on_delete=models.SET_NULL, null=True, blank=True, related_name="webhooks"
    )
    received_at = models.DateTimeField(default=timezone.now)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("webhook event")
        constraints = [
            models.UniqueConstraint(fields=["provider", "event_id"], name="webhook_unique_event"),
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.event_type} {self.event_id} ({self.outcome})"
