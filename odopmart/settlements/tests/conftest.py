"""Fixtures for settlements: the books' fixtures (real orders through the buying services),
plus a vendor with a bank account and a finance user."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from odopmart.accounts.models import StaffRole, StaffRoleGrant
from odopmart.ledger.posting import ledger_trial_balance
from odopmart.ledger.services import ledger_recognise_due
from odopmart.ledger.tests.conftest import (  # noqa: F401  (fixtures)
    DELHI,
    LUCKNOW,
    artisan_share,
    at,
    buyer,
    cart_with,
    commission,
    deliver,
    dispatch,
    gst_slabs,
    place,
    product_of,
    sale,
)
from odopmart.sellers.models import VendorMembership


@pytest.fixture(autouse=True)
def _manual_provider(settings: Any) -> None:
    settings.SETTLEMENTS = {"PROVIDER": "manual", "ARTISAN_PAYOUTS": "platform"}


@pytest.fixture
def seller(make_vendor: Callable[..., Any]) -> Any:
    """A registered vendor in Uttar Pradesh with a PAN and a bank account."""
    return make_vendor(
        gstin="09AAACH7409R1ZZ",
        pan="AAACH7409R",
        bank_account_holder="Hunar Handicrafts",
        bank_account_number="50100012345678",
        bank_ifsc="HDFC0001234",
    )


def recognise(on: date) -> int:
    count = ledger_recognise_due(now=at(on))
    assert ledger_trial_balance() == 0
    return count


@pytest.fixture
def make_user(db: None) -> Callable[..., Any]:
    def make(username: str, **kwargs: Any) -> Any:
        return get_user_model().objects.create_user(
            username=username, password="x-long-password", **kwargs
        )

    return make


@pytest.fixture
def finance_user(make_user: Callable[..., Any]) -> Any:
    user = make_user("finance")
    StaffRoleGrant.objects.create(user=user, role=StaffRole.FINANCE)
    return user


@pytest.fixture
def member_of(make_user: Callable[..., Any]) -> Callable[..., Any]:
    def make(vendor: Any, username: str = "owner") -> Any:
        user = make_user(username)
        VendorMembership.objects.create(user=user, vendor=vendor, role="owner")
        return user

    return make
