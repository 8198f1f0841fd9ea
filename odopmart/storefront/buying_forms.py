"""Forms of the buyer's pages: cart buttons, checkout steps, cancel and return.

Forms only carry and shape input; prices, stock and the rules of what may be bought, cancelled or
returned are decided by the orders and payments services, whose errors end up on these forms.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from odopmart.accounts.forms import CodeForm, DescribedErrorsMixin, PhoneForm
from odopmart.orders.conf import orders_setting
from odopmart.orders.exceptions import OrderError
from odopmart.orders.returns import ReturnReason
from odopmart.orders.shipping import delivery_pincode_check
from odopmart.orders.states import PaymentMethod
from odopmart.regions.models import Pincode

__all__ = [
    "AddToCartForm",
    "AddressForm",
    "CancelForm",
    "CartLineForm",
    "CodeForm",
    "ContactForm",
    "PaymentForm",
    "ReturnForm",
    "pincode_clean",
]

# Above any quantity a shop would sell to one buyer; the cart service applies the real limit
# (stock and its per-line maximum). This only keeps absurd numbers out of the service call.
QUANTITY_CEILING = 999


def digits_ascii(text: str) -> str:
    """'२२६ ००१' -> '226001': digits of any script, spaces and dashes dropped."""
    out = []
    for char in text:
        if char.isspace() or char in "-–":
            continue
        if char.isdigit():
            out.append(str(unicodedata.digit(char)))
        else:
            out.append(char)
    return "".join(out)


def pincode_clean(raw: str) -> Pincode:
    """The PIN code row for `raw` if we deliver there, else a ValidationError saying why
    (the orders service decides; this only tidies what was typed)."""
    try:
        return delivery_pincode_check(digits_ascii(raw or ""))
    except OrderError as error:
        raise ValidationError(error.message, code=error.code) from None


class AddToCartForm(forms.Form):
    variant = forms.IntegerField(min_value=1, error_messages={"required": _("Choose an option.")})
    quantity = forms.IntegerField(
        label=_("Quantity"),
        initial=1,
        min_value=1,
        max_value=QUANTITY_CEILING,
        error_messages={
            "min_value": _("The quantity must be at least 1."),
            "max_value": _("That is more than we can sell in one order."),
            "invalid": _("Enter the quantity as a number."),
        },
    )


class CartLineForm(forms.Form):
    """One button on a cart line: change the quantity, remove, save for later, move to cart."""

    ACTIONS = ("increase", "decrease", "set", "remove", "save", "move")

    variant = forms.IntegerField(min_value=1)
    action = forms.ChoiceField(choices=[(a, a) for a in ACTIONS])
    quantity = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=QUANTITY_CEILING,
        error_messages={
            "min_value": _("The quantity can't be negative."),
            "max_value": _("That is more than we can sell in one order."),
            "invalid": _("Enter the quantity as a number."),
        },
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("action") == "set" and data.get("quantity") is None:
            self.add_error("quantity", _("Enter the quantity as a number."))
        return data


class ContactForm(PhoneForm):
    """A guest's mobile number (verified by a code next) and an optional email for the bill."""

    email = forms.EmailField(
        label=_("Email (optional)"),
        required=False,
        max_length=254,
        help_text=_("For a copy of the bill. Order updates come by SMS."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "inputmode": "email"}),
        error_messages={"invalid": _("Enter an email address like name@example.com.")},
    )


def address_label(address: Any) -> str:
    parts = [address.name, address.line1, address.line2, f"{address.city} {address.pincode}"]
    return ", ".join(part for part in parts if part)


class InvalidMarkedMixin(DescribedErrorsMixin):
    """Mark inputs with errors aria-invalid, so they are drawn (and read out) as wrong."""

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-invalid"] = "true"


class AddressForm(InvalidMarkedMixin):
    """A delivery address. The PIN code must be a known, deliverable one; it gives the state."""

    saved = forms.TypedChoiceField(
        label=_("Deliver to"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect,
    )
    name = forms.CharField(
        label=_("Full name"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    line1 = forms.CharField(
        label=_("House, street"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
    )
    line2 = forms.CharField(
        label=_("Area, landmark (optional)"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "address-line2"}),
    )
    city = forms.CharField(
        label=_("Town or city"),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    pincode = forms.CharField(
        label=_("PIN code"),
        max_length=12,
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "postal-code", "inputmode": "numeric", "placeholder": "226001"}
        ),
    )
    remember = forms.BooleanField(label=_("Save this address for next time"), required=False)

    REQUIRED = {
        "name": _("Enter the name of the person receiving the parcel."),
        "line1": _("Enter the house number and street."),
        "city": _("Enter the town or city."),
        "pincode": _("Enter the PIN code."),
    }

    def __init__(self, *args: Any, saved_addresses: list[Any] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.saved_addresses = {a.pk: a for a in saved_addresses or []}
        if self.saved_addresses:
            self.fields["saved"].choices = [
                *((pk, address_label(a)) for pk, a in self.saved_addresses.items()),
                ("", _("A new address")),
            ]
        else:
            del self.fields["saved"]
            del self.fields["remember"]
        self.pincode_row: Pincode | None = None

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        chosen = data.get("saved")
        if chosen is not None:
            address = self.saved_addresses.get(chosen)
            if address is None:  # someone else's or a stale id: the form never offered it
                self.add_error("saved", _("Choose one of your addresses."))
                return data
            data.update(
                name=address.name,
                line1=address.line1,
                line2=address.line2,
                city=address.city,
                pincode=address.pincode,
            )
        else:
            for name, message in self.REQUIRED.items():
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, message)
        if data.get("pincode") and "pincode" not in self.errors:
            try:
                self.pincode_row = pincode_clean(data["pincode"])
            except ValidationError as error:
                self.add_error("saved" if chosen is not None else "pincode", error)
            else:
                data["pincode"] = self.pincode_row.code
        return data


class PaymentForm(forms.Form):
    """The review step's button. The key makes a double tap place one order, not two; the total
    shown is sent back so a price change between showing and paying is caught, never charged."""

    payment_method = forms.ChoiceField(
        label=_("How would you like to pay?"),
        choices=PaymentMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose how you would like to pay.")},
    )
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)
    shown_total_paise = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args: Any, cod_allowed: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not cod_allowed:
            self.fields["payment_method"].choices = [
                (value, label)
                for value, label in PaymentMethod.choices
                if value != PaymentMethod.COD
            ]


CANCEL_REASONS = [
    ("changed_mind", _("I changed my mind")),
    ("ordered_by_mistake", _("I ordered by mistake")),
    ("found_cheaper", _("I found it cheaper elsewhere")),
    ("delivery_too_late", _("It will arrive too late")),
    ("other", _("Another reason")),
]


class CancelForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why are you cancelling?"),
        choices=CANCEL_REASONS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Tell us why you are cancelling.")},
    )
    details = forms.CharField(
        label=_("Anything else (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def reason_text(self) -> str:
        label = dict(CANCEL_REASONS)[self.cleaned_data["reason"]]
        details = self.cleaned_data.get("details", "").strip()
        # Stored in English (the event log is read by the operator); the buyer's words follow.
        from django.utils import translation

        with translation.override("en"):
            text = str(label)
        return f"{text}: {details}" if details else text


class MultipleImageInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.ImageField):
    """A few photos (ORDERS["RETURN_PHOTOS_MAX"]), each a real image within the size limit."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleImageInput(attrs={"accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        most = int(orders_setting("RETURN_PHOTOS_MAX"))
        if len(files) > most:
            raise ValidationError(_("Add at most %(max)s photos."), params={"max": most})
        limit = int(orders_setting("RETURN_PHOTO_MAX_BYTES"))
        cleaned = []
        for upload in files:
            if upload.size > limit:
                raise ValidationError(
                    _("Each photo must be smaller than %(mb)s MB."),
                    params={"mb": limit // (1024 * 1024)},
                )
            cleaned.append(super().clean(upload, initial))
        if self.required and not cleaned:
            raise ValidationError(self.error_messages["required"], code="required")
        return cleaned


class ReturnForm(forms.Form):
    reason_code = forms.ChoiceField(
        label=_("What is wrong?"),
        choices=ReturnReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Tell us why you are returning it.")},
    )
    details = forms.CharField(
        label=_("Tell us more"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    photos = MultipleImageField(
        label=_("Photos of the item"),
        required=False,
        help_text=_("A few clear photos help the seller approve the return quickly."),
        error_messages={"invalid_image": _("That file is not a photo we can open.")},
    )
