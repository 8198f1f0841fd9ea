"""Forms of the seller centre: onboarding steps, profile, KYC documents, artisans, moderation.

Each form checks what a person typed and reports problems next to the field, in their language;
the services check the business rules again before anything is saved.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from odopmart.odop.models import OdopProduct
from odopmart.regions.models import District, Pincode
from odopmart.sellers import validators
from odopmart.sellers.models import (
    Artisan,
    DocumentKind,
    Language,
    Vendor,
    VendorStatus,
    VendorType,
)
from odopmart.sellers.selectors import artisan_may_make

UPPER_CODE_ATTRS = {"autocapitalize": "characters", "autocomplete": "off", "spellcheck": "false"}


def _code_input(max_length: int) -> forms.TextInput:
    return forms.TextInput(attrs={**UPPER_CODE_ATTRS, "maxlength": str(max_length + 4)})


def _pincode_field(label: Any, *, required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=6,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "postal-code", "maxlength": "6"}
        ),
    )


def _mobile_field(label: Any, *, required: bool = True, help_text: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=20,
        help_text=help_text,
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"}),
    )


def _pincode_or_error(form: forms.Form, field: str) -> Pincode | None:
    code = form.cleaned_data.get(field)
    if not code:
        return None
    try:
        return validators.pincode_lookup(code)
    except ValidationError as error:
        form.add_error(field, error)
        return None


# --- onboarding ------------------------------------------------------------------------------


class VendorBusinessForm(forms.Form):
    name_en = forms.CharField(label=_("Business name (English)"), max_length=160)
    name_hi = forms.CharField(label=_("Business name (Hindi)"), max_length=160, required=False)
    legal_name = forms.CharField(
        label=_("Legal name"),
        max_length=200,
        help_text=_("Exactly as on the GST registration certificate."),
    )
    type = forms.ChoiceField(label=_("Type of business"), choices=VendorType.choices)
    gstin = forms.CharField(
        label=_("GSTIN"),
        max_length=20,
        widget=_code_input(15),
        help_text=_("15 characters, for example 09AAACU9001K1Z8."),
    )
    pan = forms.CharField(
        label=_("PAN of the business"),
        max_length=14,
        widget=_code_input(10),
        help_text=_("10 characters; the same as characters 3 to 12 of the GSTIN."),
    )

    def __init__(self, *args: Any, vendor: Vendor | None = None, **kwargs: Any) -> None:
        self.vendor = vendor
        super().__init__(*args, **kwargs)

    def clean_gstin(self) -> str:
        gstin = validators.identifier_normalize(self.cleaned_data["gstin"])
        validators.validate_gstin(gstin)
        taken = Vendor.objects.filter(gstin=gstin)
        if self.vendor is not None:
            taken = taken.exclude(pk=self.vendor.pk)
        if taken.exists():
            raise ValidationError(_("A seller with this GSTIN is already registered."))
        if self.vendor is not None and self.vendor.pincode:
            pincode = Pincode.objects.select_related("state").filter(code=self.vendor.pincode)
            row = pincode.first()
            if row is not None and row.state is not None:
                validators.validate_gstin_state(gstin, row.state)
        return gstin

    def clean_pan(self) -> str:
        pan = validators.identifier_normalize(self.cleaned_data["pan"])
        validators.validate_pan(pan)
        return pan

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("gstin") and data.get("pan"):
            try:
                validators.validate_pan_matches_gstin(data["pan"], data["gstin"])
            except ValidationError as error:
                self.add_error("pan", error)
        return data


class VendorAddressForm(forms.Form):
    address = forms.CharField(
        label=_("Business address"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
        help_text=_("As on the GST registration."),
    )
    pincode = _pincode_field(_("PIN code"))
    pickup_same = forms.BooleanField(
        label=_("Parcels are picked up from this address"), required=False, initial=True
    )
    pickup_address = forms.CharField(
        label=_("Pickup address"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only if parcels are collected somewhere else."),
    )
    pickup_pincode = _pincode_field(_("Pickup PIN code"), required=False)

    def __init__(self, *args: Any, vendor: Vendor, **kwargs: Any) -> None:
        self.vendor = vendor
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        pincode = _pincode_or_error(self, "pincode")
        if pincode is not None:
            if pincode.state is not None and pincode.state_id != self.vendor.state_id:
                try:
                    validators.validate_gstin_state(self.vendor.gstin, pincode.state)
                except ValidationError as error:
                    self.add_error("pincode", error)
            data["district"] = pincode.district
        if data.get("pickup_same"):
            data["pickup_address"] = ""
            data["pickup_pincode"] = ""
        else:
            if not data.get("pickup_address"):
                self.add_error("pickup_address", _("Enter the pickup address, or tick the box."))
            if not data.get("pickup_pincode") and "pickup_pincode" not in self.errors:
                self.add_error("pickup_pincode", _("Enter the pickup PIN code."))
            _pincode_or_error(self, "pickup_pincode")
        return data

    def vendor_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "address": data["address"],
            "pincode": data["pincode"],
            "district": data.get("district"),
            "pickup_address": data["pickup_address"],
            "pickup_pincode": data["pickup_pincode"],
        }


class VendorBankForm(forms.Form):
    bank_account_holder = forms.CharField(label=_("Account holder's name"), max_length=120)
    bank_account_number = forms.CharField(
        label=_("Account number"),
        max_length=24,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    bank_account_number_again = forms.CharField(
        label=_("Account number again"),
        max_length=24,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    bank_ifsc = forms.CharField(
        label=_("IFSC"),
        max_length=15,
        widget=_code_input(11),
        help_text=_("11 characters printed on the cheque book, for example SBIN0001234."),
    )

    def clean_bank_account_number(self) -> str:
        number = validators.identifier_normalize(self.cleaned_data["bank_account_number"])
        validators.validate_bank_account_number(number)
        return number

    def clean_bank_ifsc(self) -> str:
        ifsc = validators.identifier_normalize(self.cleaned_data["bank_ifsc"])
        validators.validate_ifsc(ifsc)
        return ifsc

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        again = validators.identifier_normalize(data.get("bank_account_number_again", ""))
        if data.get("bank_account_number") and again != data["bank_account_number"]:
            self.add_error("bank_account_number_again", _("The two account numbers differ."))
        return data

    def vendor_fields(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data[name]
            for name in ("bank_account_holder", "bank_account_number", "bank_ifsc")
        }


class VendorContactForm(forms.Form):
    contact_name = forms.CharField(label=_("Contact person"), max_length=120)
    contact_phone = _mobile_field(_("Contact person's mobile"))
    contact_email = forms.EmailField(label=_("Contact person's email"), required=False)
    phone = _mobile_field(
        _("Customer care number"), help_text=_("Shown to buyers who need help with an order.")
    )
    email = forms.EmailField(label=_("Customer care email"), required=False)

    def clean_contact_phone(self) -> str:
        return validators.mobile_normalize(self.cleaned_data["contact_phone"])

    def clean_phone(self) -> str:
        return validators.mobile_normalize(self.cleaned_data["phone"])

    def vendor_fields(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class VendorProfileForm(forms.Form):
    """What an approved vendor may change itself."""

    name_hi = forms.CharField(label=_("Business name (Hindi)"), max_length=160, required=False)
    pickup_address = forms.CharField(
        label=_("Pickup address"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Leave empty when parcels are picked up from the business address."),
    )
    pickup_pincode = _pincode_field(_("Pickup PIN code"), required=False)
    contact_name = forms.CharField(label=_("Contact person"), max_length=120)
    contact_phone = _mobile_field(_("Contact person's mobile"))
    contact_email = forms.EmailField(label=_("Contact person's email"), required=False)
    phone = _mobile_field(_("Customer care number"))
    email = forms.EmailField(label=_("Customer care email"), required=False)

    def clean_contact_phone(self) -> str:
        return validators.mobile_normalize(self.cleaned_data["contact_phone"])

    def clean_phone(self) -> str:
        return validators.mobile_normalize(self.cleaned_data["phone"])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("pickup_address") and not data.get("pickup_pincode"):
            if "pickup_pincode" not in self.errors:
                self.add_error("pickup_pincode", _("Enter the pickup PIN code."))
        elif data.get("pickup_pincode") and not data.get("pickup_address"):
            self.add_error("pickup_address", _("Enter the pickup address."))
        _pincode_or_error(self, "pickup_pincode")
        return data

    def vendor_fields(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class KycDocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Document"), choices=DocumentKind.choices)
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("PDF, JPEG or PNG, up to %(size)s MB.") % {
            "size": validators.upload_max_bytes() // (1024 * 1024)
        }

    def clean_file(self) -> Any:
        file = self.cleaned_data["file"]
        validators.upload_content_type(file)
        return file


# --- artisans --------------------------------------------------------------------------------


def odop_choices_grouped(first_district_id: int | None) -> list[tuple[str, list[Any]]]:
    """ODOP products grouped by district for a select box, one district first."""
    groups: dict[int, tuple[str, list[tuple[int, str]]]] = {}
    products = OdopProduct.objects.select_related("district").order_by(
        "district__name_en", "rank", "name_en"
    )
    for product in products:
        group = groups.setdefault(product.district_id, (product.district.name, []))
        group[1].append((product.pk, product.name))
    ordered = sorted(groups.items(), key=lambda item: item[0] != first_district_id)
    return [(name, options) for _district_id, (name, options) in ordered]


class ArtisanForm(forms.Form):
    name_en = forms.CharField(label=_("Name (English)"), max_length=120)
    name_hi = forms.CharField(label=_("Name (Hindi)"), max_length=120, required=False)
    phone = _mobile_field(
        _("Mobile number"),
        required=False,
        help_text=_("Order alerts come by SMS and a phone call to this number."),
    )
    preferred_language = forms.ChoiceField(
        label=_("Language for calls and SMS"), choices=Language.choices
    )
    craft_en = forms.CharField(label=_("Craft (English)"), max_length=120, required=False)
    craft_hi = forms.CharField(label=_("Craft (Hindi)"), max_length=120, required=False)
    address_line = forms.CharField(
        label=_("House / street"),
        max_length=200,
        required=False,
        help_text=_("Parcels are picked up from this address."),
    )
    town = forms.CharField(label=_("Town / village"), max_length=120)
    pincode = _pincode_field(_("PIN code"))
    district = forms.ModelChoiceField(
        label=_("District"),
        queryset=District.objects.none(),
        required=False,
        empty_label=_("Take it from the PIN code"),
    )
    odop_products = forms.ModelMultipleChoiceField(
        label=_("ODOP products they make"),
        queryset=OdopProduct.objects.select_related("district"),
        required=False,
        help_text=_("The artisan's own district's products; others need an exception."),
    )
    pehchan_number = forms.CharField(
        label=_("Pehchan card number"), max_length=24, required=False, widget=_code_input(20)
    )
    udyam_number = forms.CharField(
        label=_("Udyam registration number"),
        max_length=24,
        required=False,
        widget=_code_input(19),
        help_text=_("For example UDYAM-UP-01-0012345."),
    )
    bank_account_number = forms.CharField(
        label=_("Bank account number"),
        max_length=24,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    bank_ifsc = forms.CharField(
        label=_("IFSC"), max_length=15, required=False, widget=_code_input(11)
    )
    upi_id = forms.CharField(
        label=_("UPI ID"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text=_("Payments can go to a UPI ID instead of a bank account, like name@bank."),
    )
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("JPEG or PNG; shown to buyers with the artisan's products."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png"}),
    )
    story_en = forms.CharField(
        label=_("Story (English)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    story_hi = forms.CharField(
        label=_("Story (Hindi)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, artisan: Artisan | None = None, **kwargs: Any) -> None:
        self.artisan = artisan
        if artisan is not None and "initial" not in kwargs:
            kwargs["initial"] = {
                **{name: getattr(artisan, name) for name in self.base_fields if name != "photo"},
                "district": artisan.district_id,
                "odop_products": list(artisan.odop_products.values_list("pk", flat=True)),
            }
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = District.objects.select_related("state").order_by(
            "name_en"
        )
        # Grouped by district for the select box; validation uses the field's queryset.
        self.fields["odop_products"].widget.choices = odop_choices_grouped(
            artisan.district_id if artisan is not None else None
        )

    def clean_phone(self) -> str:
        phone = self.cleaned_data.get("phone", "")
        return validators.mobile_normalize(phone) if phone else ""

    def _clean_code(self, name: str, validate: Any) -> str:
        value = validators.identifier_normalize(self.cleaned_data.get(name, ""))
        if value:
            validate(value)
        return value

    def clean_pehchan_number(self) -> str:
        return self._clean_code("pehchan_number", validators.validate_pehchan)

    def clean_udyam_number(self) -> str:
        return self._clean_code("udyam_number", validators.validate_udyam)

    def clean_bank_account_number(self) -> str:
        return self._clean_code("bank_account_number", validators.validate_bank_account_number)

    def clean_bank_ifsc(self) -> str:
        return self._clean_code("bank_ifsc", validators.validate_ifsc)

    def clean_upi_id(self) -> str:
        value = (self.cleaned_data.get("upi_id") or "").strip()
        if value:
            validators.validate_upi_id(value)
        return value

    def clean_photo(self) -> Any:
        photo = self.cleaned_data.get("photo")
        if photo:
            validators.upload_content_type(photo, allowed=validators.PICTURE_TYPES)
        return photo

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if bool(data.get("bank_account_number")) != bool(data.get("bank_ifsc")):
            missing = "bank_ifsc" if data.get("bank_account_number") else "bank_account_number"
            if missing not in self.errors:
                self.add_error(missing, _("Give both the account number and the IFSC."))
        pincode = _pincode_or_error(self, "pincode")
        if pincode is None:
            return data
        chosen = data.get("district")
        if pincode.district is not None:
            if chosen is not None and chosen.pk != pincode.district_id:
                self.add_error(
                    "district",
                    _("PIN code %(code)s is in %(actual)s district, not %(chosen)s.")
                    % {
                        "code": pincode.code,
                        "actual": pincode.district.name,
                        "chosen": chosen.name,
                    },
                )
                return data
            data["district"] = pincode.district
        elif chosen is None:
            self.add_error(
                "district", _("Choose the district: the PIN code alone does not tell us.")
            )
            return data
        elif chosen.state_id != pincode.state_id:
            self.add_error(
                "district",
                _("PIN code %(code)s is not in %(chosen)s.")
                % {"code": pincode.code, "chosen": chosen.name},
            )
            return data
        self._check_products(data)
        return data

    def _check_products(self, data: dict[str, Any]) -> None:
        products = data.get("odop_products") or []
        probe = Artisan(pk=self.artisan.pk if self.artisan else None, district=data["district"])
        refused = [p for p in products if not artisan_may_make(probe, p)]
        if refused:
            self.add_error(
                "odop_products",
                _(
                    "%(products)s: not an ODOP product of %(district)s. Choose the district's "
                    "own products, or ask for an exception."
                )
                % {
                    "products": ", ".join(f"{p.name} ({p.district.name})" for p in refused),
                    "district": data["district"].name,
                },
            )

    def artisan_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("odop_products", None)
        if not data.get("photo"):
            data.pop("photo", None)
        return data


class DistrictExceptionRequestForm(forms.Form):
    odop_product = forms.ModelChoiceField(
        label=_("ODOP product of another district"), queryset=OdopProduct.objects.none()
    )
    reason = forms.CharField(
        label=_("Why does the artisan make it?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: trained in Varanasi and moved to Lucknow after marriage."),
    )

    def __init__(self, *args: Any, artisan: Artisan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["odop_product"]
        field.queryset = (
            OdopProduct.objects.exclude(district_id=artisan.district_id)
            .select_related("district")
            .order_by("district__name_en", "name_en")
        )
        field.label_from_instance = lambda p: f"{p.name} — {p.district.name}"


class ArtisanMoveForm(forms.Form):
    to_vendor = forms.ModelChoiceField(label=_("Move to vendor"), queryset=Vendor.objects.none())
    reason = forms.CharField(
        label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, artisan: Artisan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["to_vendor"]
        field.queryset = (
            Vendor.objects.exclude(pk=artisan.vendor_id)
            .exclude(status__in=[VendorStatus.SUSPENDED, VendorStatus.REJECTED])
            .order_by("name_en")
        )
        field.label_from_instance = lambda v: f"{v.name} ({v.gstin})"


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed to reject or suspend; the seller sees it."),
    )
