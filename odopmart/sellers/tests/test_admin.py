from __future__ import annotations

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from odopmart.catalog.services import catalogue_refresh_counts
from odopmart.regions.models import District
from odopmart.sellers.models import (
    Artisan,
    ArtisanDistrictException,
    ArtisanVendorHistory,
    DeskAssignment,
    KycDocument,
    Vendor,
    VendorMembership,
    VendorStatus,
    VendorStatusEvent,
)

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

    asked = admin_client.post(
        reverse(VENDORS), {"action": "suspend_vendors", "_selected_action": [product.vendor_id]}
    )
    product.vendor.refresh_from_db()
    assert product.vendor.status == VendorStatus.APPROVED  # not before a reason is given
    assert 'name="reason"' in asked.content.decode()

    admin_client.post(
        reverse(VENDORS),
        {
            "action": "suspend_vendors",
            "_selected_action": [product.vendor_id],
            "apply": "1",
            "reason": "Parcels not handed over for two weeks",
        },
    )

    product.vendor.refresh_from_db()
    agra.refresh_from_db()
    assert product.vendor.status == VendorStatus.SUSPENDED
    assert product.vendor.status_reason == "Parcels not handed over for two weeks"
    assert agra.product_count == 0


def test_reject_action_needs_a_reason_and_records_it(admin_client, make_vendor, admin_user):
    vendor = make_vendor(status=VendorStatus.SUBMITTED)
    data = {"action": "reject_vendors", "_selected_action": [vendor.pk], "apply": "1"}

    empty = admin_client.post(reverse(VENDORS), {**data, "reason": ""})
    vendor.refresh_from_db()
    assert vendor.status == VendorStatus.SUBMITTED
    assert empty.status_code == 200

    admin_client.post(reverse(VENDORS), {**data, "reason": "PAN card unreadable"})

    vendor.refresh_from_db()
    assert (vendor.status, vendor.status_reason) == (VendorStatus.REJECTED, "PAN card unreadable")
    event = VendorStatusEvent.objects.get(vendor=vendor)
    assert (event.actor, event.reason) == (admin_user, "PAN card unreadable")


@pytest.mark.parametrize(
    "model",
    [
        ArtisanDistrictException,
        DeskAssignment,
        VendorMembership,
        VendorStatusEvent,
        KycDocument,
        ArtisanVendorHistory,
    ],
)
def test_other_changelists(admin_client, make_application, make_member, model):
    from odopmart.sellers.services import vendor_submit

    vendor = make_application()
    vendor_submit(vendor_id=vendor.pk, actor=make_member(vendor))
    url = reverse(f"admin:sellers_{model._meta.model_name}_changelist")

    response = admin_client.get(url)

    assert response.status_code == 200
    if model is KycDocument:
        document = vendor.documents.first()
        download = reverse("sellercentre:document_download", args=[document.pk])
        assert download in response.content.decode()
        change = admin_client.get(reverse("admin:sellers_kycdocument_change", args=[document.pk]))
        assert change.status_code == 200
        assert "/media/" not in change.content.decode()


def test_desk_assignment_added_in_the_admin(admin_client, admin_user, make_artisan, desk_user):
    artisan = make_artisan()

    response = admin_client.post(
        reverse("admin:sellers_deskassignment_add"),
        {
            "desk_user": desk_user.pk,
            "vendor": artisan.vendor_id,
            "artisan": artisan.pk,
            "active": "on",
        },
    )

    assert response.status_code == 302
    assignment = DeskAssignment.objects.get()
    assert (assignment.desk_user, assignment.artisan, assignment.assigned_by) == (
        desk_user,
        artisan,
        admin_user,
    )


def test_desk_assignment_refuses_someone_off_the_desk(admin_client, make_artisan, make_user):
    artisan = make_artisan()

    response = admin_client.post(
        reverse("admin:sellers_deskassignment_add"),
        {"desk_user": make_user().pk, "vendor": artisan.vendor_id, "active": "on"},
    )

    assert response.status_code == 200
    assert "not on the catalogue desk" in response.content.decode()
    assert not DeskAssignment.objects.exists()


def test_artisan_vendor_is_read_only_once_created(admin_client, make_artisan):
    artisan = make_artisan()

    page = admin_client.get(reverse("admin:sellers_artisan_change", args=[artisan.pk]))

    content = page.content.decode()
    assert 'name="vendor"' not in content
    assert reverse("sellercentre:artisan_move", args=[artisan.pk]) in content


def test_refused_transition_is_reported_and_changes_nothing(admin_client, make_vendor):
    draft = make_vendor(name_en="Draft Crafts", status=VendorStatus.DRAFT)

    response = admin_client.post(
        reverse(VENDORS),
        {"action": "suspend_vendors", "_selected_action": [draft.pk], "apply": "1", "reason": "x"},
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
