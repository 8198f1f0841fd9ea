"""Listing moderation: the status machine, the checklist a listing must pass, the moderators' queue.

    draft ─▶ submitted ─▶ approved ─▶ archived
                 │  ▲          │
                 ▼  │          └─▶ submitted (content edited, back to review)
         changes_requested

Every change goes through `product_transition` (or `transition_locked` inside a service that
already holds the row), which checks the table, the actor's role and the checklist, and writes a
`ProductStatusEvent`. Submitting needs the blocking checklist items; approving needs all of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, F, Max, OuterRef, QuerySet, Subquery
from django.db.models.functions import Greatest
from django.utils.translation import gettext, gettext_lazy

from odopmart.accounts.roles import has_staff_role
from odopmart.catalog.listing_issues import ListingError, ListingIssue, issue_message
from odopmart.catalog.listing_services import (
    HSN_PATTERN,
    artisan_may_list,
    gst_rate_issue,
    gst_rate_verified_row,
)
from odopmart.catalog.models import (
    Category,
    HsnCode,
    Product,
    ProductStatus,
    ProductStatusEvent,
)
from odopmart.core.money import format_inr, round_half_up_div
from odopmart.odop.models import OdopProduct
from odopmart.regions.models import District

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


# --- the checklist --------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckItem:
    key: str
    label: str
    ok: bool
    detail: str = ""
    # Blocking items must pass before a listing can be sent for review; the rest only before
    # approval.
    blocking: bool = True


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


def category_price_median(category_id: int) -> tuple[int | None, int]:
    """(median price in paise, number of listings) of the category's approved listings.

    Cached under a key that includes the count and newest id, so a new approval recomputes it.
    """
    approved = Product.objects.filter(
        category_id=category_id, status=ProductStatus.APPROVED, price_paise__gt=0
    )
    summary = approved.aggregate(n=Count("id"), newest=Max("id"))
    count = summary["n"]
    if not count:
        return None, 0
    key = f"catalog:category-median:{category_id}:{count}:{summary['newest']}"
    median = cache.get(key)
    if median is None:
        ordered = approved.order_by("price_paise").values_list("price_paise", flat=True)
        middle = list(ordered[(count - 1) // 2 : count // 2 + 1])
        median = round_half_up_div(sum(middle), len(middle))
        cache.set(key, median, 60 * 60)
    return median, count


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


def _price_items(product: Product, variants: list[Any]) -> list[CheckItem]:
    label = gettext("Prices: selling price above zero and not above MRP")
    if not variants:
        return [
            CheckItem("prices", label, False, issue_message("no_variants")),
            CheckItem(
                "price_band", gettext("Price is usual for the category"), False, "", blocking=False
            ),
        ]
    wrong = [v.sku for v in variants if not 0 < v.price_paise <= v.mrp_paise]
    items = [
        CheckItem(
            "prices",
            label,
            not wrong,
            gettext("Check the prices of: %s.") % ", ".join(wrong) if wrong else "",
        )
    ]
    band = price_band()
    band_label = gettext("Price is usual for the category")
    median, count = category_price_median(product.category_id)
    if median is None or count < band.min_listings:
        items.append(
            CheckItem(
                "price_band",
                band_label,
                True,
                gettext("Too few approved listings in this category to compare."),
                blocking=False,
            )
        )
        return items
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
    items.append(CheckItem("price_band", band_label, not outside, detail, blocking=False))
    return items


def listing_checklist(product: Product) -> list[CheckItem]:
    """What a moderator checks, computed: photo, both languages, HSN, GST, prices, origin."""
    items: list[CheckItem] = []
    photos = product.images.count()
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
    hsn_ok = bool(HSN_PATTERN.match(product.hsn_code)) and (
        HsnCode.objects.filter(code=product.hsn_code).exists()
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
    gst_problem = gst_rate_issue(product.hsn_code, product.gst_rate_bp) if hsn_ok else None
    verified = gst_rate_verified_row(product.hsn_code) if hsn_ok else None
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
    items.extend(_price_items(product, variants))
    artisan = product.artisan
    odop = product.odop_product
    origin_ok = product.district_id == odop.district_id and artisan_may_list(artisan, odop)
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


def checklist_failures(items: Iterable[CheckItem], *, blocking_only: bool) -> list[CheckItem]:
    return [item for item in items if not item.ok and (item.blocking or not blocking_only)]


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
    product: Product, *, to: str, actor: Actor, reason: str = "", system: bool = False
) -> Product:
    """Move a product whose row the caller has locked. `system` moves (content edited, so back
    to review) skip the checklist but are still checked against the table and recorded."""
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
        failing = checklist_failures(listing_checklist(product), blocking_only=not approving)
        if failing:
            code = "checklist_incomplete" if approving else "checklist_blocking"
            labels = "; ".join(item.label for item in failing)
            raise ListingError([ListingIssue("", code, {"items": labels})])
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
def product_transition(*, product_id: int, to: str, actor: Actor, reason: str = "") -> Product:
    """The one way to change a listing's status. Raises ListingError when not allowed."""
    product = (
        Product.objects.select_for_update(of=("self",))
        .select_related("vendor", "artisan__district", "odop_product__district", "category")
        .get(pk=product_id)
    )
    return transition_locked(product, to=to, actor=actor, reason=reason)


@dataclass
class BulkStatusResult:
    changed: list[int] = field(default_factory=list)
    refused: dict[int, str] = field(default_factory=dict)


def products_set_status(
    *, product_ids: Iterable[int], to: str, actor: Actor, reason: str = ""
) -> BulkStatusResult:
    """Move many listings (the admin's bulk actions). Each one is checked and moved on its own;
    the ones that can't move are reported with the reason and left as they were."""
    result = BulkStatusResult()
    for product_id in sorted(set(product_ids)):
        try:
            product_transition(product_id=product_id, to=to, actor=actor, reason=reason)
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
        .select_related("vendor", "artisan__district", "category", "odop_product__district")
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
