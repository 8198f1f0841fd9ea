"""The buyer's orders from the app: list, detail with timeline, cancel, return an item.

A signed-in buyer sees their own orders. A guest opens the order they placed with its
``X-Order-Token`` (the ``access_token`` from checkout). Any other order, by number or id, is a
404 exactly like an unknown one. Cancelling and returning go through `orders.services`; a
refusal is a 409 (the order's state does not allow it) or a 422 naming the field.
"""

from __future__ import annotations

import math
from typing import Any

from django.conf import settings
from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import File, Form, Path, Query, Router, Status
from ninja.files import UploadedFile

from odopmart.api.language import LanguageCode, with_language
from odopmart.api.links import page_links
from odopmart.api.v1.buying import (
    ERRORS,
    ORDER_TOKEN_HEADER,
    OptionalTokenAuth,
    buyer,
    domain_error,
    error,
    field_error,
    header,
    money,
)
from odopmart.api.v1.schemas.cart import MAX_ID
from odopmart.api.v1.schemas.common import rate_percent
from odopmart.api.v1.schemas.orders import (
    OrderCancelIn,
    OrderDetailOut,
    OrderListIn,
    OrderListOut,
)
from odopmart.orders import services as order_services
from odopmart.orders.access import order_for_buyer, orders_for_buyer
from odopmart.orders.exceptions import OrderError
from odopmart.orders.models import Order, OrderEvent, OrderItem, ReturnRequest, SellerOrder
from odopmart.orders.returns import ReturnReason, return_deadline, return_request_create
from odopmart.orders.states import (
    CANCELLABLE_ITEM_STATUSES,
    ItemStatus,
    OrderStatus,
    ReturnStatus,
    SellerOrderStatus,
)

router = Router(tags=["orders"], auth=OptionalTokenAuth())
router.add_decorator(with_language, mode="view")

OPEN_RETURNS = (ReturnStatus.REQUESTED, ReturnStatus.APPROVED, ReturnStatus.RECEIVED)
# Orders a buyer may still cancel as a whole (nothing has left an artisan's door).
CANCELLABLE_ORDER_STATUSES = (
    OrderStatus.PENDING_PAYMENT,
    OrderStatus.PAYMENT_FAILED,
    OrderStatus.PLACED,
)


# --- finding the order -----------------------------------------------------------------------


def buyer_order(request: HttpRequest, number: str) -> Order:
    """The order if the buyer (or the guest with its X-Order-Token) may see it; Http404."""
    if not 1 <= len(number) <= 40:
        raise Http404
    order = order_for_buyer(buyer(request), number, header(request, ORDER_TOKEN_HEADER) or None)
    if order is None:
        raise Http404
    return order


def _hindi() -> bool:
    return (get_language() or "en").startswith("hi")


def _localised(item: Any, field: str) -> str:
    hindi = getattr(item, f"{field}_hi", "") if _hindi() else ""
    return hindi or getattr(item, f"{field}_en", "")


def totals_out(obj: Any) -> dict[str, Any]:
    """An Order's or SellerOrder's stored figures (both name them alike)."""
    shipping = getattr(obj, "shipping_total_paise", None)
    if shipping is None:
        shipping = obj.shipping_paise
    return {
        **money("items", obj.items_total_paise),
        **money("shipping", shipping),
        **money("taxable", obj.taxable_total_paise),
        **money("cgst", obj.cgst_total_paise),
        **money("sgst", obj.sgst_total_paise),
        **money("igst", obj.igst_total_paise),
        **money("grand_total", obj.grand_total_paise),
    }


def _return_out(return_request: ReturnRequest) -> dict[str, Any]:
    return {
        "id": return_request.pk,
        "status": return_request.status,
        "status_label": str(return_request.get_status_display()),
        "reason_code": return_request.reason_code,
        "details": return_request.details,
        **money("refund", return_request.refund_paise),
        "created_at": return_request.created_at,
    }


def _item_out(order: Order, item: OrderItem, now: Any) -> dict[str, Any]:
    returns = list(item.return_requests.all())
    deadline = return_deadline(item)
    has_open_return = any(rr.status in OPEN_RETURNS for rr in returns)
    return {
        "id": item.pk,
        "variant_id": item.variant_id,
        "product_id": item.product_id,
        "name": _localised(item, "name"),
        "variant_label": _localised(item, "variant_label"),
        "sku": item.sku,
        "hsn_code": item.hsn_code,
        "artisan_name": item.artisan.name,
        "district_name": _localised(item, "district_name"),
        "odop_product_name": _localised(item, "odop_product_name"),
        "quantity": item.quantity,
        **money("unit_price", item.unit_price_paise),
        **money("line_total", item.line_total_paise),
        "gst_rate_bp": item.gst_rate_bp,
        "gst_rate_percent": rate_percent(item.gst_rate_bp),
        **money("taxable", item.taxable_value_paise),
        **money("cgst", item.cgst_paise),
        **money("sgst", item.sgst_paise),
        **money("igst", item.igst_paise),
        "status": item.status,
        "status_label": str(item.get_status_display()),
        **money("refunded", item.refunded_paise),
        "can_cancel": item.status in CANCELLABLE_ITEM_STATUSES
        and order.status in (OrderStatus.PLACED, OrderStatus.PARTLY_SHIPPED),
        "can_return": item.status == ItemStatus.DELIVERED
        and deadline is not None
        and now <= deadline
        and item.return_window_days > 0
        and not has_open_return,
        "return_until": deadline,
        "returns": [_return_out(rr) for rr in returns],
    }


def _event_label(event: OrderEvent) -> tuple[str, str]:
    choices: Any
    if event.item_id is not None:
        choices, about = ItemStatus, "item"
    elif event.seller_order_id is not None:
        choices, about = SellerOrderStatus, "seller_order"
    else:
        choices, about = OrderStatus, "order"
    try:
        return str(choices(event.to_status).label), about
    except ValueError:
        return event.to_status, about


def _timeline(order: Order, seller_orders: dict[int, SellerOrder]) -> list[dict[str, Any]]:
    events = OrderEvent.objects.filter(order=order).order_by("at", "pk")
    timeline = []
    for event in events:
        label, about = _event_label(event)
        seller_order = seller_orders.get(event.seller_order_id or 0)
        timeline.append(
            {
                "at": event.at,
                "status": event.to_status,
                "status_label": label,
                "about": about,
                "seller_order_number": seller_order.number if seller_order else None,
                "item_id": event.item_id,
                "reason": event.reason,
            }
        )
    return timeline


def order_detail_out(order: Order) -> dict[str, Any]:
    """Everything the app shows of one order (a fixed number of queries)."""
    now = timezone.now()
    seller_orders = list(
        order.seller_orders.select_related("vendor")
        .prefetch_related(
            Prefetch(
                "items",
                queryset=OrderItem.objects.select_related("artisan")
                .prefetch_related(
                    Prefetch("return_requests", queryset=ReturnRequest.objects.order_by("pk"))
                )
                .order_by("pk"),
            )
        )
        .order_by("pk")
    )
    state = order.ship_state
    return {
        "number": order.number,
        "status": order.status,
        "status_label": str(order.get_status_display()),
        "payment_method": order.payment_method,
        "payment_method_label": str(order.get_payment_method_display()),
        "phone": order.phone,
        "email": order.email,
        "address": {
            "name": order.ship_name,
            "line1": order.ship_line1,
            "line2": order.ship_line2,
            "city": order.ship_city,
            "district": order.ship_district,
            "pincode": order.ship_pincode,
            "state": (state.name_hi if _hindi() and state.name_hi else state.name_en),
        },
        "created_at": order.created_at,
        "placed_at": order.placed_at,
        "paid_at": order.paid_at,
        "cancelled_at": order.cancelled_at,
        "reservation_expires_at": order.reservation_expires_at
        if order.status in (OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_FAILED)
        else None,
        "needs_payment": order.status in (OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_FAILED),
        "can_cancel": order.status in CANCELLABLE_ORDER_STATUSES
        and all(
            item.status in CANCELLABLE_ITEM_STATUSES or item.status == ItemStatus.CANCELLED
            for seller_order in seller_orders
            for item in seller_order.items.all()
        ),
        "totals": totals_out(order),
        **money("refunded", order.refunded_total_paise),
        "seller_orders": [
            {
                "number": seller_order.number,
                "vendor": {
                    "id": seller_order.vendor_id,
                    "name": seller_order.vendor.name,
                    "gstin": seller_order.vendor.gstin,
                },
                "status": seller_order.status,
                "status_label": str(seller_order.get_status_display()),
                "supply_type": seller_order.supply_type,
                "supply_type_label": str(seller_order.get_supply_type_display()),
                "items": [_item_out(order, item, now) for item in seller_order.items.all()],
                "totals": totals_out(seller_order),
            }
            for seller_order in seller_orders
        ],
        "timeline": _timeline(order, {so.pk: so for so in seller_orders}),
    }


def _fresh(order: Order) -> Order:
    return Order.objects.select_related("ship_state").get(pk=order.pk)


# --- endpoints -------------------------------------------------------------------------------


@router.get("/orders", response={200: OrderListOut, **ERRORS})
def order_list(
    request: HttpRequest, params: Query[OrderListIn], lang: LanguageCode | None = None
) -> Any:
    """The signed-in buyer's orders, newest first. Guests open single orders by token."""
    user = buyer(request)
    if user is None:
        return error(401, "http_401", _("Sign in first: send Authorization: Bearer <token>."))
    orders: QuerySet[Order] = (
        orders_for_buyer(user)
        .annotate(item_count=Count("items"))
        .prefetch_related(Prefetch("items", queryset=OrderItem.objects.order_by("pk")))
        .order_by("-created_at", "-pk")
    )
    size = params.page_size or settings.ODOPMART["API_PAGE_SIZE"]
    count = orders.count()
    pages = max(1, math.ceil(count / size))
    start = (params.page - 1) * size
    page = list(orders[start : start + size]) if start < count else []
    next_url, previous_url = page_links(request, page=params.page, pages=pages)
    results = []
    for order in page:
        items = list(order.items.all())
        results.append(
            {
                "number": order.number,
                "status": order.status,
                "status_label": str(order.get_status_display()),
                "payment_method": order.payment_method,
                "created_at": order.created_at,
                "placed_at": order.placed_at,
                "item_count": order.item_count,  # type: ignore[attr-defined]
                "first_item_name": _localised(items[0], "name") if items else "",
                **money("grand_total", order.grand_total_paise),
                "url": request.build_absolute_uri(
                    reverse("api-v1:order_detail", kwargs={"number": order.number})
                ),
            }
        )
    return {
        "count": count,
        "page": params.page,
        "pages": pages,
        "page_size": size,
        "next": next_url,
        "previous": previous_url,
        "results": results,
    }


@router.get("/orders/{number}", response={200: OrderDetailOut, **ERRORS})
def order_detail(request: HttpRequest, number: Path[str], lang: LanguageCode | None = None) -> Any:
    """One order: its seller orders (one per vendor) with items, each item's tax split and
    status, the totals, and the timeline of everything that happened to it."""
    return order_detail_out(_fresh(buyer_order(request, number)))


@router.post("/orders/{number}/cancel", response={200: OrderDetailOut, **ERRORS})
def order_cancel(
    request: HttpRequest,
    number: Path[str],
    payload: OrderCancelIn,
    lang: LanguageCode | None = None,
) -> Any:
    """Cancel the whole order (no ``item_ids``) or some items, before they ship. Stock goes
    back and what was paid is refunded to the way it was paid."""
    order = buyer_order(request, number)
    actor = buyer(request)
    item_ids = list(dict.fromkeys(payload.item_ids))
    try:
        if not item_ids:
            order_services.order_cancel(order, actor=actor, reason=payload.reason)
        else:
            items = {item.pk: item for item in order.items.filter(pk__in=item_ids)}
            unknown = [pk for pk in item_ids if pk not in items]
            if unknown:
                index = item_ids.index(unknown[0])
                return field_error(
                    422, ["item_ids", index], "unknown_item", _("This item is not in the order.")
                )
            for pk in item_ids:
                order_services.item_cancel(items[pk], actor=actor, reason=payload.reason)
    except OrderError as refused:
        return domain_error(refused)
    return order_detail_out(_fresh(order))


@router.post(
    "/orders/{number}/items/{item_id}/return",
    response={201: OrderDetailOut, **ERRORS},
)
def item_return_request(
    request: HttpRequest,
    number: Path[str],
    item_id: Path[int],
    reason_code: Form[str],
    details: Form[str] = "",
    photos: File[list[UploadedFile]] = None,  # type: ignore[assignment]
    lang: LanguageCode | None = None,
) -> Any:
    """Ask to return a delivered item within its return window. Send ``multipart/form-data``:
    ``reason_code`` (``damaged``, ``wrong_item``, ``not_as_described``, ``size_fit``,
    ``other``), ``details``, and ``photos`` (JPEG/PNG/WebP; required for damaged or wrong
    items)."""
    order = buyer_order(request, number)
    item = order.items.filter(pk=item_id).first() if 1 <= item_id <= MAX_ID else None
    if item is None:
        raise Http404
    if reason_code not in ReturnReason.values:
        return field_error(
            422, ["reason_code"], "reason_invalid", _("Choose a reason for the return."), "form"
        )
    try:
        return_request_create(
            item,
            actor=buyer(request),
            reason_code=reason_code,
            details=details,
            photos=photos or [],
        )
    except OrderError as refused:
        if refused.field:
            return field_error(422, [refused.field], refused.code, refused.message, "form")
        return domain_error(refused)
    return Status(201, order_detail_out(_fresh(order)))
