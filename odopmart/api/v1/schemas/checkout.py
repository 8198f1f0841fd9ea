"""Input and output shapes of checkout: the price breakdown (quote) and placing the order."""

from __future__ import annotations

from typing import Literal

from ninja import Field, Schema
from pydantic import StrictInt

from odopmart.api.v1.schemas.cart import StrictIn

PINCODE_PATTERN = r"^[1-9][0-9]{5}$"
# ₹1,000 crore: far above any order, far below the database's 64-bit integers.
MAX_AMOUNT_PAISE = 10**12

PaymentMethodChoice = Literal["online", "cod"]


class TotalsOut(Schema):
    """An amount breakdown in paise (all incl. GST) with a rupee string beside each figure."""

    items_paise: int
    items_formatted: str
    shipping_paise: int
    shipping_formatted: str
    taxable_paise: int = Field(description="Value before GST (items and shipping)")
    taxable_formatted: str
    cgst_paise: int
    cgst_formatted: str
    sgst_paise: int
    sgst_formatted: str
    igst_paise: int
    igst_formatted: str
    grand_total_paise: int = Field(description="What the buyer pays: items + shipping")
    grand_total_formatted: str


class CheckoutQuoteIn(StrictIn):
    pincode: str = Field(pattern=PINCODE_PATTERN, description="Delivery PIN code (6 digits)")


class QuoteLineOut(Schema):
    variant_id: int
    product_id: int
    name: str
    variant_label: str
    sku: str
    hsn_code: str
    quantity: int
    unit_price_paise: int
    unit_price_formatted: str
    line_total_paise: int
    line_total_formatted: str
    gst_rate_bp: int = Field(description="GST rate in force on the order date, basis points")
    gst_rate_percent: str
    taxable_paise: int
    taxable_formatted: str
    cgst_paise: int
    cgst_formatted: str
    sgst_paise: int
    sgst_formatted: str
    igst_paise: int
    igst_formatted: str


class ShipmentVendorOut(Schema):
    id: int
    name: str
    gstin: str


class QuoteShipmentOut(Schema):
    vendor: ShipmentVendorOut
    supply_type: str = Field(description="`intra` (CGST + SGST) or `inter` (IGST)")
    supply_type_label: str
    zone: str
    weight_grams: int
    lines: list[QuoteLineOut]
    totals: TotalsOut


class ProblemOut(Schema):
    code: str
    detail: str
    variant_id: int | None


class QuoteOut(Schema):
    pincode: str
    state_code: str | None = Field(description="GST state code of the delivery address")
    shipments: list[QuoteShipmentOut]
    totals: TotalsOut
    problems: list[ProblemOut] = Field(description="Anything that stops the order (empty: fine)")
    cod_available: bool | None = Field(
        None, description="Whether cash on delivery may be chosen (null: not known)"
    )


class AddressIn(StrictIn):
    name: str = Field(min_length=1, max_length=120)
    line1: str = Field(min_length=1, max_length=200, description="House / street")
    line2: str = Field("", max_length=200, description="Area / landmark")
    city: str = Field(min_length=1, max_length=120)
    district: str = Field("", max_length=120)
    pincode: str = Field(pattern=PINCODE_PATTERN)


class CheckoutIn(StrictIn):
    address: AddressIn
    payment_method: PaymentMethodChoice
    email: str = Field("", max_length=254)
    phone: str = Field(
        "",
        max_length=64,
        description="Guests: the phone that got the code from `POST /auth/otp/request`. "
        "Signed-in buyers: ignored (the account's verified phone is used).",
    )
    otp_code: str = Field("", max_length=20, description="Guests: the code from the SMS.")
    expected_total_paise: StrictInt | None = Field(
        None,
        ge=0,
        le=MAX_AMOUNT_PAISE,
        description="The total the buyer saw (from the quote). If prices changed since, the "
        "order is refused with 409 `price_changed` and nothing is placed.",
    )
