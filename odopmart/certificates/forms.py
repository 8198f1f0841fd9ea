from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from odopmart.certificates.codes import code_normalise


class CertificateLookupForm(forms.Form):
    code = forms.CharField(
        label=_("Certificate code"),
        max_length=40,
        help_text=_("12 letters and digits, printed under the QR code, e.g. 7K3F-9QX2-M4TD"),
    )

    def clean_code(self) -> str:
        code = code_normalise(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                _("That is not a certificate code. It has 12 letters and digits."),
                code="invalid",
            )
        return code
