"""The reference data loaders: real UP registry, idempotent, with provenance kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from odopmart.catalog.models import Category, GstRate, HsnCode
from odopmart.odop.models import OdopProduct
from odopmart.odop.registry_csv import _split_products
from odopmart.regions.models import District, Pincode, PostOffice, State

pytestmark = pytest.mark.django_db
DATA_DIR = Path(settings.ODOPMART["REFERENCE_DATA_DIR"])


def test_all_75_up_districts_each_with_a_primary_odop_product():
    up = District.objects.filter(state__gst_state_code="09")
    assert up.count() == 75
    assert up.exclude(lgd_code=None).count() == 75
    assert not up.filter(name_hi="").exists()
    for district in up.prefetch_related("odop_products"):
        ranks = [p.rank for p in district.odop_products.all()]
        assert ranks.count("primary") == 1, district.name_en
        assert district.headline_en


def test_known_registry_rows():
    lucknow = OdopProduct.objects.get(district__slug="lucknow", rank="primary")
    assert lucknow.name_en == "Chikankari and Zari Zardozi"
    assert lucknow.name_hi == "चिकनकारी और ज़री-ज़रदोज़ी"
    assert lucknow.verification == "verified_official"
    assert "Chikan" in lucknow.gi_tag
    varanasi = OdopProduct.objects.filter(district__slug="varanasi").values_list("rank", "name_en")
    assert ("secondary", "Pink meenakari") in set(varanasi)
    assert (
        OdopProduct.objects.get(district__slug="agra", name_en="Petha industry").rank == "tertiary"
    )
    # The verification column is kept so operators can see what still needs checking.
    assert OdopProduct.objects.filter(rank="primary", verification="unverified").count() == 27


def test_notes_are_split_from_product_names():
    assert _split_products("Food items; School dresses (2022 additions)") == [
        ("Food items", "2022 additions"),
        ("School dresses", "2022 additions"),
    ]
    [(name, note)] = _split_products(
        "Silk sarees (Mubarakpur) reported alongside black pottery (S14, S23)"
        " - listing status unconfirmed"
    )
    assert name == "Silk sarees (Mubarakpur)"
    assert "unconfirmed" in note


def test_states_pincodes_and_post_offices():
    assert State.objects.get(gst_state_code="09").name_en == "Uttar Pradesh"
    assert State.objects.get(gst_state_code="27").name_hi == "महाराष्ट्र"
    lucknow_pin = Pincode.objects.get(code="226001")
    assert lucknow_pin.district.slug == "lucknow"
    assert lucknow_pin.state.gst_state_code == "09"
    assert Pincode.objects.get(code="110001").state.name_en == "Delhi"
    assert Pincode.objects.count() > 19000
    assert PostOffice.objects.filter(district__slug="varanasi").count() > 100


def test_categories_hsn_and_gst_rates():
    assert Category.objects.count() == 15
    assert not Category.objects.filter(name_hi="").exists()
    assert HsnCode.objects.get(code="5702").description.startswith("CARPETS")
    carpets = GstRate.objects.get(hsn_code="5702")
    assert (carpets.rate_bp, carpets.allowed_rates_bp, carpets.verified) == (500, [500], True)
    assert str(carpets.effective_from) == "2025-09-22"
    # Unverified rows are kept without a rate: the operator must decide them.
    assert GstRate.objects.get(hsn_code="6204").rate_bp is None


def test_loading_twice_changes_nothing():
    counts = lambda: [  # noqa: E731
        m.objects.count()
        for m in (State, District, Pincode, PostOffice, OdopProduct, Category, HsnCode, GstRate)
    ]
    before = counts()
    call_command("load_reference_data", verbosity=0)
    assert counts() == before


def test_national_list_loads_when_present(tmp_path):
    for name in ("gst_state_codes.csv", "hindi_names.csv"):
        (tmp_path / name).write_bytes((DATA_DIR / name).read_bytes())
    (tmp_path / "national_odop.csv").write_text(
        "state,district,product,sector\nBihar,Bhagalpur,Silk,Handloom\n"
        "Atlantis,Nowhere,Pearls,Craft\n",
        encoding="utf-8",
    )
    from odopmart.odop.loaders import national_registry_load

    assert national_registry_load(tmp_path) == 1
    bhagalpur = OdopProduct.objects.get(name_en="Silk", district__name_en="Bhagalpur")
    assert bhagalpur.district.state.name_en == "Bihar"
