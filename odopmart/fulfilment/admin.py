"""Admin for readiness: read-mostly views (status changes go through the services)."""

from __future__ import annotations

from django.contrib import admin

from odopmart.fulfilment.models import (
    HelplineCallLog,
    HelplineTask,
    ReadinessEvent,
    ReadinessRequest,
)


class ReadinessEventInline(admin.TabularInline):
    model = ReadinessEvent
    extra = 0
    can_delete = False
    fields = ("at", "kind", "from_status", "to_status", "channel", "actor", "reason", "data")
    readonly_fields = fields

    def has_add_permission(self, request: object, obj: object = None) -> bool:
        return False


class HelplineTaskInline(admin.TabularInline):
    model = HelplineTask
    extra = 0
    can_delete = False
    fields = ("kind", "status", "assigned_to", "due_at", "alerted_at", "closed_at")
    readonly_fields = fields
    show_change_link = True

    def has_add_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(ReadinessRequest)
class ReadinessRequestAdmin(admin.ModelAdmin):
    list_display = (
        "pk", "order", "artisan", "vendor", "status", "ready_by", "call_attempts",
        "answer_channel", "created_at",
    )  # fmt: skip
    list_filter = ("status", "answer_channel", "resolution")
    search_fields = ("order__number", "artisan__name_en", "artisan__phone", "vendor__name_en")
    date_hierarchy = "created_at"
    raw_id_fields = ("order", "seller_order", "artisan", "vendor", "answered_by", "reassigned_to")
    readonly_fields = (
        "order", "seller_order", "artisan", "vendor", "items", "status", "resolution",
        "answer", "answer_channel", "answered_at", "answered_by", "call_attempts",
        "first_ready_by", "reassigned_to", "created_at", "updated_at",
    )  # fmt: skip
    inlines = [HelplineTaskInline, ReadinessEventInline]
    list_select_related = ("order", "artisan", "artisan__district", "vendor")


class HelplineCallLogInline(admin.TabularInline):
    model = HelplineCallLog
    extra = 0
    can_delete = False
    fields = ("at", "agent", "outcome", "new_ready_by", "notes")
    readonly_fields = fields

    def has_add_permission(self, request: object, obj: object = None) -> bool:
        return False


@admin.register(HelplineTask)
class HelplineTaskAdmin(admin.ModelAdmin):
    list_display = ("pk", "request", "kind", "status", "assigned_to", "due_at", "alerted_at")
    list_filter = ("status", "kind")
    search_fields = ("request__order__number", "request__artisan__name_en")
    raw_id_fields = ("request", "assigned_to")
    readonly_fields = ("request", "kind", "created_at", "alerted_at", "closed_at")
    inlines = [HelplineCallLogInline]
    list_select_related = ("request", "assigned_to")


@admin.register(HelplineCallLog)
class HelplineCallLogAdmin(admin.ModelAdmin):
    list_display = ("pk", "task", "agent", "outcome", "at")
    list_filter = ("outcome",)
    raw_id_fields = ("task", "agent")

    def has_change_permission(self, request: object, obj: object = None) -> bool:
        return False
