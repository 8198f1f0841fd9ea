"""Returns: the buyer asks within the category's window (reason, photos), the vendor or a
moderator decides, and when the parcel comes back the item is refunded (per item)."""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageOps, UnidentifiedImageError

from odopmart.core.outbox import outbox_publish
from odopmart.orders.conf import orders_setting
from odopmart.orders.exceptions import OrderError
from odopmart.orders.models import Order, OrderItem, ReturnPhoto, ReturnRequest
from odopmart.orders.states import ItemStatus, ReturnStatus
from odopmart.orders.transitions import actor_user, item_transition

_I = ItemStatus
_RS = ReturnStatus
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}
PHOTO_MAX_SIDE = 1600


class ReturnReason(models.TextChoices):
    DAMAGED = "damaged", gettext_lazy("Arrived damaged")
    WRONG_ITEM = "wrong_item", gettext_lazy("Wrong item sent")
    NOT_AS_DESCRIBED = "not_as_described", gettext_lazy("Not as described")
    SIZE_FIT = "size_fit", gettext_lazy("Size or fit is wrong")
    OTHER = "other", gettext_lazy("Other reason")


# Reasons a buyer must show with at least one photo.
PHOTO_REQUIRED = frozenset({ReturnReason.DAMAGED, ReturnReason.WRONG_ITEM})


def return_deadline(item: OrderItem) -> Any:
    if item.delivered_at is None:
        return None
    return item.delivered_at + timedelta(days=item.return_window_days)


def _photo_bytes(photo: Any) -> bytes:
    if hasattr(photo, "seek"):
        photo.seek(0)
    data = photo.read() if hasattr(photo, "read") else bytes(photo)
    return data


def photo_prepare(photo: Any) -> ContentFile:
    """Check an uploaded photo with Pillow and re-encode it as WebP (metadata dropped)."""
    limit = orders_setting("RETURN_PHOTO_MAX_BYTES")
    data = _photo_bytes(photo)
    if not data or len(data) > limit:
        raise OrderError(
            "photo_too_large",
            _("Each photo must be smaller than %(mb)d MB.") % {"mb": limit // (1024 * 1024)},
            field="photos",
        )
    try:
        with Image.open(io.BytesIO(data)) as probe:
            probe.verify()
        image = Image.open(io.BytesIO(data))
        fmt = image.format
        image.load()
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ) as error:
        raise OrderError(
            "photo_invalid", _("This file is not a photo we can read."), field="photos"
        ) from error
    if fmt not in PHOTO_FORMATS:
        raise OrderError("photo_invalid", _("Send photos as JPEG, PNG or WebP."), field="photos")
    smallest = orders_setting("RETURN_PHOTO_MIN_PX")
    if min(image.size) < smallest:
        raise OrderError(
            "photo_too_small",
            _("Photos must be at least %(px)d pixels on each side.") % {"px": smallest},
            field="photos",
        )
    image = ImageOps.exif_transpose(image).convert("RGB")
    image.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))
    out = io.BytesIO()
    image.save(out, "WEBP", quality=82)
    return ContentFile(out.getvalue(), name="photo.webp")


def _require_buyer(order: Order, actor: Any) -> None:
    user = actor_user(actor)
    if user is not None and order.buyer_id is not None and user.pk != order.buyer_id:
        raise OrderError("not_allowed", _("You cannot change this order."))


def return_request_create(
    item: OrderItem,
    *,
    actor: Any,
    reason_code: str,
    details: str = "",
    photos: Iterable[Any] = (),
    now: Any = None,
) -> ReturnRequest:
    """Ask to return a delivered item within its category's return window."""
    now = now or timezone.now()
    photos = list(photos)
    if reason_code not in ReturnReason.values:
        raise OrderError(
            "reason_invalid", _("Choose a reason for the return."), field="reason_code"
        )
    details = (details or "").strip()
    if len(details) > 2000:
        raise OrderError("details_too_long", _("This is too long."), field="details")
    if len(photos) > orders_setting("RETURN_PHOTOS_MAX"):
        raise OrderError(
            "too_many_photos",
            _("Send at most %(count)d photos.") % {"count": orders_setting("RETURN_PHOTOS_MAX")},
            field="photos",
        )
    if reason_code in PHOTO_REQUIRED and not photos:
        raise OrderError("photo_required", _("Add a photo showing the problem."), field="photos")
    prepared = [photo_prepare(photo) for photo in photos]
    with transaction.atomic():
        Order.objects.select_for_update().get(pk=item.order_id)
        item = OrderItem.objects.select_related("order").get(pk=item.pk)
        _require_buyer(item.order, actor)
        if item.status != _I.DELIVERED:
            raise OrderError("not_returnable", _("Only delivered items can be returned."))
        deadline = return_deadline(item)
        if deadline is None or now > deadline or item.return_window_days == 0:
            raise OrderError(
                "return_window_closed", _("The return window for this item has closed.")
            )
        return_request = ReturnRequest.objects.create(
            item=item,
            reason_code=reason_code,
            details=details,
            requested_by=actor_user(actor),
            created_at=now,
        )
        for content in prepared:
            photo = ReturnPhoto(return_request=return_request)
            photo.image.save(content.name, content, save=True)
        item_transition(
            item, _I.RETURN_REQUESTED, actor=actor, reason=ReturnReason(reason_code).label
        )
        outbox_publish(
            "return.requested",
            {"order_id": item.order_id, "item_id": item.pk, "return_request_id": return_request.pk},
            dedupe_key=f"return.requested:{return_request.pk}",
        )
    return return_request


def _decider_locked(return_request: ReturnRequest, actor: Any) -> ReturnRequest:
    from odopmart.orders.access import can_decide_return

    found = ReturnRequest.objects.select_related("item__order").get(pk=return_request.pk)
    Order.objects.select_for_update().get(pk=found.item.order_id)
    found = ReturnRequest.objects.select_related("item__order").get(pk=return_request.pk)
    if actor_user(actor) is not None and not can_decide_return(actor, found):
        raise OrderError("not_allowed", _("You cannot decide on this return."))
    return found


def return_request_decide(
    return_request: ReturnRequest, *, actor: Any, approve: bool, note: str = ""
) -> ReturnRequest:
    """The vendor or a moderator approves the return (the buyer sends it back) or rejects it
    (a note saying why is required)."""
    note = (note or "").strip()[:2000]
    if not approve and not note:
        raise OrderError("note_required", _("Say why the return is refused."), field="note")
    with transaction.atomic():
        return_request = _decider_locked(return_request, actor)
        if return_request.status != _RS.REQUESTED:
            raise OrderError("already_decided", _("This return has already been decided."))
        item = return_request.item
        if approve:
            return_request.status = _RS.APPROVED
            item_transition(item, _I.RETURN_APPROVED, actor=actor, reason=note)
        else:
            return_request.status = _RS.REJECTED
            item_transition(item, _I.DELIVERED, actor=actor, reason=note)
        return_request.decided_by = actor_user(actor)
        return_request.decision_note = note
        return_request.decided_at = timezone.now()
        return_request.save(update_fields=["status", "decided_by", "decision_note", "decided_at"])
    return return_request


def return_request_receive(return_request: ReturnRequest, *, actor: Any) -> ReturnRequest:
    """The returned item has arrived: it is refunded (what is left of its line total)."""
    from odopmart.orders.services import _refund

    with transaction.atomic():
        return_request = _decider_locked(return_request, actor)
        if return_request.status != _RS.APPROVED:
            raise OrderError("not_approved", _("Only approved returns can be received."))
        item = return_request.item
        order = item.order
        now = timezone.now()
        item_transition(item, _I.RETURNED, actor=actor, reason=_("Return received"))
        amount = item.line_total_paise - item.refunded_paise
        refund = None
        if amount > 0:
            refund = _refund(
                order,
                amount,
                key=f"return:{return_request.pk}",
                reason=_("Return of %(sku)s") % {"sku": item.sku},
                item=item,
                return_request=return_request,
            )
        if refund is not None:
            OrderItem.objects.filter(pk=item.pk).update(refunded_paise=item.line_total_paise)
            item.refunded_paise = item.line_total_paise
        item_transition(item, _I.REFUNDED, actor=actor, reason=_("Refunded"))
        return_request.status = _RS.REFUNDED
        return_request.received_at = now
        return_request.refund_paise = amount if refund is not None else 0
        return_request.save(update_fields=["status", "received_at", "refund_paise"])
        # The vendor's credit note follows the goods coming back (cash on delivery too).
        outbox_publish(
            "return.received",
            {"order_id": order.pk, "item_id": item.pk, "return_request_id": return_request.pk},
            dedupe_key=f"return.received:{return_request.pk}",
        )
    return return_request
