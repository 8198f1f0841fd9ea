"""Seller-centre order pages: a vendor's orders, one order with its actions, returns to decide.

Who sees what comes from `orders.access` (a vendor's members see its seller orders; anything
else answers 404, exactly like an unknown id). Every change goes through `orders.services`,
which checks the state tables, writes the event and refunds where money goes back. Vendors see
only what they need to ship: the buyer's town, district and PIN code, never their name, phone or
street address (the operator books the pickup until the logistics partner does).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from odopmart.orders import services as order_services
from odopmart.orders.access import (
    can_manage_seller_order,
    return_request_for_user,
    seller_order_for_user,
    seller_orders_for_user,
)
from odopmart.orders.exceptions import OrderError
from odopmart.orders.models import OrderEvent, OrderItem, ReturnRequest, SellerOrder
from odopmart.orders.returns import ReturnReason
from odopmart.orders.states import (
    SELLER_ORDER_TRANSITIONS,
    ItemStatus,
    OrderStatus,
    ReturnStatus,
    SellerOrderStatus,
)
from odopmart.sellercentre.order_forms import (
    RETURN_STATUSES,
    VENDOR_STATUSES,
    ReturnDecisionForm,
    ReturnFilterForm,
    SellerOrderCancelForm,
    SellerOrderFilterForm,
)
from odopmart.sellers.access import vendor_memberships

PAGE_SIZE = 25
# Seller orders that wait for the vendor to do something (the dashboard counts these).
AWAITING_ACTION = (SellerOrderStatus.PLACED, SellerOrderStatus.CONFIRMED, SellerOrderStatus.READY)
OPEN_RETURNS = (ReturnStatus.REQUESTED, ReturnStatus.APPROVED)

# Vendor actions: URL word -> (service function name, target status, success message).
MARK_ACTIONS: dict[str, tuple[str, str]] = {
    "accept": ("seller_order_accept", SellerOrderStatus.CONFIRMED),
    "ready": ("seller_order_mark_ready", SellerOrderStatus.READY),
    "shipped": ("seller_order_mark_shipped", SellerOrderStatus.SHIPPED),
    "delivered": ("seller_order_mark_delivered", SellerOrderStatus.DELIVERED),
}


def _messages() -> dict[str, str]:
    return {
        "accept": _("Order accepted. Ask the artisan to keep it ready."),
        "ready": _("Marked ready for pickup."),
        "shipped": _("Marked shipped."),
        "delivered": _("Marked delivered."),
    }


# --- who may do what --------------------------------------------------------------------------


def _can_act(user: Any, seller_order: SellerOrder) -> bool:
    """Members of the vendor act on its orders; moderators too (they settle disputes)."""
    return can_manage_seller_order(user, seller_order)


def _seller_order_or_404(request: HttpRequest, seller_order_id: int) -> SellerOrder:
    seller_order = seller_order_for_user(request.user, seller_order_id)
    if seller_order is None or seller_order.status == SellerOrderStatus.PENDING_PAYMENT:
        raise Http404
    return seller_order


def _visible_seller_orders(user: Any) -> QuerySet[SellerOrder]:
    return seller_orders_for_user(user).exclude(status=SellerOrderStatus.PENDING_PAYMENT)


def _visible_returns(user: Any) -> QuerySet[ReturnRequest]:
    return ReturnRequest.objects.filter(
        item__seller_order__in=_visible_seller_orders(user).values("pk")
    )


def _reason_label(return_request: ReturnRequest) -> str:
    try:
        return str(ReturnReason(return_request.reason_code).label)
    except ValueError:
        return return_request.reason_code


def _return_or_404(request: HttpRequest, return_id: int) -> ReturnRequest:
    found = return_request_for_user(request.user, return_id)
    found = ReturnRequest.objects.select_related(
        "item__seller_order__order", "item__seller_order__vendor", "item__artisan"
    ).get(pk=found.pk)
    found.reason_label = _reason_label(found)  # type: ignore[attr-defined]
    return found


# --- counts for the dashboard and the artisan's page ----------------------------------------


def awaiting_action_counts(vendor_ids: list[int]) -> dict[int, dict[str, int]]:
    """{vendor id: {"orders": n, "returns": n}} in one query for all the vendors."""
    counts = {vendor_id: {"orders": 0, "returns": 0} for vendor_id in vendor_ids}
    if not vendor_ids:
        return counts
    open_return = Q(items__return_requests__status__in=OPEN_RETURNS)
    rows = (
        SellerOrder.objects.filter(vendor_id__in=vendor_ids)
        .filter(Q(status__in=AWAITING_ACTION) | open_return)
        .values("vendor_id")
        .annotate(
            orders=Count("pk", filter=Q(status__in=AWAITING_ACTION), distinct=True),
            returns=Count("items__return_requests", filter=open_return, distinct=True),
        )
        .order_by()
    )
    for row in rows:
        counts[row["vendor_id"]] = {"orders": row["orders"], "returns": row["returns"]}
    return counts


def artisan_items_to_keep_ready(artisan_id: int) -> QuerySet[OrderItem]:
    """An artisan's own paid items that still have to be made ready, oldest order first."""
    return (
        OrderItem.objects.filter(
            artisan_id=artisan_id, status__in=(ItemStatus.PLACED, ItemStatus.CONFIRMED)
        )
        .select_related("seller_order", "order", "product")
        .order_by("order__paid_at", "order__created_at", "pk")
    )


# --- pages ------------------------------------------------------------------------------------


def _render(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    context.setdefault("section", "orders")
    return render(request, f"sellercentre/orders/{template}", context, status=status)


@login_required
@require_safe
def seller_order_list(request: HttpRequest) -> HttpResponse:
    filters = SellerOrderFilterForm(request.GET or None)
    status, query, vendor_id = filters.filters()
    seller_orders = _visible_seller_orders(request.user)
    memberships = list(vendor_memberships(request.user))
    if vendor_id is not None:
        seller_orders = seller_orders.filter(vendor_id=vendor_id)
    counts = dict(seller_orders.values_list("status").annotate(n=Count("id")).order_by())
    if status:
        seller_orders = seller_orders.filter(status=status)
    if query:
        seller_orders = seller_orders.filter(
            Q(number__icontains=query) | Q(order__number__icontains=query)
        )
    listed = (
        seller_orders.select_related("order", "order__ship_state", "vendor")
        .annotate(item_count=Count("items"))
        .prefetch_related(
            Prefetch(
                "items",
                queryset=OrderItem.objects.select_related("artisan").order_by("pk"),
            )
        )
        .order_by("-created_at", "-pk")
    )
    page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
    return _render(
        request,
        "list.html",
        {
            "page": page,
            "status": status,
            "query": query,
            "vendor_id": vendor_id,
            "vendors": [m.vendor for m in memberships] if len(memberships) > 1 else [],
            "counts": [(value, label, counts.get(value, 0)) for value, label in VENDOR_STATUSES],
            "total": sum(counts.get(value, 0) for value, _label in VENDOR_STATUSES),
            "open_returns": _visible_returns(request.user).filter(status__in=OPEN_RETURNS).count(),
        },
    )


def _status_label(event: OrderEvent) -> str:
    if event.item_id is not None:
        choices: Any = ItemStatus
    elif event.seller_order_id is not None:
        choices = SellerOrderStatus
    else:
        choices = OrderStatus
    try:
        return str(choices(event.to_status).label)
    except ValueError:
        return event.to_status


def _timeline(seller_order: SellerOrder, items: list[OrderItem]) -> list[OrderEvent]:
    """Events of this seller order, its items, and the whole order (placed, paid...)."""
    events = list(
        OrderEvent.objects.filter(order_id=seller_order.order_id)
        .filter(
            Q(seller_order=seller_order)
            | Q(item_id__in=[item.pk for item in items])
            | Q(seller_order__isnull=True, item__isnull=True)
        )
        .select_related("item")
        .order_by("at", "pk")
    )
    for event in events:
        event.label = _status_label(event)  # type: ignore[attr-defined]
    return events


def _actions(seller_order: SellerOrder) -> list[str]:
    allowed = SELLER_ORDER_TRANSITIONS.get(seller_order.status, set())
    actions = [word for word, (_name, target) in MARK_ACTIONS.items() if target in allowed]
    if "accept" in actions:
        # A placed order is accepted first; "ready" straight away stays possible from the
        # artisan's answer, not from this page.
        actions = [word for word in actions if word != "ready"]
    return actions


@login_required
@require_safe
def seller_order_detail(request: HttpRequest, seller_order_id: int) -> HttpResponse:
    seller_order = _seller_order_or_404(request, seller_order_id)
    can_act = _can_act(request.user, seller_order)
    items = list(
        seller_order.items.select_related("artisan")
        .prefetch_related(
            Prefetch("return_requests", queryset=ReturnRequest.objects.order_by("-created_at"))
        )
        .order_by("pk")
    )
    return _render(
        request,
        "detail.html",
        {
            "seller_order": seller_order,
            "order": seller_order.order,
            "items": items,
            "can_act": can_act,
            "actions": _actions(seller_order) if can_act else [],
            "can_cancel": can_act
            and SellerOrderStatus.CANCELLED
            in SELLER_ORDER_TRANSITIONS.get(seller_order.status, ()),
            "timeline": _timeline(seller_order, items),
            "pickups": _pickups(items, seller_order),
        },
    )


def _pickups(items: list[OrderItem], seller_order: SellerOrder) -> list[dict[str, Any]]:
    """Where each artisan's items are picked up (one entry per address), with the artisan's
    readiness answer (which the vendor may give on their behalf) and the parcels booked."""
    from odopmart.fulfilment.selectors import readiness_for_seller_order
    from odopmart.logistics.models import Shipment

    readiness = {r.artisan_id: r for r in readiness_for_seller_order(seller_order.pk)}
    parcels: dict[int, list[Shipment]] = {}
    for parcel in Shipment.objects.filter(seller_order=seller_order).order_by("pk"):
        parcels.setdefault(parcel.artisan_id, []).append(parcel)
    pickups: dict[tuple[int, str], dict[str, Any]] = {}
    for item in items:
        key = (item.artisan_id, item.pickup_address)
        entry = pickups.setdefault(
            key,
            {"artisan": item.artisan, "address": item.pickup_address,
             "pincode": item.pickup_pincode, "items": [],
             "readiness": readiness.get(item.artisan_id),
             "parcels": parcels.get(item.artisan_id, [])},
        )  # fmt: skip
        entry["items"].append(item)
    return list(pickups.values())


def _call(
    request: HttpRequest, run: Callable[[], Any], success: str, back: str
) -> HttpResponse | None:
    """Run a service; on a refusal show its message and return to ``back``."""
    try:
        run()
    except OrderError as error:
        messages.error(request, error.message)
        return redirect(back)
    messages.success(request, success)
    return None


@login_required
@require_POST
def seller_order_act(request: HttpRequest, seller_order_id: int, action: str) -> HttpResponse:
    seller_order = _seller_order_or_404(request, seller_order_id)
    if action not in MARK_ACTIONS or not _can_act(request.user, seller_order):
        raise Http404
    service = getattr(order_services, MARK_ACTIONS[action][0])
    back = reverse("sellercentre:order_detail", args=[seller_order.pk])
    refused = _call(
        request,
        lambda: service(seller_order, actor=request.user),
        _messages()[action],
        back,
    )
    return refused or redirect(back)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def seller_order_cancel(request: HttpRequest, seller_order_id: int) -> HttpResponse:
    seller_order = _seller_order_or_404(request, seller_order_id)
    if not _can_act(request.user, seller_order):
        raise Http404
    back = reverse("sellercentre:order_detail", args=[seller_order.pk])
    form = SellerOrderCancelForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            order_services.seller_order_cancel(
                seller_order, actor=request.user, reason=form.reason_text()
            )
        except OrderError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Order cancelled. The buyer is refunded for these items."))
            return redirect(back)
    return _render(
        request,
        "cancel.html",
        {"seller_order": seller_order, "form": form, "back_url": back},
        status=400 if form.is_bound else 200,
    )


# --- returns ----------------------------------------------------------------------------------


@login_required
@require_safe
def return_list(request: HttpRequest) -> HttpResponse:
    filters = ReturnFilterForm(request.GET or None)
    status = filters.filters()
    returns = _visible_returns(request.user)
    counts = dict(returns.values_list("status").annotate(n=Count("id")).order_by())
    returns = returns.filter(status=status) if status else returns.filter(status__in=OPEN_RETURNS)
    listed = returns.select_related(
        "item", "item__seller_order", "item__seller_order__vendor", "item__artisan"
    ).order_by("created_at", "pk")
    page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
    for return_request in page.object_list:
        return_request.reason_label = _reason_label(return_request)  # type: ignore[attr-defined]
    return _render(
        request,
        "returns.html",
        {
            "page": page,
            "status": status,
            "counts": [(value, label, counts.get(value, 0)) for value, label in RETURN_STATUSES],
            "open_count": sum(counts.get(value, 0) for value in OPEN_RETURNS),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def return_detail(request: HttpRequest, return_id: int) -> HttpResponse:
    return_request = _return_or_404(request, return_id)
    back = reverse("sellercentre:order_return", args=[return_request.pk])
    form = ReturnDecisionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if return_request.status != ReturnStatus.REQUESTED:
            messages.error(request, _("This return was already decided."))
            return redirect(back)
        if form.is_valid():
            try:
                order_services.return_request_decide(
                    return_request,
                    actor=request.user,
                    approve=form.approve,
                    note=form.cleaned_data["note"],
                )
            except OrderError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _("Return approved. Mark it received when the item is back.")
                    if form.approve
                    else _("Return rejected."),
                )
                return redirect(back)
    return _render(
        request,
        "return_detail.html",
        {
            "return_request": return_request,
            "item": return_request.item,
            "seller_order": return_request.item.seller_order,
            "photos": list(return_request.photos.all()),
            "form": form,
        },
        status=400 if form.is_bound else 200,
    )


@login_required
@require_POST
def return_receive(request: HttpRequest, return_id: int) -> HttpResponse:
    return_request = _return_or_404(request, return_id)
    back = reverse("sellercentre:order_return", args=[return_request.pk])
    refused = _call(
        request,
        lambda: order_services.return_request_receive(return_request, actor=request.user),
        _("Marked received. The buyer is refunded for this item."),
        back,
    )
    return refused or redirect(back)
