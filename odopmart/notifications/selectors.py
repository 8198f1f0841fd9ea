"""Reads for the operator's message console."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from odopmart.notifications.models import Notification, NotificationCallback, NotificationEvent

# Columns the list shows: the body, context and sealed values stay in the database.
LIST_FIELDS = (
    "id", "channel", "recipient", "language", "template", "status", "attempts",
    "next_attempt_at", "last_error", "provider", "created_at", "sent_at", "response_key",
)  # fmt: skip


@dataclass(frozen=True)
class MessageFilters:
    status: str = ""
    channel: str = ""
    template: str = ""
    phone: str = ""


def phone_digits(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    # Numbers are stored as +91 and ten digits; the last ten find them however typed.
    return digits[-10:] if len(digits) >= 10 else digits


def notification_list_for_console(filters: MessageFilters) -> QuerySet[Notification]:
    messages = Notification.objects.only(*LIST_FIELDS).order_by("-created_at", "-pk")
    if filters.status:
        messages = messages.filter(status=filters.status)
    if filters.channel:
        messages = messages.filter(channel=filters.channel)
    if filters.template:
        messages = messages.filter(template=filters.template)
    digits = phone_digits(filters.phone)
    if digits:
        if len(digits) == 10:
            messages = messages.filter(recipient__endswith=digits)
        else:
            messages = messages.filter(recipient__contains=digits)
    return messages


def notification_status_counts() -> dict[str, int]:
    rows = Notification.objects.order_by().values("status").annotate(count=Count("pk"))
    return {row["status"]: row["count"] for row in rows}


def notification_templates_used() -> list[str]:
    return list(
        Notification.objects.order_by("template").values_list("template", flat=True).distinct()
    )


def notification_events(notification: Notification) -> QuerySet[NotificationEvent]:
    return notification.events.select_related("actor").order_by("created_at", "pk")


def notification_callbacks(
    notification: Notification, limit: int = 50
) -> list[NotificationCallback]:
    return list(notification.callbacks.defer("payload").order_by("-received_at", "-pk")[:limit])
