import random

import pytest

from odopmart.catalog.models import Product, ProductStatus
from odopmart.search.models import SearchDocument
from odopmart.search.services import search_index_products, search_index_rebuild
from odopmart.sellers.models import VendorStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def kurta(make_listed):
    return make_listed(name_en="Chikankari kurta", name_hi="चिकनकारी कुर्ता")


@pytest.mark.parametrize("query", ["", " ", "\t\n", "\u200d", "🙂", "🙂🙏", "!!!", "()", "*"])
def test_queries_without_words_find_nothing(search, kurta, query):
    assert search(query) == []


@pytest.mark.parametrize(
    "query",
    [
        '"chikankari"', '"chikankari', 'chikankari"', "chikankari*", "*chikankari", "chikankari:",
        "^chikankari", "(chikankari", "chikankari)", "((chikankari))", "chikankari AND",
        "AND chikankari", "OR chikankari", "NOT chikankari", "chikankari NOT", "-chikankari",
        "+chikankari", "chikankari & | !", "chikankari:*A", "chikankari:B", "{chikankari}",
        "chikankari 🙂", "🙏 चिकनकारी", "chikankari';--", "chikankari%", "chikankari_",
        "chikankari\\", "chikankari\x00", "chikankari\u200b", "chikankari " + "🙂" * 5000,
    ],
)
def test_operators_and_odd_characters_are_plain_text(search, kurta, query):
    assert search(query) == [kurta.pk]


@pytest.mark.parametrize(
    "query",
    ["1=1 OR 'a'='a'", "' OR ''='", "SELECT * FROM catalog_product", "NEAR", "AND OR NOT",
     "name_words:chikankari", "{name_keys}: chikankari", "NEAR(chikankari)", "chikankari NEAR/2",
     "chikankari'; DROP TABLE catalog_product; --", "<script>chikankari</script>",
     "%%", "_", "\\x00", "中文", "ㄱㄴ", "x" * 10_000, "ab " * 3400, "चि" * 5000],
)
def test_odd_queries_give_sane_results(search, kurta, query):
    # Words in them are searched for like any others (all must match); nothing else happens.
    assert search(query) in ([], [kurta.pk])
    assert Product.objects.count() == 1


def test_random_junk_never_raises(search, kurta):
    alphabet = (
        'abcxyz019 "\'*:^(){}[]-+|&!~<>%_\\/,.;NEARANDORNOT'
        "चिकनकारीटेराकोटा्ं़ँ।॥🙂\u200d\u200c\x00\t\n"
    )
    rng = random.Random(2018)
    for _ in range(300):
        query = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 60)))
        assert isinstance(search(query), list)


def test_long_queries_are_cut(search, kurta):
    assert search("chikankari " + "kurta " * 2000) == [kurta.pk]


def test_invisible_products_are_never_returned(search, make_listed, make_vendor, make_artisan):
    visible = make_listed(name_en="Terracotta horse", name_hi="टेराकोटा घोड़ा")
    draft = make_listed(
        name_en="Terracotta elephant", name_hi="टेराकोटा हाथी", status=ProductStatus.DRAFT
    )
    archived = make_listed(
        name_en="Terracotta lamp", name_hi="टेराकोटा लैंप", status=ProductStatus.ARCHIVED
    )
    suspended_vendor = make_vendor(status=VendorStatus.SUSPENDED)
    of_suspended = make_listed(
        name_en="Terracotta bell", name_hi="टेराकोटा घंटी",
        artisan=make_artisan(vendor=suspended_vendor),
    )
    search_index_rebuild()
    search_index_products([draft.pk, archived.pk, of_suspended.pk])
    for query in ("terracotta", "टेराकोटा", "teracota", "terracotta elephant"):
        assert set(search(query)) <= {visible.pk}
    assert search("terracotta") == [visible.pk]

    # Even a stale document (a change not yet re-indexed) does not leak.
    stale = SearchDocument.objects.get(product=visible)
    stale.pk = draft.pk
    stale.save(force_insert=True)
    assert search("terracotta horse") == [visible.pk]
    assert not Product.objects.visible().filter(pk=draft.pk).exists()
