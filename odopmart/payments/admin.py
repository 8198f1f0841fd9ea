"""Operator console for payments: read-only records; refunds change only through the services
(mark a cash refund as paid back, send a failed refund again)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from odopmart.payments.exceptions import PaymentError
from odopmart.payments.models import Payment, PaymentEvent, Refund, WebhookEvent
from odopmart.payments.services import refund_mark_processed, refund_retry
from odopmart.payments.states import RefundStatus


class ReadOnlyAdmin(admin.ModelAdmin):
    """Money records are evidence: nobody edits or deletes them by hand."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class PaymentEventInline(admin.TabularInline):
    model = PaymentEvent
    extra = 0
    can_delete = False
    fields = ("at", "from_status", "to_status", "reason", "actor")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class RefundInline(admin.TabularInline):
    model = Refund
    extra = 0
    can_delete = False
    fields = ("created_at", "amount_paise", "status", "attempts", "gateway_refund_id", "reason")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Payment)
class PaymentAdmin(ReadOnlyAdmin):
    list_display = (
        "created_at", "order", "provider", "status", "amount_paise", "captured_paise",
        "refunded_paise", "method", "gateway_order_id",
    )  # fmt: skip
    list_filter = ("status", "provider", "method")
    search_fields = ("=order__number", "=gateway_order_id", "=gateway_payment_id")
    date_hierarchy = "created_at"
    list_select_related = ("order",)
    inlines = (PaymentEventInline, RefundInline)


@admin.register(PaymentEvent)
class PaymentEventAdmin(ReadOnlyAdmin):
    list_display = ("at", "payment", "from_status", "to_status", "reason", "actor")
    list_filter = ("to_status",)
    search_fields = ("=payment__order__number", "reason")
    list_select_related = ("payment", "actor")


@admin.register(Refund)
class RefundAdmin(ReadOnlyAdmin):
    list_display = (
        "created_at", "payment", "amount_paise", "status", "attempts", "next_attempt_at",
        "gateway_refund_id", "last_error",
    )  # fmt: skip
    list_filter = ("status", "payment__provider")
    search_fields = ("=payment__order__number", "=idempotency_key", "=gateway_refund_id")
    list_select_related = ("payment",)
    actions = ("mark_paid_back", "send_again")

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Needed for the actions; the form itself shows every field read-only.
        return bool(request.user.has_perm("payments.change_refund"))

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [field.name for field in Refund._meta.fields]

    @admin.action(description=_("Mark cash-on-delivery refunds as paid back"))
    def mark_paid_back(self, request: HttpRequest, queryset: QuerySet[Refund]) -> None:
        done = 0
        for refund in queryset.select_related("payment"):
            if refund.payment.provider == "cod" and refund.status == RefundStatus.PENDING:
                refund_mark_processed(refund, actor=request.user)
                done += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d refund marked paid back.", "%(count)d refunds marked paid back.", done
            )
            % {"count": done},
        )

    @admin.action(description=_("Send failed refunds again"))
    def send_again(self, request: HttpRequest, queryset: QuerySet[Refund]) -> None:
        for refund in queryset:
            try:
                refund_retry(refund, actor=request.user)
            except PaymentError as error:
                self.message_user(
                    request,
                    gettext("Refund %(id)s: %(error)s") % {"id": refund.pk, "error": error.message},
                    messages.WARNING,
                )


@admin.register(WebhookEvent)
class WebhookEventAdmin(ReadOnlyAdmin):
    list_display = (
        "received_at", "provider", "event_type", "event_id", "outcome", "signature_valid",
        "payment", "detail",
    )  # fmt: skip
    list_filter = ("outcome", "provider", "event_type", "signature_valid")
    search_fields = ("=event_id", "=payment__gateway_order_id", "detail")
    date_hierarchy = "received_at"
    list_select_related = ("payment",)
