"""The buyer's cart and checkout pages.

Views read the request, call the orders and payments services and render; prices, stock,
tax, serviceability and payment rules all live in those services. Their errors (a code and a
message) become form errors; nothing a buyer types can cause a 500.

Checkout keeps its progress in the session (the verified phone and the delivery address), never
prices: every step reads the cart and asks the pricing service again.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from odopmart.accounts.conf import accounts_setting
from odopmart.accounts.exceptions import AuthError, AuthErrorCode
from odopmart.accounts.net import client_ip
from odopmart.accounts.otp import otp_has_pending_code, otp_request, otp_verify
from odopmart.accounts.phone import phone_display
from odopmart.orders import cart as carts
from odopmart.orders.exceptions import OrderError
from odopmart.orders.pricing import quote
from odopmart.orders.services import DeliveryAddress, place_order
from odopmart.orders.states import PaymentMethod
from odopmart.payments.conf import payment_setting
from odopmart.payments.exceptions import PaymentError
from odopmart.payments.services import cod_available, payment_start
from odopmart.regions.models import Pincode
from odopmart.storefront import buying_orders
from odopmart.storefront.buying_forms import (
    AddressForm,
    AddToCartForm,
    CartLineForm,
    CodeForm,
    ContactForm,
    PaymentForm,
    pincode_clean,
)

SESSION_CHECKOUT = "buying_checkout"


def _language() -> str:
    return (get_language() or "en").split("-")[0]


# --- the cart --------------------------------------------------------------------------------


def current_cart(request: HttpRequest, *, create: bool = False) -> Any:
    """The signed-in buyer's cart, else the guest's cart kept in the session (None if none)."""
    if request.user.is_authenticated:
        return carts.cart_for_user(request.user, create=create)
    return carts.cart_for_session(request, create=create)


@dataclass
class CartRow:
    """One cart line as the cart page shows it."""

    variant_id: int
    product: Any
    variant: Any
    quantity: int
    unit_price_paise: int
    line_total_paise: int
    max_quantity: int  # what the + button may reach (stock and the per-line limit)
    saved_for_later: bool
    price_before_paise: int | None  # set when the price changed since it was added
    problem: str  # "" or unavailable, out_of_stock, insufficient_stock, quantity_limit
    problem_text: str

    @property
    def can_increase(self) -> bool:
        return not self.problem and self.quantity < self.max_quantity

    @property
    def fixable(self) -> bool:
        """Too many asked for, but some can be bought: offer to buy what is left."""
        return self.problem in ("insufficient_stock", "quantity_limit") and self.max_quantity > 0


def cart_rows(lines: list[Any]) -> list[CartRow]:
    rows = []
    for line in lines:
        variant = line.variant
        if variant is None:  # the variant was deleted: nothing to show but the removal
            continue
        rows.append(
            CartRow(
                variant_id=variant.pk,
                product=variant.product,
                variant=variant,
                quantity=line.quantity,
                unit_price_paise=line.price_paise,
                line_total_paise=line.line_total_paise,
                max_quantity=max(int(line.available or 0), 0),
                saved_for_later=line.line.saved_for_later,
                price_before_paise=line.price_seen_paise if line.price_changed else None,
                problem=line.problem or "",
                problem_text=str(line.message or ""),
            )
        )
    return rows


@never_cache
@require_http_methods(["GET", "HEAD"])
def cart_view(request: HttpRequest) -> HttpResponse:
    review = carts.cart_review(current_cart(request))
    rows = cart_rows(review.lines)
    buyable = [row for row in rows if not row.problem]
    return render(
        request,
        "storefront/buying/cart.html",
        {
            "rows": rows,
            "saved_rows": cart_rows(review.saved),
            "subtotal_paise": review.subtotal_paise,
            "item_count": sum(row.quantity for row in buyable),
            "can_checkout": bool(buyable),
            "left_out": len(rows) - len(buyable),
        },
    )


def _same_origin(request: HttpRequest) -> bool:
    """Whether a POST came from one of our own pages (Origin / Sec-Fetch-Site headers).

    The add-to-cart form sits on product pages that are cached whole for anonymous visitors,
    so it cannot carry a per-visitor CSRF token; browsers send these headers instead.
    """
    origin = request.headers.get("Origin")
    if origin:
        return origin == f"{request.scheme}://{request.get_host()}"
    site = request.headers.get("Sec-Fetch-Site")
    return site in (None, "same-origin", "none")


def _cart_error(request: HttpRequest, error: OrderError) -> None:
    messages.error(request, error.message)


@csrf_exempt
@require_POST
def cart_add_view(request: HttpRequest) -> HttpResponse:
    if not _same_origin(request):
        return HttpResponse(_("Please add items from the product page."), status=403)
    form = AddToCartForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return HttpResponseRedirect(reverse("buying:cart"))
    cart = current_cart(request, create=True)
    try:
        carts.cart_add(cart, form.cleaned_data["variant"], form.cleaned_data["quantity"])
    except OrderError as error:
        _cart_error(request, error)
    else:
        messages.success(request, _("Added to your cart."))
    return HttpResponseRedirect(reverse("buying:cart"))


@require_POST
def cart_update_view(request: HttpRequest) -> HttpResponse:
    form = CartLineForm(request.POST)
    cart = current_cart(request)
    if not form.is_valid() or cart is None:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return HttpResponseRedirect(reverse("buying:cart"))
    variant_id = form.cleaned_data["variant"]
    action = form.cleaned_data["action"]
    line = cart.lines.filter(variant_id=variant_id).first()
    try:
        if line is None:
            raise OrderError("not_in_cart", _("That item is no longer in your cart."))
        if action == "increase":
            carts.cart_set_quantity(cart, variant_id, line.quantity + 1)
        elif action == "decrease":
            carts.cart_set_quantity(cart, variant_id, line.quantity - 1)
        elif action == "set":
            carts.cart_set_quantity(cart, variant_id, form.cleaned_data["quantity"])
        elif action == "remove":
            carts.cart_remove(cart, variant_id)
            messages.success(request, _("Removed from your cart."))
        elif action == "save":
            carts.cart_save_for_later(cart, variant_id, True)
            messages.success(request, _("Saved for later."))
        elif action == "move":
            carts.cart_save_for_later(cart, variant_id, False)
            messages.success(request, _("Moved to your cart."))
    except OrderError as error:
        _cart_error(request, error)
    return HttpResponseRedirect(reverse("buying:cart"))


# --- checkout: where the buyer is ------------------------------------------------------------


def _checkout(request: HttpRequest) -> dict[str, Any]:
    return dict(request.session.get(SESSION_CHECKOUT) or {})


def _checkout_save(request: HttpRequest, state: dict[str, Any]) -> None:
    request.session[SESSION_CHECKOUT] = state


def _profile_phone(request: HttpRequest) -> str:
    if not request.user.is_authenticated:
        return ""
    profile = getattr(request.user, "profile", None)
    return getattr(profile, "phone", "") or ""


def checkout_phone(request: HttpRequest) -> str:
    """The buyer's verified mobile number: the signed-in account's, or the one a guest proved
    with a code in this session."""
    return _profile_phone(request) or _checkout(request).get("phone", "")


def _buyable_lines(cart: Any) -> list[tuple[Any, int]]:
    """(variant, quantity) of the lines that will be bought, from a fresh review of the cart."""
    return [(line.variant, line.quantity) for line in carts.cart_review(cart).purchasable]


def _redirect_step(request: HttpRequest) -> HttpResponse | None:
    """Where to send the buyer if an earlier step is missing; None when all are done."""
    cart = current_cart(request)
    if cart is None or not _buyable_lines(cart):
        messages.info(request, _("Your cart is empty, or nothing in it can be bought now."))
        return HttpResponseRedirect(reverse("buying:cart"))
    if not checkout_phone(request):
        return HttpResponseRedirect(reverse("buying:checkout_contact"))
    if not _checkout(request).get("address"):
        return HttpResponseRedirect(reverse("buying:checkout_address"))
    return None


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def checkout_view(request: HttpRequest) -> HttpResponse:
    """Start (or resume) checkout at the first step not yet done. The cart's button POSTs here:
    the buyer has seen the current prices, so the cart stops pointing the changes out."""
    if request.method == "POST":
        cart = current_cart(request)
        if cart is not None:
            carts.cart_acknowledge_prices(cart)
    return _redirect_step(request) or HttpResponseRedirect(reverse("buying:checkout_review"))


STEPS = [("contact", "Mobile"), ("address", "Address"), ("review", "Review and pay")]


def _steps(current: str) -> list[dict[str, Any]]:
    labels = {"contact": _("Mobile"), "address": _("Address"), "review": _("Review and pay")}
    names = [name for name, _label in STEPS]
    index = names.index(current)
    return [
        {"name": name, "label": labels[name], "done": i < index, "current": i == index}
        for i, name in enumerate(names)
    ]


# --- step 1: contact -------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def checkout_contact_view(request: HttpRequest) -> HttpResponse:
    """A guest's mobile number, proved with a code. Signed-in buyers skip this step."""
    if checkout_phone(request) and request.method == "GET" and "change" not in request.GET:
        return HttpResponseRedirect(reverse("buying:checkout_address"))
    state = _checkout(request)
    form = ContactForm(request.POST or None, initial={"email": state.get("email", "")})
    if request.method == "POST" and form.is_valid():
        phone = form.cleaned_data["phone"]
        try:
            otp_request(phone=phone, ip=client_ip(request), language=_language())
        except AuthError as error:
            already_sent = error.code == AuthErrorCode.TOO_MANY_CODES and otp_has_pending_code(
                phone=phone
            )
            if not already_sent:
                form.add_error(error.field, error.message)
        if not form.errors:
            state.update(pending_phone=phone, email=form.cleaned_data["email"])
            state.pop("phone", None)
            _checkout_save(request, state)
            return HttpResponseRedirect(reverse("buying:checkout_code"))
    signin_url = reverse("accounts:signin") + "?next=" + reverse("buying:checkout")
    return render(
        request,
        "storefront/buying/checkout_contact.html",
        {"form": form, "steps": _steps("contact"), "signin_url": signin_url},
    )


@never_cache
@require_http_methods(["GET", "POST"])
def checkout_code_view(request: HttpRequest) -> HttpResponse:
    state = _checkout(request)
    phone = state.get("pending_phone")
    if not phone:
        return HttpResponseRedirect(reverse("buying:checkout_contact"))
    resend = request.method == "POST" and request.POST.get("action") == "resend"
    form = CodeForm(request.POST if request.method == "POST" and not resend else None)
    notice = resend_error = ""
    if resend:
        try:
            otp_request(phone=phone, ip=client_ip(request), language=_language())
        except AuthError as error:
            resend_error = error.message
        else:
            notice = _("We sent a new code. The earlier one no longer works.")
    elif request.method == "POST" and form.is_valid():
        try:
            # Proves the phone is the buyer's. The guest stays a guest: the order is theirs
            # through its link, and signing in later with this phone shows it too.
            otp_verify(
                phone=phone,
                code=form.cleaned_data["code"],
                ip=client_ip(request),
                language=_language(),
            )
        except AuthError as error:
            form.add_error(error.field, error.message)
        else:
            state.pop("pending_phone", None)
            state["phone"] = phone
            _checkout_save(request, state)
            return HttpResponseRedirect(reverse("buying:checkout_address"))
    return render(
        request,
        "storefront/buying/checkout_code.html",
        {
            "form": form,
            "steps": _steps("contact"),
            "phone": phone_display(phone),
            "minutes": math.ceil(int(accounts_setting("OTP_TTL_SECONDS")) / 60),
            "notice": notice,
            "resend_error": resend_error,
        },
    )


# --- step 2: address -------------------------------------------------------------------------


def _saved_addresses(request: HttpRequest) -> list[Any]:
    if not request.user.is_authenticated:
        return []
    return list(request.user.addresses.all()[:10])


@never_cache
@require_http_methods(["GET", "POST"])
def checkout_address_view(request: HttpRequest) -> HttpResponse:
    cart = current_cart(request)
    if cart is None or not _buyable_lines(cart):
        return HttpResponseRedirect(reverse("buying:cart"))
    if not checkout_phone(request):
        return HttpResponseRedirect(reverse("buying:checkout_contact"))
    state = _checkout(request)
    saved = _saved_addresses(request)
    initial = dict(state.get("address") or {})
    if saved and not state.get("address"):
        initial["saved"] = saved[0].pk
    form = AddressForm(request.POST or None, initial=initial, saved_addresses=saved)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        address = {key: data.get(key) or "" for key in AddressForm.REQUIRED} | {
            "line2": data.get("line2") or ""
        }
        state["address"] = address
        _checkout_save(request, state)
        if data.get("remember") and data.get("saved") is None:
            buying_orders.address_remember(request.user, address, phone=checkout_phone(request))
        return HttpResponseRedirect(reverse("buying:checkout_review"))
    return render(
        request,
        "storefront/buying/checkout_address.html",
        {
            "form": form,
            "steps": _steps("address"),
            "saved_addresses": saved,
            "pincode_row": form.pincode_row,
        },
    )


# --- step 3: review and pay ------------------------------------------------------------------


def _delivery_address(address: dict[str, str], pincode: Pincode) -> DeliveryAddress:
    return DeliveryAddress(
        name=address["name"],
        line1=address["line1"],
        line2=address.get("line2", ""),
        city=address["city"],
        pincode=pincode.code,
        district=pincode.district.name_en if pincode.district_id else "",
        state_code=pincode.state.gst_state_code,
    )


# Door-to-door days by shipping zone, after the artisan has the parcel ready: an estimate shown
# to the buyer (the courier's own promise replaces it once shipments are booked).
DELIVERY_DAYS = {"local": (3, 5), "state": (4, 7), "national": (6, 10)}
ADDRESS_PROBLEMS = frozenset({"pincode_invalid", "pincode_unknown", "not_serviceable"})


def _review_context(request: HttpRequest, cart: Any, pincode: Pincode) -> dict[str, Any]:
    review = carts.cart_review(cart)
    lines = [(line.variant, line.quantity) for line in review.purchasable]
    priced = quote(lines, pincode.code)
    today = timezone.localdate()
    shipments = []
    for shipment in priced.shipments:
        low, high = DELIVERY_DAYS.get(shipment.zone, (0, 0))
        shipments.append(
            {
                "shipment": shipment,
                "arrives_from": today + timedelta(days=low) if low else None,
                "arrives_by": today + timedelta(days=high) if high else None,
            }
        )
    state = _checkout(request)
    return {
        "quote": priced,
        "shipments": shipments,
        "problems": priced.problems,
        "address_problem": any(p.code in ADDRESS_PROBLEMS for p in priced.problems),
        "blocking": bool(priced.problems) or not priced.shipments,
        "left_out": len(review.lines) - len(review.purchasable),
        "pincode_row": pincode,
        "address": state.get("address"),
        "phone": phone_display(checkout_phone(request)),
        "email": state.get("email", ""),
        "steps": _steps("review"),
        "sandbox": payment_setting("PROVIDER") == "sandbox",
    }


def _address_or_none(request: HttpRequest) -> tuple[dict[str, str], Pincode] | None:
    address = _checkout(request).get("address")
    if not address:
        return None
    try:
        return address, pincode_clean(address.get("pincode", ""))
    except ValidationError:  # no longer deliverable since the address step
        return None


@never_cache
@require_http_methods(["GET", "POST"])
def checkout_review_view(request: HttpRequest) -> HttpResponse:
    posted = PaymentForm(request.POST) if request.method == "POST" else None
    # A valid POST goes to the service even when the cart looks empty: a double tap's second
    # request finds the order the first one placed (same key) and continues with it.
    if posted is None or not posted.is_valid():
        redirect = _redirect_step(request)
        if redirect is not None:
            return redirect
    found = _address_or_none(request)
    if found is None or not checkout_phone(request):
        messages.error(request, _("Please check the delivery address."))
        return HttpResponseRedirect(reverse("buying:checkout_address"))
    address, pincode = found
    cart = current_cart(request, create=True)
    context = _review_context(request, cart, pincode)
    cod_note = cod_available(context["quote"].totals.grand_total_paise, pincode.code)
    errors: list[str] = []
    if posted is not None and posted.is_valid():
        wants_cod = posted.cleaned_data["payment_method"] == PaymentMethod.COD
        if wants_cod and cod_note is not None and context["quote"].shipments:
            errors.append(cod_note)
        else:
            response = _place_and_pay(request, cart, posted, address, pincode, errors)
            if response is not None:
                return response
            context = _review_context(request, cart, pincode)  # prices may have moved
    elif posted is not None:
        errors.extend(str(e) for field in posted.errors.values() for e in field)
    # Always fresh figures and a fresh key: what the buyer confirms next is exactly what is shown.
    total = context["quote"].totals.grand_total_paise
    cod_note = cod_available(total, pincode.code)
    chosen = (posted.data.get("payment_method") if posted is not None else "") or "online"
    form = PaymentForm(
        cod_allowed=cod_note is None,
        initial={
            "payment_method": chosen if cod_note is None else PaymentMethod.ONLINE,
            "idempotency_key": uuid.uuid4(),
            "shown_total_paise": total,
        },
    )
    context.update(form=form, cod_note=cod_note, review_errors=errors)
    return render(
        request,
        "storefront/buying/checkout_review.html",
        context,
        status=200,
    )


def _place_and_pay(
    request: HttpRequest,
    cart: Any,
    form: PaymentForm,
    address: dict[str, str],
    pincode: Pincode,
    errors: list[str],
) -> HttpResponse | None:
    """Place the order and start its payment: the redirect, or None with `errors` filled."""
    data = form.cleaned_data
    key = str(data["idempotency_key"])
    state = _checkout(request)
    try:
        order = place_order(
            cart=cart,
            buyer=request.user if request.user.is_authenticated else None,
            phone=checkout_phone(request),
            email=state.get("email", ""),
            address=_delivery_address(address, pincode),
            payment_method=data["payment_method"],
            language=_language(),
            idempotency_key=key,
            expected_total_paise=data["shown_total_paise"],
        )
    except OrderError as error:
        errors.append(str(error.message))
        return None
    buying_orders.remember_guest_order(request, order)
    try:
        started = payment_start(order, idempotency_key=key, actor=_actor(request))
    except (PaymentError, OrderError) as error:
        # The order exists and holds its stock for a while; the buyer can pay from its page.
        messages.error(request, error.message)
        return HttpResponseRedirect(buying_orders.order_url(order))
    return HttpResponseRedirect(started.next_url or buying_orders.order_url(order, placed=True))


def _actor(request: HttpRequest) -> Any:
    return request.user if request.user.is_authenticated else None
