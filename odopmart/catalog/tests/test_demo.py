from __future__ import annotations

import random
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from odopmart.catalog.demo import generate_demo_catalogue
from odopmart.catalog.demo.crafts import craft_for, craft_index
from odopmart.catalog.demo.generator import allocate, apportion
from odopmart.catalog.demo.naming import product_naming
from odopmart.catalog.demo.pricing import mrp_rupees, retail_rupees
from odopmart.catalog.demo.vocabulary import CATEGORY_DEFAULTS, VARIANT_SETS
from odopmart.catalog.models import Category, Product, ProductImage, Variant
from odopmart.core.demo_logins import DEMO_LOGINS
from odopmart.odop.models import OdopProduct
from odopmart.regions.models import District
from odopmart.sellers.gstin import gstin_is_valid, gstin_state_code
from odopmart.sellers.models import Artisan, Vendor

# Small runs keep the tests fast; pictures are drawn small for the same reason.
SMALL = {"image_px": 96}
DEVANAGARI = range(0x0900, 0x0980)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: pytest.FixtureRequest) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def search_rebuilds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Stand in for the search app's rebuild, so these tests neither depend on nor wait for it."""
    import odopmart.search.services as search_services

    calls: list[int] = []
    monkeypatch.setattr(
        search_services,
        "search_index_rebuild",
        lambda: calls.append(Product.objects.count()),
        raising=False,
    )
    return calls


def _snapshot() -> list[tuple]:
    return list(
        Variant.objects.order_by("sku").values_list(
            "sku",
            "product__name_en",
            "product__name_hi",
            "price_paise",
            "mrp_paise",
            "stock",
            "product__artisan__name_en",
            "product__district__slug",
        )
    )


def _has_devanagari(text: str) -> bool:
    return any(ord(char) in DEVANAGARI for char in text)


@pytest.mark.django_db
def test_same_seed_gives_the_same_catalogue(reference_data):
    first_run = generate_demo_catalogue(products=90, artisans=75, seed=11, **SMALL)
    first = _snapshot()
    second_run = generate_demo_catalogue(products=90, artisans=75, seed=11, **SMALL)
    again = _snapshot()
    generate_demo_catalogue(products=90, artisans=75, seed=12, **SMALL)
    other = _snapshot()

    assert len(first) >= 90
    assert first == again
    assert first != other
    assert Product.objects.count() == 90  # each run replaced the previous demo data
    # The second run found its pictures already drawn and reused them.
    assert first_run.pictures_drawn == first_run.pictures
    assert second_run.pictures_drawn == 0


@pytest.mark.django_db
def test_a_small_run_covers_every_district_consistently(reference_data, search_rebuilds):
    result = generate_demo_catalogue(products=300, artisans=100, seed=5, **SMALL)

    assert (result.products, result.artisans, result.vendors) == (300, 100, 4)
    assert Product.objects.count() == 300
    assert Artisan.objects.count() == 100
    assert search_rebuilds == [300]
    _assert_every_district_has_products()
    _assert_products_consistent_and_bilingual()
    _assert_sellers_are_demo_and_valid()
    _assert_prices_stock_and_variants()
    _assert_pictures_shared_and_on_disk(result)


def _assert_every_district_has_products() -> None:
    up = District.objects.filter(state__gst_state_code="09")
    assert up.count() == 75
    assert not up.filter(products__isnull=True).exists()
    assert set(Product.objects.values_list("district", flat=True)) == set(
        District.objects.filter(odop_products__isnull=False).values_list("pk", flat=True)
    )


def _assert_products_consistent_and_bilingual() -> None:
    for product in Product.objects.select_related("odop_product", "artisan"):
        assert product.is_demo
        assert product.status == "approved"
        assert (
            product.district_id == product.odop_product.district_id == product.artisan.district_id
        )
        assert product.vendor_id == product.artisan.vendor_id
        assert _has_devanagari(product.name_hi)
        assert _has_devanagari(product.description_hi)
        assert product.slug
        assert product.name_en[0].isupper()
        assert product.hsn_code
        assert 0 <= product.gst_rate_bp <= 4000


def _assert_sellers_are_demo_and_valid() -> None:
    assert not Artisan.objects.filter(is_demo=False).exists()
    assert not Vendor.objects.filter(is_demo=False).exists()
    for artisan in Artisan.objects.select_related("district"):
        assert _has_devanagari(artisan.name_hi)
        assert _has_devanagari(artisan.story_hi)
        assert artisan.district.odop_products.filter(name_en=artisan.craft_en).exists()
        assert artisan.town
        assert artisan.phone.startswith("+9190000")
    for vendor in Vendor.objects.all():
        assert vendor.is_demo
        assert vendor.status == "approved"
        assert gstin_is_valid(vendor.gstin)
        assert gstin_state_code(vendor.gstin) == "09"


def _assert_prices_stock_and_variants() -> None:
    variants = list(Variant.objects.all())
    assert all(type(v.price_paise) is int and type(v.mrp_paise) is int for v in variants)
    assert all(v.price_paise > 0 and v.price_paise % 100 == 0 for v in variants)
    assert all(v.mrp_paise >= v.price_paise for v in variants)
    assert any(v.mrp_paise > v.price_paise for v in variants)
    assert all(0 <= v.stock <= 40 and v.weight_grams > 0 and v.length_mm > 0 for v in variants)
    assert len({v.sku for v in variants}) == len(variants)
    for product in Product.objects.prefetch_related("variants"):
        options = list(product.variants.all())
        assert 1 <= len(options) <= 3
        # The card summary was refreshed from the variants: the cheapest one in stock.
        cheapest = min(options, key=lambda v: (v.stock <= 0, v.price_paise, v.position))
        assert (product.price_paise, product.mrp_paise) == (
            cheapest.price_paise,
            cheapest.mrp_paise,
        )
        assert product.in_stock == any(v.stock for v in options)


def _assert_pictures_shared_and_on_disk(result) -> None:
    images = list(ProductImage.objects.all())
    assert len(images) == result.images == 300
    sources = {image.image.name for image in images}
    assert len(sources) == result.pictures == result.pictures_drawn < 300
    media = Path(settings.MEDIA_ROOT)
    for image in images:
        assert image.alt_en.startswith("Illustration: ")
        assert _has_devanagari(image.alt_hi)
        for name in (image.image.name, image.thumbnail, image.medium):
            assert (media / name).is_file()
    assert all(p.thumbnail.endswith("-320.webp") for p in Product.objects.all())
    # Renditions were made once per picture, not once per product.
    assert len(list((media / "renditions").rglob("*.webp"))) == 2 * len(sources)


@pytest.mark.django_db
def test_regenerating_keeps_other_products_and_creates_the_admin_login(
    reference_data, make_product
):
    own = make_product(name_en="A vendor's own listing")
    generate_demo_catalogue(products=80, artisans=75, seed=1, **SMALL)
    generate_demo_catalogue(products=80, artisans=75, seed=2, **SMALL)

    assert Product.objects.filter(is_demo=True).count() == 80
    assert Product.objects.filter(pk=own.pk).exists()
    role, username, password = DEMO_LOGINS[0]
    admin = get_user_model().objects.get(username=username)
    assert role == "operator admin"
    assert admin.is_superuser
    assert admin.check_password(password)


@pytest.mark.django_db
def test_too_few_artisans_for_the_districts_is_refused(reference_data):
    with pytest.raises(ValueError, match="at least 75 artisans"):
        generate_demo_catalogue(products=100, artisans=20, **SMALL)


@pytest.mark.django_db
def test_works_without_a_search_rebuild(reference_data, monkeypatch):
    import odopmart.search.services as search_services

    monkeypatch.delattr(search_services, "search_index_rebuild", raising=False)
    assert generate_demo_catalogue(products=80, artisans=75, **SMALL).products == 80


@pytest.mark.django_db
def test_command_if_empty_does_nothing_the_second_time(reference_data):
    out = StringIO()
    arguments = ["--if-empty", "--products", "80", "--artisans", "75", "--image-size", "64"]
    call_command("generate_demo_catalogue", *arguments, stdout=out)
    assert "80 products" in out.getvalue()
    before = _snapshot()

    out = StringIO()
    call_command("generate_demo_catalogue", *arguments, "--seed", "99", stdout=out)

    assert "already has products" in out.getvalue()
    assert _snapshot() == before


@pytest.mark.django_db
def test_command_reports_bad_sizes(reference_data):
    with pytest.raises(CommandError, match="at least 75 artisans"):
        call_command("generate_demo_catalogue", "--artisans", "3", stdout=StringIO())


# --- the tables and helpers -----------------------------------------------------------------


@pytest.mark.django_db
def test_every_registry_product_has_its_own_craft(reference_data):
    index = craft_index()
    categories = set(Category.objects.values_list("slug", flat=True))
    for odop in OdopProduct.objects.select_related("district"):
        craft, known = craft_for(
            index,
            district=odop.district.name_en,
            name_en=odop.name_en,
            name_hi=odop.name_hi,
            sector=odop.sector,
        )
        assert known, odop.name_en
        assert craft.category in categories
        for template in craft.templates:
            assert (template.category or craft.category) in categories
            assert template.price[0] <= template.price[1]
            assert (template.variants or craft.variants or "one") in VARIANT_SETS
    assert set(CATEGORY_DEFAULTS) == categories


def test_unknown_odop_product_gets_a_generic_craft():
    craft, known = craft_for(
        craft_index(), district="Nashik", name_en="Grapes", name_hi="अंगूर", sector="Agri/food"
    )
    assert not known
    assert craft.category == "food-agro"
    assert craft.templates[0].name_en == "Grapes"


def test_hindi_adjectives_agree_with_the_noun():
    index = craft_index()
    saree = next(t for t in index[("", "banarasi silk sarees")].templates if "katan" in t.name_en)
    bangles = next(
        t for t in index[("", "glassware (incl. bangles)")].templates if "12" in t.name_en
    )
    rng = random.Random(4)
    for _ in range(40):
        naming = product_naming(saree, rng)
        assert "नीला " not in naming.name_hi
        assert "काला " not in naming.name_hi
        naming = product_naming(bangles, rng)
        assert " हरे " not in naming.name_hi  # feminine plural: हरी चूड़ियाँ
        assert naming.name_en[0].isupper()


@pytest.mark.parametrize(
    ("rupees", "retail"), [(7, 9), (45, 49), (120, 149), (151, 199), (999, 999), (1234, 1299)]
)
def test_retail_prices_end_like_shop_prices(rupees, retail):
    assert retail_rupees(rupees) == retail


def test_mrp_rounds_up():
    assert (mrp_rupees(151), mrp_rupees(1001), mrp_rupees(1050)) == (160, 1050, 1050)


def test_apportion_and_allocate_share_everything_out():
    assert apportion(10, [10, 4, 2]) == [6, 3, 1]
    assert sum(apportion(11000, [10, 4, 2, 2, 10])) == 11000
    assert apportion(0, [1, 2]) == [0, 0]


@pytest.mark.django_db
def test_allocate_gives_every_district_one_first(reference_data):
    odops = sorted(
        OdopProduct.objects.all(), key=lambda o: (o.district_id, o.rank != "primary", o.pk)
    )
    counts = allocate(75, odops)
    by_district: dict[int, int] = {}
    for odop, count in zip(odops, counts, strict=True):
        by_district[odop.district_id] = by_district.get(odop.district_id, 0) + count
    assert sum(counts) == 75
    assert set(by_district.values()) == {1}
    counts = allocate(11000, odops)
    assert sum(counts) == 11000
    assert min(counts) >= 1
    primary = [c for o, c in zip(odops, counts, strict=True) if o.rank == "primary"]
    others = [c for o, c in zip(odops, counts, strict=True) if o.rank != "primary"]
    assert min(primary) > max(others)
