"""Forms of the sign-in pages. Services do the checking; forms carry input and errors."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from odopmart.accounts.exceptions import AuthError
from odopmart.accounts.models import StaffRole
from odopmart.accounts.net import client_ip
from odopmart.accounts.phone import MAX_INPUT_LENGTH, phone_normalize
from odopmart.accounts.roles import has_staff_role
from odopmart.accounts.services import staff_login_check, staff_login_failed

# Each language named in itself, as a language menu should.
LANGUAGE_SELF_NAMES = {"en": "English", "hi": "हिन्दी"}


class DescribedErrorsMixin(forms.Form):
    """Point screen readers from each input to its hint and its errors (see _field.html)."""

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                field = self.fields[name]
                ids = [f"id_{name}_helptext"] if field.help_text else []
                field.widget.attrs["aria-describedby"] = " ".join([*ids, f"id_{name}_error"])


class PhoneForm(DescribedErrorsMixin):
    phone = forms.CharField(
        label=_("Mobile number"),
        help_text=_("Indian mobile numbers only (+91)."),
        max_length=MAX_INPUT_LENGTH * 2,
        error_messages={"required": _("Enter your mobile number.")},
        widget=forms.TextInput(
            attrs={
                "inputmode": "tel",
                "autocomplete": "tel",
                "placeholder": "98765 43210",
                "autofocus": True,
            }
        ),
    )

    def clean_phone(self) -> str:
        try:
            return phone_normalize(self.cleaned_data["phone"])
        except AuthError as error:
            raise ValidationError(error.message, code=error.code) from None


class CodeForm(DescribedErrorsMixin):
    code = forms.CharField(
        label=_("6-digit code"),
        max_length=20,
        error_messages={"required": _("Enter the 6-digit code from the SMS.")},
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "one-time-code",
                "autofocus": True,
                "style": "font-size:1.4rem;letter-spacing:0.3em",
            }
        ),
    )


class LanguageForm(forms.Form):
    preferred_language = forms.ChoiceField(
        label=_("Language for pages, SMS and calls"),
        choices=[(code, LANGUAGE_SELF_NAMES.get(code, code)) for code, _n in settings.LANGUAGES],
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose one of the languages shown.")},
    )


# The storefront's stylesheet styles text inputs only; a password box should look the same.
INPUT_STYLE = (
    "font:inherit;padding:0.6rem 0.7rem;border:1px solid #b8a898;border-radius:8px;"
    "background:#fff;min-height:2.9rem;width:100%"
)


class StaffAuthenticationForm(AuthenticationForm):
    """Password sign-in for the operator's staff only, with wrong passwords counted."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["password"].widget.attrs["style"] = INPUT_STYLE

    error_messages = {
        **AuthenticationForm.error_messages,
        "not_staff": _(
            "This sign-in is for the operator's staff. Shoppers and sellers sign in with "
            "their mobile number."
        ),
    }

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        ip = client_ip(self.request) if self.request is not None else None
        if username:
            try:
                staff_login_check(username=username, ip=ip)
            except AuthError as error:
                raise ValidationError(error.message, code=error.code) from None
        try:
            return super().clean()
        except ValidationError as error:
            if error.code == "invalid_login":
                staff_login_failed(username=username, ip=ip)
            raise

    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)
        if not (user.is_staff or has_staff_role(user, *StaffRole.values)):
            raise ValidationError(self.error_messages["not_staff"], code="not_staff")
