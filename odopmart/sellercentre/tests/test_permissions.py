"""Who may see what: other sellers' ids answer 404 and change nothing; anonymous people are sent to
sign in; an artisan sees only themself; the desk sees its assigned artisans."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import URLPattern, resolve, reverse

from odopmart.odop.models import OdopProduct
from odopmart.sellercentre.urls import urlpatterns
from odopmart.sellers.models import (
    Artisan,
    ArtisanDistrictException,
    ArtisanVendorHistory,
    DeskAssignment,
    KycDocument,
    Vendor,
    VendorStatus,
    VendorStatusEvent,
)
from odopmart.sellers.tests.fixtures import PDF_BYTES, upload

pytestmark = pytest.mark.django_db


@dataclass
class Seller:
    vendor: Vendor
    owner: Any
    artisan: Artisan
    document: KycDocument
    exception: ArtisanDistrictException


@pytest.fixture
def make_seller(make_application, make_member, make_artisan):
    def make(status: str = VendorStatus.APPROVED) -> Seller:
        vendor = make_application(status=status)
        artisan = make_artisan(vendor=vendor)
        exception = ArtisanDistrictException.objects.create(
            artisan=artisan,
            odop_product=OdopProduct.objects.filter(district__slug="agra").first(),
            request_reason="Learnt the craft in Agra",
        )
        return Seller(vendor, make_member(vendor), artisan, vendor.documents.first(), exception)

    return make


@pytest.fixture
def first(make_seller) -> Seller:
    return make_seller()


@pytest.fixture
def second(make_seller) -> Seller:
    return make_seller()


def snapshot() -> dict[str, Any]:
    """Everything a page could change."""
    return {
        "vendors": list(Vendor.objects.order_by("pk").values()),
        "artisans": list(Artisan.objects.order_by("pk").values()),
        "artisan_products": list(
            Artisan.odop_products.through.objects.order_by("pk").values_list(
                "artisan_id", "odopproduct_id"
            )
        ),
        "documents": list(KycDocument.objects.order_by("pk").values_list("pk", "file")),
        "events": VendorStatusEvent.objects.count(),
        "history": ArtisanVendorHistory.objects.count(),
        "exceptions": list(ArtisanDistrictException.objects.order_by("pk").values()),
        "desk": DeskAssignment.objects.count(),
    }


ARTISAN_POST = {
    "name_en": "Changed Name",
    "preferred_language": "hi",
    "town": "Chowk",
    "pincode": "226003",
}


def pages(target: Seller, own: Seller) -> list[tuple[str, str, dict[str, Any]]]:
    """(method, url, data) for every seller-centre page that touches `target`'s data."""
    v, a, d, e = target.vendor.pk, target.artisan.pk, target.document.pk, target.exception.pk
    step = "sellercentre:onboarding_step"
    return [
        ("get", reverse("sellercentre:onboarding_resume", args=[v]), {}),
        *[("get", reverse(step, args=[v, s]), {}) for s in ("business", "address", "review")],
        ("post", reverse(step, args=[v, "contact"]), {"contact_name": "Someone else"}),
        ("post", reverse(step, args=[v, "review"]), {"action": "submit"}),
        ("post", reverse(step, args=[v, "documents"]), {"action": "continue"}),
        ("get", reverse("sellercentre:profile", args=[v]), {}),
        ("post", reverse("sellercentre:profile", args=[v]), {"action": "edit", "phone": "1"}),
        (
            "post",
            reverse("sellercentre:profile", args=[v]),
            {"action": "upload", "kind": "other", "file": upload("x.pdf", PDF_BYTES)},
        ),
        ("post", reverse("sellercentre:document_delete", args=[v, d]), {}),
        # Their document under one's own vendor id.
        ("post", reverse("sellercentre:document_delete", args=[own.vendor.pk, d]), {}),
        ("get", reverse("sellercentre:document_download", args=[d]), {}),
        ("get", reverse("sellercentre:artisan_add", args=[v]), {}),
        ("post", reverse("sellercentre:artisan_add", args=[v]), ARTISAN_POST),
        ("get", reverse("sellercentre:artisan", args=[a]), {}),
        ("post", reverse("sellercentre:artisan", args=[a]), ARTISAN_POST),
        ("get", reverse("sellercentre:artisan_exception", args=[a]), {}),
        ("post", reverse("sellercentre:artisan_exception", args=[a]), {"reason": "x"}),
        ("get", reverse("sellercentre:artisan_move", args=[a]), {}),
        (
            "post",
            reverse("sellercentre:artisan_move", args=[a]),
            {"to_vendor": own.vendor.pk, "reason": "mine now"},
        ),
        ("get", reverse("sellercentre:seller_moderation"), {}),
        ("get", reverse("sellercentre:seller_moderation_vendor", args=[v]), {}),
        ("post", reverse("sellercentre:seller_moderation_vendor", args=[v]), {"action": "suspend",
                                                                        "reason": "x"}),
        ("get", reverse("sellercentre:seller_moderation_exceptions"), {}),
        (
            "post",
            reverse("sellercentre:seller_moderation_exception_decide", args=[e]),
            {"action": "approve"},
        ),
    ]  # fmt: skip


PAGE_COUNT = 26


def test_the_page_list_covers_every_url_with_an_id(first, second):
    with_ids = {
        pattern.name
        for pattern in urlpatterns
        if isinstance(pattern, URLPattern) and pattern.pattern.converters
    }
    listed = pages(first, second)

    assert len(listed) == PAGE_COUNT
    assert with_ids <= {resolve(url).url_name for _method, url, _data in listed}


@pytest.mark.parametrize("index", range(PAGE_COUNT))
def test_another_vendors_ids_answer_404_and_change_nothing(client, first, second, index):
    method, url, data = pages(first, second)[index]
    client.force_login(second.owner)
    before = snapshot()

    response = getattr(client, method)(url, data)

    assert response.status_code == 404, url
    assert snapshot() == before


@pytest.mark.parametrize("index", range(PAGE_COUNT))
def test_the_same_in_hindi(client, first, second, index):
    method, url, data = pages(first, second)[index]
    client.force_login(second.owner)
    before = snapshot()

    response = getattr(client, method)("/hi" + url, data)

    assert response.status_code == 404
    assert snapshot() == before


@pytest.mark.parametrize("index", range(PAGE_COUNT))
def test_anonymous_people_are_sent_to_sign_in(client, first, second, index):
    method, url, data = pages(first, second)[index]
    before = snapshot()

    response = getattr(client, method)(url, data)

    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL) + "?next=")
    assert snapshot() == before


@pytest.mark.parametrize(
    "name",
    ["dashboard", "onboarding_start", "profile_current", "artisans", "moderation"],
)
def test_anonymous_redirect_for_pages_without_ids(client, name):
    response = client.get(reverse(name if ":" in name else f"sellercentre:{name}"))

    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))


def test_artisan_list_shows_only_ones_own_artisans(client, first, second):
    client.force_login(second.owner)

    response = client.get(reverse("sellercentre:artisans"))
    by_id = client.get(reverse("sellercentre:artisans"), {"vendor": first.vendor.pk})

    assert list(response.context["page"].object_list) == [second.artisan]
    assert list(by_id.context["page"].object_list) == []
    assert [v.pk for v in response.context["add_vendors"]] == [second.vendor.pk]


def test_profile_without_an_id_opens_ones_own_vendor(client, first, second):
    client.force_login(second.owner)

    response = client.get(reverse("sellercentre:profile_current"))

    assert response["Location"] == reverse("sellercentre:profile", args=[second.vendor.pk])


def test_a_member_of_both_vendors_may_open_both(client, first, second, make_member):
    make_member(first.vendor, user=second.owner)
    client.force_login(second.owner)

    for seller in (first, second):
        assert (
            client.get(reverse("sellercentre:profile", args=[seller.vendor.pk])).status_code == 200
        )
        assert (
            client.get(reverse("sellercentre:artisan", args=[seller.artisan.pk])).status_code == 200
        )


# --- artisans signing in ---------------------------------------------------------------------


@pytest.fixture
def artisan_user(first, make_user):
    user = make_user()
    first.artisan.user = user
    first.artisan.save(update_fields=["user"])
    return user


def test_an_artisan_sees_only_themself(client, first, second, artisan_user, make_artisan):
    colleague = make_artisan(vendor=first.vendor)
    client.force_login(artisan_user)

    listing = client.get(reverse("sellercentre:artisans"))
    own = client.get(reverse("sellercentre:artisan", args=[first.artisan.pk]))
    dashboard = client.get(reverse("sellercentre:dashboard"))

    assert list(listing.context["page"].object_list) == [first.artisan]
    assert own.status_code == 200
    assert "form" not in own.context  # looking, not editing
    assert dashboard.status_code == 302  # to the artisan's own page
    assert dashboard["Location"] == "/hi/seller/me/"
    for other in (colleague, second.artisan):
        assert client.get(reverse("sellercentre:artisan", args=[other.pk])).status_code == 404


def test_an_artisan_cannot_change_their_own_details_or_the_vendor(client, first, artisan_user):
    client.force_login(artisan_user)
    before = snapshot()

    edit = client.post(reverse("sellercentre:artisan", args=[first.artisan.pk]), ARTISAN_POST)
    exception = client.post(
        reverse("sellercentre:artisan_exception", args=[first.artisan.pk]), {"reason": "x"}
    )
    vendor_pages = [
        client.get(reverse("sellercentre:profile", args=[first.vendor.pk])),
        client.get(reverse("sellercentre:document_download", args=[first.document.pk])),
        client.get(reverse("sellercentre:artisan_add", args=[first.vendor.pk])),
    ]

    assert (edit.status_code, exception.status_code) == (403, 403)
    assert [page.status_code for page in vendor_pages] == [404, 404, 404]
    assert snapshot() == before


# --- the catalogue desk and operators --------------------------------------------------------


def test_the_desk_sees_and_edits_only_assigned_artisans(client, first, second, desk_user):
    DeskAssignment.objects.create(desk_user=desk_user, vendor=first.vendor, artisan=first.artisan)
    client.force_login(desk_user)

    listing = client.get(reverse("sellercentre:artisans"))
    assigned = client.get(reverse("sellercentre:artisan", args=[first.artisan.pk]))
    other = client.get(reverse("sellercentre:artisan", args=[second.artisan.pk]))
    profile = client.get(reverse("sellercentre:profile", args=[first.vendor.pk]))

    assert list(listing.context["page"].object_list) == [first.artisan]
    assert assigned.status_code == 200
    assert "form" in assigned.context
    assert (other.status_code, profile.status_code) == (404, 404)


def test_an_ended_desk_assignment_gives_nothing(client, first, desk_user):
    DeskAssignment.objects.create(
        desk_user=desk_user, vendor=first.vendor, artisan=first.artisan, active=False
    )
    client.force_login(desk_user)

    assert client.get(reverse("sellercentre:artisan", args=[first.artisan.pk])).status_code == 404


def test_only_operator_admins_move_artisans(client, first, second, operator_admin):
    client.force_login(first.owner)
    before = snapshot()
    refused = client.post(
        reverse("sellercentre:artisan_move", args=[first.artisan.pk]),
        {"to_vendor": second.vendor.pk, "reason": "x"},
    )
    assert refused.status_code == 403
    assert snapshot() == before

    client.force_login(operator_admin)
    moved = client.post(
        reverse("sellercentre:artisan_move", args=[first.artisan.pk]),
        {"to_vendor": second.vendor.pk, "reason": "Joined the FPO"},
    )

    assert moved.status_code == 302
    first.artisan.refresh_from_db()
    assert first.artisan.vendor == second.vendor
    history = ArtisanVendorHistory.objects.get(artisan=first.artisan)
    assert (history.from_vendor, history.to_vendor, history.actor) == (
        first.vendor,
        second.vendor,
        operator_admin,
    )


def test_moderators_open_any_document_and_vendors_only_their_own(client, first, moderator):
    client.force_login(moderator)
    as_moderator = client.get(reverse("sellercentre:document_download", args=[first.document.pk]))
    client.force_login(first.owner)
    as_owner = client.get(reverse("sellercentre:document_download", args=[first.document.pk]))

    for response in (as_moderator, as_owner):
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF_BYTES
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["Cache-Control"] == "private, no-store"


def test_documents_are_not_under_the_public_media_url(client, first):
    name = first.document.file.name

    assert client.get(f"{settings.MEDIA_URL}{name}").status_code == 404
    assert not (Path(settings.MEDIA_ROOT) / name).exists()
    assert not Path(first.document.file.path).is_relative_to(Path(settings.MEDIA_ROOT).resolve())
