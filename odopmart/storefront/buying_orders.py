"""The buyer's orders: confirmation, list, detail with a timeline, cancel and return.

Every page finds the order through `orders.access.order_for_buyer` (the buyer's own orders, or a
guest's order with its access token); any other order number is a 404, whoever asks.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from odopmart.orders.access import order_for_buyer
from odopmart.orders.exceptions import OrderError
from odopmart.orders.models import Order, OrderEvent, OrderItem, SellerOrder
from odopmart.orders.returns import return_deadline
from odopmart.orders.services import item_cancel, order_cancel, return_request_create
from odopmart.orders.states import (
    CANCELLABLE_ITEM_STATUSES,
    ItemStatus,
    OrderStatus,
    PaymentMethod,
    SellerOrderStatus,
)
from odopmart.payments.exceptions import PaymentError
from odopmart.payments.models import Refund
from odopmart.payments.services import payment_start
from odopmart.storefront.buying_forms import CancelForm, ReturnForm

SESSION_GUEST_ORDERS = "buying_guest_orders"
GUEST_ORDERS_KEPT = 20
ORDERS_PER_PAGE = 30


# --- links and guest access ------------------------------------------------------------------


def order_url(order: Order, *, placed: bool = False) -> str:
    """The order's page (or its confirmation); a guest's carries the access token."""
    url = reverse("buying:order_placed" if placed else "buying:order", args=[order.number])
    return f"{url}?t={order.access_token}" if order.buyer_id is None else url


def remember_guest_order(request: HttpRequest, order: Order) -> None:
    """Let this browser reopen a guest order without the link (until the session ends)."""
    if order.buyer_id is not None:
        return
    known = dict(request.session.get(SESSION_GUEST_ORDERS) or {})
    known[order.number] = str(order.access_token)
    request.session[SESSION_GUEST_ORDERS] = dict(list(known.items())[-GUEST_ORDERS_KEPT:])


def _token(request: HttpRequest, number: str) -> str | None:
    raw = request.GET.get("t") or request.POST.get("t") or ""
    if not raw:
        raw = (request.session.get(SESSION_GUEST_ORDERS) or {}).get(number, "")
    try:
        return str(uuid.UUID(str(raw))) if raw else None
    except ValueError:  # a mangled link: treated as no token at all
        return None


def _order_or_404(request: HttpRequest, number: str) -> Order:
    token = _token(request, number)
    order = order_for_buyer(request.user, number, access_token=token)  # Http404 if not theirs
    if token and order.buyer_id is None:
        remember_guest_order(request, order)
    return order


def _actor(request: HttpRequest) -> Any:
    return request.user if request.user.is_authenticated else None


def address_remember(user: Any, address: dict[str, str], *, phone: str) -> None:
    """Add a delivery address to a signed-in buyer's address book (once)."""
    from odopmart.accounts.models import Address

    if not getattr(user, "is_authenticated", False):
        return
    fields = {key: address.get(key, "") for key in ("name", "line1", "line2", "city")}
    fields["phone"] = phone
    if not Address.objects.filter(user=user, pincode=address["pincode"], **fields).exists():
        first = not Address.objects.filter(user=user).exists()
        Address.objects.create(user=user, pincode=address["pincode"], is_default=first, **fields)


# --- what the pages show ---------------------------------------------------------------------


@dataclass
class TimelineEntry:
    at: datetime
    text: str
    reason: str = ""
    kind: str = "event"  # "event" or "refund"


@dataclass
class ShipmentView:
    seller_order: SellerOrder
    items: list[dict[str, Any]]
    timeline: list[TimelineEntry] = field(default_factory=list)
    # The courier's parcels for this vendor's part (one per artisan's pickup) and the GST
    # documents (invoice, credit notes) issued for it.
    parcels: list[Any] = field(default_factory=list)
    documents: list[Any] = field(default_factory=list)


def _status_label(event: OrderEvent) -> str:
    if event.item_id:
        choices = ItemStatus
    elif event.seller_order_id:
        choices = SellerOrderStatus
    else:
        choices = OrderStatus
    try:
        label = str(choices(event.to_status).label)
    except ValueError:
        label = event.to_status
    if event.item_id and event.item is not None:
        return _("%(item)s: %(status)s") % {"item": _item_name(event.item), "status": label}
    return label


def _item_name(item: OrderItem) -> str:
    from odopmart.core.i18n import localized

    return localized(item, "name")


def _refund_text(refund: Refund) -> str:
    from odopmart.core.money import format_inr

    amount = format_inr(refund.amount_paise)
    if refund.status == "processed":
        return _("Refund of %(amount)s sent to your original payment method") % {"amount": amount}
    if refund.status == "failed":
        return _("Refund of %(amount)s is delayed; our team is on it") % {"amount": amount}
    return _("Refund of %(amount)s started") % {"amount": amount}


def _item_actions(item: OrderItem, order: Order, now: datetime) -> dict[str, Any]:
    can_cancel = item.status in CANCELLABLE_ITEM_STATUSES and order.status not in (
        OrderStatus.EXPIRED,
        OrderStatus.CANCELLED,
    )
    return_until = return_deadline(item) if item.return_window_days else None
    can_return = item.status == ItemStatus.DELIVERED and return_until is not None
    can_return = can_return and now <= return_until
    return {"can_cancel": can_cancel, "can_return": can_return, "return_until": return_until}


def _order_detail(order: Order) -> tuple[list[ShipmentView], list[TimelineEntry], list[Refund]]:
    seller_orders = list(
        order.seller_orders.select_related("vendor", "vendor__state")
        .prefetch_related(
            Prefetch(
                "items",
                queryset=OrderItem.objects.select_related("product", "artisan").order_by("pk"),
            )
        )
        .order_by("pk")
    )
    events = list(order.events.select_related("item").order_by("at", "pk"))
    refunds = list(
        Refund.objects.filter(payment__order=order).select_related("item").order_by("created_at")
    )
    now = timezone.now()
    shipments = []
    by_seller_order: dict[int, ShipmentView] = {}
    for seller_order in seller_orders:
        items = [
            {"item": item, **_item_actions(item, order, now)} for item in seller_order.items.all()
        ]
        view = ShipmentView(seller_order=seller_order, items=items)
        shipments.append(view)
        by_seller_order[seller_order.pk] = view
    order_timeline: list[TimelineEntry] = []
    item_seller_order = {
        entry["item"].pk: so.seller_order.pk for so in shipments for entry in so.items
    }
    # An item moving with its whole shipment says nothing the shipment's own line doesn't.
    shipment_moves = {
        (e.seller_order_id, e.to_status, e.at.replace(microsecond=0))
        for e in events
        if e.seller_order_id and not e.item_id
    }
    for event in events:
        so_id = event.seller_order_id or item_seller_order.get(event.item_id or 0)
        if event.item_id and (so_id, event.to_status, event.at.replace(microsecond=0)) in (
            shipment_moves
        ):
            continue
        entry = TimelineEntry(at=event.at, text=_status_label(event), reason=event.reason)
        target = by_seller_order.get(so_id) if so_id else None
        (target.timeline if target else order_timeline).append(entry)
    for refund in refunds:
        entry = TimelineEntry(at=refund.created_at, text=_refund_text(refund), kind="refund")
        target = by_seller_order.get(item_seller_order.get(refund.item_id or 0, 0))
        (target.timeline if target else order_timeline).append(entry)
    for view in shipments:
        view.timeline.sort(key=lambda e: e.at)
    order_timeline.sort(key=lambda e: e.at)
    return shipments, order_timeline, refunds


def _attach_fulfilment(order: Order, shipments: list[ShipmentView]) -> None:
    """Tracking, invoices and certificates of origin for each shipment (three queries)."""
    from odopmart.certificates.selectors import certificates_for_order
    from odopmart.invoicing.selectors import invoices_for_order
    from odopmart.logistics.selectors import shipments_for_order

    by_seller_order = {view.seller_order.pk: view for view in shipments}
    for parcel in shipments_for_order(order):
        if parcel.seller_order_id in by_seller_order:
            by_seller_order[parcel.seller_order_id].parcels.append(parcel)
    for document in invoices_for_order(order):
        if document.seller_order_id in by_seller_order:
            by_seller_order[document.seller_order_id].documents.append(document)
    certificates = certificates_for_order(order)
    for view in shipments:
        for entry in view.items:
            entry["certificate"] = certificates.get(entry["item"].pk)


def _order_context(request: HttpRequest, order: Order) -> dict[str, Any]:
    shipments, timeline, refunds = _order_detail(order)
    _attach_fulfilment(order, shipments)
    cancellable = any(entry["can_cancel"] for view in shipments for entry in view.items)
    token_query = f"?t={order.access_token}" if order.buyer_id is None else ""
    return {
        "order": order,
        "shipments": shipments,
        "timeline": timeline,
        "refunds": refunds,
        "can_cancel_order": cancellable
        and all(
            entry["can_cancel"] or entry["item"].status == ItemStatus.CANCELLED
            for view in shipments
            for entry in view.items
        ),
        "can_pay": order.status in (OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_FAILED)
        and order.payment_method == PaymentMethod.ONLINE,
        "token_query": token_query,
        "guest_link": request.build_absolute_uri(order_url(order)) if token_query else "",
    }


# --- pages -----------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "HEAD"])
def order_placed_view(request: HttpRequest, number: str) -> HttpResponse:
    order = _order_or_404(request, number)
    return render(request, "storefront/buying/order_placed.html", _order_context(request, order))


@never_cache
@require_http_methods(["GET", "HEAD"])
def order_detail_view(request: HttpRequest, number: str) -> HttpResponse:
    order = _order_or_404(request, number)
    return render(request, "storefront/buying/order_detail.html", _order_context(request, order))


@never_cache
@require_http_methods(["GET", "HEAD"])
def orders_view(request: HttpRequest) -> HttpResponse:
    """A signed-in buyer's orders; a guest sees the orders opened in this browser."""
    base = Order.objects.prefetch_related("items").order_by("-created_at", "-pk")
    if request.user.is_authenticated:
        orders = list(base.filter(buyer=request.user)[:ORDERS_PER_PAGE])
    else:
        known = request.session.get(SESSION_GUEST_ORDERS) or {}
        tokens = []
        for token in known.values():
            try:
                tokens.append(uuid.UUID(str(token)))
            except ValueError:
                continue
        orders = list(base.filter(buyer__isnull=True, access_token__in=tokens))
    rows = [{"order": order, "url": order_url(order)} for order in orders]
    signin_url = reverse("accounts:signin") + "?next=" + reverse("buying:orders")
    return render(
        request, "storefront/buying/orders.html", {"rows": rows, "signin_url": signin_url}
    )


@require_POST
def order_pay_view(request: HttpRequest, number: str) -> HttpResponse:
    """Pay for an order whose payment did not finish (the tab closed, the bank said no)."""
    order = _order_or_404(request, number)
    try:
        # A failed attempt is retried by the payments service (stock held again if it can be).
        started = payment_start(order, actor=_actor(request))
    except (OrderError, PaymentError) as error:
        messages.error(request, error.message)
        return HttpResponseRedirect(order_url(order))
    return HttpResponseRedirect(started.next_url or order_url(order))


def _item_or_404(order: Order, item_id: int) -> OrderItem:
    item = order.items.select_related("product", "seller_order__vendor").filter(pk=item_id).first()
    if item is None:
        raise Http404(_("No such item in this order."))
    return item


@never_cache
@require_http_methods(["GET", "POST"])
def order_cancel_view(request: HttpRequest, number: str) -> HttpResponse:
    order = _order_or_404(request, number)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            order_cancel(order, actor=_actor(request), reason=form.reason_text())
        except OrderError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your order is cancelled."))
            return HttpResponseRedirect(order_url(order))
    context = _order_context(request, order)
    context.update(form=form, item=None)
    return render(request, "storefront/buying/cancel.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def item_cancel_view(request: HttpRequest, number: str, item_id: int) -> HttpResponse:
    order = _order_or_404(request, number)
    item = _item_or_404(order, item_id)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            item_cancel(item, actor=_actor(request), reason=form.reason_text())
        except OrderError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The item is cancelled."))
            return HttpResponseRedirect(order_url(order))
    context = _order_context(request, order)
    context.update(form=form, item=item)
    return render(request, "storefront/buying/cancel.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def item_return_view(request: HttpRequest, number: str, item_id: int) -> HttpResponse:
    order = _order_or_404(request, number)
    item = _item_or_404(order, item_id)
    form = ReturnForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            return_request_create(
                item,
                actor=_actor(request),
                reason_code=form.cleaned_data["reason_code"],
                details=form.cleaned_data["details"],
                photos=form.cleaned_data["photos"],
            )
        except OrderError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Return requested. We will tell you by SMS when the seller replies.")
            )
            return HttpResponseRedirect(order_url(order))
    context = _order_context(request, order)
    now = timezone.now()
    context.update(form=form, item=item, **_item_actions(item, order, now))
    return render(request, "storefront/buying/return.html", context)
