"""Read paths of the readiness loop: who may see which request, the helpline queue, a request's
history of messages and events."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from odopmart.accounts.models import StaffRole
from odopmart.accounts.roles import has_staff_role
from odopmart.fulfilment.models import HelplineTask, ReadinessEvent, ReadinessRequest
from odopmart.fulfilment.states import OPEN_STATUSES, HelplineTaskStatus, ReadinessStatus
from odopmart.notifications.models import Notification
from odopmart.orders.models import OrderItem
from odopmart.sellers.access import artisan_for_user, is_vendor_member
from odopmart.sellers.models import Artisan

HELPLINE_ROLES = (StaffRole.HELPLINE, StaffRole.OPERATOR_ADMIN)


def _with_items(requests: QuerySet[ReadinessRequest]) -> QuerySet[ReadinessRequest]:
    return requests.select_related(
        "order", "seller_order", "artisan", "artisan__district", "vendor"
    ).prefetch_related(
        Prefetch(
            "items",
            queryset=OrderItem.objects.select_related("product", "variant").order_by("pk"),
        )
    )


def readiness_open_for_artisan(artisan: Artisan) -> QuerySet[ReadinessRequest]:
    """The requests the artisan may still answer, soonest date first."""
    return _with_items(
        ReadinessRequest.objects.filter(artisan=artisan, status__in=OPEN_STATUSES)
    ).order_by("ready_by", "pk")


def readiness_recent_for_artisan(artisan: Artisan, limit: int = 20) -> QuerySet[ReadinessRequest]:
    """Open requests and the latest answered ones (for the seller-centre list)."""
    return _with_items(
        ReadinessRequest.objects.filter(artisan=artisan).exclude(status=ReadinessStatus.RESOLVED)
    ).order_by("-created_at", "-pk")[:limit]


def readiness_with_items(pk: int) -> ReadinessRequest | None:
    return _with_items(ReadinessRequest.objects.filter(pk=pk)).first()


def is_helpline(user: Any) -> bool:
    return bool(user is not None and has_staff_role(user, *HELPLINE_ROLES))


def readiness_role(user: Any, request: ReadinessRequest) -> str | None:
    """How the user relates to the request: 'artisan', 'vendor', 'helpline', or None."""
    if user is None or not user.is_authenticated:
        return None
    artisan = artisan_for_user(user)
    if artisan is not None and artisan.pk == request.artisan_id:
        return "artisan"
    if is_vendor_member(user, request.vendor_id):
        return "vendor"
    if is_helpline(user):
        return "helpline"
    return None


def helpline_queue(*, include_done: bool = False) -> QuerySet[HelplineTask]:
    tasks = HelplineTask.objects.select_related(
        "request", "request__order", "request__artisan", "request__artisan__district",
        "request__vendor", "assigned_to",
    ).prefetch_related(
        Prefetch("request__items", queryset=OrderItem.objects.order_by("pk"))
    )  # fmt: skip
    if not include_done:
        tasks = tasks.exclude(status=HelplineTaskStatus.DONE)
    return tasks.order_by("due_at", "pk")


def readiness_messages(request: ReadinessRequest) -> QuerySet[Notification]:
    """Every message the loop sent about this request (from the notifications outbox)."""
    return Notification.objects.filter(dedupe_key__startswith=f"readiness:{request.pk}:").order_by(
        "created_at", "pk"
    )


def readiness_events(request: ReadinessRequest) -> QuerySet[ReadinessEvent]:
    return request.events.select_related("actor").order_by("at", "pk")


def readiness_reassign_candidates(request: ReadinessRequest) -> QuerySet[Artisan]:
    """Other artisans of the same vendor who make the ODOP product of the request's items."""
    odop_ids = {
        item.product.odop_product_id for item in request.items.select_related("product")
    } - {None}
    return (
        Artisan.objects.filter(vendor_id=request.vendor_id)
        .exclude(pk=request.artisan_id)
        .filter(
            Q(odop_products__in=odop_ids)
            | Q(products__odop_product__in=odop_ids, products__vendor_id=request.vendor_id)
        )
        .select_related("district")
        .distinct()
        .order_by("name_en", "pk")
    )


def readiness_for_seller_order(seller_order_id: int) -> QuerySet[ReadinessRequest]:
    """The live requests of one seller order (one per artisan), for the vendor's order page."""
    return _with_items(
        ReadinessRequest.objects.filter(seller_order_id=seller_order_id).exclude(
            status=ReadinessStatus.RESOLVED
        )
    ).order_by("artisan__name_en", "pk")
