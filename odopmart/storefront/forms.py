"""The product filter form: whatever arrives in the query string, it yields valid filters.

Prices are typed in rupees and become paise. An invalid field is reported next to the field and
left out of the filters; everything else still applies. Unknown sort orders fall back quietly.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from odopmart.catalog.selectors import ProductFilters, Sort
from odopmart.core.money import rupees_to_paise

# Higher than any listing; keeps absurd numbers away from the database.
MAX_PRICE_RUPEES = 10_000_000
MAX_PAGE = 10_000
QUERY_MAX_LENGTH = 100


def sort_choices(searching: bool) -> list[tuple[str, str]]:
    choices = [
        (Sort.NEWEST, _("Newest first")),
        (Sort.PRICE_LOW, _("Price: low to high")),
        (Sort.PRICE_HIGH, _("Price: high to low")),
    ]
    if searching:
        choices.insert(0, (Sort.RELEVANCE, _("Most relevant")))
    return choices


def page_number(raw: str | None) -> int:
    """The page asked for, or 1 when it is missing or not a sensible number."""
    try:
        number = int(str(raw).strip())
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE)


class RupeeField(forms.CharField):
    """A whole or decimal rupee amount ('1,499' or '1499.50'), cleaned to paise."""

    default_error_messages = {
        "invalid": _("Enter an amount in rupees, like 1500."),
        "negative": _("The amount can't be negative."),
        "too_large": _("That amount is too large."),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 15)
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
        )
        super().__init__(**kwargs)

    def clean(self, value: Any) -> int | None:  # type: ignore[override]
        text = super().clean(value)  # a string, length-checked
        if not text:
            return None
        try:
            paise = rupees_to_paise(text)
        except (TypeError, ValueError):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        if paise < 0:
            raise forms.ValidationError(self.error_messages["negative"], code="negative")
        if paise > MAX_PRICE_RUPEES * 100:
            raise forms.ValidationError(self.error_messages["too_large"], code="too_large")
        return paise


class LenientChoiceField(forms.ChoiceField):
    """A choice that silently becomes empty when the value is not one of the choices."""

    def clean(self, value: Any) -> str:
        value = self.to_python(value)
        return value if self.valid_value(value) else ""


class ProductFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        max_length=QUERY_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "enterkeyhint": "search"}),
    )
    district = forms.ChoiceField(
        label=_("District"),
        required=False,
        error_messages={"invalid_choice": _("We don't have a district by that name.")},
    )
    category = forms.ChoiceField(
        label=_("Craft"),
        required=False,
        error_messages={"invalid_choice": _("We don't have a craft by that name.")},
    )
    min_price = RupeeField(label=_("Min price (₹)"))
    max_price = RupeeField(label=_("Max price (₹)"))
    in_stock = forms.BooleanField(label=_("In stock only"), required=False)
    sort = LenientChoiceField(label=_("Sort by"), required=False)

    def __init__(
        self,
        data: Any,
        *,
        districts: Iterable[tuple[str, str]] = (),
        categories: Iterable[tuple[str, str]] = (),
        fixed: Iterable[str] = (),
    ) -> None:
        """`districts`/`categories` are (slug, label) pairs; `fixed` names fields the page sets
        itself (a district page has no district filter) and which are therefore dropped."""
        super().__init__(data)
        self.fields["district"].choices = [("", _("All districts")), *districts]
        self.fields["category"].choices = [("", _("All crafts")), *categories]
        for name in fixed:
            self.fields.pop(name, None)
        searching = bool(self.data.get("q", "").strip()) if self.data else False
        self.fields["sort"].choices = sort_choices(searching)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        low, high = cleaned.get("min_price"), cleaned.get("max_price")
        if low is not None and high is not None and low > high:
            self.add_error("max_price", _("The maximum price is below the minimum."))
        return cleaned

    @property
    def searching(self) -> bool:
        return bool(self.filters().query)

    def filters(self, **fixed: str) -> ProductFilters:
        """Filters from the valid fields only, plus the ones the page fixes (district=...)."""
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        data = self.cleaned_data
        query = " ".join(str(data.get("q") or "").split())
        sort = data.get("sort") or ""
        if sort == Sort.RELEVANCE and not query:
            sort = ""
        values: dict[str, Any] = {
            "query": query,
            "district": data.get("district") or "",
            "category": data.get("category") or "",
            "min_price_paise": data.get("min_price"),
            "max_price_paise": data.get("max_price"),
            "in_stock": bool(data.get("in_stock")),
            "sort": sort,
        }
        values.update(fixed)
        return ProductFilters(**values)

    @property
    def active_count(self) -> int:
        """How many narrowing filters (not search or sort) are in force, for the toggle label."""
        filters = self.filters()
        return sum(
            (
                "district" in self.fields and bool(filters.district),
                "category" in self.fields and bool(filters.category),
                filters.min_price_paise is not None,
                filters.max_price_paise is not None,
                filters.in_stock,
            )
        )
