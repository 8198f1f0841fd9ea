from __future__ import annotations

import itertools

import pytest

from odopmart.catalog.listing_issues import ListingError
from odopmart.catalog.listing_services import gst_rate_issue, gst_rate_verified_row
from odopmart.catalog.models import (
    Category,
    GstRate,
    HsnCode,
    Product,
    ProductImage,
    ProductStatus,
    ProductStatusEvent,
)
from odopmart.catalog.moderation import (
    MODERATOR_MOVES,
    PRODUCT_TRANSITIONS,
    GstOnRecord,
    listing_checklist,
    listing_checklists,
    moderation_queue,
    product_transition,
    products_set_status,
)
from odopmart.catalog.tests.listing_helpers import VARANASI_ODOP, make_user
from odopmart.odop.models import OdopProduct
from odopmart.regions.models import District
from odopmart.sellers.models import ArtisanDistrictException, ExceptionStatus, VendorStatus
from odopmart.sellers.services import vendor_approve

pytestmark = pytest.mark.django_db

STATUSES = ProductStatus.values
ALLOWED = {(start, end) for start, ends in PRODUCT_TRANSITIONS.items() for end in ends}


@pytest.fixture
def moderator():
    return make_user("moderator")


@pytest.fixture
def seller():
    return make_user()


@pytest.fixture
def ready(make_product):
    """A listing that passes every checklist item, in any status."""

    def make(status: str = ProductStatus.DRAFT, **overrides):
        product = make_product(status=status, **overrides)
        ProductImage.objects.create(product=product, image="products/x.jpg", alt_en="Front")
        return product

    return make


def _items(product):
    return {item.key: item for item in listing_checklist(product)}


def test_every_status_has_a_row_in_the_table():
    assert set(PRODUCT_TRANSITIONS) == set(STATUSES)


@pytest.mark.parametrize(
    ("start", "end"),
    sorted(pair for pair in itertools.permutations(STATUSES, 2) if pair in ALLOWED),
)
def test_allowed_transitions_move_and_write_an_event(ready, moderator, start, end):
    product = ready(start)

    product_transition(product_id=product.pk, to=end, actor=moderator, reason="looks right")

    product.refresh_from_db()
    event = ProductStatusEvent.objects.get(product=product)
    assert product.status == end
    assert (event.from_status, event.to_status, event.actor, event.reason) == (
        start,
        end,
        moderator,
        "looks right",
    )
    assert event.created_at is not None


@pytest.mark.parametrize(
    ("start", "end"),
    sorted(pair for pair in itertools.product(STATUSES, STATUSES) if pair not in ALLOWED),
)
def test_disallowed_transitions_are_refused_and_change_nothing(ready, moderator, start, end):
    product = ready(start)

    with pytest.raises(ListingError) as caught:
        product_transition(product_id=product.pk, to=end, actor=moderator, reason="x")

    assert caught.value.issues[0].code == "transition_not_allowed"
    product.refresh_from_db()
    assert product.status == start
    assert not ProductStatusEvent.objects.exists()


@pytest.mark.parametrize(("start", "end"), sorted(MODERATOR_MOVES))
def test_only_moderators_approve_or_ask_for_changes(ready, seller, start, end):
    product = ready(start)
    with pytest.raises(ListingError) as caught:
        product_transition(product_id=product.pk, to=end, actor=seller, reason="please")
    assert caught.value.issues[0].code == "not_moderator"
    product.refresh_from_db()
    assert product.status == start


def test_asking_for_changes_needs_a_reason(ready, moderator):
    product = ready(ProductStatus.SUBMITTED)
    with pytest.raises(ListingError) as caught:
        product_transition(
            product_id=product.pk, to=ProductStatus.CHANGES_REQUESTED, actor=moderator, reason=" "
        )
    assert caught.value.issues[0].code == "reason_required"


def test_submitting_needs_the_blocking_checklist_items(make_product, seller):
    product = make_product(status=ProductStatus.DRAFT)  # no photo

    with pytest.raises(ListingError) as caught:
        product_transition(product_id=product.pk, to=ProductStatus.SUBMITTED, actor=seller)

    assert caught.value.issues[0].code == "checklist_blocking"
    assert "photo" in caught.value.issues[0].message
    product.refresh_from_db()
    assert product.status == ProductStatus.DRAFT


def _fill_category(make_product, price_paise: int, count: int = 5):
    for _ in range(count):
        make_product(price_paise=price_paise)


def test_price_outside_the_band_is_a_warning_the_moderator_must_accept(
    make_product, ready, seller, moderator
):
    _fill_category(make_product, 100000)  # median ₹1,000 in clothing
    product = ready(price_paise=1000)  # ₹10

    product_transition(product_id=product.pk, to=ProductStatus.SUBMITTED, actor=seller)
    with pytest.raises(ListingError) as caught:
        product_transition(product_id=product.pk, to=ProductStatus.APPROVED, actor=moderator)

    issue = caught.value.issues[0]
    assert (issue.field, issue.code) == ("accept_warnings", "warnings_not_accepted")
    assert "Price is usual for the category" in issue.message
    product.refresh_from_db()
    assert product.status == ProductStatus.SUBMITTED
    assert ProductStatusEvent.objects.filter(product=product).count() == 1  # the submission


def test_moderator_approves_an_unusual_price_anyway_and_the_event_says_so(
    make_product, ready, seller, moderator
):
    _fill_category(make_product, 100000)
    product = ready(price_paise=1000)
    sku = product.variants.get().sku
    product_transition(product_id=product.pk, to=ProductStatus.SUBMITTED, actor=seller)

    product_transition(
        product_id=product.pk,
        to=ProductStatus.APPROVED,
        actor=moderator,
        reason="Miniature, priced right",
        accept_warnings=True,
    )

    product.refresh_from_db()
    assert product.status == ProductStatus.APPROVED
    event = ProductStatusEvent.objects.get(product=product, to_status=ProductStatus.APPROVED)
    assert event.actor == moderator
    lines = event.reason.split("\n")
    assert lines[0] == "Miniature, priced right"
    assert lines[1].startswith(
        "Price-band warning acknowledged. Usual prices in Clothing & Accessories are ₹200 to"
    )
    assert f"Outside that: {sku} ₹10." in lines[1]


def test_accepting_warnings_does_not_pass_the_other_checks(make_product, moderator):
    _fill_category(make_product, 100000)
    product = make_product(status=ProductStatus.SUBMITTED, price_paise=1000)  # no photo either

    with pytest.raises(ListingError) as caught:
        product_transition(
            product_id=product.pk,
            to=ProductStatus.APPROVED,
            actor=moderator,
            accept_warnings=True,
        )

    assert caught.value.issues[0].code == "checklist_incomplete"
    assert "At least one photo" in caught.value.issues[0].message
    assert "Price is usual" not in caught.value.issues[0].message
    product.refresh_from_db()
    assert product.status == ProductStatus.SUBMITTED


def test_a_usual_price_needs_no_acceptance_and_records_only_the_note(
    make_product, ready, moderator
):
    _fill_category(make_product, 100000)
    product = ready(ProductStatus.SUBMITTED, price_paise=120000)

    product_transition(
        product_id=product.pk, to=ProductStatus.APPROVED, actor=moderator, reason="Fine"
    )

    assert ProductStatusEvent.objects.get(product=product).reason == "Fine"


def test_bulk_approval_refuses_unusual_prices_unless_accepted(make_product, ready, moderator):
    _fill_category(make_product, 100000)
    usual = ready(ProductStatus.SUBMITTED, price_paise=100000)
    cheap = ready(ProductStatus.SUBMITTED, price_paise=1000)

    first = products_set_status(
        product_ids=[usual.pk, cheap.pk], to=ProductStatus.APPROVED, actor=moderator
    )
    assert first.changed == [usual.pk]
    assert "Price is usual for the category" in first.refused[cheap.pk]

    second = products_set_status(
        product_ids=[cheap.pk], to=ProductStatus.APPROVED, actor=moderator, accept_warnings=True
    )
    assert second.changed == [cheap.pk]
    assert "Price-band warning acknowledged" in ProductStatusEvent.objects.get(product=cheap).reason


@pytest.mark.parametrize(
    ("price_paise", "ok"),
    [(20000, True), (19999, False), (500000, True), (500001, False), (100000, True)],
)
def test_price_band_edges(make_product, ready, price_paise, ok):
    _fill_category(make_product, 100000)
    item = _items(ready(price_paise=price_paise))["price_band"]
    assert (item.ok, item.blocking, item.warning) == (ok, False, True)


def test_price_band_factors_come_from_settings(make_product, ready, settings):
    _fill_category(make_product, 100000)
    product = ready(price_paise=300000)
    assert _items(product)["price_band"].ok
    settings.ODOPMART = {**settings.ODOPMART, "LISTING_PRICE_BAND_HIGH": "2"}
    assert not _items(product)["price_band"].ok


def test_price_band_is_skipped_with_too_few_listings(ready):
    item = _items(ready(price_paise=100))["price_band"]
    assert item.ok
    assert "Too few" in item.detail


def test_checklist_of_a_complete_listing_passes(ready):
    items = listing_checklist(ready())
    assert [item.key for item in items] == [
        "photo",
        "name",
        "description",
        "hsn",
        "gst",
        "prices",
        "price_band",
        "origin",
    ]
    assert all(item.ok for item in items)
    assert [item.key for item in items if not item.blocking] == ["price_band"]
    assert [item.key for item in items if item.warning] == ["price_band"]


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"name_hi": ""}, "name"),
        ({"name_hi": "Kurta"}, "name"),  # Hindi field not in Devanagari
        ({"description_en": ""}, "description"),
        ({"hsn_code": "9999"}, "hsn gst"),  # the rate can't be checked without the code
        ({"gst_rate_bp": 1200}, "gst"),
    ],
)
def test_checklist_items_fail_on_bad_content(ready, changes, key):
    product = ready()
    Product.objects.filter(pk=product.pk).update(**changes)
    product.refresh_from_db()
    items = _items(product)
    assert [k for k, item in items.items() if not item.ok] == key.split()


def test_checklist_gst_fails_when_the_verified_rate_disallows_it(ready):
    product = ready(category_slug="pottery-glass", hsn_code="6914", gst_rate_bp=500)
    item = _items(product)["gst"]
    assert not item.ok
    assert "18%" in item.detail


def test_checklist_flags_photo_and_prices(ready, make_product):
    product = make_product(status=ProductStatus.DRAFT)
    product.variants.update(is_active=False)
    items = _items(product)
    assert not items["photo"].ok
    assert not items["prices"].ok


def test_checklist_origin_needs_the_artisans_district_or_an_exception(ready):
    product = ready()
    varanasi = OdopProduct.objects.get(slug=VARANASI_ODOP)
    Product.objects.filter(pk=product.pk).update(
        odop_product=varanasi, district=District.objects.get(slug="varanasi")
    )
    product.refresh_from_db()
    assert not _items(product)["origin"].ok

    ArtisanDistrictException.objects.create(
        artisan=product.artisan,
        odop_product=varanasi,
        status=ExceptionStatus.APPROVED,
        request_reason="moved",
    )
    assert _items(product)["origin"].ok


def test_approval_and_archiving_keep_tile_counts_in_step(ready, moderator, seller):
    product = ready(ProductStatus.SUBMITTED)
    district = District.objects.get(pk=product.district_id)
    category = Category.objects.get(pk=product.category_id)
    before = (district.product_count, category.product_count)

    product_transition(product_id=product.pk, to=ProductStatus.APPROVED, actor=moderator)
    district.refresh_from_db()
    category.refresh_from_db()
    assert (district.product_count, category.product_count) == (before[0] + 1, before[1] + 1)

    product_transition(product_id=product.pk, to=ProductStatus.ARCHIVED, actor=seller)
    district.refresh_from_db()
    assert district.product_count == before[0]


def test_bulk_status_moves_what_it_can_and_reports_the_rest(ready, make_product, moderator):
    good = ready(ProductStatus.SUBMITTED)
    no_photo = make_product(status=ProductStatus.SUBMITTED)
    draft = ready(ProductStatus.DRAFT)

    result = products_set_status(
        product_ids=[draft.pk, good.pk, no_photo.pk, 10**9],
        to=ProductStatus.APPROVED,
        actor=moderator,
    )

    assert result.changed == [good.pk]
    assert set(result.refused) == {no_photo.pk, draft.pk}
    assert "photo" in result.refused[no_photo.pk]
    statuses = dict(
        Product.objects.filter(pk__in=[good.pk, no_photo.pk, draft.pk]).values_list("pk", "status")
    )
    assert statuses == {good.pk: "approved", no_photo.pk: "submitted", draft.pk: "draft"}
    assert ProductStatusEvent.objects.filter(product=good).count() == 1


def test_queue_lists_submitted_listings_longest_waiting_first(ready, seller):
    first, second, third = ready(), ready(), ready()
    for product in (second, first, third):
        product_transition(product_id=product.pk, to=ProductStatus.SUBMITTED, actor=seller)
    ready(ProductStatus.APPROVED)

    assert [p.pk for p in moderation_queue()] == [second.pk, first.pk, third.pk]


def test_approved_listing_is_on_the_storefront_only_once_its_vendor_is(
    make_vendor, make_artisan, ready, moderator, client
):
    vendor = make_vendor(status=VendorStatus.SUBMITTED)
    product = ready(ProductStatus.SUBMITTED, artisan=make_artisan(vendor=vendor))
    product_transition(product_id=product.pk, to=ProductStatus.APPROVED, actor=moderator)

    assert not Product.objects.visible().filter(pk=product.pk).exists()
    assert client.get(product.get_absolute_url()).status_code == 404

    vendor_approve(vendor_id=vendor.pk, actor=moderator)

    assert Product.objects.visible().filter(pk=product.pk).exists()
    assert client.get(product.get_absolute_url()).status_code == 200


def _load(products):
    return list(
        Product.objects.filter(pk__in=[p.pk for p in products])
        .select_related("vendor", "category", "artisan__district", "odop_product__district")
        .order_by("pk")
    )


def test_checklists_of_many_listings_match_the_one_by_one_checklists(ready, make_product):
    _fill_category(make_product, 100000)
    varanasi = OdopProduct.objects.get(slug=VARANASI_ODOP)
    moved, excepted = ready(), ready()
    Product.objects.filter(pk__in=[moved.pk, excepted.pk]).update(
        odop_product=varanasi, district=District.objects.get(slug="varanasi")
    )
    ArtisanDistrictException.objects.create(
        artisan=excepted.artisan,
        odop_product=varanasi,
        status=ExceptionStatus.APPROVED,
        request_reason="moved",
    )
    products = [
        ready(),
        ready(price_paise=1000),
        ready(hsn_code="9999"),
        ready(gst_rate_bp=1200),
        ready(category_slug="pottery-glass", hsn_code="6914", gst_rate_bp=500),
        ready(name_hi="Kurta"),
        make_product(status=ProductStatus.DRAFT),
        moved,
        excepted,
    ]

    batch = listing_checklists(_load(products))
    one_by_one = {product.pk: listing_checklist(product) for product in _load(products)}

    assert batch == one_by_one
    failing = {pk: {i.key for i in items if not i.ok} for pk, items in batch.items()}
    assert [failing[p.pk] for p in products] == [
        set(),
        {"price_band"},
        {"hsn", "gst"},
        {"gst"},
        {"gst"},
        {"name"},
        {"photo"},
        {"origin"},
        set(),
    ]


def test_gst_check_of_the_checklist_follows_the_listing_rules(django_assert_num_queries):
    with_rows = set(GstRate.objects.values_list("hsn_code", flat=True))
    # Every code with a rate row, longer codes under them, and one with no row at all.
    codes = sorted(
        {
            code
            for code in HsnCode.objects.filter(code__in=with_rows).values_list("code", flat=True)
            if len(code) >= 4  # chapters (2 digits) are not codes a listing can have
        }
        | set(
            HsnCode.objects.filter(code__regex=r"^(6204|6914|4202|7013)[0-9]{2,4}$").values_list(
                "code", flat=True
            )[:20]
        )
        | {"6204"}
    )
    with django_assert_num_queries(2):
        on_record = GstOnRecord(codes)
    assert on_record.known == set(codes)

    for code in codes:
        assert on_record.verified_rate(code) == gst_rate_verified_row(code), code
        for rate_bp in (0, 250, 500, 700, 1200, 1800, 4000):
            assert on_record.issue(code, rate_bp) == gst_rate_issue(code, rate_bp), (code, rate_bp)
