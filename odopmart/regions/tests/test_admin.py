from __future__ import annotations

import pytest
from django.urls import reverse

from odopmart.regions.models import District, Pincode, PostOffice, State

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", [State, District, Pincode, PostOffice])
def test_changelist_and_add_pages(admin_client, model):
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    add = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")

    assert admin_client.get(changelist).status_code == 200
    assert admin_client.get(changelist, {"q": "lucknow"}).status_code == 200
    assert admin_client.get(add).status_code == 200
    obj = model.objects.order_by("pk").first()
    change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    assert admin_client.get(change).status_code == 200


def test_district_search_and_state_filter(admin_client):
    up = State.objects.get(gst_state_code="09")
    url = reverse("admin:regions_district_changelist")

    by_state = admin_client.get(url, {"state__id__exact": up.pk})
    searched = admin_client.get(url, {"q": "लखनऊ"})

    assert by_state.context["cl"].result_count == 75
    assert [d.slug for d in searched.context["cl"].result_list] == ["lucknow"]


def test_district_page_lists_its_odop_products(admin_client):
    varanasi = District.objects.get(slug="varanasi")

    response = admin_client.get(reverse("admin:regions_district_change", args=[varanasi.pk]))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Banarasi Silk Sarees" in content
    assert "Pink meenakari" in content


def test_state_filter_and_search(admin_client):
    url = reverse("admin:regions_state_changelist")

    response = admin_client.get(url, {"q": "09", "type__exact": "state"})

    assert [s.gst_state_code for s in response.context["cl"].result_list] == ["09"]
    assert response.context["cl"].result_list[0].district_total == 75


def test_pincode_search_by_code_prefix_and_filter(admin_client):
    url = reverse("admin:regions_pincode_changelist")

    response = admin_client.get(url, {"q": "226001", "is_serviceable__exact": "1"})

    assert [p.code for p in response.context["cl"].result_list] == ["226001"]


def test_pincode_list_query_count_is_bounded(admin_client, django_assert_max_num_queries):
    # Session, user, count, page of rows with district and state joined, filter choices.
    with django_assert_max_num_queries(8):
        response = admin_client.get(reverse("admin:regions_pincode_changelist"))
    assert response.status_code == 200


def test_post_office_form_does_not_load_every_pincode(admin_client):
    response = admin_client.get(reverse("admin:regions_postoffice_add"))

    # Autocomplete widgets: no <option> per PIN code or district.
    assert response.content.decode().count("<option") < 50
