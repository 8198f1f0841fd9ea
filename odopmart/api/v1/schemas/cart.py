"""Input and output shapes of the cart endpoints.

Inputs forbid unknown fields: a client that sends a price (or anything else the server decides)
gets a 422 naming the field, instead of having it silently ignored.
"""

from __future__ import annotations

from uuid import UUID

from ninja import Field, Schema
from pydantic import ConfigDict, StrictBool, StrictInt

# Ids are 64-bit database integers.
MAX_ID = 2**63 - 1
# Far above any per-line limit of the cart (which gives the real, configurable bound), far below
# what the database holds: anything larger is nonsense input and refused before any lookup.
MAX_QUANTITY = 10_000


class StrictIn(Schema):
    model_config = ConfigDict(extra="forbid")


class CartItemAddIn(StrictIn):
    variant_id: StrictInt = Field(ge=1, le=MAX_ID, description="The option to buy.")
    quantity: StrictInt = Field(
        1, ge=1, le=MAX_QUANTITY, description="How many to add to what is in the cart already."
    )


class CartItemUpdateIn(StrictIn):
    quantity: StrictInt | None = Field(
        None, ge=0, le=MAX_QUANTITY, description="The new quantity; 0 removes the line."
    )
    saved_for_later: StrictBool | None = Field(
        None, description="true: keep it in the cart without buying it now; false: buy it now."
    )


class CartMergeIn(StrictIn):
    cart_token: UUID = Field(description="The `X-Cart-Token` of the cart made before signing in.")


class CartVendorOut(Schema):
    id: int
    name: str


class CartLineOut(Schema):
    variant_id: int
    product_id: int
    product_url: str
    name: str
    variant_label: str
    sku: str
    thumbnail_url: str | None
    vendor: CartVendorOut
    quantity: int
    saved_for_later: bool
    unit_price_paise: int = Field(description="Today's price of one, incl. GST")
    unit_price_formatted: str
    price_seen_paise: int = Field(description="The price when it was added to the cart")
    price_seen_formatted: str
    price_changed: bool
    line_total_paise: int
    line_total_formatted: str
    available_quantity: int = Field(description="How many can be bought now (stock and limit)")
    purchasable: bool = Field(description="Goes to checkout (not saved for later, no problem)")
    problem: str | None = Field(
        description="Why it can't be bought now: `out_of_stock`, `not_enough_stock`, "
        "`unavailable`, ... (null when fine)"
    )
    problem_detail: str | None


class CartOut(Schema):
    token: str | None = Field(
        description="The guest cart's token: send it back as `X-Cart-Token` (null for an empty "
        "guest cart not made yet)"
    )
    signed_in: bool
    count: int = Field(description="Number of items to buy (quantities summed)")
    lines: list[CartLineOut] = Field(description="Lines to buy now")
    saved_for_later: list[CartLineOut]
    items_total_paise: int = Field(description="Sum of the purchasable lines, incl. GST")
    items_total_formatted: str
    has_problems: bool
    max_quantity_per_line: int
