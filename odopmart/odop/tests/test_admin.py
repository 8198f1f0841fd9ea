from __future__ import annotations

import pytest
from django.urls import reverse

from odopmart.odop.models import OdopProduct, Verification

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:odop_odopproduct_changelist"


def test_changelist_add_and_change_pages(admin_client):
    product = OdopProduct.objects.get(slug="lucknow-chikankari-and-zari-zardozi")

    assert admin_client.get(reverse(CHANGELIST)).status_code == 200
    assert admin_client.get(reverse("admin:odop_odopproduct_add")).status_code == 200
    change = admin_client.get(reverse("admin:odop_odopproduct_change", args=[product.pk]))
    assert change.status_code == 200


@pytest.mark.parametrize(
    ("verification", "count"),
    [
        (Verification.UNVERIFIED, 28),
        (Verification.PARTIALLY_VERIFIED, 8),
        (Verification.VERIFIED_SECONDARY, 59),
        (Verification.VERIFIED_OFFICIAL, 7),
    ],
)
def test_operators_can_list_rows_by_verification(admin_client, verification, count):
    response = admin_client.get(reverse(CHANGELIST), {"verification__exact": verification})

    assert response.status_code == 200
    rows = response.context["cl"].result_list
    assert response.context["cl"].result_count == count
    assert {row.verification for row in rows} == {verification}


def test_unverified_rows_are_marked_in_the_list(admin_client):
    response = admin_client.get(reverse(CHANGELIST), {"verification__exact": "unverified"})

    content = response.content.decode()
    assert content.count(">Unverified</span>") == 28


def test_search_and_other_filters(admin_client):
    url = reverse(CHANGELIST)

    searched = admin_client.get(url, {"q": "chikankari"})
    with_gi = admin_client.get(url, {"gi_tag__isempty": "0", "rank__exact": "primary"})

    assert [row.slug for row in searched.context["cl"].result_list] == [
        "lucknow-chikankari-and-zari-zardozi"
    ]
    assert with_gi.status_code == 200
    assert all(row.gi_tag for row in with_gi.context["cl"].result_list)


def test_changelist_query_count_is_bounded(admin_client, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        response = admin_client.get(reverse(CHANGELIST))
    assert response.context["cl"].result_count == 102
