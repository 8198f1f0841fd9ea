"""The seller-centre dashboard: listing counts, low stock, artisans, onboarding, staff queues."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from odopmart.accounts.models import StaffRole
from odopmart.catalog.models import ProductStatus, Variant
from odopmart.sellers.models import VendorStatus

pytestmark = pytest.mark.django_db

DASHBOARD = "/seller/"


def _page(response) -> str:
    return unescape(response.content.decode())


def _count_links(page: str, vendor_id: int) -> dict[str, int]:
    """{status: count} from the listing-count links of one vendor's panel."""
    pattern = r'href="/seller/listings/\?status=(\w+)&vendor=' + str(vendor_id) + r'"><strong>(\d+)'
    return {status: int(count) for status, count in re.findall(pattern, page)}


@pytest.fixture
def vendor(make_vendor):
    return make_vendor()


@pytest.fixture
def member(client, vendor, make_member):
    client.force_login(make_member(vendor))
    return client


def test_listing_counts_by_status_link_to_the_filtered_listings(
    member, vendor, make_artisan, make_product
):
    artisan = make_artisan(vendor=vendor)
    for status, how_many in (
        (ProductStatus.DRAFT, 2),
        (ProductStatus.SUBMITTED, 1),
        (ProductStatus.CHANGES_REQUESTED, 1),
        (ProductStatus.APPROVED, 3),
    ):
        for _ in range(how_many):
            make_product(artisan=artisan, status=status)
    make_product(status=ProductStatus.DRAFT)  # another vendor's

    response = member.get(DASHBOARD)

    assert response.status_code == 200
    page = _page(response)
    assert _count_links(page, vendor.pk) == {
        "draft": 2,
        "submitted": 1,
        "changes_requested": 1,
        "approved": 3,
        "archived": 0,
    }
    panel = response.context["vendor_panels"][0]
    assert panel["numbers"].listings_total == 7
    assert panel["numbers"].artisans == 1
    assert "Orders awaiting action" in page
    assert "Orders appear here once buyers order." in page


def test_low_stock_lists_live_active_variants_lowest_first(
    member, vendor, make_artisan, make_product
):
    artisan = make_artisan(vendor=vendor)
    empty = make_product(artisan=artisan, stock=0, name_en="Empty kurta").variants.get()
    two = make_product(artisan=artisan, stock=2, name_en="Two dupattas").variants.get()
    three = make_product(artisan=artisan, stock=3, name_en="Three stoles").variants.get()
    make_product(artisan=artisan, stock=4, name_en="Plenty sarees")
    make_product(artisan=artisan, stock=0, status=ProductStatus.ARCHIVED, name_en="Old stole")
    off = make_product(artisan=artisan, stock=1, name_en="Switched off").variants.get()
    Variant.objects.filter(pk=off.pk).update(is_active=False)
    make_product(stock=0, name_en="Other vendor's")

    response = member.get(DASHBOARD)

    numbers = response.context["vendor_panels"][0]["numbers"]
    assert [variant.pk for variant in numbers.low_stock] == [empty.pk, two.pk, three.pk]
    assert numbers.low_stock_count == 3
    page = _page(response)
    assert "Low stock (at most 3 left)" in page
    assert f'href="/seller/listings/{empty.product_id}/#options"' in page
    assert "0 left" in page
    assert "2 left" in page
    for hidden in ("Plenty sarees", "Old stole", "Switched off", "Other vendor's"):
        assert hidden not in page


def test_the_low_stock_threshold_and_list_length_are_settings(
    member, vendor, make_artisan, make_product, settings
):
    settings.ODOPMART = {**settings.ODOPMART, "LOW_STOCK_THRESHOLD": 1}
    artisan = make_artisan(vendor=vendor)
    for stock in (0, 1, 1, 2):
        make_product(artisan=artisan, stock=stock)

    response = member.get(DASHBOARD)

    numbers = response.context["vendor_panels"][0]["numbers"]
    assert [variant.stock for variant in numbers.low_stock] == [0, 1, 1]
    assert "Low stock (at most 1 left)" in _page(response)


def test_only_the_ten_lowest_are_listed_with_the_full_count(
    member, vendor, make_artisan, make_product
):
    artisan = make_artisan(vendor=vendor)
    make_product(artisan=artisan, stock=1, variants=12)

    response = member.get(DASHBOARD)

    numbers = response.context["vendor_panels"][0]["numbers"]
    assert len(numbers.low_stock) == 10
    assert numbers.low_stock_count == 12
    assert "The 10 lowest of 12 are shown." in _page(response)


def test_no_low_stock(member, vendor, make_artisan, make_product):
    make_product(artisan=make_artisan(vendor=vendor), stock=9)

    assert "No listing is running low." in _page(member.get(DASHBOARD))


@pytest.mark.parametrize(
    ("status", "banner", "button"),
    [
        (VendorStatus.DRAFT, "Next: Business and tax details", "Continue your application"),
        (VendorStatus.SUBMITTED, "A moderator is checking", "See your application"),
        (VendorStatus.REJECTED, "Why it was not approved:", "Correct and submit again"),
        (VendorStatus.SUSPENDED, "Why sales are paused:", "Profile & documents"),
    ],
)  # fmt: skip
def test_a_vendor_that_is_not_approved_gets_a_banner(
    client, make_vendor, make_member, status, banner, button
):
    vendor = make_vendor(status=status, status_reason="GSTIN does not match")
    client.force_login(make_member(vendor))

    page = _page(client.get(DASHBOARD))

    assert 'class="dash-banner' in page
    assert banner in page
    assert button in page
    assert "Orders awaiting action" in page


def test_an_approved_vendor_has_no_banner(member):
    page = _page(member.get(DASHBOARD))

    assert 'class="dash-banner' not in page
    assert "Add a listing" in page


def test_each_vendor_shows_only_its_own_numbers(client, make_vendor, make_member, make_artisan,
                                                make_product):  # fmt: skip
    first, second = make_vendor(), make_vendor()
    user = make_member(first)
    make_member(second, user=user)
    make_product(artisan=make_artisan(vendor=first), status=ProductStatus.DRAFT)
    make_product(artisan=make_artisan(vendor=second), status=ProductStatus.APPROVED, stock=1)
    make_artisan(vendor=second)
    client.force_login(user)

    response = client.get(DASHBOARD)

    panels = {panel["vendor"].pk: panel["numbers"] for panel in response.context["vendor_panels"]}
    assert panels[first.pk].listings == {"draft": 1}
    assert panels[first.pk].artisans == 1
    assert panels[first.pk].low_stock == []
    assert panels[second.pk].listings == {"approved": 1}
    assert panels[second.pk].artisans == 2
    assert panels[second.pk].low_stock_count == 1


def test_the_dashboard_takes_the_same_queries_for_one_vendor_or_several(
    client, make_vendor, make_member, make_artisan, make_product
):
    vendor = make_vendor()
    user = make_member(vendor)
    make_product(artisan=make_artisan(vendor=vendor), stock=1)
    client.force_login(user)
    with CaptureQueriesContext(connection) as one:
        assert client.get(DASHBOARD).status_code == 200
    for _ in range(3):
        other = make_vendor()
        make_member(other, user=user)
        artisan = make_artisan(vendor=other)
        for stock in (0, 1, 2, 7):
            make_product(artisan=artisan, stock=stock, variants=2)
    with CaptureQueriesContext(connection) as several:
        assert client.get(DASHBOARD).status_code == 200

    assert len(several) == len(one)
    # 12, and one for the orders and returns awaiting action.
    assert len(several) <= 13


def test_the_catalogue_desk_gets_its_queue(client, make_user):
    client.force_login(make_user(StaffRole.CATALOGUE_DESK))

    page = _page(client.get(DASHBOARD))

    assert 'href="/seller/listings/desk/"' in page
    assert "Open your artisans' queue" in page
    assert "Listings waiting for review" not in page


def test_moderators_see_what_waits_for_them(client, moderator, make_vendor, make_product):
    make_vendor(status=VendorStatus.SUBMITTED)
    make_vendor(status=VendorStatus.SUBMITTED)
    make_vendor(status=VendorStatus.DRAFT)
    make_product(status=ProductStatus.SUBMITTED)
    make_product(status=ProductStatus.APPROVED)
    client.force_login(moderator)

    response = client.get(DASHBOARD)

    assert response.context["pending"] == {"vendors": 2, "listings": 1}
    page = _page(response)
    assert re.search(
        r'href="/seller/moderation/">\s*<span class="dash-label">Seller applications waiting'
        r'</span>\s*<strong class="dash-number">2</strong>',
        page,
    )
    assert re.search(
        r'href="/seller/listings/moderation/">\s*<span class="dash-label">Listings waiting for '
        r'review</span>\s*<strong class="dash-number">1</strong>',
        page,
    )


def test_people_without_a_seller_role_are_invited_to_become_one(client, make_user):
    client.force_login(make_user())

    response = client.get(DASHBOARD)

    assert response.status_code == 200
    assert response.context["vendor_panels"] == []
    assert "Become a seller" in _page(response)
