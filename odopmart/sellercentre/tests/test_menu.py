"""The seller-centre menu shows each person the pages of their work, and only those."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory

from odopmart.accounts.models import StaffRole, StaffRoleGrant
from odopmart.sellercentre.templatetags.sellercentre import sc_nav

pytestmark = pytest.mark.django_db


def _menu(user) -> set[str]:  # noqa: ANN001
    request = RequestFactory().get("/seller/")
    request.user = user
    return {item["key"] for item in sc_nav({"request": request})}


def _staff(role: str):  # noqa: ANN202
    user = get_user_model().objects.create_user(f"staff-{role}")
    StaffRoleGrant.objects.create(user=user, role=role)
    return user


def test_helpline_finance_and_operator_menus() -> None:
    helpline = _menu(_staff(StaffRole.HELPLINE))
    assert {"shipments", "helpline", "messages", "grievances"} <= helpline
    assert not {"finance", "insights", "settlements"} & helpline

    finance = _menu(_staff(StaffRole.FINANCE))
    assert {"finance", "insights", "settlements", "invoices"} <= finance
    assert not {"helpline", "messages"} & finance

    operator = _menu(_staff(StaffRole.OPERATOR_ADMIN))
    assert {"helpline", "messages", "finance", "insights", "moderation"} <= operator


def test_a_vendor_member_sees_its_own_work(make_vendor) -> None:  # noqa: ANN001
    from odopmart.sellers.models import VendorMembership

    user = get_user_model().objects.create_user("vendor-owner")
    VendorMembership.objects.create(user=user, vendor=make_vendor(), role="owner")
    menu = _menu(user)
    assert {"orders", "shipments", "invoices", "settlements"} <= menu
    assert not {"helpline", "messages", "finance", "insights", "grievances"} & menu
