"""Listing moderation: the status machine, the checklist a listing must pass, the moderators' queue.

    draft ─▶ submitted ─▶ approved ─▶ archived
                 │  ▲          │
                 ▼  │          └─▶ submitted (content edited, back to review)
         changes_requested

Every change goes through `product_transition` (or `transition_locked` inside a service that
already holds the row), which checks the table, the actor's role and the checklist, and writes a
`ProductStatusEvent`. Submitting needs the blocking checklist items; approving needs all of them
except the warnings (the price band): a moderator who has looked at a warning may approve anyway,
and the event's reason records that the warning was accepted.

`listing_checklists` computes the checklists of many listings with a fixed number of queries
(the moderators' queue); `listing_checklist` is the same for one listing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import (
    Count,
    F,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    prefetch_related_objects,
)
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from odopmart.accounts.roles import has_staff_role
from odopmart.catalog.listing_issues import (
    ListingError,
    ListingIssue,
    issue_message,
    percent_text,
)
from odopmart.catalog.listing_services import HSN_PATTERN, gst_rates_in_use
from odopmart.catalog.models import (
    Category,
    GstRate,
    HsnCode,
    Product,
    ProductStatus,
    ProductStatusEvent,
)
from odopmart.core.money import format_inr, round_half_up_div
from odopmart.odop.models import OdopProduct
from odopmart.regions.models import District
from odopmart.sellers.models import ArtisanDistrictException, ExceptionStatus

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    Actor = AbstractBaseUser | AnonymousUser | None
else:
    Actor = Any

S = ProductStatus
# Which status each status may move to.
PRODUCT_TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.SUBMITTED}),
    S.SUBMITTED: frozenset({S.APPROVED, S.CHANGES_REQUESTED}),
    S.CHANGES_REQUESTED: frozenset({S.SUBMITTED}),
    S.APPROVED: frozenset({S.ARCHIVED, S.SUBMITTED}),
    S.ARCHIVED: frozenset(),
}
# Moves only a moderator may make.
MODERATOR_MOVES = frozenset({(S.SUBMITTED, S.APPROVED), (S.SUBMITTED, S.CHANGES_REQUESTED)})

# The price band: a listing priced outside LOW×–HIGH× its category's median price is flagged.
# Override in settings.ODOPMART (LISTING_PRICE_BAND_LOW / _HIGH / _MIN_LISTINGS).
PRICE_BAND_DEFAULTS = {"LOW": "0.2", "HIGH": "5", "MIN_LISTINGS": 5}

_DEVANAGARI = re.compile(r"[\u0900-\u097F]")

# Messages of the moderation step's own issues (the listing issues are in listing_issues).
MODERATION_MESSAGES: dict[str, Any] = {
    "warnings_not_accepted": gettext_lazy(
        "Look at the warning first: %(items)s. If the listing is right, tick the box to approve "
        "it anyway."
    ),
}
# What the status event records when a moderator approves despite a warning.
ACCEPTED_WARNING_NOTES: dict[str, Any] = {
    "price_band": gettext_lazy("Price-band warning acknowledged"),
}


@dataclass(frozen=True)
class ModerationIssue(ListingIssue):
    """An issue raised by the moderation step itself."""

    @property
    def message(self) -> str:
        text = str(MODERATION_MESSAGES[self.code])
        return text % self.params if self.params else text


# --- the checklist --------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckItem:
    key: str
    label: str
    ok: bool
    detail: str = ""
    # Blocking items must pass before a listing can be sent for review; the rest only before
    # approval, except warnings, which block nothing: the moderator looks and decides.
    blocking: bool = True
    warning: bool = False


@dataclass(frozen=True)
class PriceBand:
    low: Decimal
    high: Decimal
    min_listings: int


def price_band() -> PriceBand:
    configured = settings.ODOPMART
    return PriceBand(
        low=Decimal(str(configured.get("LISTING_PRICE_BAND_LOW", PRICE_BAND_DEFAULTS["LOW"]))),
        high=Decimal(str(configured.get("LISTING_PRICE_BAND_HIGH", PRICE_BAND_DEFAULTS["HIGH"]))),
        min_listings=int(
            configured.get("LISTING_PRICE_BAND_MIN_LISTINGS", PRICE_BAND_DEFAULTS["MIN_LISTINGS"])
        ),
    )


def category_price_medians(category_ids: Iterable[int]) -> dict[int, tuple[int | None, int]]:
    """{category id: (median price in paise, number of listings)} of approved listings.

    One query counts every category; medians are cached under a key that includes the count and
    the newest id (a new approval recomputes it), so only a changed category costs a query more.
    """
    ids = sorted(set(category_ids))
    result: dict[int, tuple[int | None, int]] = dict.fromkeys(ids, (None, 0))
    if not ids:
        return result
    approved = Product.objects.filter(status=ProductStatus.APPROVED, price_paise__gt=0)
    summaries = {
        row["category_id"]: (row["n"], row["newest"])
        for row in approved.filter(category_id__in=ids)
        .values("category_id")
        .annotate(n=Count("id"), newest=Max("id"))
        .order_by()
    }
    keys = {
        category_id: f"catalog:category-median:{category_id}:{count}:{newest}"
        for category_id, (count, newest) in summaries.items()
    }
    cached = cache.get_many(list(keys.values()))
    for category_id, (count, _newest) in summaries.items():
        median = cached.get(keys[category_id])
        if median is None:
            ordered = (
                approved.filter(category_id=category_id)
                .order_by("price_paise")
                .values_list("price_paise", flat=True)
            )
            middle = list(ordered[(count - 1) // 2 : count // 2 + 1])
            median = round_half_up_div(sum(middle), len(middle))
            cache.set(keys[category_id], median, 60 * 60)
        result[category_id] = (median, count)
    return result


def category_price_median(category_id: int) -> tuple[int | None, int]:
    """(median price in paise, number of listings) of one category's approved listings."""
    return category_price_medians([category_id])[category_id]


def _hsn_prefixes(hsn_code: str) -> list[str]:
    return [hsn_code[:length] for length in range(2, len(hsn_code) + 1, 2)]


class GstOnRecord:
    """The HSN codes and GST rate rows in force for a set of codes, loaded with two queries;
    answers what `gst_rate_verified_row` and `gst_rate_issue` answer, without a query each."""

    def __init__(self, hsn_codes: Iterable[str], *, on: date | None = None) -> None:
        codes = {code for code in hsn_codes if HSN_PATTERN.match(code or "")}
        self.on = on or timezone.localdate()
        self.known: set[str] = (
            set(HsnCode.objects.filter(code__in=codes).values_list("code", flat=True))
            if codes
            else set()
        )
        prefixes = {prefix for code in self.known for prefix in _hsn_prefixes(code)}
        self.rows: list[GstRate] = (
            list(
                GstRate.objects.filter(
                    Q(effective_to__isnull=True) | Q(effective_to__gte=self.on),
                    hsn_code__in=prefixes,
                    effective_from__lte=self.on,
                )
            )
            if prefixes
            else []
        )
        self._rates_in_use: list[int] | None = None

    def rates_in_use(self) -> list[int]:
        if self._rates_in_use is None:
            self._rates_in_use = gst_rates_in_use(on=self.on)
        return self._rates_in_use

    def verified_rate(self, hsn_code: str) -> GstRate | None:
        """The most specific verified rate row in force for the code."""
        prefixes = _hsn_prefixes(hsn_code)
        rows = sorted(
            (row for row in self.rows if row.hsn_code in prefixes),
            key=lambda row: (-len(row.hsn_code), -row.effective_from.toordinal()),
        )
        return next((row for row in rows if row.verified and row.rate_bp is not None), None)

    def issue(self, hsn_code: str, rate_bp: int) -> ListingIssue | None:
        """Why the rate is wrong for the code, or None when it is acceptable."""
        row = self.verified_rate(hsn_code)
        if row is not None and row.allowed_rates_bp:
            allowed = sorted(int(value) for value in row.allowed_rates_bp)
            if rate_bp in allowed:
                return None
            return ListingIssue(
                "gst_rate_bp",
                "gst_not_allowed",
                {
                    "hsn": row.hsn_code,
                    "allowed": ", ".join(percent_text(value) for value in allowed),
                    "rate": percent_text(rate_bp),
                },
            )
        in_use = self.rates_in_use()
        if rate_bp in in_use:
            return None
        return ListingIssue(
            "gst_rate_bp",
            "gst_unknown_rate",
            {
                "rate": percent_text(rate_bp),
                "allowed": ", ".join(percent_text(value) for value in in_use),
            },
        )


class ChecklistLookups:
    """What the checklists of a set of listings read, loaded at once: photos and variants
    (prefetched onto the products), HSN codes and GST rates on record, approved district
    exceptions and category medians. A fixed number of queries, however many listings."""

    def __init__(self, products: Sequence[Product]) -> None:
        products = list(products)
        prefetch_related_objects(products, "images", "variants")
        self.gst = GstOnRecord(product.hsn_code for product in products)
        elsewhere = [p for p in products if p.odop_product.district_id != p.artisan.district_id]
        self.exceptions: set[tuple[int, int]] = set()
        if elsewhere:
            self.exceptions = set(
                ArtisanDistrictException.objects.filter(
                    artisan_id__in={p.artisan_id for p in elsewhere},
                    odop_product_id__in={p.odop_product_id for p in elsewhere},
                    status=ExceptionStatus.APPROVED,
                ).values_list("artisan_id", "odop_product_id")
            )
        self.medians = category_price_medians(p.category_id for p in products)

    def may_list(self, product: Product) -> bool:
        """The artisan's district makes the ODOP product, or an approved exception allows it."""
        if product.odop_product.district_id == product.artisan.district_id:
            return True
        return (product.artisan_id, product.odop_product_id) in self.exceptions


def _has_devanagari(text: str) -> bool:
    return bool(_DEVANAGARI.search(text or ""))


def _bilingual_item(key: str, label: str, english: str, hindi: str) -> CheckItem:
    if not english.strip() or not hindi.strip():
        missing = [
            name
            for name, value in ((gettext("English"), english), (gettext("Hindi"), hindi))
            if not value.strip()
        ]
        return CheckItem(key, label, False, gettext("Missing: %s.") % ", ".join(missing))
    if not _has_devanagari(hindi):
        return CheckItem(key, label, False, gettext("The Hindi text is not written in Devanagari."))
    return CheckItem(key, label, True)


def _price_band_item(product: Product, variants: list[Any], lookups: ChecklistLookups) -> CheckItem:
    band_label = gettext("Price is usual for the category")
    if not variants:
        return CheckItem("price_band", band_label, False, "", blocking=False, warning=True)
    band = price_band()
    median, count = lookups.medians.get(product.category_id, (None, 0))
    if median is None or count < band.min_listings:
        return CheckItem(
            "price_band",
            band_label,
            True,
            gettext("Too few approved listings in this category to compare."),
            blocking=False,
            warning=True,
        )
    low, high = Decimal(median) * band.low, Decimal(median) * band.high
    shown_low = round_half_up_div(int(low), 100) * 100  # whole rupees are enough to show
    shown_high = round_half_up_div(int(high), 100) * 100
    outside = [v for v in variants if not low <= Decimal(v.price_paise) <= high]
    detail = gettext(
        "Usual prices in %(category)s are %(low)s to %(high)s (median %(median)s)."
    ) % {
        "category": product.category.name,
        "low": format_inr(shown_low),
        "high": format_inr(shown_high),
        "median": format_inr(median),
    }
    if outside:
        detail += " " + gettext("Outside that: %s.") % ", ".join(
            f"{v.sku} {format_inr(v.price_paise)}" for v in outside
        )
    return CheckItem("price_band", band_label, not outside, detail, blocking=False, warning=True)


def _price_items(
    product: Product, variants: list[Any], lookups: ChecklistLookups
) -> list[CheckItem]:
    label = gettext("Prices: selling price above zero and not above MRP")
    if not variants:
        prices = CheckItem("prices", label, False, issue_message("no_variants"))
    else:
        wrong = [v.sku for v in variants if not 0 < v.price_paise <= v.mrp_paise]
        prices = CheckItem(
            "prices",
            label,
            not wrong,
            gettext("Check the prices of: %s.") % ", ".join(wrong) if wrong else "",
        )
    return [prices, _price_band_item(product, variants, lookups)]


def _checklist(product: Product, lookups: ChecklistLookups) -> list[CheckItem]:
    items: list[CheckItem] = []
    photos = len(product.images.all())
    items.append(
        CheckItem(
            "photo",
            gettext("At least one photo"),
            photos > 0,
            gettext("No photo yet.") if not photos else "",
        )
    )
    items.append(
        _bilingual_item(
            "name", gettext("Name in English and Hindi"), product.name_en, product.name_hi
        )
    )
    items.append(
        _bilingual_item(
            "description",
            gettext("Description in English and Hindi"),
            product.description_en,
            product.description_hi,
        )
    )
    hsn_ok = bool(HSN_PATTERN.match(product.hsn_code or "")) and (
        product.hsn_code in lookups.gst.known
    )
    items.append(
        CheckItem(
            "hsn",
            gettext("HSN code is in the official list"),
            hsn_ok,
            product.hsn_code
            if hsn_ok
            else issue_message("hsn_unknown", {"value": product.hsn_code or "—"}),
        )
    )
    gst_problem = lookups.gst.issue(product.hsn_code, product.gst_rate_bp) if hsn_ok else None
    verified = lookups.gst.verified_rate(product.hsn_code) if hsn_ok else None
    if not hsn_ok:
        gst_detail = gettext("Can be checked once the HSN code is right.")
    elif gst_problem:
        gst_detail = gst_problem.message
    elif verified:
        gst_detail = gettext("Matches the verified rate for HSN %s.") % verified.hsn_code
    else:
        gst_detail = gettext("No verified rate on record for this HSN; the rate is one in use.")
    items.append(
        CheckItem(
            "gst",
            gettext("GST rate fits the HSN code"),
            hsn_ok and gst_problem is None,
            gst_detail,
        )
    )
    variants = [variant for variant in product.variants.all() if variant.is_active]
    items.extend(_price_items(product, variants, lookups))
    artisan = product.artisan
    odop = product.odop_product
    origin_ok = product.district_id == odop.district_id and lookups.may_list(product)
    items.append(
        CheckItem(
            "origin",
            gettext("Made in the district of its ODOP product"),
            origin_ok,
            gettext("%(odop)s of %(district)s, made by %(artisan)s of %(artisan_district)s.")
            % {
                "odop": odop.name,
                "district": odop.district.name,
                "artisan": artisan.name,
                "artisan_district": artisan.district.name,
            },
        )
    )
    return items


def listing_checklists(products: Sequence[Product]) -> dict[int, list[CheckItem]]:
    """{product id: checklist} for many listings, with a fixed number of queries.

    The products should come with vendor, category, artisan__district and odop_product__district
    selected (as `moderation_queue` does); photos and variants are prefetched here.
    """
    products = list(products)
    if not products:
        return {}
    lookups = ChecklistLookups(products)
    return {product.pk: _checklist(product, lookups) for product in products}


def listing_checklist(product: Product) -> list[CheckItem]:
    """What a moderator checks, computed: photo, both languages, HSN, GST, prices, origin."""
    return _checklist(product, ChecklistLookups([product]))


def checklist_failures(items: Iterable[CheckItem], *, blocking_only: bool) -> list[CheckItem]:
    """Failing items that stop a listing: the blocking ones (sending for review) or all but
    the warnings (approval)."""
    return [
        item
        for item in items
        if not item.ok and not item.warning and (item.blocking or not blocking_only)
    ]


def checklist_warnings(items: Iterable[CheckItem]) -> list[CheckItem]:
    """Failing warnings: the moderator looks at them and may approve anyway."""
    return [item for item in items if not item.ok and item.warning]


def accepted_warnings_note(warnings: Iterable[CheckItem]) -> str:
    """The line the status event records for warnings a moderator approved despite."""
    lines = []
    for item in warnings:
        note = ACCEPTED_WARNING_NOTES.get(item.key)
        title = str(note) if note else gettext("Warning acknowledged: %s") % item.label
        lines.append(f"{title}. {item.detail}".strip())
    return "\n".join(lines)


# --- transitions ----------------------------------------------------------------------------


def _visible(status: str, vendor_status: str) -> bool:
    return status == ProductStatus.APPROVED and vendor_status == "approved"


def _adjust_counts(product: Product, delta: int) -> None:
    """Keep the product counts on district, category and ODOP tiles in step, in the same
    transaction (catalogue_refresh_counts recomputes them all from scratch when needed)."""
    for model, pk in (
        (District, product.district_id),
        (Category, product.category_id),
        (OdopProduct, product.odop_product_id),
    ):
        model.objects.filter(pk=pk).update(product_count=Greatest(F("product_count") + delta, 0))


def transition_locked(
    product: Product,
    *,
    to: str,
    actor: Actor,
    reason: str = "",
    system: bool = False,
    accept_warnings: bool = False,
) -> Product:
    """Move a product whose row the caller has locked. `system` moves (content edited, so back
    to review) skip the checklist but are still checked against the table and recorded.

    Approving a listing with a failing warning (an unusual price) needs `accept_warnings`: the
    moderator has looked at it; the event's reason then says which warning was accepted."""
    from_status = product.status
    if to not in PRODUCT_TRANSITIONS[from_status]:
        raise ListingError(
            [
                ListingIssue(
                    "",
                    "transition_not_allowed",
                    {"from": ProductStatus(from_status).label, "to": ProductStatus(to).label},
                )
            ]
        )
    if (from_status, to) in MODERATOR_MOVES and not (
        actor is not None and has_staff_role(actor, "moderator")
    ):
        raise ListingError([ListingIssue("", "not_moderator")])
    reason = (reason or "").strip()
    if to == ProductStatus.CHANGES_REQUESTED and not reason:
        raise ListingError([ListingIssue("reason", "reason_required")])
    if not system and to in (ProductStatus.SUBMITTED, ProductStatus.APPROVED):
        approving = to == ProductStatus.APPROVED
        checklist = listing_checklist(product)
        failing = checklist_failures(checklist, blocking_only=not approving)
        if failing:
            code = "checklist_incomplete" if approving else "checklist_blocking"
            labels = "; ".join(item.label for item in failing)
            raise ListingError([ListingIssue("", code, {"items": labels})])
        warnings = checklist_warnings(checklist) if approving else []
        if warnings and not accept_warnings:
            labels = "; ".join(item.label for item in warnings)
            raise ListingError(
                [ModerationIssue("accept_warnings", "warnings_not_accepted", {"items": labels})]
            )
        if warnings:
            reason = "\n".join(part for part in (reason, accepted_warnings_note(warnings)) if part)
    vendor_status = product.vendor.status
    was_visible = _visible(from_status, vendor_status)
    product.status = to
    product.save(update_fields=["status", "updated_at"])
    ProductStatusEvent.objects.create(
        product=product,
        from_status=from_status,
        to_status=to,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        reason=reason,
    )
    now_visible = _visible(to, vendor_status)
    if was_visible != now_visible:
        _adjust_counts(product, 1 if now_visible else -1)
    return product


@transaction.atomic
def product_transition(
    *, product_id: int, to: str, actor: Actor, reason: str = "", accept_warnings: bool = False
) -> Product:
    """The one way to change a listing's status. Raises ListingError when not allowed."""
    product = (
        Product.objects.select_for_update(of=("self",))
        .select_related("vendor", "artisan__district", "odop_product__district", "category")
        .get(pk=product_id)
    )
    return transition_locked(
        product, to=to, actor=actor, reason=reason, accept_warnings=accept_warnings
    )


@dataclass
class BulkStatusResult:
    changed: list[int] = field(default_factory=list)
    refused: dict[int, str] = field(default_factory=dict)


def products_set_status(
    *,
    product_ids: Iterable[int],
    to: str,
    actor: Actor,
    reason: str = "",
    accept_warnings: bool = False,
) -> BulkStatusResult:
    """Move many listings (the admin's bulk actions). Each one is checked and moved on its own;
    the ones that can't move are reported with the reason and left as they were."""
    result = BulkStatusResult()
    for product_id in sorted(set(product_ids)):
        try:
            product_transition(
                product_id=product_id,
                to=to,
                actor=actor,
                reason=reason,
                accept_warnings=accept_warnings,
            )
        except ListingError as error:
            result.refused[product_id] = "; ".join(issue.message for issue in error.issues)
        except Product.DoesNotExist:
            continue
        else:
            result.changed.append(product_id)
    return result


# --- reading --------------------------------------------------------------------------------


def moderation_queue() -> QuerySet[Product]:
    """Listings waiting for a moderator, the longest-waiting first."""
    submitted_at = (
        ProductStatusEvent.objects.filter(product=OuterRef("pk"), to_status=ProductStatus.SUBMITTED)
        .order_by("-created_at", "-id")
        .values("created_at")[:1]
    )
    return (
        Product.objects.filter(status=ProductStatus.SUBMITTED)
        .annotate(submitted_at=Subquery(submitted_at))
        .select_related(
            "vendor", "artisan__district", "category", "district", "odop_product__district"
        )
        .order_by(F("submitted_at").asc(nulls_first=True), "id")
    )


def product_status_history(product: Product) -> QuerySet[ProductStatusEvent]:
    return product.status_events.select_related("actor").order_by("-created_at", "-id")


STATUS_HELP = {
    ProductStatus.DRAFT: gettext_lazy("Not yet sent for review."),
    ProductStatus.SUBMITTED: gettext_lazy("Waiting for a moderator."),
    ProductStatus.APPROVED: gettext_lazy("On sale while the seller is approved."),
    ProductStatus.CHANGES_REQUESTED: gettext_lazy("A moderator asked for changes."),
    ProductStatus.ARCHIVED: gettext_lazy("Taken off sale for good."),
}
