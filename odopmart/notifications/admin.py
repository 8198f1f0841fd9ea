"""Operator console: every message the marketplace sent or tried to send, with its history.

Messages are read-only here; they change only through the resend and cancel actions, which go
through the outbox services.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from odopmart.notifications.models import Notification, NotificationCallback, NotificationEvent
from odopmart.notifications.services import (
    NotificationError,
    notification_cancel,
    notification_resend,
)


class NotificationEventInline(admin.TabularInline):
    model = NotificationEvent
    extra = 0
    can_delete = False
    fields = (
        "created_at", "kind", "from_status", "to_status", "attempt", "provider", "detail", "actor",
    )  # fmt: skip
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


class NotificationCallbackInline(admin.TabularInline):
    model = NotificationCallback
    extra = 0
    can_delete = False
    fields = ("received_at", "provider", "kind", "status", "digits", "outcome", "detail")
    readonly_fields = fields
    ordering = ("-received_at",)

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = (
        "created_at", "channel", "recipient", "template", "language", "status", "attempts",
        "next_attempt_at", "provider",
    )  # fmt: skip
    list_filter = ("status", "channel", "template", "language", "provider")
    search_fields = ("=recipient", "=dedupe_key", "=provider_message_id")
    date_hierarchy = "created_at"
    ordering = ("-created_at", "-pk")
    actions = ("resend", "cancel")
    inlines = (NotificationEventInline, NotificationCallbackInline)
    fieldsets = (
        (None, {"fields": ("channel", "recipient", "language", "template", "body", "context")}),
        (
            _("Delivery"),
            {
                "fields": (
                    "status",
                    "attempts",
                    "next_attempt_at",
                    "last_attempt_at",
                    "expires_at",
                    "sent_at",
                    "last_error",
                    "provider",
                    "provider_message_id",
                    "dlt_template_id",
                    "dedupe_key",
                    "created_at",
                )
            },
        ),
        (_("Voice answer"), {"fields": ("allowed_keys", "response_key", "responded_at")}),
    )  # fmt: skip

    def get_readonly_fields(self, request: HttpRequest, obj: object = None) -> list[str]:
        return [field.name for field in Notification._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def _apply(self, request: HttpRequest, queryset: QuerySet[Notification], action: str) -> int:
        done = 0
        for notification in queryset.order_by("pk"):
            try:
                if action == "resend":
                    notification_resend(notification_id=notification.pk, actor=request.user)
                else:
                    notification_cancel(
                        notification_id=notification.pk,
                        actor=request.user,
                        reason=gettext("Cancelled by an operator."),
                    )
            except NotificationError as error:
                self.message_user(request, f"{notification}: {error}", messages.WARNING)
                continue
            done += 1
        return done

    @admin.action(description=_("Send the selected messages again"), permissions=["change"])
    def resend(self, request: HttpRequest, queryset: QuerySet[Notification]) -> None:
        done = self._apply(request, queryset, "resend")
        if done:
            self.message_user(
                request,
                ngettext(
                    "%(count)d message queued again.", "%(count)d messages queued again.", done
                )
                % {"count": done},
                messages.SUCCESS,
            )

    @admin.action(description=_("Cancel the selected queued messages"), permissions=["change"])
    def cancel(self, request: HttpRequest, queryset: QuerySet[Notification]) -> None:
        done = self._apply(request, queryset, "cancel")
        if done:
            self.message_user(
                request,
                ngettext("%(count)d message cancelled.", "%(count)d messages cancelled.", done)
                % {"count": done},
                messages.SUCCESS,
            )


@admin.register(NotificationCallback)
class NotificationCallbackAdmin(admin.ModelAdmin):
    """Every provider callback, forged and repeated ones included; read-only."""

    list_display = (
        "received_at", "provider", "kind", "external_id", "status", "digits", "outcome",
        "signature_valid", "notification",
    )  # fmt: skip
    list_filter = ("provider", "kind", "outcome", "signature_valid")
    search_fields = ("=external_id", "=notification__recipient")
    date_hierarchy = "received_at"
    ordering = ("-received_at", "-pk")
    list_select_related = ("notification",)
    raw_id_fields = ("notification",)

    def get_readonly_fields(self, request: HttpRequest, obj: object = None) -> list[str]:
        return [field.name for field in NotificationCallback._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
