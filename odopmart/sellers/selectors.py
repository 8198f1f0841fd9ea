"""Read paths of sellers: the district rule, onboarding progress and moderation queues."""

from __future__ import annotations

from django.db.models import QuerySet

from odopmart.odop.models import OdopProduct
from odopmart.sellers.models import (
    Artisan,
    ArtisanDistrictException,
    ExceptionStatus,
    Vendor,
    VendorStatus,
)


def artisan_may_make(artisan: Artisan, odop_product: OdopProduct) -> bool:
    """True if the artisan may make (and list) this ODOP product.

    An artisan makes their own district's ODOP products; another district's product needs an
    exception a moderator approved.
    """
    if odop_product.district_id == artisan.district_id:
        return True
    return ArtisanDistrictException.objects.filter(
        artisan=artisan, odop_product=odop_product, status=ExceptionStatus.APPROVED
    ).exists()


def odop_products_for_artisan(artisan: Artisan) -> QuerySet[OdopProduct]:
    """The ODOP products the artisan may make: their district's plus approved exceptions."""
    excepted = ArtisanDistrictException.objects.filter(
        artisan=artisan, status=ExceptionStatus.APPROVED
    ).values("odop_product")
    return (
        OdopProduct.objects.filter(district_id=artisan.district_id)
        | OdopProduct.objects.filter(pk__in=excepted)
    ).select_related("district")


def vendor_list_for_moderation(*, status: str = VendorStatus.SUBMITTED) -> QuerySet[Vendor]:
    """Vendors in a status, the longest-waiting first."""
    return (
        Vendor.objects.filter(status=status)
        .select_related("state", "district")
        .order_by("status_changed_at", "pk")
    )


def district_exception_list_open() -> QuerySet[ArtisanDistrictException]:
    return (
        ArtisanDistrictException.objects.filter(status=ExceptionStatus.REQUESTED)
        .select_related(
            "artisan__vendor", "artisan__district", "odop_product__district", "requested_by"
        )
        .order_by("requested_at", "pk")
    )
