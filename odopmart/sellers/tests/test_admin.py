from __future__ import annotations

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from odopmart.catalog.services import catalogue_refresh_counts
from odopmart.regions.models import District
from odopmart.sellers.models import Artisan, Vendor, VendorStatus

pytestmark = pytest.mark.django_db

VENDORS = "admin:sellers_vendor_changelist"


@pytest.mark.parametrize("model", [Vendor, Artisan])
def test_changelist_add_and_change_pages(admin_client, make_artisan, model):
    make_artisan()
    opts = model._meta
    changelist = reverse(f"admin:sellers_{opts.model_name}_changelist")
    obj = model.objects.first()

    assert admin_client.get(changelist).status_code == 200
    assert admin_client.get(changelist, {"q": "test"}).status_code == 200
    assert admin_client.get(reverse(f"admin:sellers_{opts.model_name}_add")).status_code == 200
    change = reverse(f"admin:sellers_{opts.model_name}_change", args=[obj.pk])
    assert admin_client.get(change).status_code == 200


def test_vendor_filters_and_search(admin_client, make_vendor):
    approved = make_vendor(name_en="Agra Leather Works", status=VendorStatus.APPROVED)
    submitted = make_vendor(name_en="Firozabad Glass Guild", status=VendorStatus.SUBMITTED)

    by_status = admin_client.get(reverse(VENDORS), {"status__exact": "submitted"})
    by_gstin = admin_client.get(reverse(VENDORS), {"q": approved.gstin})

    assert list(by_status.context["cl"].result_list) == [submitted]
    assert list(by_gstin.context["cl"].result_list) == [approved]


def test_artisan_filters(admin_client, make_artisan, make_vendor):
    suspended_vendor = make_vendor(status=VendorStatus.SUSPENDED)
    hidden = make_artisan(vendor=suspended_vendor, district=District.objects.get(slug="agra"))
    make_artisan()

    response = admin_client.get(
        reverse("admin:sellers_artisan_changelist"), {"vendor__status__exact": "suspended"}
    )

    assert list(response.context["cl"].result_list) == [hidden]


def test_approve_action(admin_client, make_vendor, admin_user):
    submitted = make_vendor(status=VendorStatus.SUBMITTED)
    suspended = make_vendor(status=VendorStatus.SUSPENDED)
    already = make_vendor(status=VendorStatus.APPROVED)

    response = admin_client.post(
        reverse(VENDORS),
        {
            "action": "approve_vendors",
            "_selected_action": [submitted.pk, suspended.pk, already.pk],
        },
        follow=True,
    )

    assert response.status_code == 200
    assert set(Vendor.objects.values_list("status", flat=True)) == {VendorStatus.APPROVED}
    assert "2 vendors are now Approved." in response.content.decode()
    logged = LogEntry.objects.filter(user=admin_user).values_list("object_id", flat=True)
    assert sorted(logged) == sorted([str(submitted.pk), str(suspended.pk)])


def test_suspend_action_hides_products_and_refreshes_counts(admin_client, make_product):
    product = make_product(district_slug="agra", category_slug="leather-footwear")
    catalogue_refresh_counts()
    agra = District.objects.get(slug="agra")
    assert agra.product_count == 1

    admin_client.post(
        reverse(VENDORS), {"action": "suspend_vendors", "_selected_action": [product.vendor_id]}
    )

    product.vendor.refresh_from_db()
    agra.refresh_from_db()
    assert product.vendor.status == VendorStatus.SUSPENDED
    assert agra.product_count == 0


def test_refused_transition_is_reported_and_changes_nothing(admin_client, make_vendor):
    draft = make_vendor(name_en="Draft Crafts", status=VendorStatus.DRAFT)

    response = admin_client.post(
        reverse(VENDORS),
        {"action": "suspend_vendors", "_selected_action": [draft.pk]},
        follow=True,
    )

    draft.refresh_from_db()
    assert draft.status == VendorStatus.DRAFT
    content = response.content.decode()
    assert "Draft Crafts cannot go from Draft to Suspended." in content
    assert "0 vendors are now Suspended." in content


def test_vendor_status_is_not_editable_in_the_form(admin_client, make_vendor):
    vendor = make_vendor(status=VendorStatus.SUBMITTED)

    response = admin_client.get(reverse("admin:sellers_vendor_change", args=[vendor.pk]))

    assert 'name="status"' not in response.content.decode()


def test_vendor_changelist_query_count_is_bounded(
    admin_client, make_artisan, django_assert_max_num_queries
):
    for _ in range(3):
        make_artisan()
    with django_assert_max_num_queries(10) as few:
        admin_client.get(reverse(VENDORS))
    for _ in range(10):
        make_artisan()
    with django_assert_max_num_queries(10) as many:
        admin_client.get(reverse(VENDORS))
    assert len(many.captured_queries) == len(few.captured_queries)


def test_artisan_changelist_query_count_is_bounded(
    admin_client, make_artisan, django_assert_max_num_queries
):
    make_artisan()
    with django_assert_max_num_queries(10) as few:
        admin_client.get(reverse("admin:sellers_artisan_changelist"))
    for _ in range(12):
        make_artisan()  # each with a vendor of its own
    with django_assert_max_num_queries(10) as many:
        response = admin_client.get(reverse("admin:sellers_artisan_changelist"))
    assert response.context["cl"].result_count == 13
    assert len(many.captured_queries) == len(few.captured_queries)
