"""The JSON API, version 1, mounted at /api/v1/ (OpenAPI at /api/v1/openapi.json)."""

from __future__ import annotations

from odopmart.api.base import OdopmartApi
from odopmart.api.v1.artisan import router as artisan_router
from odopmart.api.v1.auth import router as auth_router
from odopmart.api.v1.cart import router as cart_router
from odopmart.api.v1.catalog import router as catalog_router
from odopmart.api.v1.certificates import router as certificates_router
from odopmart.api.v1.checkout import router as checkout_router
from odopmart.api.v1.earnings import router as earnings_router
from odopmart.api.v1.orders import router as orders_router
from odopmart.api.v1.payments import router as payments_router
from odopmart.api.v1.regions import router as regions_router
from odopmart.api.v1.seller import router as seller_router
from odopmart.api.v1.tracking import router as tracking_router

DESCRIPTION = """
The catalogue of odopmart: districts and their One District One Product (ODOP) registry,
categories and products. Phone sign-in. The seller's side: a seller's vendors, listings with
stock and artisans, and setting stock (`/seller/...`, with `Authorization: Bearer <token>`).

**Buying.** The cart (`/cart`), the price breakdown per vendor shipment with GST per line
(`/checkout/quote`), placing the order (`/checkout`), paying (`/orders/{number}/payments`,
then `/payments/verify` for Razorpay's SDK), and the buyer's orders with cancelling and returns
(`/orders`). Signed-in buyers send their bearer token. Guests are identified by the
`X-Cart-Token` header (returned by the first `POST /cart/items`), check out with a phone
verified by an SMS code (`phone` + `otp_code`), and open their order with `X-Order-Token` (the
`access_token` from checkout). Another buyer's order is a 404.

**Retries.** `POST /checkout` and `POST /orders/{number}/payments` honour an `Idempotency-Key`
header (1-120 visible ASCII characters, e.g. a UUID made once per tap): the same key with the
same body replays the first answer (with `Idempotent-Replayed: true`) and creates nothing; the
same key with a different body is a `409 idempotency_key_reused`.

**Language.** Localised fields (`name`, `description`, ...) follow `?lang=hi|en`, else the
`Accept-Language` header, else English; the raw `*_en` and `*_hi` fields are always included.
The response's `Content-Language` header says which language was used.

**Money** is in integer paise (`price_paise: 249900`), with a formatted rupee string
alongside (`price_formatted: "₹2,499"`). GST rates are in basis points (`500` = 5 %).

**Errors** are JSON objects with a `code` and a `detail`:

* `422` `{"code": "validation_error", "detail": [{"loc": ["query", "min_price"],
  "msg": "Input should be greater than or equal to 0", "type": "greater_than_equal"}]}`
* `401` `{"code": "http_401", "detail": "Unauthorized"}` (a seller endpoint without a valid
  token)
* `404` `{"code": "not_found", "detail": "Not found"}` (unknown ids, slugs and URLs, products
  that are not on sale, and another seller's vendors, listings, options and artisans, another
  buyer's orders)
* `409` `{"code": "price_changed", "detail": "..."}` (the request is fine but the cart or order
  does not allow it now: `cart_empty`, `price_changed`, `total_changed`, `not_cancellable`,
  `already_paid`, `idempotency_key_reused`, ...)
* `500` `{"code": "server_error", "detail": "Internal server error"}`
"""

api = OdopmartApi(
    title="odopmart API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
)
api.add_router("/", regions_router)
api.add_router("/", catalog_router)
api.add_router("/", auth_router)
api.add_router("/", seller_router)
api.add_router("/", cart_router)
api.add_router("/", checkout_router)
api.add_router("/", orders_router)
api.add_router("/", payments_router)
api.add_router("/", tracking_router)
api.add_router("/", certificates_router)
api.add_router("/", artisan_router)
api.add_router("/", earnings_router)
