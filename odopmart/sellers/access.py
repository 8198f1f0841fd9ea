"""Who may act for which vendor and which artisans: the one place seller-centre pages ask.

* A vendor's members (owner or staff, `VendorMembership`) act for the vendor and its artisans.
* The operator's catalogue desk works on the artisans assigned to it (`DeskAssignment`).
* An artisan with a sign-in sees only themself.
* Operator admins (and superusers) see every artisan.

Pages answer 404, never 403, when someone asks for a vendor or artisan that is not theirs, so ids
of other sellers cannot be probed.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest

from odopmart.accounts.models import StaffRole, StaffRoleGrant
from odopmart.sellers.models import Artisan, DeskAssignment, Vendor, VendorMembership

User = AbstractBaseUser | AnonymousUser

# The vendor a member last worked on; pages without a vendor id in the URL use it.
CURRENT_VENDOR_SESSION_KEY = "sellercentre_vendor_id"


def _signed_in(user: User | None) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_operator_admin(user: User | None) -> bool:
    """Superusers and holders of the operator-admin role (not moderators or the desk)."""
    if not _signed_in(user):
        return False
    if getattr(user, "is_superuser", False):
        return True
    return StaffRoleGrant.objects.filter(user=user, role=StaffRole.OPERATOR_ADMIN).exists()


def is_catalogue_desk(user: User | None) -> bool:
    """Holders of the catalogue-desk role itself (operator admins see everything anyway)."""
    if not _signed_in(user):
        return False
    return StaffRoleGrant.objects.filter(user=user, role=StaffRole.CATALOGUE_DESK).exists()


def vendor_memberships(user: User | None) -> QuerySet[VendorMembership]:
    """The user's memberships with their vendors, oldest first."""
    if not _signed_in(user):
        return VendorMembership.objects.none()
    return VendorMembership.objects.filter(user=user).select_related("vendor").order_by("pk")


def vendors_for_user(user: User | None) -> QuerySet[Vendor]:
    """The vendors the user is a member of (any status)."""
    if not _signed_in(user):
        return Vendor.objects.none()
    return Vendor.objects.filter(memberships__user=user).order_by("name_en", "pk")


def is_vendor_member(user: User | None, vendor_id: int) -> bool:
    if not _signed_in(user):
        return False
    return VendorMembership.objects.filter(user=user, vendor_id=vendor_id).exists()


def require_vendor(request: HttpRequest, vendor_id: int | None) -> Vendor:
    """The vendor with this id if the signed-in user is a member of it, else 404.

    With `vendor_id=None`: the vendor the user last worked on (kept in the session) or their
    first one; 404 when they have none. The chosen vendor becomes the current one.
    """
    user = request.user
    if not _signed_in(user):
        raise Http404
    vendors = vendors_for_user(user)
    vendor = None
    if vendor_id is not None:
        vendor = vendors.filter(pk=vendor_id).first()
    else:
        remembered = request.session.get(CURRENT_VENDOR_SESSION_KEY)
        if remembered is not None:
            vendor = vendors.filter(pk=remembered).first()
        if vendor is None:
            membership = vendor_memberships(user).first()
            vendor = membership.vendor if membership else None
    if vendor is None:
        raise Http404
    if request.session.get(CURRENT_VENDOR_SESSION_KEY) != vendor.pk:
        request.session[CURRENT_VENDOR_SESSION_KEY] = vendor.pk
    return vendor


def artisan_for_user(user: User | None) -> Artisan | None:
    """The artisan this sign-in belongs to, if any."""
    if not _signed_in(user):
        return None
    return Artisan.objects.select_related("vendor", "district").filter(user=user).first()


def _desk_filter(user: User) -> Q:
    assignments = DeskAssignment.objects.filter(desk_user=user, active=True)
    return Q(pk__in=assignments.filter(artisan__isnull=False).values("artisan")) | Q(
        vendor__in=assignments.filter(artisan__isnull=True).values("vendor")
    )


def artisans_for_user(user: User | None) -> QuerySet[Artisan]:
    """Every artisan the user may see in the seller centre.

    Members see their vendors' artisans, the catalogue desk its assigned artisans, an artisan
    themself, operator admins everyone.
    """
    artisans = Artisan.objects.select_related("vendor", "district").order_by("name_en", "pk")
    if not _signed_in(user):
        return artisans.none()
    if is_operator_admin(user):
        return artisans
    scope = Q(vendor__memberships__user=user) | Q(user=user)
    if is_catalogue_desk(user):
        scope |= _desk_filter(user)
    # The membership join yields one row per artisan (a user has one membership per vendor).
    return artisans.filter(scope).distinct()


def can_manage_artisan(user: User | None, artisan: Artisan) -> bool:
    """May the user edit this artisan and list products for them?

    Members of the artisan's vendor, the desk member it is assigned to and operator admins may;
    the artisan themself may only look.
    """
    if not _signed_in(user):
        return False
    if is_vendor_member(user, artisan.vendor_id) or is_operator_admin(user):
        return True
    if is_catalogue_desk(user):
        return Artisan.objects.filter(_desk_filter(user), pk=artisan.pk).exists()
    return False


def can_see_artisan(user: User | None, artisan: Artisan) -> bool:
    """May the user look at this artisan (manage it, or be it)?"""
    if _signed_in(user) and artisan.user_id is not None and artisan.user_id == user.pk:
        return True
    return can_manage_artisan(user, artisan)
