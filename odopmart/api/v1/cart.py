"""The cart from the app, for guests and signed-in buyers.

* A signed-in buyer (``Authorization: Bearer <token>``) has one cart, shared with the website.
* A guest's cart is made by the first ``POST /cart/items``; its token comes back in the
  ``X-Cart-Token`` response header (and as ``token``). Send it as ``X-Cart-Token`` afterwards.
  An unknown token is a 404 ``cart_not_found``: drop it and start again.
* After signing in, ``POST /cart/merge`` with the guest token moves the guest's lines into the
  buyer's cart (quantities add up, bounded by stock and the per-line limit).

Prices are never taken from the app: each line shows today's price, the price when it was
added, and why it can't be bought now (``problem``). Bad quantities and unknown or unavailable
options are a 422 naming the field; nothing changes.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Path, Router, Status

from odopmart.api.language import LanguageCode, with_language
from odopmart.api.links import media_url, product_url
from odopmart.api.v1.buying import (
    CART_TOKEN_HEADER,
    ERRORS,
    OptionalTokenAuth,
    buyer,
    domain_error,
    error,
    field_error,
    header,
    money,
)
from odopmart.api.v1.schemas.cart import (
    MAX_ID,
    CartItemAddIn,
    CartItemUpdateIn,
    CartMergeIn,
    CartOut,
)
from odopmart.orders import cart as carts
from odopmart.orders.conf import orders_setting
from odopmart.orders.exceptions import OrderError
from odopmart.orders.models import Cart

router = Router(tags=["cart"], auth=OptionalTokenAuth())
router.add_decorator(with_language, mode="view")

RESPONSES: dict[int, Any] = {200: CartOut, **ERRORS}


class CartNotFound(Exception):
    pass


def request_cart(request: HttpRequest, *, create: bool) -> Cart | None:
    """The buyer's cart, or the guest's by ``X-Cart-Token`` (made when ``create``).

    Raises CartNotFound for a guest token that names no guest cart."""
    user = buyer(request)
    if user is not None:
        return carts.cart_for_user(user, create=create)
    token = header(request, CART_TOKEN_HEADER)
    if token:
        cart = carts.cart_by_token(token)
        if cart is None:
            raise CartNotFound
        return cart
    if not create:
        return None
    return Cart.objects.create()


def _cart_not_found() -> Status[dict[str, Any]]:
    return error(
        404,
        "cart_not_found",
        _("This cart no longer exists. Start a new one without the X-Cart-Token header."),
    )


def _line_out(request: HttpRequest, entry: carts.CartReviewLine) -> dict[str, Any]:
    variant = entry.variant
    line = entry.line
    product = variant.product if variant is not None else None
    return {
        "variant_id": line.variant_id,
        "product_id": product.pk if product else 0,
        "product_url": product_url(request, product.pk) if product else "",
        "name": product.name if product else "",
        "variant_label": variant.label if variant else "",
        "sku": variant.sku if variant else "",
        "thumbnail_url": media_url(request, product.thumbnail) if product else None,
        "vendor": {"id": product.vendor_id, "name": product.vendor.name}
        if product
        else {"id": 0, "name": ""},
        "quantity": entry.quantity,
        "saved_for_later": line.saved_for_later,
        **money("unit_price", entry.price_paise),
        **money("price_seen", entry.price_seen_paise),
        "price_changed": entry.price_changed,
        **money("line_total", entry.line_total_paise),
        "available_quantity": entry.available,
        "purchasable": entry.purchasable,
        "problem": entry.problem,
        "problem_detail": str(entry.message) if entry.problem else None,
    }


def cart_out(request: HttpRequest, response: HttpResponse, cart: Cart | None) -> dict[str, Any]:
    """The cart as the app sees it; a guest cart's token also goes in the X-Cart-Token header."""
    review = carts.cart_review(cart)
    guest_token = str(cart.token) if cart is not None and cart.user_id is None else None
    if guest_token:
        response[CART_TOKEN_HEADER] = guest_token
    return {
        "token": guest_token,
        "signed_in": buyer(request) is not None,
        "count": review.count,
        "lines": [_line_out(request, entry) for entry in review.lines],
        "saved_for_later": [_line_out(request, entry) for entry in review.saved],
        **money("items_total", review.subtotal_paise),
        "has_problems": review.has_problems,
        "max_quantity_per_line": int(orders_setting("MAX_LINE_QUANTITY")),
    }


@router.get("/cart", response=RESPONSES)
def cart_detail(
    request: HttpRequest, response: HttpResponse, lang: LanguageCode | None = None
) -> Any:
    """The cart with today's prices, availability and totals. A guest without a token gets an
    empty cart (nothing is made until something is added)."""
    try:
        cart = request_cart(request, create=False)
    except CartNotFound:
        return _cart_not_found()
    return cart_out(request, response, cart)


@router.post("/cart/items", response=RESPONSES)
def cart_item_add(
    request: HttpRequest,
    payload: CartItemAddIn,
    response: HttpResponse,
    lang: LanguageCode | None = None,
) -> Any:
    """Add an option (``variant_id``) to the cart; adds to the quantity already there. A guest's
    first add makes the cart: keep the ``X-Cart-Token`` from the response."""
    try:
        cart = request_cart(request, create=False)
    except CartNotFound:
        return _cart_not_found()
    made_now = cart is None
    if cart is None:
        cart = request_cart(request, create=True)
    assert cart is not None
    try:
        carts.cart_add(cart, payload.variant_id, payload.quantity)
    except OrderError as refused:
        if made_now and cart.user_id is None:
            # Nothing went in: don't leave an empty guest cart behind.
            cart.delete()
        return domain_error(refused)
    return cart_out(request, response, cart)


def _path_variant(variant_id: int) -> Status[dict[str, Any]] | None:
    if not 1 <= variant_id <= MAX_ID:
        return field_error(
            422, ["variant_id"], "unknown_variant", _("Not in your cart."), where="path"
        )
    return None


@router.patch("/cart/items/{variant_id}", response=RESPONSES)
def cart_item_update(
    request: HttpRequest,
    variant_id: Path[int],
    payload: CartItemUpdateIn,
    response: HttpResponse,
    lang: LanguageCode | None = None,
) -> Any:
    """Change a line: ``quantity`` (0 removes it) and/or ``saved_for_later``."""
    if refused := _path_variant(variant_id):
        return refused
    if payload.quantity is None and payload.saved_for_later is None:
        return field_error(422, ["quantity"], "missing", _("Send a quantity or saved_for_later."))
    try:
        cart = request_cart(request, create=False)
    except CartNotFound:
        return _cart_not_found()
    if cart is None or not cart.lines.filter(variant_id=variant_id).exists():
        return error(404, "not_in_cart", _("This item is not in your cart."))
    try:
        if payload.quantity is not None:
            carts.cart_set_quantity(cart, variant_id, payload.quantity)
        if payload.saved_for_later is not None and payload.quantity != 0:
            carts.cart_save_for_later(cart, variant_id, payload.saved_for_later)
    except OrderError as refused:
        return domain_error(refused)
    return cart_out(request, response, cart)


@router.delete("/cart/items/{variant_id}", response=RESPONSES)
def cart_item_remove(
    request: HttpRequest,
    variant_id: Path[int],
    response: HttpResponse,
    lang: LanguageCode | None = None,
) -> Any:
    """Take a line out of the cart."""
    if refused := _path_variant(variant_id):
        return refused
    try:
        cart = request_cart(request, create=False)
    except CartNotFound:
        return _cart_not_found()
    if cart is None or not carts.cart_remove(cart, variant_id):
        return error(404, "not_in_cart", _("This item is not in your cart."))
    return cart_out(request, response, cart)


@router.post("/cart/merge", response=RESPONSES)
def cart_merge(
    request: HttpRequest,
    payload: CartMergeIn,
    response: HttpResponse,
    lang: LanguageCode | None = None,
) -> Any:
    """Signed-in buyers: move the lines of the guest cart ``cart_token`` into your cart (the
    guest cart is then gone). Merging a token twice is a 404 the second time."""
    user = buyer(request)
    if user is None:
        return error(401, "http_401", _("Sign in first: send Authorization: Bearer <token>."))
    source = carts.cart_by_token(payload.cart_token)
    if source is None:
        return _cart_not_found()
    into = carts.cart_for_user(user, create=True)
    assert into is not None
    carts.cart_merge(source, into)
    return cart_out(request, response, into)
