from __future__ import annotations

from django.contrib import admin

from odopmart.ledger.models import (
    ArtisanShareRule,
    CommissionRule,
    ItemAccrual,
    JournalEntry,
    LedgerAccount,
    Posting,
    StatutoryRate,
)


@admin.register(LedgerAccount)
class LedgerAccountAdmin(admin.ModelAdmin):
    list_display = ("kind", "vendor", "artisan")
    list_filter = ("kind",)
    raw_id_fields = ("vendor", "artisan")


class PostingInline(admin.TabularInline):
    model = Posting
    extra = 0
    can_delete = False
    readonly_fields = ("account", "amount_paise")

    def has_add_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False


@admin.register(JournalEntry)
class JournalEntryAdmin(admin.ModelAdmin):
    list_display = ("occurred_on", "kind", "dedupe_key", "order", "memo")
    list_filter = ("kind",)
    search_fields = ("dedupe_key", "order__number", "memo")
    date_hierarchy = "occurred_on"
    inlines = [PostingInline]
    raw_id_fields = ("order", "seller_order", "item", "actor")

    # The books are written by the services only.
    def has_add_permission(self, request) -> bool:  # noqa: ANN001
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False


@admin.register(Posting)
class PostingAdmin(admin.ModelAdmin):
    list_display = ("entry", "account", "amount_paise")
    list_select_related = ("entry", "account")
    raw_id_fields = ("entry", "account")

    def has_add_permission(self, request) -> bool:  # noqa: ANN001
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False


@admin.register(StatutoryRate)
class StatutoryRateAdmin(admin.ModelAdmin):
    list_display = ("kind", "rate_bp", "effective_from", "effective_to", "legal_reference")
    list_filter = ("kind",)


@admin.register(CommissionRule)
class CommissionRuleAdmin(admin.ModelAdmin):
    list_display = ("rate_bp", "vendor", "category", "effective_from", "effective_to")
    list_filter = ("category",)
    raw_id_fields = ("vendor",)


@admin.register(ArtisanShareRule)
class ArtisanShareRuleAdmin(admin.ModelAdmin):
    list_display = ("vendor", "rate_bp", "effective_from")
    raw_id_fields = ("vendor",)


@admin.register(ItemAccrual)
class ItemAccrualAdmin(admin.ModelAdmin):
    """Read only: written by the recognition run with its ledger entries."""

    list_display = (
        "item", "vendor", "recognised_on", "supplied_on", "gross_paise", "commission_paise",
        "tds_paise", "vendor_net_paise", "returned",
    )  # fmt: skip
    list_filter = ("supplier_registration", "returned", "supply_type")
    search_fields = ("order__number", "vendor_gstin", "vendor__name_en", "enrolment_number")
    date_hierarchy = "recognised_on"
    list_select_related = ("item", "vendor")
    raw_id_fields = ("item", "order", "seller_order", "vendor", "artisan", "tcs_rate", "tds_rate")

    def has_add_permission(self, request) -> bool:  # noqa: ANN001
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False
