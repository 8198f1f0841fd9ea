"""Forms of the helpline and seller-centre readiness pages."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from odopmart.fulfilment.states import Answer, CallOutcome
from odopmart.sellers.models import Artisan


class AnswerForm(forms.Form):
    answer = forms.TypedChoiceField(choices=Answer.choices, coerce=int)
    new_date = forms.DateField(required=False)
    # The date the person saw: if it changed meanwhile, a repeated "2" does not move it twice.
    from_date = forms.DateField(required=False)
    days = forms.IntegerField(required=False, min_value=1, max_value=60)


class HelplineCallForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("What happened on the call?"), choices=CallOutcome.choices,
        widget=forms.RadioSelect,
    )  # fmt: skip
    new_date = forms.DateField(
        label=_("New ready-by date (if they need more days)"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )  # fmt: skip
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReassignForm(forms.Form):
    artisan = forms.ModelChoiceField(label=_("Give to"), queryset=Artisan.objects.none())
    reason = forms.CharField(label=_("Why"), max_length=500)

    def __init__(self, *args: object, candidates: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if candidates is not None:
            self.fields["artisan"].queryset = candidates  # type: ignore[attr-defined]


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Why"), max_length=500)
