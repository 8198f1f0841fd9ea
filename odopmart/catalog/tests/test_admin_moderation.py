"""Listing moderation in the operator console: the bulk actions, the status history and the
read-only records (status changes, listing imports)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from odopmart.catalog.models import (
    ImportBatch,
    ImportBatchStatus,
    Product,
    ProductImage,
    ProductStatus,
    ProductStatusEvent,
)
from odopmart.catalog.moderation import product_transition
from odopmart.catalog.tests.listing_helpers import make_user
from odopmart.regions.models import District

pytestmark = pytest.mark.django_db

PRODUCTS = reverse("admin:catalog_product_changelist")


@pytest.fixture
def ready(make_product):
    def make(status: str = ProductStatus.SUBMITTED, **overrides):
        product = make_product(status=status, **overrides)
        ProductImage.objects.create(product=product, image="products/x.jpg", alt_en="Front")
        return product

    return make


def _act(client, action, products, **extra):
    data = {"action": action, "_selected_action": [p.pk for p in products], **extra}
    return client.post(PRODUCTS, data, follow=True)


def _messages(response):
    return [str(message) for message in response.context["messages"]]


def _statuses(*products):
    return [Product.objects.get(pk=p.pk).status for p in products]


def test_approve_moves_what_passes_and_reports_the_rest(
    admin_client, admin_user, ready, make_product
):
    good, also_good = ready(), ready()
    no_photo = make_product(status=ProductStatus.SUBMITTED, name_en="Bare kurta")
    draft = ready(ProductStatus.DRAFT)

    response = _act(admin_client, "approve_listings", [good, also_good, no_photo, draft])

    assert response.status_code == 200
    assert _statuses(good, also_good, no_photo, draft) == [
        "approved", "approved", "submitted", "draft",
    ]  # fmt: skip
    shown = _messages(response)
    assert shown[0] == "2 listings are now “Approved”."
    assert shown[1] == "2 listings were left as they were:"
    assert any(m.startswith(f"#{no_photo.pk} Bare kurta: Every check must pass") for m in shown)
    assert any(m.startswith(f"#{draft.pk} ") and "can't become" in m for m in shown)
    event = ProductStatusEvent.objects.get(product=good)
    assert (event.actor, event.to_status) == (admin_user, "approved")
    assert District.objects.get(pk=good.district_id).product_count >= 2


def test_approving_an_unusual_price_asks_first(admin_client, ready, make_product):
    for _ in range(5):
        make_product(price_paise=100000)
    usual, cheap = ready(price_paise=100000), ready(price_paise=1000, name_en="Tiny kurta")

    page = _act(admin_client, "approve_listings", [usual, cheap])

    content = page.content.decode()
    assert page.templates[0].name == "admin/catalog/product/moderation_action.html"
    assert "Price is usual for the category" in content
    assert "Outside that:" in content
    assert 'name="accept_warnings"' in content
    assert _statuses(usual, cheap) == ["submitted", "submitted"]

    not_ticked = _act(admin_client, "approve_listings", [usual, cheap], apply="1")
    assert _statuses(usual, cheap) == ["approved", "submitted"]
    assert any("tick the box" in m for m in _messages(not_ticked))

    ticked = _act(
        admin_client,
        "approve_listings",
        [cheap],
        apply="1",
        accept_warnings="on",
        reason="Miniature",
    )
    assert _statuses(cheap) == ["approved"]
    assert _messages(ticked) == ["1 listing is now “Approved”."]
    reason = ProductStatusEvent.objects.get(product=cheap, to_status="approved").reason
    assert reason.startswith("Miniature\nPrice-band warning acknowledged. Usual prices")


def test_ask_for_changes_needs_a_reason_on_an_intermediate_page(admin_client, ready):
    first, second = ready(), ready()

    page = _act(admin_client, "ask_for_changes", [first, second])
    assert page.templates[0].name == "admin/catalog/product/moderation_action.html"
    assert 'name="reason"' in page.content.decode()
    assert _statuses(first, second) == ["submitted", "submitted"]

    empty = _act(admin_client, "ask_for_changes", [first, second], apply="1", reason=" ")
    assert "This field is required." in empty.content.decode()
    assert _statuses(first, second) == ["submitted", "submitted"]

    done = _act(
        admin_client, "ask_for_changes", [first, second], apply="1", reason="Photo is blurred"
    )
    assert _statuses(first, second) == ["changes_requested", "changes_requested"]
    assert _messages(done) == ["2 listings are now “Changes requested”."]
    assert set(ProductStatusEvent.objects.values_list("reason", flat=True)) == {"Photo is blurred"}


def test_archive_takes_approved_listings_off_sale(admin_client, ready):
    on_sale, draft = ready(ProductStatus.APPROVED), ready(ProductStatus.DRAFT)
    district = District.objects.get(pk=on_sale.district_id)
    district.product_count = 1
    district.save(update_fields=["product_count"])

    response = _act(admin_client, "archive_listings", [on_sale, draft])

    assert _statuses(on_sale, draft) == ["archived", "draft"]
    shown = _messages(response)
    assert shown[:2] == ["1 listing is now “Archived”.", "1 listing was left as it was:"]
    district.refresh_from_db()
    assert district.product_count == 0


def test_staff_without_the_moderator_role_can_archive_but_not_moderate(client, ready):
    staff = make_user(is_staff=True)
    staff.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_product", "change_product"])
    )
    client.force_login(staff)
    waiting = ready()

    choices = dict(client.get(PRODUCTS).context["action_form"].fields["action"].choices)
    assert "archive_listings" in choices
    assert "approve_listings" not in choices
    assert "ask_for_changes" not in choices

    _act(client, "approve_listings", [waiting])
    _act(client, "ask_for_changes", [waiting], apply="1", reason="no")
    assert _statuses(waiting) == ["submitted"]
    assert not ProductStatusEvent.objects.exists()


def test_product_page_shows_the_status_history(admin_client, ready, django_assert_max_num_queries):
    product = ready(ProductStatus.DRAFT)
    seller, moderator = make_user(), make_user("moderator")
    product_transition(product_id=product.pk, to="submitted", actor=seller)
    product_transition(
        product_id=product.pk, to="changes_requested", actor=moderator, reason="Add the size"
    )
    url = reverse("admin:catalog_product_change", args=[product.pk])

    with django_assert_max_num_queries(40):
        content = admin_client.get(url).content.decode()

    assert "Status history" in content
    assert "Add the size" in content
    assert moderator.username in content
    assert 'name="status"' not in content  # read-only: moves only through the actions


def test_status_events_are_listed_read_only(admin_client, ready, admin_user):
    product = ready()
    product_transition(product_id=product.pk, to="approved", actor=admin_user, reason="Good")
    event = ProductStatusEvent.objects.get()

    listing = admin_client.get(reverse("admin:catalog_productstatusevent_changelist"))
    assert listing.status_code == 200
    assert list(listing.context["cl"].result_list) == [event]
    filtered = admin_client.get(
        reverse("admin:catalog_productstatusevent_changelist"), {"q": product.name_en}
    )
    assert list(filtered.context["cl"].result_list) == [event]
    detail = admin_client.get(reverse("admin:catalog_productstatusevent_change", args=[event.pk]))
    assert detail.status_code == 200
    assert "Good" in detail.content.decode()
    assert admin_client.get(reverse("admin:catalog_productstatusevent_add")).status_code == 403
    delete = reverse("admin:catalog_productstatusevent_delete", args=[event.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert ProductStatusEvent.objects.count() == 1


def test_import_batches_are_shown_without_the_file(admin_client, make_vendor, admin_user):
    batch = ImportBatch.objects.create(
        created_by=admin_user,
        vendor=make_vendor(),
        file_name="listings.csv",
        file_format="csv",
        content=b"SECRET-ROW-CONTENT",
        content_sha256="0" * 64,
        status=ImportBatchStatus.IMPORTED,
        row_count=3,
        product_count=2,
        product_ids=[11, 12],
    )
    listing_url = reverse("admin:catalog_importbatch_changelist")
    change_url = reverse("admin:catalog_importbatch_change", args=[batch.pk])

    listing = admin_client.get(listing_url)
    detail = admin_client.get(change_url)

    assert listing.status_code == detail.status_code == 200
    assert list(listing.context["cl"].result_list) == [batch]
    content = detail.content.decode()
    assert "listings.csv" in content
    assert "SECRET-ROW-CONTENT" not in content
    assert "?id__in=11,12" in content
    assert "content" in listing.context["cl"].queryset.query.deferred_loading[0]
    assert admin_client.get(reverse("admin:catalog_importbatch_add")).status_code == 403
    assert admin_client.post(change_url, {"file_name": "x.csv"}).status_code == 403
