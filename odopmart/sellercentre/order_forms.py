"""Forms of the seller centre's order pages: list filters, cancelling, deciding on returns."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from odopmart.orders.states import ReturnStatus, SellerOrderStatus

# Statuses a vendor sees (an order awaiting payment is not theirs to act on yet).
VENDOR_STATUSES = [
    (value, label)
    for value, label in SellerOrderStatus.choices
    if value != SellerOrderStatus.PENDING_PAYMENT
]
RETURN_STATUSES = list(ReturnStatus.choices)


class SellerOrderFilterForm(forms.Form):
    status = forms.ChoiceField(choices=[("", _("All")), *VENDOR_STATUSES], required=False)
    q = forms.CharField(label=_("Order number"), max_length=30, required=False, strip=True)
    vendor = forms.IntegerField(min_value=1, max_value=2**63 - 1, required=False)

    def filters(self) -> tuple[str, str, int | None]:
        """(status, search, vendor id); invalid parts are ignored, never an error page."""
        if not self.is_bound:
            return "", "", None
        self.is_valid()
        data: dict[str, Any] = getattr(self, "cleaned_data", {})
        return data.get("status") or "", data.get("q") or "", data.get("vendor")


class ReturnFilterForm(forms.Form):
    status = forms.ChoiceField(choices=[("", _("All")), *RETURN_STATUSES], required=False)

    def filters(self) -> str:
        if not self.is_bound or not self.is_valid():
            return ""
        return self.cleaned_data.get("status") or ""


class CancelReason(models.TextChoices):
    OUT_OF_STOCK = "out_of_stock", _("Out of stock")
    ARTISAN_UNAVAILABLE = "artisan_unavailable", _("The artisan cannot make it in time")
    DAMAGED = "damaged", _("Damaged or not good enough to send")
    CANNOT_SHIP = "cannot_ship", _("Cannot ship to this address")
    OTHER = "other", _("Other")


class SellerOrderCancelForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why are you cancelling?"), choices=CancelReason.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Details for the buyer"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The buyer sees this. The full amount of these items is refunded."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("reason") == CancelReason.OTHER and not data.get("note"):
            self.add_error("note", _("Please say why."))
        return data

    def reason_text(self) -> str:
        """The reason as written into the order's history (the label, then the note)."""
        label = str(CancelReason(self.cleaned_data["reason"]).label)
        note = self.cleaned_data.get("note", "")
        return f"{label}: {note}" if note else label


class ReturnDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve the return")), ("reject", _("Reject the return"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note for the buyer"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "reject" and not data.get("note"):
            self.add_error("note", _("Say why the return is rejected."))
        return data

    @property
    def approve(self) -> bool:
        return self.cleaned_data["decision"] == "approve"
