from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from odopmart.grievances.exceptions import GrievanceError
from odopmart.grievances.services import DESCRIPTION_MAX, phone_clean
from odopmart.grievances.states import GrievanceCategory


class ComplaintForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    phone = forms.CharField(
        label=_("Mobile number"),
        max_length=32,
        help_text=_("We send the ticket number and updates to this number."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(label=_("Email (optional)"), required=False)
    order_number = forms.CharField(
        label=_("Order number (optional)"),
        max_length=20,
        required=False,
        help_text=_("As on your order confirmation, e.g. OD2606-7K3F9Q."),
    )
    category = forms.ChoiceField(
        label=_("What is it about?"),
        choices=[("", _("Choose one")), *GrievanceCategory.choices],
    )
    description = forms.CharField(
        label=_("What happened?"),
        max_length=DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    attachment = forms.FileField(
        label=_("Photo or document (optional)"),
        required=False,
        help_text=_("A photo (JPEG or PNG) or a PDF, up to 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,application/pdf"}),
    )

    def clean_phone(self) -> str:
        # Checked here too, so a wrong number is pointed out together with the other fields.
        try:
            return phone_clean(self.cleaned_data["phone"])
        except GrievanceError as error:
            raise forms.ValidationError(error.message, code=error.code) from None


class StatusForm(forms.Form):
    ticket = forms.CharField(label=_("Ticket number"), max_length=20)
    phone = forms.CharField(
        label=_("Mobile number given with the complaint"),
        max_length=32,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
    )


class ActionForm(forms.Form):
    ACTIONS = ("acknowledge", "reply", "note", "resolve")
    action = forms.ChoiceField(choices=[(a, a) for a in ACTIONS], widget=forms.HiddenInput)
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
