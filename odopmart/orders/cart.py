"""Carts: a signed-in buyer's (kept across devices), a guest's by session (web) or token (app).

Quantities are bounded by stock and a per-line maximum; prices and availability are read fresh
at every step, and `cart_review` says what changed since the buyer added a line.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Sum
from django.http import HttpRequest
from django.utils.translation import gettext as _

from odopmart.catalog.models import Variant
from odopmart.orders.conf import orders_setting
from odopmart.orders.exceptions import OrderError
from odopmart.orders.models import Cart, CartLine
from odopmart.orders.pricing import line_problem, variants_for_sale

CART_SESSION_KEY = "orders_cart_id"


# --- finding carts ------------------------------------------------------------------------------


def cart_for_user(user: Any, create: bool = True) -> Cart | None:
    if user is None or not user.is_authenticated:
        return None
    cart = Cart.objects.filter(user=user).first()
    if cart is None and create:
        cart, _created = Cart.objects.get_or_create(user=user)
    return cart


def cart_for_session(request: HttpRequest, create: bool = False) -> Cart | None:
    """The guest cart whose id is kept in the session (never a signed-in buyer's cart)."""
    session = getattr(request, "session", None)
    if session is None:
        return None
    cart_id = session.get(CART_SESSION_KEY)
    cart = Cart.objects.filter(pk=cart_id, user__isnull=True).first() if cart_id else None
    if cart is None and create:
        cart = Cart.objects.create()
        session[CART_SESSION_KEY] = cart.pk
    return cart


def cart_for_request(request: HttpRequest, create: bool = False) -> Cart | None:
    """The signed-in buyer's cart, or the guest's session cart."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return cart_for_user(user, create=create)
    return cart_for_session(request, create=create)


def cart_by_token(token: str | uuid.UUID) -> Cart | None:
    """A guest cart of the app, found by its token (signed-in buyers' carts never are)."""
    try:
        value = uuid.UUID(str(token))
    except (TypeError, ValueError):
        return None
    return Cart.objects.filter(token=value, user__isnull=True).first()


# --- changing carts -----------------------------------------------------------------------------


def _quantity(value: Any) -> int:
    """A whole number of items from an int or a string of digits (never a float or bool)."""
    if isinstance(value, int) and not isinstance(value, bool):
        quantity = value
    elif isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 6:
        quantity = int(value.strip())
    else:
        quantity = -1
    if quantity < 0:
        raise OrderError("invalid_quantity", _("Enter a whole number of items."), field="quantity")
    return quantity


def _buyable_variant(variant_id: Any) -> Variant:
    try:
        pk = int(variant_id)
    except (TypeError, ValueError):
        pk = 0
    variant = variants_for_sale([pk]).get(pk) if pk > 0 else None
    problem = line_problem(variant, 1, pk)
    if variant is None or (problem is not None and problem.code == "unavailable"):
        raise OrderError("unavailable", _("This item is no longer available."), field="variant_id")
    return variant


def _check_bounds(variant: Variant, quantity: int) -> None:
    limit = orders_setting("MAX_LINE_QUANTITY")
    if quantity > limit:
        raise OrderError(
            "quantity_limit",
            _("You can buy at most %(count)d of this item.") % {"count": limit},
            field="quantity",
            available=min(limit, variant.stock),
        )
    if quantity > variant.stock:
        message = (
            _("This item is out of stock.")
            if variant.stock <= 0
            else _("Only %(count)d left of this item.") % {"count": variant.stock}
        )
        raise OrderError(
            "out_of_stock" if variant.stock <= 0 else "insufficient_stock",
            message,
            field="quantity",
            available=variant.stock,
        )


def _locked(cart: Cart) -> Cart:
    return Cart.objects.select_for_update().get(pk=cart.pk)


@transaction.atomic
def cart_add(cart: Cart, variant_id: Any, quantity: Any = 1) -> CartLine:
    """Add units of a variant (to its line if there is one); the line moves back to the cart
    if it was saved for later."""
    quantity = _quantity(quantity)
    if quantity < 1:
        raise OrderError("invalid_quantity", _("Enter a quantity of at least 1."), field="quantity")
    variant = _buyable_variant(variant_id)
    _locked(cart)
    line = CartLine.objects.filter(cart=cart, variant=variant).first()
    total = quantity + (line.quantity if line else 0)
    _check_bounds(variant, total)
    if line is None:
        if cart.lines.count() >= orders_setting("MAX_CART_LINES"):
            raise OrderError("cart_full", _("Your cart is full."), field="variant_id")
        line = CartLine.objects.create(
            cart=cart, variant=variant, quantity=total, price_seen_paise=variant.price_paise
        )
    else:
        line.quantity = total
        line.saved_for_later = False
        line.price_seen_paise = variant.price_paise
        line.save(update_fields=["quantity", "saved_for_later", "price_seen_paise"])
    cart.save(update_fields=["updated_at"])
    return line


@transaction.atomic
def cart_set_quantity(cart: Cart, variant_id: Any, quantity: Any) -> CartLine | None:
    """Set a line's quantity; 0 removes the line (returns None)."""
    quantity = _quantity(quantity)
    if quantity == 0:
        cart_remove(cart, variant_id)
        return None
    _locked(cart)
    line = CartLine.objects.filter(cart=cart, variant_id=_pk(variant_id)).first()
    if line is None:
        raise OrderError("not_in_cart", _("This item is not in your cart."), field="variant_id")
    variant = _buyable_variant(variant_id)
    _check_bounds(variant, quantity)
    line.quantity = quantity
    line.price_seen_paise = variant.price_paise
    line.save(update_fields=["quantity", "price_seen_paise"])
    cart.save(update_fields=["updated_at"])
    return line


def _pk(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


@transaction.atomic
def cart_remove(cart: Cart, variant_id: Any) -> bool:
    deleted, _rows = CartLine.objects.filter(cart=cart, variant_id=_pk(variant_id)).delete()
    if deleted:
        cart.save(update_fields=["updated_at"])
    return bool(deleted)


@transaction.atomic
def cart_save_for_later(cart: Cart, variant_id: Any, saved: bool = True) -> CartLine:
    """Move a line out of the purchase (kept in the cart), or back into it."""
    _locked(cart)
    line = CartLine.objects.filter(cart=cart, variant_id=_pk(variant_id)).first()
    if line is None:
        raise OrderError("not_in_cart", _("This item is not in your cart."), field="variant_id")
    if not saved:
        # Back into the purchase: the same bounds as adding it.
        variant = _buyable_variant(variant_id)
        _check_bounds(variant, line.quantity)
        line.price_seen_paise = variant.price_paise
    line.saved_for_later = saved
    line.save(update_fields=["saved_for_later", "price_seen_paise"])
    cart.save(update_fields=["updated_at"])
    return line


@transaction.atomic
def cart_merge(source: Cart, into: Cart) -> Cart:
    """Move a guest cart's lines into another cart (at sign-in) and delete the guest cart.

    Quantities of the same item add up, then are capped by stock and the per-line maximum;
    a line wanted now in either cart stays wanted (not saved for later).
    """
    if source.pk == into.pk:
        return into
    _locked(into)
    limit = orders_setting("MAX_LINE_QUANTITY")
    existing = {line.variant_id: line for line in into.lines.all()}
    variants = variants_for_sale(source.lines.values_list("variant_id", flat=True))
    room = orders_setting("MAX_CART_LINES") - len(existing)
    for line in source.lines.all():
        variant = variants.get(line.variant_id)
        stock = variant.stock if variant else 0
        target = existing.get(line.variant_id)
        if target is None:
            if room <= 0:
                continue
            room -= 1
            quantity = min(line.quantity, limit, max(stock, 1))
            CartLine.objects.create(
                cart=into,
                variant_id=line.variant_id,
                quantity=quantity,
                saved_for_later=line.saved_for_later,
                price_seen_paise=line.price_seen_paise,
                added_at=line.added_at,
            )
            continue
        target.quantity = max(
            target.quantity, min(target.quantity + line.quantity, limit, max(stock, 1))
        )
        target.saved_for_later = target.saved_for_later and line.saved_for_later
        target.save(update_fields=["quantity", "saved_for_later"])
    source.delete()
    into.save(update_fields=["updated_at"])
    return into


# --- reading carts ------------------------------------------------------------------------------


@dataclass
class CartReviewLine:
    line: CartLine
    variant: Variant | None
    quantity: int
    price_paise: int  # the price now
    price_seen_paise: int  # the price when the buyer added it
    available: int  # how many can be bought now
    problem: str | None  # unavailable, out_of_stock, insufficient_stock, quantity_limit
    message: str = ""

    @property
    def price_changed(self) -> bool:
        return self.price_paise != self.price_seen_paise

    @property
    def line_total_paise(self) -> int:
        return self.price_paise * self.quantity

    @property
    def purchasable(self) -> bool:
        return self.problem is None and not self.line.saved_for_later


@dataclass
class CartReview:
    lines: list[CartReviewLine] = field(default_factory=list)  # in the purchase
    saved: list[CartReviewLine] = field(default_factory=list)  # saved for later

    @property
    def purchasable(self) -> list[CartReviewLine]:
        return [line for line in self.lines if line.purchasable]

    @property
    def has_problems(self) -> bool:
        return any(line.problem for line in self.lines)

    @property
    def price_changes(self) -> list[CartReviewLine]:
        return [line for line in self.lines if line.price_changed]

    @property
    def subtotal_paise(self) -> int:
        return sum(line.line_total_paise for line in self.purchasable)

    @property
    def count(self) -> int:
        return sum(line.quantity for line in self.lines)


def cart_review(cart: Cart | None) -> CartReview:
    """Each line with its current price and availability, and what changed since it was added."""
    review = CartReview()
    if cart is None:
        return review
    lines = list(cart.lines.all())
    variants = variants_for_sale(line.variant_id for line in lines)
    for line in lines:
        variant = variants.get(line.variant_id)
        problem = line_problem(variant, line.quantity, line.variant_id)
        available = (
            0 if variant is None else min(variant.stock, orders_setting("MAX_LINE_QUANTITY"))
        )
        if problem is not None and problem.code == "unavailable":
            available = 0
        entry = CartReviewLine(
            line=line,
            variant=variant,
            quantity=line.quantity,
            price_paise=variant.price_paise if variant else line.price_seen_paise,
            price_seen_paise=line.price_seen_paise,
            available=available,
            problem=problem.code if problem else None,
            message=problem.message if problem else "",
        )
        (review.saved if line.saved_for_later else review.lines).append(entry)
    return review


def cart_acknowledge_prices(cart: Cart) -> int:
    """The buyer has seen the current prices: stop pointing the changes out."""
    changed = 0
    lines = list(cart.lines.all())
    variants = variants_for_sale(line.variant_id for line in lines)
    for line in lines:
        variant = variants.get(line.variant_id)
        if variant is not None and variant.price_paise != line.price_seen_paise:
            line.price_seen_paise = variant.price_paise
            line.save(update_fields=["price_seen_paise"])
            changed += 1
    return changed


def cart_count(cart: Cart | None) -> int:
    """Units in the purchase (saved-for-later lines not counted), for the header badge."""
    if cart is None:
        return 0
    total = cart.lines.filter(saved_for_later=False).aggregate(n=Sum("quantity"))["n"]
    return int(total or 0)
