"""Write paths of sellers: moving a vendor through its approval states.

A vendor's products are on sale only while the vendor is approved, so approving or suspending a
vendor changes what buyers see; callers refresh the catalogue's counts afterwards.
"""

from __future__ import annotations

import logging

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.utils.translation import gettext

from odopmart.sellers.models import Vendor, VendorStatus

logger = logging.getLogger(__name__)

# Which status each status may move to.
VENDOR_TRANSITIONS: dict[str, frozenset[str]] = {
    VendorStatus.DRAFT: frozenset({VendorStatus.SUBMITTED, VendorStatus.APPROVED}),
    VendorStatus.SUBMITTED: frozenset(
        {VendorStatus.APPROVED, VendorStatus.REJECTED, VendorStatus.DRAFT}
    ),
    VendorStatus.APPROVED: frozenset({VendorStatus.SUSPENDED}),
    VendorStatus.REJECTED: frozenset({VendorStatus.SUBMITTED, VendorStatus.APPROVED}),
    VendorStatus.SUSPENDED: frozenset({VendorStatus.APPROVED}),
}


class VendorStatusError(Exception):
    """The vendor cannot move from its current status to the one asked for."""

    def __init__(self, vendor: Vendor, to: str) -> None:
        self.vendor = vendor
        self.from_status = vendor.status
        self.to_status = to
        super().__init__(
            gettext("%(vendor)s cannot go from %(from)s to %(to)s.")
            % {
                "vendor": vendor.name_en,
                "from": VendorStatus(vendor.status).label,
                "to": VendorStatus(to).label,
            }
        )


@transaction.atomic(durable=True)
def vendor_set_status(
    *, vendor_id: int, status: VendorStatus, actor: AbstractBaseUser | AnonymousUser | None
) -> Vendor:
    """Move a vendor to `status` if the transition table allows it; unchanged if already there."""
    vendor = Vendor.objects.select_for_update().get(pk=vendor_id)
    if vendor.status == status:
        return vendor
    if status not in VENDOR_TRANSITIONS[vendor.status]:
        raise VendorStatusError(vendor, status)
    previous = vendor.status
    vendor.status = status
    vendor.save(update_fields=["status"])
    logger.info(
        "Vendor %s status %s -> %s by %s", vendor.pk, previous, status, getattr(actor, "pk", None)
    )
    return vendor


def vendor_approve(*, vendor_id: int, actor: AbstractBaseUser | AnonymousUser | None) -> Vendor:
    return vendor_set_status(vendor_id=vendor_id, status=VendorStatus.APPROVED, actor=actor)


def vendor_suspend(*, vendor_id: int, actor: AbstractBaseUser | AnonymousUser | None) -> Vendor:
    return vendor_set_status(vendor_id=vendor_id, status=VendorStatus.SUSPENDED, actor=actor)
