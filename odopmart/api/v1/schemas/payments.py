"""Input and output shapes of paying for an order from the app."""

from __future__ import annotations

from typing import Any

from ninja import Field, Schema

from odopmart.api.v1.schemas.cart import StrictIn


class PaymentStartOut(Schema):
    payment_id: int
    provider: str = Field(description="`razorpay`, `sandbox` or `cod`")
    status: str
    amount_paise: int
    amount_formatted: str
    currency: str
    gateway_order_id: str | None = Field(description="Razorpay's `order_id` for the SDK")
    key_id: str | None = Field(description="Razorpay key id for the SDK (null otherwise)")
    next_url: str | None = Field(
        description="Sandbox: the page to open to pay; otherwise where to go next (may be null)"
    )
    checkout: dict[str, Any] = Field(description="The options to hand to the gateway's SDK")
    order_number: str
    order_status: str


class PaymentVerifyIn(StrictIn):
    razorpay_order_id: str = Field(min_length=1, max_length=100)
    razorpay_payment_id: str = Field(min_length=1, max_length=100)
    razorpay_signature: str = Field(min_length=1, max_length=200)


class PaymentVerifyOut(Schema):
    payment_id: int
    provider: str
    status: str
    order_number: str
    order_status: str
    order_status_label: str
