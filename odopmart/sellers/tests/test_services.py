from __future__ import annotations

import itertools

import pytest

from odopmart.sellers.models import VendorStatus
from odopmart.sellers.services import (
    VENDOR_TRANSITIONS,
    VendorStatusError,
    vendor_approve,
    vendor_set_status,
    vendor_suspend,
)

pytestmark = pytest.mark.django_db

ALLOWED = {(start, end) for start, ends in VENDOR_TRANSITIONS.items() for end in ends}


def test_every_status_has_a_row_in_the_transition_table():
    assert set(VENDOR_TRANSITIONS) == set(VendorStatus.values)


@pytest.mark.parametrize(
    ("start", "end"),
    [pair for pair in itertools.permutations(VendorStatus.values, 2) if pair in ALLOWED],
)
def test_allowed_transitions(make_vendor, admin_user, start, end):
    vendor = make_vendor(status=start)

    result = vendor_set_status(vendor_id=vendor.pk, status=end, actor=admin_user)

    vendor.refresh_from_db()
    assert result.status == vendor.status == end


@pytest.mark.parametrize(
    ("start", "end"),
    [pair for pair in itertools.permutations(VendorStatus.values, 2) if pair not in ALLOWED],
)
def test_refused_transitions_change_nothing(make_vendor, admin_user, start, end):
    vendor = make_vendor(status=start)

    with pytest.raises(VendorStatusError) as error:
        vendor_set_status(vendor_id=vendor.pk, status=end, actor=admin_user)

    vendor.refresh_from_db()
    assert vendor.status == start
    assert error.value.from_status == start
    assert error.value.to_status == end


def test_setting_the_same_status_is_a_no_op(make_vendor):
    vendor = make_vendor(status=VendorStatus.APPROVED)

    assert vendor_approve(vendor_id=vendor.pk, actor=None).status == VendorStatus.APPROVED


def test_approve_and_suspend(make_vendor, admin_user):
    vendor = make_vendor(status=VendorStatus.SUBMITTED)

    assert vendor_approve(vendor_id=vendor.pk, actor=admin_user).status == "approved"
    assert vendor_suspend(vendor_id=vendor.pk, actor=admin_user).status == "suspended"
    assert vendor_approve(vendor_id=vendor.pk, actor=admin_user).status == "approved"


def test_error_message_names_vendor_and_statuses(make_vendor):
    vendor = make_vendor(name_en="Agra Leather Works", status=VendorStatus.DRAFT)

    with pytest.raises(
        VendorStatusError, match="Agra Leather Works cannot go from Draft to Suspended"
    ):
        vendor_suspend(vendor_id=vendor.pk, actor=None)
