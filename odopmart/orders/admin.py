"""Admin for carts, orders and returns: read-mostly (changes go through the services, which
check transitions and write events); the shipping rate card is editable."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from odopmart.orders.models import (
    Cart,
    CartLine,
    Order,
    OrderEvent,
    OrderItem,
    ReturnPhoto,
    ReturnRequest,
    SellerOrder,
    ShippingRate,
    StockReservation,
)


class ReadOnlyMixin:
    """Everything visible, nothing editable or deletable here."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ReadOnlyInline(ReadOnlyMixin, admin.TabularInline):
    extra = 0
    show_change_link = True


class CartLineInline(ReadOnlyInline):
    model = CartLine
    fields = ["variant", "quantity", "saved_for_later", "price_seen_paise", "added_at"]
    readonly_fields = fields


@admin.register(Cart)
class CartAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["pk", "user", "created_at", "updated_at"]
    search_fields = ["user__username", "token"]
    readonly_fields = ["user", "token", "created_at", "updated_at"]
    inlines = [CartLineInline]


@admin.register(CartLine)
class CartLineAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["cart", "variant", "quantity", "saved_for_later", "price_seen_paise"]
    list_select_related = ["cart", "variant"]
    raw_id_fields = ["cart", "variant"]


class SellerOrderInline(ReadOnlyInline):
    model = SellerOrder
    fields = ["number", "vendor", "status", "supply_type", "shipping_paise", "grand_total_paise"]
    readonly_fields = fields


class OrderItemInline(ReadOnlyInline):
    model = OrderItem
    fk_name = "order"
    fields = ["sku", "name_en", "quantity", "status", "gst_rate_bp", "line_total_paise",
              "refunded_paise", "artisan"]  # fmt: skip
    readonly_fields = fields


class OrderEventInline(ReadOnlyInline):
    model = OrderEvent
    fk_name = "order"
    fields = ["at", "seller_order", "item", "from_status", "to_status", "actor", "reason"]
    readonly_fields = fields
    show_change_link = False


@admin.register(Order)
class OrderAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["number", "status", "payment_method", "grand_total_paise", "ship_pincode",
                    "created_at"]  # fmt: skip
    list_filter = ["status", "payment_method", "ship_state"]
    search_fields = ["number", "phone", "email", "ship_name", "buyer__username"]
    date_hierarchy = "created_at"
    list_select_related = ["buyer"]
    exclude = ["access_token"]
    inlines = [SellerOrderInline, OrderItemInline, OrderEventInline]


@admin.register(SellerOrder)
class SellerOrderAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["number", "vendor", "status", "supply_type", "zone", "grand_total_paise"]
    list_filter = ["status", "supply_type", "zone"]
    search_fields = ["number", "vendor__name_en"]
    list_select_related = ["vendor"]


@admin.register(OrderItem)
class OrderItemAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["order", "sku", "name_en", "quantity", "status", "line_total_paise", "artisan"]
    list_filter = ["status"]
    search_fields = ["order__number", "sku", "name_en"]
    list_select_related = ["order", "artisan"]


@admin.register(OrderEvent)
class OrderEventAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["at", "order", "seller_order", "item", "from_status", "to_status", "actor"]
    list_filter = ["to_status"]
    search_fields = ["order__number", "reason"]
    list_select_related = ["order", "seller_order", "item", "actor"]


@admin.register(StockReservation)
class StockReservationAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["order", "variant", "quantity", "status", "expires_at"]
    list_filter = ["status"]
    search_fields = ["order__number", "variant__sku"]
    list_select_related = ["order", "variant"]


class ReturnPhotoInline(ReadOnlyInline):
    model = ReturnPhoto
    fields = ["image"]
    readonly_fields = fields


@admin.register(ReturnRequest)
class ReturnRequestAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["item", "status", "reason_code", "refund_paise", "created_at", "decided_at"]
    list_filter = ["status", "reason_code"]
    search_fields = ["item__order__number", "item__sku"]
    list_select_related = ["item"]
    inlines = [ReturnPhotoInline]


@admin.register(ReturnPhoto)
class ReturnPhotoAdmin(ReadOnlyMixin, admin.ModelAdmin):
    list_display = ["return_request", "image"]


@admin.register(ShippingRate)
class ShippingRateAdmin(admin.ModelAdmin):
    list_display = ["zone", "up_to_grams", "charge_paise", "extra_per_500g_paise",
                    "effective_from"]  # fmt: skip
    list_filter = ["zone", "effective_from"]
