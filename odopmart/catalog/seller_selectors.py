"""Reads of the catalogue from the seller's side: an artisan's own items, the numbers on a
vendor's dashboard (listings by status, low stock) and the listings a seller may see in the app.

Who may see which listing: members of its vendor, and the artisan who makes it (through their own
sign-in). Each function here returns a bounded number of queries, whatever the catalogue's size.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Count, F, Prefetch, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from odopmart.catalog.models import Product, ProductImage, ProductStatus, Variant
from odopmart.sellers.access import vendors_for_user
from odopmart.sellers.models import Artisan, Vendor, VendorStatus

DEFAULT_LOW_STOCK_THRESHOLD = 3
LOW_STOCK_LIST_LIMIT = 10
# Listings whose stock still matters (an archived listing is off sale for good).
LIVE_STATUSES = (
    ProductStatus.DRAFT,
    ProductStatus.SUBMITTED,
    ProductStatus.CHANGES_REQUESTED,
    ProductStatus.APPROVED,
)


def low_stock_threshold() -> int:
    """Stock at or below this counts as low (settings.ODOPMART["LOW_STOCK_THRESHOLD"], 3)."""
    return int(settings.ODOPMART.get("LOW_STOCK_THRESHOLD", DEFAULT_LOW_STOCK_THRESHOLD))


def _variants_in_order(*, active_only: bool) -> Prefetch:
    variants = Variant.objects.order_by("position", "pk")
    if active_only:
        variants = variants.filter(is_active=True)
    return Prefetch("variants", queryset=variants)


# --- the artisan's own items ------------------------------------------------------------------


def artisan_items(*, artisan: Artisan) -> QuerySet[Product]:
    """The artisan's listings that are not archived, newest first (a stable order, so cards stay
    put while stock changes), with their active variants prefetched."""
    return (
        Product.objects.filter(artisan=artisan, status__in=LIVE_STATUSES)
        .select_related("vendor")
        .prefetch_related(_variants_in_order(active_only=True))
        .order_by("-pk")
    )


def artisan_variant(*, artisan: Artisan, variant_id: int) -> Variant | None:
    """One active variant of one of the artisan's live listings, else None."""
    return (
        Variant.objects.select_related("product")
        .filter(
            pk=variant_id,
            is_active=True,
            product__artisan=artisan,
            product__status__in=LIVE_STATUSES,
        )
        .first()
    )


# --- the vendor dashboard --------------------------------------------------------------------


@dataclass
class VendorNumbers:
    """What a vendor's dashboard shows: listings per status, artisans, low-stock variants."""

    listings: dict[str, int] = field(default_factory=dict)
    artisans: int = 0
    low_stock: list[Variant] = field(default_factory=list)
    low_stock_count: int = 0

    @property
    def listings_total(self) -> int:
        return sum(self.listings.values())


def vendor_dashboard_numbers(
    *,
    vendor_ids: Iterable[int],
    threshold: int | None = None,
    limit: int = LOW_STOCK_LIST_LIMIT,
) -> dict[int, VendorNumbers]:
    """Per vendor: listing counts by status, artisans, and up to `limit` active variants of live
    listings with stock at or below `threshold` (lowest first) with how many there are in all.
    Three queries for any number of vendors."""
    ids = list(vendor_ids)
    numbers = {vendor_id: VendorNumbers() for vendor_id in ids}
    if not ids:
        return numbers
    threshold = low_stock_threshold() if threshold is None else threshold
    rows = (
        Product.objects.filter(vendor_id__in=ids)
        .values_list("vendor_id", "status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for vendor_id, status, count in rows:
        numbers[vendor_id].listings[status] = count
    for vendor_id, count in (
        Vendor.objects.filter(pk__in=ids).annotate(n=Count("artisans")).values_list("pk", "n")
    ):
        numbers[vendor_id].artisans = count
    partition = F("product__vendor_id")
    low = (
        Variant.objects.filter(
            product__vendor_id__in=ids,
            product__status__in=LIVE_STATUSES,
            is_active=True,
            stock__lte=threshold,
        )
        .select_related("product")
        .annotate(
            rank=Window(RowNumber(), partition_by=partition, order_by=[F("stock"), F("pk")]),
            total=Window(Count("pk"), partition_by=partition),
        )
        .filter(rank__lte=limit)
        .order_by("product__vendor_id", "stock", "pk")
    )
    for variant in low:
        entry = numbers[variant.product.vendor_id]
        entry.low_stock.append(variant)
        entry.low_stock_count = variant.total  # type: ignore[attr-defined]
    return numbers


def moderation_pending_counts() -> dict[str, int]:
    """How many vendor applications and listings wait for a moderator (two indexed counts)."""
    return {
        "vendors": Vendor.objects.filter(status=VendorStatus.SUBMITTED).count(),
        "listings": Product.objects.filter(status=ProductStatus.SUBMITTED).count(),
    }


# --- listings a seller may see (app) ---------------------------------------------------------


def seller_scope(*, user: Any) -> Q:
    """Listings of the user's vendors and, for an artisan's own sign-in, the artisan's items."""
    return Q(vendor__in=vendors_for_user(user).values("pk")) | Q(artisan__user=user)


def seller_products(
    *, user: Any, vendor_id: int | None = None, status: str = ""
) -> QuerySet[Product]:
    """The listings the user may see as a seller, newest first, with vendor, artisan and every
    variant (active or not) loaded. Unauthenticated users see none."""
    if not (user is not None and user.is_authenticated and user.is_active):
        return Product.objects.none()
    products = Product.objects.filter(seller_scope(user=user))
    if vendor_id is not None:
        products = products.filter(vendor_id=vendor_id)
    if status:
        products = products.filter(status=status)
    return (
        products.select_related("vendor", "artisan", "category", "district", "odop_product")
        .prefetch_related(_variants_in_order(active_only=False))
        .order_by("-pk")
    )


def seller_vendor_ids(*, user: Any) -> set[int]:
    """Vendors whose listings the user sees: those they are a member of, and their artisan's."""
    ids = set(vendors_for_user(user).values_list("pk", flat=True))
    ids.update(Artisan.objects.filter(user=user).values_list("vendor", flat=True))
    return ids


def seller_variant(*, user: Any, variant_id: int) -> Variant | None:
    """A variant of a listing the user may see as a seller (whose stock they may set), else None."""
    if not (user is not None and user.is_authenticated and user.is_active):
        return None
    allowed = Product.objects.filter(seller_scope(user=user)).values("pk")
    return (
        Variant.objects.select_related("product").filter(pk=variant_id, product__in=allowed).first()
    )


def seller_artisans(*, user: Any, vendor_id: int | None = None) -> QuerySet[Artisan]:
    """The artisans of the user's vendors and, for an artisan's own sign-in, themself."""
    if not (user is not None and user.is_authenticated and user.is_active):
        return Artisan.objects.none()
    artisans = Artisan.objects.filter(
        Q(vendor__in=vendors_for_user(user).values("pk")) | Q(user=user)
    )
    if vendor_id is not None:
        artisans = artisans.filter(vendor_id=vendor_id)
    return artisans.select_related("district").order_by("name_en", "pk")


def seller_product_detail(*, user: Any, product_id: int) -> Product | None:
    """One listing the user may see as a seller, with variants and photos, else None."""
    return (
        seller_products(user=user)
        .prefetch_related(
            Prefetch("images", queryset=ProductImage.objects.order_by("position", "pk"))
        )
        .filter(pk=product_id)
        .first()
    )
