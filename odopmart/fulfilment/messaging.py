"""Writing the readiness loop's messages into the notifications outbox (in the caller's
transaction). Dedupe keys name each message, so a retried handler or sweep never sends twice."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import formats, timezone, translation

from odopmart.accounts.exceptions import AuthError
from odopmart.accounts.phone import phone_normalize
from odopmart.fulfilment import message_texts as texts
from odopmart.fulfilment.conf import fulfilment_setting
from odopmart.fulfilment.tokens import link_token
from odopmart.notifications.services import notification_enqueue
from odopmart.notifications.states import Channel

if TYPE_CHECKING:
    from odopmart.fulfilment.models import HelplineTask, ReadinessRequest
    from odopmart.orders.models import OrderItem

logger = logging.getLogger("odopmart.fulfilment")

ITEM_NAME_MAX = 40


def phone_e164(raw: str) -> str | None:
    """The number as E.164, or None when it is missing or not an Indian mobile."""
    try:
        return phone_normalize(raw) if raw else None
    except AuthError:
        return None


# Django's own Hindi month names include a misspelt one ("नवमबर"); these read as people write.
HINDI_MONTHS = (
    "जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर",
    "नवंबर", "दिसंबर",
)  # fmt: skip


def date_text(value: date, language: str) -> str:
    """'28 November' / '28 नवंबर': how the date is said to the person."""
    if language.startswith("hi"):
        return f"{value.day} {HINDI_MONTHS[value.month - 1]}"
    with translation.override(language):
        return formats.date_format(value, "j F")


def items_text(items: Sequence[OrderItem], language: str) -> str:
    """The first item's name in the language (and '+2' for two more), short enough for an SMS."""
    if not items:
        return ""
    first = items[0]
    name = (first.name_hi if language == "hi" and first.name_hi else first.name_en)[:ITEM_NAME_MAX]
    return name if len(items) == 1 else f"{name} +{len(items) - 1}"


def spoken_number(number: str) -> str:
    """'OD2611-7K3F9Q' -> 'O D 2 6 1 1, 7 K 3 F 9 Q': read out one character at a time."""
    return ", ".join(" ".join(part) for part in number.split("-") if part)


def public_url(path: str) -> str:
    base = str(fulfilment_setting("PUBLIC_BASE_URL") or "")
    if not base:
        try:
            from odopmart.notifications.conf import notification_setting

            base = str(notification_setting("CALLBACK_BASE_URL") or "")
        except KeyError:
            base = ""
    return f"{base.rstrip('/')}{path}"


def readiness_link(request_id: int) -> str:
    # `/a/?t=<token>`: DLT whitelists a dynamic URL up to and including its "?" (§6.1).
    return public_url(f"{reverse('fulfilment_link')}?t={link_token(request_id)}")


def _ask_context(request: ReadinessRequest, items: Sequence[OrderItem]) -> dict[str, str]:
    language = request.language
    return {
        "order_number": request.order.number,
        "item": items_text(items, language),
        "quantity": str(sum(item.quantity for item in items)),
        "ready_by": date_text(request.ready_by, language),
    }


def send_ask(request: ReadinessRequest, *, attempt: int, with_sms: bool) -> bool:
    """The SMS (first time) and call number `attempt` to the artisan. False: no usable phone."""
    phone = phone_e164(request.artisan.phone)
    if phone is None:
        return False
    items = list(request.items.order_by("pk"))
    context = _ask_context(request, items)
    if with_sms:
        notification_enqueue(
            channel=Channel.SMS,
            recipient=phone,
            template=texts.ASK_SMS,
            language=request.language,
            context={**context, "link": readiness_link(request.pk)},
            dedupe_key=f"readiness:{request.pk}:sms",
        )
    notification_enqueue(
        channel=Channel.VOICE,
        recipient=phone,
        template=texts.ASK_CALL,
        language=request.language,
        context={**context, "order_number": spoken_number(request.order.number)},
        dedupe_key=f"readiness:{request.pk}:call:{attempt}",
    )
    return True


def send_buyer_date_moved(request: ReadinessRequest) -> None:
    order = request.order
    phone = phone_e164(order.phone)
    if phone is None:
        logger.warning("Order %s has no mobile to tell about the new date", order.number)
        return
    language = (order.language or "en").split("-")[0]
    notification_enqueue(
        channel=Channel.SMS,
        recipient=phone,
        template=texts.BUYER_DATE_MOVED_SMS,
        language=language,
        context={"order_number": order.number, "ready_by": date_text(request.ready_by, language)},
        dedupe_key=f"readiness:{request.pk}:buyer-date:{request.ready_by.isoformat()}",
    )


def _alert_recipients(request: ReadinessRequest) -> Iterable[tuple[str, str, str]]:
    """(who, channel, address) for the vendor's contact and the operator's alert desk."""
    vendor = request.vendor
    for who, phone in (
        ("vendor", vendor.contact_phone or vendor.phone),
        ("operator", str(fulfilment_setting("OPERATOR_ALERT_PHONE") or "")),
    ):
        e164 = phone_e164(phone)
        if e164:
            yield who, Channel.SMS, e164
    for who, email in (
        ("vendor", vendor.contact_email or vendor.email),
        ("operator", str(fulfilment_setting("OPERATOR_ALERT_EMAIL") or "")),
    ):
        if email:
            yield who, Channel.EMAIL, email


def send_alerts(request: ReadinessRequest, task: HelplineTask, *, kind: str) -> int:
    """Tell the vendor and the operator that a request needs them (kind: 'cannot_make' or
    'unresolved'). Returns how many messages were written."""
    templates = {
        ("cannot_make", Channel.SMS): texts.CANNOT_MAKE_ALERT_SMS,
        ("cannot_make", Channel.EMAIL): texts.CANNOT_MAKE_ALERT_EMAIL,
        ("unresolved", Channel.SMS): texts.UNRESOLVED_ALERT_SMS,
        ("unresolved", Channel.EMAIL): texts.UNRESOLVED_ALERT_EMAIL,
    }
    language = "en"  # vendors have no language preference on record yet
    items = list(request.items.order_by("pk"))
    context = {
        "order_number": request.order.number,
        "item": items_text(items, language),
        "artisan": request.artisan.name_en[:40],
        "due": date_text(timezone.localdate(task.due_at), language),
        "url": public_url(reverse("fulfilment:readiness_detail", args=[request.pk])),
        "helpline": str(fulfilment_setting("HELPLINE_PHONE")),
    }
    sent = 0
    for who, channel, address in _alert_recipients(request):
        template = templates[(kind, channel)]
        notification_enqueue(
            channel=channel,
            recipient=address,
            template=template,
            language=language,
            context=context,
            dedupe_key=f"readiness:{request.pk}:alert:{kind}:{task.pk}:{who}:{channel}",
        )
        sent += 1
    return sent
