"""Operator console: people's profiles and staff roles, sign-in codes (for the helpline: did the
code go out?) and API tokens (revoke a lost phone's sign-in)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from odopmart.accounts.models import ApiToken, OtpChallenge, Profile, StaffRoleGrant
from odopmart.accounts.services import api_token_revoke


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ("phone", "user", "preferred_language", "phone_verified_at")
    list_filter = ("preferred_language",)
    list_select_related = ("user",)
    search_fields = ("=phone", "user__username")
    raw_id_fields = ("user",)
    readonly_fields = ("phone_verified_at",)


@admin.register(StaffRoleGrant)
class StaffRoleGrantAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "granted_at")
    list_filter = ("role",)
    list_select_related = ("user",)
    search_fields = ("user__username", "user__profile__phone")
    raw_id_fields = ("user",)


@admin.register(OtpChallenge)
class OtpChallengeAdmin(admin.ModelAdmin):
    list_display = (
        "created_at", "phone", "purpose", "status", "wrong_attempts", "expires_at",
        "sms_status", "requested_from",
    )  # fmt: skip
    list_filter = ("status", "purpose")
    list_select_related = ("notification",)
    search_fields = ("=phone", "=requested_from")
    date_hierarchy = "created_at"
    ordering = ("-created_at", "-pk")
    exclude = ("code_salt", "code_hash")

    @admin.display(description=_("SMS"))
    def sms_status(self, challenge: OtpChallenge) -> str:
        notification = challenge.notification
        return notification.get_status_display() if notification else "—"

    def get_readonly_fields(self, request: HttpRequest, obj: object = None) -> list[str]:
        return [f.name for f in OtpChallenge._meta.fields if f.name not in self.exclude]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("prefix", "user", "name", "created_at", "last_used_at", "revoked_at")
    list_filter = (("revoked_at", admin.EmptyFieldListFilter),)
    list_select_related = ("user",)
    search_fields = ("=prefix", "user__username", "user__profile__phone")
    readonly_fields = ("user", "prefix", "name", "created_at", "last_used_at", "revoked_at")
    exclude = ("token_hash",)
    actions = ("revoke",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=_("Revoke the selected tokens"), permissions=["change"])
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        count = 0
        for token in queryset.filter(revoked_at__isnull=True).order_by("pk"):
            api_token_revoke(token_id=token.pk, actor=request.user)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d token revoked.", "%(count)d tokens revoked.", count)
            % {"count": count},
            messages.SUCCESS,
        )
