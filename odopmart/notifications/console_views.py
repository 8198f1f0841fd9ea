"""The operator's message console: every outgoing message with its status and history, with
resend and cancel. Operator admins and helpline agents only; everyone else gets a 404."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST, require_safe

from odopmart.accounts.models import StaffRole
from odopmart.accounts.roles import has_staff_role
from odopmart.notifications import selectors
from odopmart.notifications.models import Notification
from odopmart.notifications.services import (
    NotificationError,
    notification_cancel,
    notification_resend,
)
from odopmart.notifications.states import Channel, NotificationStatus

MESSAGES_PER_PAGE = 50
VIEWER_ROLES = (StaffRole.OPERATOR_ADMIN, StaffRole.HELPLINE)


def _require_viewer(request: HttpRequest) -> None:
    if not has_staff_role(request.user, *VIEWER_ROLES):
        raise Http404


def masked_phone(recipient: str) -> str:
    """All but the last four digits hidden: enough to tell messages apart, not to call."""
    if "@" in recipient:
        name, _, domain = recipient.partition("@")
        return f"{name[:1]}•••@{domain}"
    return "•" * max(len(recipient) - 4, 0) + recipient[-4:]


def _shown_recipient(request: HttpRequest, recipient: str) -> str:
    return recipient if request.user.is_superuser else masked_phone(recipient)


@login_required
@require_safe
def message_list(request: HttpRequest) -> HttpResponse:
    _require_viewer(request)
    statuses = {value for value, _label in NotificationStatus.choices}
    channels = {value for value, _label in Channel.choices}
    filters = selectors.MessageFilters(
        status=request.GET.get("status", "") if request.GET.get("status") in statuses else "",
        channel=request.GET.get("channel", "") if request.GET.get("channel") in channels else "",
        template=request.GET.get("template", "")[:64],
        phone=request.GET.get("phone", "")[:20],
    )
    page = Paginator(selectors.notification_list_for_console(filters), MESSAGES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    for message in page.object_list:
        message.shown_recipient = _shown_recipient(request, message.recipient)
    query = request.GET.copy()
    query.pop("page", None)
    counts = selectors.notification_status_counts()
    return render(
        request,
        "notifications/console/list.html",
        {
            "section": "messages",
            "page": page,
            "filters": filters,
            "query": query.urlencode(),
            "status_tabs": [
                (value, label, counts.get(value, 0)) for value, label in NotificationStatus.choices
            ],
            "channels": Channel.choices,
            "templates": selectors.notification_templates_used(),
            "total": sum(counts.values()),
        },
    )


def _detail_context(request: HttpRequest, notification: Notification) -> dict[str, Any]:
    return {
        "section": "messages",
        "message": notification,
        "shown_recipient": _shown_recipient(request, notification.recipient),
        "events": selectors.notification_events(notification),
        "callbacks": selectors.notification_callbacks(notification),
        "can_resend": notification.status
        in (
            NotificationStatus.SENT,
            NotificationStatus.DELIVERED,
            NotificationStatus.FAILED,
            NotificationStatus.CANCELLED,
        ),  # fmt: skip
        "can_cancel": notification.status == NotificationStatus.QUEUED,
    }


@login_required
@require_safe
def message_detail(request: HttpRequest, notification_id: int) -> HttpResponse:
    _require_viewer(request)
    notification = get_object_or_404(Notification, pk=notification_id)
    return render(
        request, "notifications/console/detail.html", _detail_context(request, notification)
    )


@login_required
@require_POST
def message_resend(request: HttpRequest, notification_id: int) -> HttpResponse:
    _require_viewer(request)
    get_object_or_404(Notification.objects.only("pk"), pk=notification_id)
    try:
        notification_resend(notification_id=notification_id, actor=request.user)
    except NotificationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, gettext("The message is queued to be sent again."))
    return redirect("messages_console:detail", notification_id=notification_id)


@login_required
@require_POST
def message_cancel(request: HttpRequest, notification_id: int) -> HttpResponse:
    _require_viewer(request)
    get_object_or_404(Notification.objects.only("pk"), pk=notification_id)
    try:
        notification_cancel(
            notification_id=notification_id,
            actor=request.user,
            reason=gettext("Cancelled by an operator."),
        )
    except NotificationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, gettext("The message is cancelled."))
    return redirect("messages_console:detail", notification_id=notification_id)
