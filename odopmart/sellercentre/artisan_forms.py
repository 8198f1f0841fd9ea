"""The one form of the artisan's own page: how many of an item are ready."""

from __future__ import annotations

import re
import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from odopmart.catalog.listing_issues import ISSUE_MESSAGES
from odopmart.catalog.listing_services import MAX_STOCK

_WHOLE_NUMBER = re.compile(r"-?\d+")


def _ascii_digits(text: str) -> str:
    """Digits of any script (Devanagari ०-९ from a Hindi keyboard too) as ASCII digits."""
    return "".join(str(unicodedata.decimal(char)) if char.isdecimal() else char for char in text)


class StockCountForm(forms.Form):
    """A whole number as typed or sent by the − / + buttons. Its range is the catalogue's rule
    (`variant_set_stock` refuses negative and absurd numbers, naming the field)."""

    stock = forms.CharField(
        label=_("How many are ready to sell?"),
        widget=forms.TextInput(
            attrs={
                "class": "am-input",
                "inputmode": "numeric",
                "autofocus": True,
                "autocomplete": "off",
                "pattern": "[0-9०-९]*",
                "maxlength": len(str(MAX_STOCK)),
            }
        ),
        error_messages={"required": ISSUE_MESSAGES["required"]},
    )

    def clean_stock(self) -> int:
        text = _ascii_digits(self.cleaned_data["stock"].strip().replace(",", ""))
        if not _WHOLE_NUMBER.fullmatch(text):
            raise forms.ValidationError(ISSUE_MESSAGES["whole_number"], code="whole_number")
        if len(text.lstrip("-")) > len(str(MAX_STOCK)):
            raise forms.ValidationError(
                ISSUE_MESSAGES["number_too_large"] % {"max": MAX_STOCK}, code="number_too_large"
            )
        return int(text)
