"""Who may see and act on which order. Anything not theirs is a 404 (ids cannot be probed).

* A buyer sees their own orders; a guest opens theirs with the order's access token.
* A vendor's members see and act on that vendor's seller orders once the order is placed.
* Moderators and operator admins see every seller order (and decide returns).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from odopmart.accounts.models import StaffRole
from odopmart.accounts.roles import has_staff_role
from odopmart.orders.models import Order, ReturnRequest, SellerOrder
from odopmart.orders.states import SellerOrderStatus
from odopmart.sellers.models import VendorMembership


def _signed_in(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError):
        return None


def is_order_staff(user: Any) -> bool:
    """Moderators and operator admins (superusers included)."""
    return _signed_in(user) and has_staff_role(user, StaffRole.MODERATOR)


def orders_for_buyer(user: Any) -> QuerySet[Order]:
    if not _signed_in(user):
        return Order.objects.none()
    return Order.objects.filter(buyer=user)


def order_for_buyer(request_user: Any, number_or_id: Any, access_token: Any = None) -> Order:
    """The order if it is this buyer's (or the guest holds its access token), else Http404."""
    text = str(number_or_id or "").strip()
    lookup: dict[str, Any] = {"pk": int(text)} if text.isdigit() else {"number": text.upper()}
    if not text:
        raise Http404
    if access_token:
        token = _uuid(access_token)
        order = Order.objects.filter(access_token=token, **lookup).first() if token else None
    else:
        order = orders_for_buyer(request_user).filter(**lookup).first()
    if order is None:
        raise Http404
    return order


def _vendor_ids(user: Any) -> list[int]:
    return list(VendorMembership.objects.filter(user=user).values_list("vendor_id", flat=True))


def seller_orders_for_user(user: Any) -> QuerySet[SellerOrder]:
    """Seller orders the user may see: their vendors' (or all, for staff), once placed."""
    if not _signed_in(user):
        return SellerOrder.objects.none()
    visible = SellerOrder.objects.exclude(status=SellerOrderStatus.PENDING_PAYMENT)
    if is_order_staff(user):
        return visible
    return visible.filter(vendor_id__in=_vendor_ids(user))


def seller_order_for_user(user: Any, seller_order_id: Any) -> SellerOrder:
    try:
        pk = int(seller_order_id)
    except (TypeError, ValueError):
        raise Http404 from None
    seller_order = seller_orders_for_user(user).select_related("order", "vendor").filter(pk=pk)
    found = seller_order.first()
    if found is None:
        raise Http404
    return found


def can_manage_seller_order(user: Any, seller_order: SellerOrder) -> bool:
    if not _signed_in(user):
        return False
    if is_order_staff(user):
        return True
    return VendorMembership.objects.filter(user=user, vendor_id=seller_order.vendor_id).exists()


def can_decide_return(user: Any, return_request: ReturnRequest) -> bool:
    """The item's vendor or a moderator."""
    if not _signed_in(user):
        return False
    if is_order_staff(user):
        return True
    vendor_id = return_request.item.vendor_id
    return VendorMembership.objects.filter(user=user, vendor_id=vendor_id).exists()


def return_request_for_user(user: Any, return_request_id: Any) -> ReturnRequest:
    """A return request the user may decide on, else Http404."""
    try:
        pk = int(return_request_id)
    except (TypeError, ValueError):
        raise Http404 from None
    found = ReturnRequest.objects.select_related("item__order").filter(pk=pk).first()
    if found is None or not can_decide_return(user, found):
        raise Http404
    return found
