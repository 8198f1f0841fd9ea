"""Output and input shapes of the buyer's orders: list, detail with timeline, cancel, return."""

from __future__ import annotations

from datetime import datetime

from ninja import Field, Schema
from pydantic import StrictInt

from odopmart.api.v1.schemas.cart import StrictIn
from odopmart.api.v1.schemas.checkout import ShipmentVendorOut, TotalsOut

MAX_PAGE = 100_000
MAX_PAGE_SIZE = 100


class OrderListIn(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE)
    page_size: int | None = Field(None, ge=1, le=MAX_PAGE_SIZE)


class OrderSummaryOut(Schema):
    number: str
    status: str
    status_label: str
    payment_method: str
    created_at: datetime
    placed_at: datetime | None
    item_count: int
    first_item_name: str
    grand_total_paise: int
    grand_total_formatted: str
    url: str


class OrderListOut(Schema):
    count: int
    page: int
    pages: int
    page_size: int
    next: str | None
    previous: str | None
    results: list[OrderSummaryOut]


class ReturnRequestOut(Schema):
    id: int
    status: str
    status_label: str
    reason_code: str
    details: str
    refund_paise: int
    refund_formatted: str
    created_at: datetime


class OrderItemOut(Schema):
    id: int
    variant_id: int
    product_id: int
    name: str
    variant_label: str
    sku: str
    hsn_code: str
    artisan_name: str
    district_name: str
    odop_product_name: str
    quantity: int
    unit_price_paise: int
    unit_price_formatted: str
    line_total_paise: int
    line_total_formatted: str
    gst_rate_bp: int
    gst_rate_percent: str
    taxable_paise: int
    taxable_formatted: str
    cgst_paise: int
    cgst_formatted: str
    sgst_paise: int
    sgst_formatted: str
    igst_paise: int
    igst_formatted: str
    status: str
    status_label: str
    refunded_paise: int
    refunded_formatted: str
    can_cancel: bool
    can_return: bool
    return_until: datetime | None = Field(description="Last moment a return may be asked for")
    returns: list[ReturnRequestOut]


class SellerOrderOut(Schema):
    number: str
    vendor: ShipmentVendorOut
    status: str
    status_label: str
    supply_type: str
    supply_type_label: str
    items: list[OrderItemOut]
    totals: TotalsOut


class TimelineEventOut(Schema):
    at: datetime
    status: str
    status_label: str
    about: str = Field(description="`order`, `seller_order` or `item`")
    seller_order_number: str | None
    item_id: int | None
    reason: str


class DeliveryAddressOut(Schema):
    name: str
    line1: str
    line2: str
    city: str
    district: str
    pincode: str
    state: str


class OrderDetailOut(Schema):
    number: str
    status: str
    status_label: str
    payment_method: str
    payment_method_label: str
    phone: str
    email: str
    address: DeliveryAddressOut
    created_at: datetime
    placed_at: datetime | None
    paid_at: datetime | None
    cancelled_at: datetime | None
    reservation_expires_at: datetime | None = Field(
        description="Pay before this, or the items are released"
    )
    needs_payment: bool
    can_cancel: bool
    totals: TotalsOut
    refunded_paise: int
    refunded_formatted: str
    seller_orders: list[SellerOrderOut]
    timeline: list[TimelineEventOut]


class OrderPlaceOut(Schema):
    order: OrderDetailOut
    access_token: str | None = Field(
        description="Guests: send as `X-Order-Token` to open this order later (shown once)"
    )
    payment_url: str | None = Field(
        description="Where to start paying (`POST`), when the order awaits payment"
    )


class OrderCancelIn(StrictIn):
    item_ids: list[StrictInt] = Field(
        default_factory=list,
        max_length=200,
        description="Items to cancel; empty cancels the whole order",
    )
    reason: str = Field("", max_length=500)
