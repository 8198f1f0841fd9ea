"""Write paths of the grievance mechanism. Every change goes through :func:`_event` (a
GrievanceEvent row); messages to the complainant go through the notifications outbox in the
same transaction, so a rolled-back change sends nothing."""

from __future__ import annotations

import calendar
import os
import secrets
from datetime import datetime, timedelta
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from odopmart.accounts.exceptions import AuthError
from odopmart.accounts.phone import phone_normalize
from odopmart.grievances import messages
from odopmart.grievances.conf import grievance_setting
from odopmart.grievances.exceptions import GrievanceError
from odopmart.grievances.models import Grievance, GrievanceEvent
from odopmart.grievances.states import (
    GRIEVANCE_TRANSITIONS,
    EventKind,
    GrievanceCategory,
    GrievanceStatus,
)
from odopmart.notifications.services import notification_enqueue
from odopmart.notifications.states import Channel
from odopmart.orders.models import Order

S = GrievanceStatus
# No 0/O, 1/I/L: read aloud over the phone without confusion.
_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
_SNIFF = ((b"%PDF-", "application/pdf", ".pdf"), (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
          (b"\xff\xd8\xff", "image/jpeg", ".jpg"))  # fmt: skip
DESCRIPTION_MAX = 4000


def add_months(moment: datetime, months: int) -> datetime:
    """The same time `months` calendar months later (31 Jan + 1 month = 28/29 Feb)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def due_dates(received_at: datetime) -> tuple[datetime, datetime]:
    """(acknowledge by, resolve by) for a complaint received at this moment."""
    acknowledge = received_at + timedelta(hours=int(grievance_setting("ACKNOWLEDGE_HOURS")))
    local = timezone.localtime(received_at)
    resolve = add_months(local, int(grievance_setting("RESOLVE_MONTHS")))
    return acknowledge, max(resolve, acknowledge)


def ticket_new(now: datetime) -> str:
    """'GR2606-7K3F9Q': year and month received, then six random characters."""
    suffix = "".join(secrets.choice(_ALPHABET) for _ in range(6))
    return f"GR{timezone.localtime(now):%y%m}-{suffix}"


def phone_clean(raw: str) -> str:
    try:
        return phone_normalize(raw)
    except AuthError:
        raise GrievanceError(
            "phone_invalid", _("Enter a 10-digit Indian mobile number."), field="phone"
        ) from None


def _order_of_complainant(number: str, *, phone: str, user: Any) -> Order:
    """The order if it is the complainant's own (their account, or the phone on the order).

    Anything else gets the same answer as a number that does not exist, so the form cannot be
    used to learn whether someone else's order exists.
    """
    order = Order.objects.filter(number=number.strip().upper()).first()
    own = order is not None and (
        order.phone == phone
        or (user is not None and user.is_authenticated and order.buyer_id == user.pk)
    )
    if not own:
        raise GrievanceError(
            "order_not_yours",
            _("We could not find this order number for your mobile number or account."),
            field="order_number",
        )
    assert order is not None
    return order


def _attachment_check(upload: UploadedFile) -> tuple[str, str]:
    """(content type, extension) sniffed from the file's first bytes; PDF, PNG or JPEG only."""
    if upload.size and upload.size > int(grievance_setting("ATTACHMENT_MAX_BYTES")):
        limit = int(grievance_setting("ATTACHMENT_MAX_BYTES")) // (1024 * 1024)
        raise GrievanceError(
            "attachment_too_big",
            _("The file is too large. Attach a file of up to %(mb)s MB.") % {"mb": limit},
            field="attachment",
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for magic, content_type, extension in _SNIFF:
        if head.startswith(magic):
            return content_type, extension
    raise GrievanceError(
        "attachment_type",
        _("Attach a photo (JPEG or PNG) or a PDF."),
        field="attachment",
    )


def status_url(language: str) -> str:
    with translation.override(language):
        path = reverse("grievances:status")
    return f"{str(grievance_setting('SITE_URL')).rstrip('/')}{path}"


def _when(moment: datetime) -> str:
    return timezone.localtime(moment).strftime("%d-%m-%Y %H:%M")


def _tell(grievance: Grievance, key: str, *, tag: str) -> None:
    """SMS (and email if given) to the complainant, deduplicated per ticket and cause."""
    context = {"ticket": grievance.ticket, "url": status_url(grievance.language)}
    if key == messages.RECEIVED:
        context |= {
            "acknowledge_by": _when(grievance.acknowledge_due_at),
            "resolve_by": timezone.localtime(grievance.resolve_due_at).strftime("%d-%m-%Y"),
        }
    notification_enqueue(
        channel=Channel.SMS,
        recipient=grievance.phone,
        template=key,
        language=grievance.language,
        context=context,
        dedupe_key=f"grievance:{grievance.pk}:{tag}:sms",
    )
    if grievance.email:
        notification_enqueue(
            channel=Channel.EMAIL,
            recipient=grievance.email,
            template=messages.email_key(key),
            language=grievance.language,
            context=context,
            dedupe_key=f"grievance:{grievance.pk}:{tag}:email",
        )


def _event(
    grievance: Grievance,
    kind: str,
    *,
    actor: Any,
    note: str = "",
    to_status: str | None = None,
    public: bool = False,
    at: datetime | None = None,
) -> GrievanceEvent:
    from_status = grievance.status
    to_status = to_status or from_status
    if to_status != from_status and to_status not in GRIEVANCE_TRANSITIONS[from_status]:
        raise GrievanceError(
            "invalid_transition", _("This complaint is already resolved."), field=None
        )
    user = actor if actor is not None and getattr(actor, "is_authenticated", False) else None
    return GrievanceEvent.objects.create(
        grievance=grievance,
        kind=kind,
        from_status=from_status,
        to_status=to_status,
        public=public,
        actor=user,
        reason=note,
        at=at or timezone.now(),
    )


def grievance_submit(
    *,
    name: str,
    phone: str,
    category: str,
    description: str,
    email: str = "",
    order_number: str = "",
    attachment: UploadedFile | None = None,
    user: Any = None,
    language: str = "en",
    now: datetime | None = None,
) -> Grievance:
    """Record a complaint, give it a ticket and queue the acknowledgement to the complainant."""
    name, description = (name or "").strip(), (description or "").strip()
    if not name:
        raise GrievanceError("name_required", _("Enter your name."), field="name")
    e164 = phone_clean(phone)
    if category not in GrievanceCategory.values:
        raise GrievanceError("category_invalid", _("Choose what the complaint is about."),
                             field="category")  # fmt: skip
    if len(description) < 10:
        raise GrievanceError(
            "description_short",
            _("Tell us what happened in a few words (at least 10 characters)."),
            field="description",
        )
    if len(description) > DESCRIPTION_MAX:
        raise GrievanceError(
            "description_long",
            _("Please keep the description under %(n)s characters.") % {"n": DESCRIPTION_MAX},
            field="description",
        )
    order = _order_of_complainant(order_number, phone=e164, user=user) if order_number else None
    sniffed = _attachment_check(attachment) if attachment else None
    now = now or timezone.now()
    acknowledge_by, resolve_by = due_dates(now)
    language = "hi" if (language or "").startswith("hi") else "en"
    for _attempt in range(5):
        try:
            with transaction.atomic():
                grievance = Grievance.objects.create(
                    ticket=ticket_new(now),
                    category=category,
                    name=name[:120],
                    phone=e164,
                    email=(email or "").strip(),
                    language=language,
                    user=user if user is not None and user.is_authenticated else None,
                    order=order,
                    description=description,
                    created_at=now,
                    acknowledge_due_at=acknowledge_by,
                    resolve_due_at=resolve_by,
                )
                if attachment and sniffed:
                    content_type, extension = sniffed
                    grievance.attachment_type = content_type
                    grievance.attachment.save(f"upload{extension}", attachment, save=True)
                _event(grievance, EventKind.SUBMITTED, actor=user, to_status=S.RECEIVED, at=now)
                _tell(grievance, messages.RECEIVED, tag="received")
                return grievance
        except IntegrityError:
            # A ticket number drawn twice (one in ~900 million per month): draw again.
            if attachment:
                attachment.seek(0)
            continue
    raise RuntimeError("could not draw a free ticket number")


def _locked(grievance: Grievance) -> Grievance:
    return Grievance.objects.select_for_update().get(pk=grievance.pk)


def grievance_acknowledge(grievance: Grievance, *, actor: Any, note: str = "") -> Grievance:
    """An officer has taken the complaint up (due within 48 hours of receipt)."""
    with transaction.atomic():
        grievance = _locked(grievance)
        if grievance.status != S.RECEIVED:
            raise GrievanceError(
                "already_acknowledged", _("This complaint was already acknowledged.")
            )
        now = timezone.now()
        _event(grievance, EventKind.ACKNOWLEDGED, actor=actor, note=note.strip(),
               to_status=S.ACKNOWLEDGED, at=now)  # fmt: skip
        grievance.status, grievance.acknowledged_at = S.ACKNOWLEDGED, now
        grievance.save(update_fields=["status", "acknowledged_at"])
    return grievance


def grievance_reply(grievance: Grievance, *, actor: Any, message: str) -> Grievance:
    """A reply the complainant reads on the status page; replying acknowledges too."""
    message = (message or "").strip()
    if not message:
        raise GrievanceError("reply_empty", _("Write the reply."), field="message")
    with transaction.atomic():
        grievance = _locked(grievance)
        if grievance.status == S.RESOLVED:
            raise GrievanceError("resolved", _("This complaint is already resolved."))
        if grievance.status == S.RECEIVED:
            grievance = grievance_acknowledge(grievance, actor=actor)
        event = _event(grievance, EventKind.REPLIED, actor=actor, note=message, public=True)
        _tell(grievance, messages.REPLIED, tag=f"reply:{event.pk}")
    return grievance


def grievance_note(grievance: Grievance, *, actor: Any, note: str) -> GrievanceEvent:
    """An internal note (never shown to the complainant)."""
    note = (note or "").strip()
    if not note:
        raise GrievanceError("note_empty", _("Write the note."), field="message")
    with transaction.atomic():
        return _event(_locked(grievance), EventKind.NOTE, actor=actor, note=note)


def grievance_resolve(grievance: Grievance, *, actor: Any, resolution: str) -> Grievance:
    """Close the complaint with what was done about it (shown to the complainant)."""
    resolution = (resolution or "").strip()
    if not resolution:
        raise GrievanceError(
            "resolution_empty", _("Say how the complaint was resolved."), field="message"
        )
    with transaction.atomic():
        grievance = _locked(grievance)
        if grievance.status == S.RESOLVED:
            raise GrievanceError("resolved", _("This complaint is already resolved."))
        now = timezone.now()
        _event(grievance, EventKind.RESOLVED, actor=actor, note=resolution,
               to_status=S.RESOLVED, public=True, at=now)  # fmt: skip
        grievance.status, grievance.resolved_at, grievance.resolution = S.RESOLVED, now, resolution
        if grievance.acknowledged_at is None:
            grievance.acknowledged_at = now
        grievance.save(update_fields=["status", "resolved_at", "resolution", "acknowledged_at"])
        _tell(grievance, messages.RESOLVED, tag="resolved")
    return grievance


def grievance_lookup(ticket: str, phone: str) -> Grievance | None:
    """The complaint with this ticket if the phone matches it; None otherwise (either way)."""
    try:
        e164 = phone_normalize(phone)
    except AuthError:
        return None
    return Grievance.objects.filter(ticket=(ticket or "").strip().upper(), phone=e164).first()


def attachment_name(grievance: Grievance) -> str:
    return os.path.basename(grievance.attachment.name) if grievance.attachment else ""
