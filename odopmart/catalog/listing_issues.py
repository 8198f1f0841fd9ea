"""What can be wrong with a listing: codes with parameters, and messages in the reader's language.

Services report problems as `ListingIssue`s (field, code, params). A form shows each one next to
its field; the bulk import lists them by row and column and keeps them as JSON, so the preview can
be read later in either language. Parameters are plain values (numbers, codes, names), never
translated text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ISSUE_MESSAGES: dict[str, Any] = {
    # Generic field problems.
    "required": _("This is required."),
    "too_long": _("Use at most %(max)s characters."),
    "whole_number": _("Enter a whole number, like 12."),
    "at_least_one": _("Enter a number of at least 1."),
    "number_too_large": _("That number is too large (at most %(max)s)."),
    # Who and where.
    "artisan_unknown": _("There is no artisan “%(value)s” among the artisans you list for."),
    "artisan_other_vendor": _("This artisan does not sell through %(vendor)s."),
    "odop_unknown": _("There is no ODOP product “%(value)s”."),
    "category_unknown": _("There is no category “%(value)s”."),
    "origin_mismatch": _(
        "%(odop)s is the ODOP product of %(odop_district)s, but the artisan works in "
        "%(artisan_district)s and has no approved exception for it."
    ),
    # Tax.
    "hsn_format": _("An HSN code has 4, 6 or 8 digits, like 6204."),
    "hsn_unknown": _("HSN code %(value)s is not in the official HSN list."),
    "gst_format": _("Enter the GST rate in percent, like 5 or 18."),
    "gst_not_allowed": _("GST for HSN %(hsn)s can be %(allowed)s, not %(rate)s."),
    "gst_unknown_rate": _("%(rate)s is not a GST rate in use. Rates in use: %(allowed)s."),
    # Money and stock.
    "amount_format": _("Enter an amount in rupees, like 1499 or 1,499.50."),
    "amount_too_large": _("That amount is too large."),
    "price_positive": _("The price must be more than zero."),
    "price_above_mrp": _("The selling price can't be more than the MRP."),
    "stock_negative": _("Stock can't be negative."),
    # Variants.
    "sku_format": _("Use only letters, digits, “-”, “_” and “/” (at most %(max)s)."),
    "sku_taken": _("SKU %(sku)s is already used by another listing."),
    "sku_repeated": _("SKU %(sku)s is used twice in this listing."),
    "sku_repeated_in_file": _("SKU %(sku)s is also on row %(row)s."),
    "no_variants": _("Add at least one variant with its price."),
    "variant_unknown": _("This listing has no such variant."),
    # Photos.
    "image_too_big": _("The photo is larger than %(max)s MB."),
    "image_unreadable": _("This file is not a JPEG, PNG or WebP photo."),
    "image_too_small": _("The photo must be at least %(min)s pixels wide and high."),
    "image_too_many_pixels": _("The photo has too many pixels; make it smaller."),
    "last_photo": _("An approved listing keeps at least one photo. Add another one first."),
    # Status.
    "archived": _("This listing is archived and can't be changed."),
    "transition_not_allowed": _("A listing that is “%(from)s” can't become “%(to)s”."),
    "checklist_blocking": _("Not ready yet: %(items)s."),
    "checklist_incomplete": _("Every check must pass before approval. Failing: %(items)s."),
    "reason_required": _("Say what needs to change."),
    "not_moderator": _("Only moderators can approve listings or ask for changes."),
    # Bulk import files.
    "file_type": _("Upload a .csv or .xlsx file."),
    "file_too_big": _("The file is larger than %(max)s MB. Split it into smaller files."),
    "file_content_mismatch": _("This file is not a real %(format)s file, whatever its name says."),
    "file_unreadable": _("This file could not be read as %(format)s."),
    "file_encoding": _("Save the CSV file as UTF-8 text."),
    "file_empty": _("The file has no listing rows under the header row."),
    "file_too_many_rows": _("The file has more than %(max)s rows. Split it into smaller files."),
    "header_missing": _("The header row lacks these columns: %(columns)s."),
    "header_unknown": _("The header row has columns we don't know: %(columns)s."),
    "example_row": _(
        "This is the example row of the template. Put your own listing in its place, or delete it."
    ),
    "product_mismatch": _("Differs from row %(row)s, the first row of this product."),
    "file_changed": _("This import has already been done or refused; upload the file again."),
}


@dataclass(frozen=True)
class ListingIssue:
    """One problem: `field` names the field (or import column), `index` the variant if any."""

    field: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    index: int | None = None

    @property
    def message(self) -> str:
        text = str(ISSUE_MESSAGES[self.code])
        return text % self.params if self.params else text

    def as_json(self) -> dict[str, Any]:
        return {"field": self.field, "code": self.code, "params": self.params, "index": self.index}


def issue_message(code: str, params: dict[str, Any] | None = None) -> str:
    return ListingIssue("", code, params or {}).message


class ListingError(Exception):
    """A listing change was refused; nothing was saved. Carries every issue found."""

    def __init__(self, issues: list[ListingIssue]) -> None:
        self.issues = issues
        super().__init__("; ".join(f"{issue.field}: {issue.message}" for issue in issues))

    def by_field(self) -> dict[str, list[str]]:
        grouped: dict[str, list[str]] = {}
        for issue in self.issues:
            grouped.setdefault(issue.field or "__all__", []).append(issue.message)
        return grouped

    def as_validation_error(self) -> ValidationError:
        return ValidationError(self.by_field())


def percent_text(rate_bp: int) -> str:
    """1800 -> '18%', 250 -> '2.5%' (language-neutral, for message parameters)."""
    whole, rest = divmod(rate_bp, 100)
    return f"{whole}%" if not rest else f"{whole}.{rest:02d}".rstrip("0") + "%"
