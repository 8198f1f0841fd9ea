"""Operator admin: certificates are read-only (issued by the shipping flow); staff with the
permission may withdraw them, with a reason. The lookup log is read-only."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from odopmart.certificates.exceptions import CertificateError
from odopmart.certificates.models import (
    Certificate,
    CertificateVerification,
    VerificationOutcome,
)
from odopmart.certificates.services import (
    certificate_can_revoke,
    certificate_verify,
    certificates_revoke,
)


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is it withdrawn? (kept with the certificate, not shown to the public)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class _ReadOnly(admin.ModelAdmin):
    """Pages to look at, never forms: the only write is the withdraw action."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Certificate)
class CertificateAdmin(_ReadOnly):
    list_display = [
        "display_code", "odop_product_name_en", "district_name_en", "artisan_name_en",
        "vendor_name_en", "seller_order_number", "issued_at", "revoked_at",
    ]  # fmt: skip
    list_filter = ["revoked_at", "issued_at"]
    search_fields = ["code", "seller_order_number", "artisan_name_en", "vendor_gstin"]
    date_hierarchy = "issued_at"
    list_select_related = False
    actions = ["revoke_certificates"]
    readonly_fields = ["page_link", "verdict", "display_code"]
    fieldsets = [
        (None, {"fields": ["display_code", "page_link", "verdict", "item"]}),
        (
            _("What it certifies"),
            {
                "fields": [
                    "seller_order_number",
                    "product_name_en",
                    "product_name_hi",
                    "odop_product_name_en",
                    "odop_product_name_hi",
                    "gi_tag",
                    "district_name_en",
                    "district_name_hi",
                    "state_name_en",
                    "state_name_hi",
                    "artisan_name_en",
                    "artisan_name_hi",
                    "artisan_district_en",
                    "artisan_district_hi",
                    "vendor_name_en",
                    "vendor_name_hi",
                    "vendor_gstin",
                    "quantity",
                    "dispatched_on",
                ]
            },
        ),  # fmt: skip
        (_("Signature"), {"fields": ["key_id", "signature", "payload", "issued_at", "issued_by"]}),
        (_("Withdrawn"), {"fields": ["revoked_at", "revoked_by", "revoke_reason"]}),
    ]

    def has_revoke_permission(self, request: HttpRequest) -> bool:
        return certificate_can_revoke(request.user)

    @admin.display(description=_("Public page"))
    def page_link(self, certificate: Certificate) -> SafeString:
        url = certificate.get_absolute_url()
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, url)

    @admin.display(description=_("Verification now"))
    def verdict(self, certificate: Certificate) -> str:
        return str(VerificationOutcome(certificate_verify(certificate.code).status).label)

    @admin.action(description=_("Withdraw selected certificates"), permissions=["revoke"])
    def revoke_certificates(
        self, request: HttpRequest, queryset: QuerySet[Certificate]
    ) -> HttpResponse | None:
        form = RevokeForm(request.POST if "apply" in request.POST else None)
        if not (form.is_bound and form.is_valid()):
            return TemplateResponse(
                request,
                "admin/certificates/certificate/revoke.html",
                {
                    **self.admin_site.each_context(request),
                    "title": gettext("Withdraw these certificates?"),
                    "opts": self.model._meta,
                    "certificates": list(queryset.order_by("pk")),
                    "form": form,
                    "action": "revoke_certificates",
                    "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
                },
            )
        try:
            done = certificates_revoke(
                queryset.order_by("pk"), actor=request.user, reason=form.cleaned_data["reason"]
            )
        except CertificateError as error:
            self.message_user(request, error.message, messages.ERROR)
            return None
        self.message_user(
            request,
            ngettext(
                "%(count)d certificate withdrawn.", "%(count)d certificates withdrawn.", len(done)
            )
            % {"count": len(done)},
            messages.SUCCESS,
        )
        return None


@admin.register(CertificateVerification)
class CertificateVerificationAdmin(_ReadOnly):
    list_display = ["at", "code", "outcome", "channel", "certificate"]
    list_filter = ["outcome", "channel", "at"]
    search_fields = ["code"]
    date_hierarchy = "at"
    list_select_related = ["certificate"]
