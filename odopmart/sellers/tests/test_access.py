"""The access helpers the seller-centre pages (onboarding, artisans, listings) rely on."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.http import Http404
from django.test import RequestFactory

from odopmart.sellers.access import (
    CURRENT_VENDOR_SESSION_KEY,
    artisan_for_user,
    artisans_for_user,
    can_manage_artisan,
    can_see_artisan,
    require_vendor,
    vendor_memberships,
    vendors_for_user,
)
from odopmart.sellers.models import DeskAssignment, MembershipRole

pytestmark = pytest.mark.django_db


def request_for(user, session=None):
    request = RequestFactory().get("/seller/")
    request.user = user
    request.session = session if session is not None else SessionStore()
    return request


def test_memberships_and_vendors(make_vendor, make_member, make_user):
    first, second, other = make_vendor(), make_vendor(), make_vendor()
    user = make_member(first)
    make_member(second, role=MembershipRole.STAFF, user=user)

    assert [m.vendor for m in vendor_memberships(user)] == [first, second]
    assert set(vendors_for_user(user)) == {first, second}
    assert other not in vendors_for_user(user)
    assert not vendors_for_user(make_user()).exists()
    assert not vendors_for_user(AnonymousUser()).exists()


def test_require_vendor(make_vendor, make_member):
    first, second, other = make_vendor(), make_vendor(), make_vendor()
    user = make_member(first)
    make_member(second, user=user)
    session = SessionStore()

    assert require_vendor(request_for(user, session), None) == first  # the first membership
    assert require_vendor(request_for(user, session), second.pk) == second
    assert session[CURRENT_VENDOR_SESSION_KEY] == second.pk
    assert require_vendor(request_for(user, session), None) == second  # remembered
    with pytest.raises(Http404):
        require_vendor(request_for(user, session), other.pk)
    with pytest.raises(Http404):
        require_vendor(request_for(AnonymousUser()), first.pk)


def test_require_vendor_forgets_a_vendor_one_left(make_vendor, make_member):
    first, second = make_vendor(), make_vendor()
    user = make_member(first)
    session = SessionStore()
    session[CURRENT_VENDOR_SESSION_KEY] = second.pk  # no longer a member

    assert require_vendor(request_for(user, session), None) == first


def test_require_vendor_without_any_membership_is_404(make_user):
    with pytest.raises(Http404):
        require_vendor(request_for(make_user()), None)


def test_artisans_for_members(make_artisan, make_member):
    mine = make_artisan()
    colleague = make_artisan(vendor=mine.vendor)
    theirs = make_artisan()
    user = make_member(mine.vendor)

    assert set(artisans_for_user(user)) == {mine, colleague}
    assert can_manage_artisan(user, mine)
    assert not can_manage_artisan(user, theirs)
    assert not can_see_artisan(user, theirs)


def test_artisan_sees_themself(make_artisan, make_user):
    artisan = make_artisan()
    colleague = make_artisan(vendor=artisan.vendor)
    user = make_user()
    artisan.user = user
    artisan.save()

    assert artisan_for_user(user) == artisan
    assert list(artisans_for_user(user)) == [artisan]
    assert can_see_artisan(user, artisan)
    assert not can_manage_artisan(user, artisan)
    assert not can_see_artisan(user, colleague)
    assert artisan_for_user(AnonymousUser()) is None


def test_desk_sees_assigned_artisans_and_whole_vendors(make_artisan, desk_user):
    single = make_artisan()
    whole_vendor = make_artisan()
    also_whole = make_artisan(vendor=whole_vendor.vendor)
    unassigned = make_artisan()
    neighbour = make_artisan(vendor=single.vendor)
    DeskAssignment.objects.create(desk_user=desk_user, vendor=single.vendor, artisan=single)
    DeskAssignment.objects.create(desk_user=desk_user, vendor=whole_vendor.vendor)
    DeskAssignment.objects.create(
        desk_user=desk_user, vendor=unassigned.vendor, artisan=unassigned, active=False
    )

    assert set(artisans_for_user(desk_user)) == {single, whole_vendor, also_whole}
    assert can_manage_artisan(desk_user, also_whole)
    assert not can_manage_artisan(desk_user, unassigned)
    assert not can_manage_artisan(desk_user, neighbour)


def test_assignment_to_someone_else_gives_nothing(make_artisan, desk_user, make_user):
    from odopmart.accounts.models import StaffRole

    artisan = make_artisan()
    other_desk = make_user(StaffRole.CATALOGUE_DESK)
    DeskAssignment.objects.create(desk_user=other_desk, vendor=artisan.vendor, artisan=artisan)

    assert not artisans_for_user(desk_user).exists()


def test_operator_admin_sees_everyone_moderator_does_not(make_artisan, operator_admin, moderator):
    artisans = {make_artisan(), make_artisan()}

    assert set(artisans_for_user(operator_admin)) == artisans
    assert all(can_manage_artisan(operator_admin, a) for a in artisans)
    assert not artisans_for_user(moderator).exists()


def test_no_duplicates_for_several_ways_in(make_artisan, make_member, operator_admin):
    artisan = make_artisan()
    user = make_member(artisan.vendor)
    artisan.user = user
    artisan.save()

    assert list(artisans_for_user(user)) == [artisan]
