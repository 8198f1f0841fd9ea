"""Shipments: one per pickup (one artisan's items of one seller order, collected at the
artisan's door), their tracking events and every tracking webhook received.

Weights are grams, box sizes centimetres (what couriers bill on), money integer paise.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from odopmart.core.models import AuditEvent
from odopmart.logistics.states import (
    BookingState,
    EventKind,
    EventSource,
    ShipmentStatus,
    WebhookOutcome,
)
from odopmart.orders.models import OrderItem, SellerOrder
from odopmart.sellers.models import Artisan, private_storage


def label_path(instance: Shipment, filename: str) -> str:
    return f"labels/{instance.seller_order_id}/{instance.reference}.pdf"


class Shipment(models.Model):
    seller_order = models.ForeignKey(
        SellerOrder, on_delete=models.PROTECT, related_name="shipments",
        verbose_name=_("seller order"),
    )  # fmt: skip
    artisan = models.ForeignKey(
        Artisan, on_delete=models.PROTECT, related_name="shipments", verbose_name=_("artisan")
    )
    reference = models.CharField(_("shipment number"), max_length=40, unique=True)
    provider = models.CharField(_("logistics provider"), max_length=20)
    status = models.CharField(
        _("status"), max_length=20, choices=ShipmentStatus.choices, default=ShipmentStatus.CREATED
    )
    # When the provider says the current status happened (older events never move it back).
    status_at = models.DateTimeField(_("status since"), null=True, blank=True)
    # Booking with the provider runs after commit, step by step, retried with a back-off.
    booking_state = models.CharField(
        _("booking"), max_length=10, choices=BookingState.choices, default=BookingState.PENDING
    )
    booking_attempts = models.PositiveSmallIntegerField(_("booking attempts"), default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(_("last problem"), blank=True)
    # Something a person must look at: booking failed, unknown status, roll-up refused.
    needs_attention = models.BooleanField(_("needs attention"), default=False)
    awb = models.CharField(_("AWB number"), max_length=40, blank=True, db_index=True)
    courier_name = models.CharField(_("courier"), max_length=80, blank=True)
    provider_order_id = models.CharField(max_length=40, blank=True)
    provider_shipment_id = models.CharField(max_length=40, blank=True)
    pickup_location_name = models.CharField(max_length=80, blank=True)
    label_file = models.FileField(
        _("label"), storage=private_storage, upload_to=label_path, max_length=200, blank=True
    )
    pickup_slot_start = models.DateTimeField(_("pickup from"), null=True, blank=True)
    pickup_slot_end = models.DateTimeField(_("pickup until"), null=True, blank=True)
    # Where the courier collects it: the artisan's door, copied at booking.
    pickup_name = models.CharField(_("pickup contact"), max_length=120)
    pickup_phone = models.CharField(_("pickup phone"), max_length=15, blank=True)
    pickup_address = models.TextField(_("pickup address"))
    pickup_pincode = models.CharField(_("pickup PIN code"), max_length=6)
    weight_grams = models.PositiveIntegerField(_("weight (g)"))
    length_cm = models.PositiveIntegerField(_("length (cm)"))
    width_cm = models.PositiveIntegerField(_("width (cm)"))
    height_cm = models.PositiveIntegerField(_("height (cm)"))
    declared_value_paise = models.BigIntegerField(_("value of goods (paise)"))
    cod_amount_paise = models.BigIntegerField(_("cash to collect (paise)"), default=0)
    picked_up_at = models.DateTimeField(_("picked up at"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    poll_failures = models.PositiveSmallIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("shipment")
        verbose_name_plural = _("shipments")
        indexes = [
            models.Index(fields=["booking_state", "next_attempt_at"], name="shipment_booking_due"),
            models.Index(fields=["status", "last_polled_at"], name="shipment_poll_due"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "awb"], condition=~Q(awb=""), name="shipment_unique_awb"
            ),
            models.CheckConstraint(
                condition=Q(cod_amount_paise__gte=0) & Q(declared_value_paise__gte=0),
                name="shipment_money_nonneg",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_cod(self) -> bool:
        return self.cod_amount_paise > 0


class ShipmentItem(models.Model):
    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="lines")
    item = models.ForeignKey(OrderItem, on_delete=models.PROTECT, related_name="shipment_lines")
    quantity = models.PositiveIntegerField(_("quantity"))

    class Meta:
        ordering = ["shipment", "pk"]
        verbose_name = _("shipment item")
        constraints = [
            models.UniqueConstraint(fields=["shipment", "item"], name="shipmentitem_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.item_id}"


class ShipmentEvent(AuditEvent):
    """A tracking event, a booking step or a problem. Status events the table refuses (late or
    out of order) are kept with `applied=False`; the same provider event is stored once."""

    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(
        _("kind"), max_length=10, choices=EventKind.choices, default=EventKind.STATUS
    )
    source = models.CharField(
        _("source"), max_length=10, choices=EventSource.choices, default=EventSource.SYSTEM
    )
    from_status = models.CharField(_("from"), max_length=20, blank=True)
    to_status = models.CharField(_("to"), max_length=20, blank=True)
    applied = models.BooleanField(_("moved the shipment"), default=False)
    provider_status = models.CharField(_("courier's status"), max_length=200, blank=True)
    provider_code = models.CharField(_("courier's code"), max_length=40, blank=True)
    location = models.CharField(_("location"), max_length=200, blank=True)
    event_time = models.DateTimeField(_("time reported"), null=True, blank=True)
    provider_event_id = models.CharField(max_length=200, blank=True)
    raw = models.JSONField(default=dict, blank=True)

    class Meta(AuditEvent.Meta):
        verbose_name = _("shipment event")
        ordering = ["at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["shipment", "provider_event_id"],
                condition=~Q(provider_event_id=""),
                name="shipmentevent_unique_provider_event",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.shipment_id}: {self.from_status} → {self.to_status} ({self.kind})"

    @property
    def to_status_label(self) -> str:
        if self.to_status in ShipmentStatus.values:
            return str(ShipmentStatus(self.to_status).label)
        return self.to_status


class TrackingWebhook(models.Model):
    """Every tracking webhook call, whatever became of it."""

    provider = models.CharField(_("provider"), max_length=20)
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    signature_valid = models.BooleanField(_("token valid"), default=False)
    outcome = models.CharField(
        _("outcome"), max_length=12, choices=WebhookOutcome.choices,
        default=WebhookOutcome.RECEIVED,
    )  # fmt: skip
    # For a person to look at: an AWB we don't know, an unreadable body.
    flagged = models.BooleanField(_("flagged"), default=False)
    detail = models.TextField(_("detail"), blank=True)
    awb = models.CharField(_("AWB number"), max_length=40, blank=True, db_index=True)
    shipment = models.ForeignKey(
        Shipment, on_delete=models.SET_NULL, null=True, blank=True, related_name="webhooks"
    )
    body = models.TextField(_("body"), blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("tracking webhook")
        indexes = [models.Index(fields=["flagged", "-received_at"], name="trackingwebhook_flagged")]

    def __str__(self) -> str:
        return f"{self.provider} {self.awb or '-'} ({self.outcome})"


class PickupLocation(models.Model):
    """A pickup address registered with a provider (couriers collect only from those)."""

    provider = models.CharField(max_length=20)
    artisan = models.ForeignKey(Artisan, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=80)
    # The address it was registered with; a moved artisan gets a new location.
    address_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("registered pickup location")
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "artisan", "address_hash"], name="pickuplocation_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provider}: {self.name}"
