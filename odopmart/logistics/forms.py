from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from odopmart.logistics.states import SHIPMENT_TRANSITIONS, ShipmentStatus


class ManualStatusForm(forms.Form):
    """What staff enter for an operator-managed shipment."""

    awb = forms.CharField(label=_("AWB number"), max_length=40, required=False)
    courier_name = forms.CharField(label=_("Courier"), max_length=80, required=False)
    status = forms.ChoiceField(label=_("New status"), required=False)
    pickup_date = forms.DateField(
        label=_("Pickup date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    pickup_start = forms.TimeField(
        label=_("Pickup from"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    pickup_end = forms.TimeField(
        label=_("Pickup until"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    note = forms.CharField(
        label=_("Note"), required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args: Any, current_status: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        allowed = SHIPMENT_TRANSITIONS[current_status]
        self.fields["status"].choices = [("", _("— no change —"))] + [
            (value, label) for value, label in ShipmentStatus.choices if value in allowed
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        parts = [data.get("pickup_date"), data.get("pickup_start"), data.get("pickup_end")]
        if any(parts) and not all(parts):
            raise forms.ValidationError(_("Give the pickup date and both times, or none."))
        return data

    def pickup_window(self) -> tuple[dt.datetime, dt.datetime] | None:
        day = self.cleaned_data.get("pickup_date")
        if not day:
            return None
        zone = timezone.get_current_timezone()
        return (
            dt.datetime.combine(day, self.cleaned_data["pickup_start"], zone),
            dt.datetime.combine(day, self.cleaned_data["pickup_end"], zone),
        )


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Why is it cancelled?"), max_length=500)
