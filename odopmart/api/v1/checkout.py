"""Checkout from the app: the price breakdown, then placing the order.

1. ``POST /checkout/quote {"pincode": "226001"}``: the cart's purchasable lines priced for
   that delivery PIN code: one shipment per vendor with GST per line (CGST + SGST within the
   vendor's state, IGST across states), shipping and its tax, and the totals. A PIN code we
   don't deliver to is a 422 naming ``pincode``.
2. ``POST /checkout``: places the order (stock is held for a while, see
   ``reservation_expires_at``) and answers 201 with the order. Then start paying with
   ``POST /orders/{number}/payments`` (also for cash on delivery, which confirms it).

The phone on the order must be verified: a signed-in buyer's account phone is; a guest sends
``phone`` and the ``otp_code`` from ``POST /auth/otp/request`` and stays a guest (the order is
opened later with the ``access_token`` from the answer, as ``X-Order-Token``).

Send an ``Idempotency-Key`` header (a fresh UUID per tap on "place order"): a retry with the
same key and body gets the first answer again (``Idempotent-Replayed: true``) and places
nothing; the same key with a different body is a 409.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Router, Status

from odopmart.accounts import otp as otp_services
from odopmart.accounts.exceptions import AuthError
from odopmart.accounts.models import Profile
from odopmart.accounts.net import client_ip
from odopmart.api.errors import ErrorOut
from odopmart.api.language import LanguageCode, with_language
from odopmart.api.v1.buying import (
    ERRORS,
    OptionalTokenAuth,
    buyer,
    domain_error,
    error,
    field_error,
    idempotent,
    money,
)
from odopmart.api.v1.cart import CartNotFound, request_cart
from odopmart.api.v1.orders import order_detail_out
from odopmart.api.v1.schemas.checkout import CheckoutIn, CheckoutQuoteIn, QuoteOut
from odopmart.api.v1.schemas.common import rate_percent
from odopmart.api.v1.schemas.orders import OrderPlaceOut
from odopmart.orders.exceptions import OrderError
from odopmart.orders.models import Cart, CartLine, Order
from odopmart.orders.pricing import Quote, QuoteLine, Shipment, quote
from odopmart.orders.services import DeliveryAddress, place_order
from odopmart.orders.states import SupplyType

router = Router(tags=["checkout"], auth=OptionalTokenAuth())
router.add_decorator(with_language, mode="view")

# Problems of a quote that are about the delivery PIN code, not about a line of the cart.
PINCODE_PROBLEMS = frozenset(
    {"pincode_invalid", "pincode_unknown", "not_serviceable", "no_shipping_rate",
     "pincode_required"}
)  # fmt: skip
# Where place_order's field names are in the checkout body.
CHECKOUT_FIELDS: dict[str, str | list[str | int]] = {
    "name": ["address", "name"],
    "line1": ["address", "line1"],
    "line2": ["address", "line2"],
    "city": ["address", "city"],
    "district": ["address", "district"],
    "pincode": ["address", "pincode"],
    "phone": ["phone"],
    "email": ["email"],
    "payment_method": ["payment_method"],
    "variant_id": ["cart"],
    "quantity": ["cart"],
}


def _language() -> str:
    return (get_language() or "en").split("-")[0]


def _checkout_cart(request: HttpRequest) -> Cart | Status[dict[str, Any]]:
    try:
        cart = request_cart(request, create=False)
    except CartNotFound:
        return error(404, "cart_not_found", _("This cart no longer exists."))
    if cart is None or not CartLine.objects.filter(cart=cart, saved_for_later=False).exists():
        return error(409, "cart_empty", _("Your cart is empty."))
    return cart


# --- the breakdown ---------------------------------------------------------------------------


def _line_out(line: QuoteLine) -> dict[str, Any]:
    variant = line.variant
    return {
        "variant_id": variant.pk,
        "product_id": variant.product_id,
        "name": variant.product.name,
        "variant_label": variant.label,
        "sku": variant.sku,
        "hsn_code": variant.product.hsn_code,
        "quantity": line.quantity,
        **money("unit_price", line.unit_price_paise),
        **money("line_total", line.line_total_paise),
        "gst_rate_bp": line.rate_bp,
        "gst_rate_percent": rate_percent(line.rate_bp),
        **money("taxable", line.tax.taxable_paise),
        **money("cgst", line.tax.cgst_paise),
        **money("sgst", line.tax.sgst_paise),
        **money("igst", line.tax.igst_paise),
    }


def _totals(totals: Any) -> dict[str, Any]:
    return {
        **money("items", totals.items_paise),
        **money("shipping", totals.shipping_paise),
        **money("taxable", totals.taxable_paise),
        **money("cgst", totals.cgst_paise),
        **money("sgst", totals.sgst_paise),
        **money("igst", totals.igst_paise),
        **money("grand_total", totals.grand_total_paise),
    }


def _shipment_out(shipment: Shipment) -> dict[str, Any]:
    return {
        "vendor": {
            "id": shipment.vendor.pk,
            "name": shipment.vendor.name,
            "gstin": shipment.vendor.gstin,
        },
        "supply_type": shipment.supply_type,
        "supply_type_label": str(SupplyType(shipment.supply_type).label),
        "zone": shipment.zone,
        "weight_grams": shipment.weight_grams,
        "lines": [_line_out(line) for line in shipment.lines],
        "totals": {
            **money("items", shipment.items_total_paise),
            **money("shipping", shipment.shipping_paise),
            **money("taxable", shipment.taxable_paise),
            **money("cgst", shipment.cgst_paise),
            **money("sgst", shipment.sgst_paise),
            **money("igst", shipment.igst_paise),
            **money("grand_total", shipment.grand_total_paise),
        },
    }


def _cod_available(found: Quote, pincode: str) -> bool | None:
    try:
        from odopmart.payments.services import cod_available
    except ImportError:  # pragma: no cover - payments not installed
        return None
    return cod_available(found.totals.grand_total_paise, pincode) is None


def quote_out(found: Quote, pincode: str) -> dict[str, Any]:
    delivery = found.delivery_pincode
    return {
        "pincode": pincode,
        "state_code": delivery.state.gst_state_code if delivery is not None else None,
        "shipments": [_shipment_out(shipment) for shipment in found.shipments],
        "totals": _totals(found.totals),
        "problems": [
            {"code": p.code, "detail": str(p.message), "variant_id": p.variant_id}
            for p in found.problems
        ],
        "cod_available": _cod_available(found, pincode) if found.ok else False,
    }


@router.post("/checkout/quote", response={200: QuoteOut, **ERRORS})
def checkout_quote(
    request: HttpRequest, payload: CheckoutQuoteIn, lang: LanguageCode | None = None
) -> Any:
    """The full price breakdown of the cart delivered to ``pincode``, as it will be charged.
    Lines that can't be bought now (out of stock, limit) are listed in ``problems``; the
    order can't be placed until they are fixed in the cart."""
    cart = _checkout_cart(request)
    if isinstance(cart, Status):
        return cart
    lines = CartLine.objects.filter(cart=cart, saved_for_later=False).order_by("added_at", "pk")
    found = quote([(line.variant_id, line.quantity) for line in lines], payload.pincode)
    for problem in found.problems:
        if problem.code in PINCODE_PROBLEMS:
            return field_error(422, ["pincode"], problem.code, problem.message)
    return quote_out(found, payload.pincode)


# --- placing the order -----------------------------------------------------------------------


def _verified_phone(request: HttpRequest, payload: CheckoutIn) -> str | Status[dict[str, Any]]:
    """The buyer's verified phone: the account's, or a guest's checked with the SMS code."""
    user = buyer(request)
    if user is not None:
        phone = Profile.objects.filter(user=user).values_list("phone", flat=True).first()
        if not phone:
            return error(
                403, "phone_not_verified", _("Add a verified mobile number to your account first.")
            )
        return phone
    if not payload.phone:
        return field_error(422, ["phone"], "phone_required", _("Enter your mobile number."))
    if not payload.otp_code:
        return field_error(
            422, ["otp_code"], "code_required", _("Enter the 6-digit code from the SMS.")
        )
    try:
        otp_services.otp_verify(
            phone=payload.phone,
            code=payload.otp_code,
            ip=client_ip(request),
            language=_language(),
        )
    except AuthError as refused:
        if refused.throttled:
            return error(429, refused.code.value, refused.message)
        field = {"phone": "phone", "code": "otp_code"}.get(refused.field or "", "otp_code")
        return field_error(422, [field], refused.code.value, refused.message)
    return payload.phone


def _precheck(cart: Cart, pincode: str) -> Status[dict[str, Any]] | None:
    """Refuse before using up the guest's SMS code when the order can't be placed anyway."""
    lines = CartLine.objects.filter(cart=cart, saved_for_later=False)
    found = quote([(line.variant_id, line.quantity) for line in lines], pincode)
    for problem in found.problems:
        if problem.code in PINCODE_PROBLEMS:
            return field_error(422, ["address", "pincode"], problem.code, problem.message)
        return error(409, problem.code, problem.message)
    return None


def _place(request: HttpRequest, cart: Cart | None, payload: CheckoutIn, key: str | None) -> Status:
    if cart is None or not CartLine.objects.filter(cart=cart, saved_for_later=False).exists():
        return error(409, "cart_empty", _("Your cart is empty."))
    if refused := _precheck(cart, payload.address.pincode):
        return refused
    phone = _verified_phone(request, payload)
    if isinstance(phone, Status):
        return phone
    address = payload.address
    try:
        order = place_order(
            cart=cart,
            buyer=buyer(request),
            phone=phone,
            email=payload.email,
            address=DeliveryAddress(
                name=address.name,
                line1=address.line1,
                line2=address.line2,
                city=address.city,
                district=address.district,
                pincode=address.pincode,
            ),
            payment_method=payload.payment_method,
            language=_language(),
            idempotency_key=key,
            expected_total_paise=payload.expected_total_paise,
        )
    except OrderError as refused:
        return domain_error(refused, fields=CHECKOUT_FIELDS)
    order = Order.objects.select_related("ship_state").get(pk=order.pk)
    needs_payment = order.status in ("pending_payment", "payment_failed")
    return Status(
        201,
        {
            "order": order_detail_out(order),
            "access_token": str(order.access_token) if order.buyer_id is None else None,
            "payment_url": request.build_absolute_uri(
                reverse("api-v1:payment_start", kwargs={"number": order.number})
            )
            if needs_payment
            else None,
        },
    )


@router.post("/checkout", response={201: OrderPlaceOut, 403: ErrorOut, 429: ErrorOut, **ERRORS})
def checkout_place(
    request: HttpRequest,
    payload: CheckoutIn,
    response: HttpResponse,
    lang: LanguageCode | None = None,
) -> Any:
    """Place the order for the cart's purchasable lines. Prices are the server's: if any
    changed since the buyer last saw them, or ``expected_total_paise`` differs from the
    total, nothing is placed (409 ``price_changed`` / ``total_changed``; quote again)."""
    try:
        cart = request_cart(request, create=False)
    except CartNotFound:
        return error(404, "cart_not_found", _("This cart no longer exists."))
    user = buyer(request)
    if user is None and cart is None:
        return error(409, "cart_empty", _("Your cart is empty."))
    # The replay must work after the order emptied the cart, so the check for an empty cart
    # runs inside the idempotent call.
    who = f"user:{user.pk}" if user is not None else f"cart:{cart.token}"  # type: ignore[union-attr]
    key_header = request.headers.get("Idempotency-Key")
    key = key_header.strip() if key_header else None
    return idempotent(
        request,
        response,
        scope=f"api.checkout:{who}",
        body=payload.model_dump(mode="json"),
        run=lambda: _place(request, cart, payload, key),
    )
