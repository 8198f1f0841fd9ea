"""Carts, orders split per vendor, their items, stock reservations and returns.

Money is integer paise. Each item keeps a snapshot of what was sold (names, HSN, rate, price, tax
split, artisan, pickup address) so later catalogue edits never change a placed order.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from odopmart.catalog.models import Product, Variant
from odopmart.core.models import AuditEvent
from odopmart.orders.states import (
    ItemStatus,
    OrderStatus,
    PaymentMethod,
    ReservationStatus,
    ReturnStatus,
    SellerOrderStatus,
    SupplyType,
)
from odopmart.regions.models import State
from odopmart.sellers.models import Artisan, Vendor


class Cart(models.Model):
    """A buyer's cart: a signed-in buyer has one, kept across devices; a guest's is found by the
    session (web) or by its token (app)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True,
        related_name="cart",
    )  # fmt: skip
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("cart")

    def __str__(self) -> str:
        return f"cart {self.pk} ({self.user or 'guest'})"


class CartLine(models.Model):
    cart = models.ForeignKey(Cart, on_delete=models.CASCADE, related_name="lines")
    variant = models.ForeignKey(Variant, on_delete=models.CASCADE, related_name="+")
    quantity = models.PositiveIntegerField(_("quantity"))
    # "Save for later": kept in the cart but not bought at checkout.
    saved_for_later = models.BooleanField(_("saved for later"), default=False)
    # The price the buyer saw when adding, so a change can be pointed out.
    price_seen_paise = models.BigIntegerField(_("price when added (paise)"))
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["added_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["cart", "variant"], name="cartline_unique_variant"),
            models.CheckConstraint(condition=Q(quantity__gte=1), name="cartline_quantity_pos"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.variant_id}"


class Order(models.Model):
    """One checkout. Split into one SellerOrder per vendor."""

    number = models.CharField(_("order number"), max_length=20, unique=True)
    buyer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="orders",
    )  # fmt: skip
    # Lets a guest (no account) open their own order from a link; never shown to anyone else.
    access_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=OrderStatus.choices,
        default=OrderStatus.PENDING_PAYMENT,
    )  # fmt: skip
    payment_method = models.CharField(
        _("payment method"), max_length=10, choices=PaymentMethod.choices
    )
    language = models.CharField(_("language"), max_length=5, default="en")
    # Contact: the phone is verified by OTP before the order is placed.
    phone = models.CharField(_("phone"), max_length=15)
    email = models.EmailField(_("email"), blank=True)
    # Delivery address, copied at checkout.
    ship_name = models.CharField(_("name"), max_length=120)
    ship_line1 = models.CharField(_("house / street"), max_length=200)
    ship_line2 = models.CharField(_("area / landmark"), max_length=200, blank=True)
    ship_city = models.CharField(_("town / city"), max_length=120)
    ship_district = models.CharField(_("district"), max_length=120, blank=True)
    ship_pincode = models.CharField(_("PIN code"), max_length=6)
    ship_state = models.ForeignKey(
        State, on_delete=models.PROTECT, related_name="+", verbose_name=_("state")
    )
    # Totals: always the sum of the seller orders' totals.
    items_total_paise = models.BigIntegerField(_("items (paise)"), default=0)
    shipping_total_paise = models.BigIntegerField(_("shipping (paise)"), default=0)
    taxable_total_paise = models.BigIntegerField(_("taxable value (paise)"), default=0)
    cgst_total_paise = models.BigIntegerField(_("CGST (paise)"), default=0)
    sgst_total_paise = models.BigIntegerField(_("SGST (paise)"), default=0)
    igst_total_paise = models.BigIntegerField(_("IGST (paise)"), default=0)
    grand_total_paise = models.BigIntegerField(_("total (paise)"), default=0)
    refunded_total_paise = models.BigIntegerField(_("refunded (paise)"), default=0)
    reservation_expires_at = models.DateTimeField(_("reserved until"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    placed_at = models.DateTimeField(_("placed at"), null=True, blank=True)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("order")
        indexes = [
            models.Index(fields=["buyer", "-created_at"], name="order_buyer_newest"),
            models.Index(fields=["status", "reservation_expires_at"], name="order_expiry"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(grand_total_paise__gte=0) & Q(refunded_total_paise__gte=0),
                name="order_totals_nonneg",
            ),
            models.CheckConstraint(
                condition=Q(refunded_total_paise__lte=models.F("grand_total_paise")),
                name="order_refund_within_total",
            ),
        ]

    def __str__(self) -> str:
        return self.number


class SellerOrder(models.Model):
    """The part of an order one vendor fulfils (and later invoices)."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="seller_orders")
    vendor = models.ForeignKey(Vendor, on_delete=models.PROTECT, related_name="seller_orders")
    number = models.CharField(_("number"), max_length=24, unique=True)
    status = models.CharField(
        _("status"), max_length=20, choices=SellerOrderStatus.choices,
        default=SellerOrderStatus.PENDING_PAYMENT,
    )  # fmt: skip
    supply_type = models.CharField(_("supply"), max_length=5, choices=SupplyType.choices)
    vendor_state_code = models.CharField(_("vendor's GST state code"), max_length=2)
    place_of_supply_code = models.CharField(_("place of supply (state code)"), max_length=2)
    weight_grams = models.PositiveIntegerField(_("weight (g)"), default=0)
    zone = models.CharField(_("shipping zone"), max_length=20, blank=True)
    items_total_paise = models.BigIntegerField(_("items (paise)"), default=0)
    # Shipping is billed by the vendor as part of the supply; its tax split is kept too.
    shipping_paise = models.BigIntegerField(_("shipping (paise)"), default=0)
    shipping_taxable_paise = models.BigIntegerField(default=0)
    shipping_cgst_paise = models.BigIntegerField(default=0)
    shipping_sgst_paise = models.BigIntegerField(default=0)
    shipping_igst_paise = models.BigIntegerField(default=0)
    taxable_total_paise = models.BigIntegerField(_("taxable value (paise)"), default=0)
    cgst_total_paise = models.BigIntegerField(_("CGST (paise)"), default=0)
    sgst_total_paise = models.BigIntegerField(_("SGST (paise)"), default=0)
    igst_total_paise = models.BigIntegerField(_("IGST (paise)"), default=0)
    grand_total_paise = models.BigIntegerField(_("total (paise)"), default=0)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("seller order")
        indexes = [
            models.Index(fields=["vendor", "status", "-created_at"], name="sellerorder_vendor"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["order", "vendor"], name="sellerorder_one_per_vendor"),
        ]

    def __str__(self) -> str:
        return self.number


class OrderItem(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="items")
    seller_order = models.ForeignKey(SellerOrder, on_delete=models.CASCADE, related_name="items")
    variant = models.ForeignKey(Variant, on_delete=models.PROTECT, related_name="order_items")
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="order_items")
    artisan = models.ForeignKey(Artisan, on_delete=models.PROTECT, related_name="order_items")
    vendor = models.ForeignKey(Vendor, on_delete=models.PROTECT, related_name="order_items")
    status = models.CharField(
        _("status"), max_length=20, choices=ItemStatus.choices,
        default=ItemStatus.PENDING_PAYMENT,
    )  # fmt: skip
    # Snapshot of what was sold.
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_hi = models.CharField(_("name (Hindi)"), max_length=200, blank=True)
    variant_label_en = models.CharField(max_length=120, blank=True)
    variant_label_hi = models.CharField(max_length=120, blank=True)
    sku = models.CharField(_("SKU"), max_length=40)
    hsn_code = models.CharField(_("HSN code"), max_length=8)
    district_name_en = models.CharField(max_length=80, blank=True)
    district_name_hi = models.CharField(max_length=80, blank=True)
    odop_product_name_en = models.CharField(max_length=200, blank=True)
    odop_product_name_hi = models.CharField(max_length=200, blank=True)
    quantity = models.PositiveIntegerField(_("quantity"))
    unit_price_paise = models.BigIntegerField(_("unit price incl. GST (paise)"))
    line_total_paise = models.BigIntegerField(_("line total incl. GST (paise)"))
    gst_rate_bp = models.PositiveIntegerField(_("GST rate (basis points)"))
    taxable_value_paise = models.BigIntegerField(_("taxable value (paise)"))
    cgst_paise = models.BigIntegerField(_("CGST (paise)"), default=0)
    sgst_paise = models.BigIntegerField(_("SGST (paise)"), default=0)
    igst_paise = models.BigIntegerField(_("IGST (paise)"), default=0)
    weight_grams = models.PositiveIntegerField(_("weight (g)"), default=0)
    # Where the logistics partner picks it up: the artisan's door.
    pickup_address = models.TextField(_("pickup address"))
    pickup_pincode = models.CharField(_("pickup PIN code"), max_length=6)
    return_window_days = models.PositiveSmallIntegerField(_("return window (days)"), default=7)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    refunded_paise = models.BigIntegerField(_("refunded (paise)"), default=0)

    class Meta:
        ordering = ["seller_order", "pk"]
        verbose_name = _("order item")
        indexes = [
            models.Index(fields=["artisan", "status"], name="orderitem_artisan"),
            models.Index(fields=["vendor", "status"], name="orderitem_vendor"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gte=1), name="orderitem_quantity_pos"),
            models.CheckConstraint(
                condition=Q(refunded_paise__gte=0)
                & Q(refunded_paise__lte=models.F("line_total_paise")),
                name="orderitem_refund_within_line",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.sku}"


class OrderEvent(AuditEvent):
    """A state change of an order, a seller order or an item (which one: the filled FKs)."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="events")
    seller_order = models.ForeignKey(
        SellerOrder, on_delete=models.CASCADE, null=True, blank=True, related_name="events"
    )
    item = models.ForeignKey(
        OrderItem, on_delete=models.CASCADE, null=True, blank=True, related_name="events"
    )
    from_status = models.CharField(_("from"), max_length=20, blank=True)
    to_status = models.CharField(_("to"), max_length=20)

    class Meta(AuditEvent.Meta):
        verbose_name = _("order event")

    def __str__(self) -> str:
        return f"{self.order_id}: {self.from_status} → {self.to_status}"


class StockReservation(models.Model):
    """Units of a variant held for an order while it is paid for."""

    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="reservations")
    variant = models.ForeignKey(Variant, on_delete=models.PROTECT, related_name="reservations")
    quantity = models.PositiveIntegerField()
    status = models.CharField(
        max_length=10, choices=ReservationStatus.choices, default=ReservationStatus.HELD
    )
    expires_at = models.DateTimeField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["status", "expires_at"], name="reservation_due")]
        constraints = [
            models.UniqueConstraint(fields=["order", "variant"], name="reservation_one_per_line"),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.variant_id} for {self.order_id} ({self.status})"


def return_photo_path(instance: ReturnPhoto, filename: str) -> str:
    return f"returns/{instance.return_request_id}/{uuid.uuid4().hex}.webp"


class ReturnRequest(models.Model):
    item = models.ForeignKey(OrderItem, on_delete=models.CASCADE, related_name="return_requests")
    status = models.CharField(
        _("status"), max_length=10, choices=ReturnStatus.choices, default=ReturnStatus.REQUESTED
    )
    reason_code = models.CharField(_("reason"), max_length=30)
    details = models.TextField(_("details"), blank=True)
    refund_paise = models.BigIntegerField(_("refund (paise)"), default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    decision_note = models.TextField(_("decision note"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    received_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("return request")
        constraints = [
            # One open return per item at a time.
            models.UniqueConstraint(
                fields=["item"],
                condition=Q(status__in=["requested", "approved", "received"]),
                name="return_one_open_per_item",
            ),
        ]

    def __str__(self) -> str:
        return f"return of {self.item_id} ({self.status})"


class ReturnPhoto(models.Model):
    return_request = models.ForeignKey(
        ReturnRequest, on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ImageField(upload_to=return_photo_path)

    def __str__(self) -> str:
        return self.image.name


class ShippingRate(models.Model):
    """Shipping charged per vendor shipment by zone and weight slab (rules are data).

    Zones: "local" (same district), "state" (same state), "national" (elsewhere).
    """

    zone = models.CharField(_("zone"), max_length=20)
    up_to_grams = models.PositiveIntegerField(_("up to (g)"))
    charge_paise = models.BigIntegerField(_("charge incl. GST (paise)"))
    # Each extra 500 g (or part) beyond the largest slab.
    extra_per_500g_paise = models.BigIntegerField(default=0)
    effective_from = models.DateField(_("in force from"))

    class Meta:
        ordering = ["zone", "up_to_grams"]
        constraints = [
            models.UniqueConstraint(
                fields=["zone", "up_to_grams", "effective_from"], name="shippingrate_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.zone} ≤{self.up_to_grams} g"
