import pytest

from odopmart.catalog.selectors import ProductFilters, Sort, product_list

pytestmark = pytest.mark.django_db


@pytest.fixture
def chikankari_kurta(make_listed):
    return make_listed(
        district_slug="lucknow", name_en="Chikankari kurta", name_hi="चिकनकारी कुर्ता"
    )


@pytest.fixture
def brass_diya(make_listed):
    return make_listed(
        district_slug="moradabad", category_slug="metal-brass",
        name_en="Brass diya", name_hi="पीतल का दीया",
        description_en="A cast brass lamp.", description_hi="ढला हुआ पीतल का दीपक।",
    )


@pytest.mark.parametrize(
    "query",
    ["chikankari", "Chikankari", "CHIKANKARI", "chikan kari", "chickenkari", "chikenkari",
     "chikankaari", "chikankri", "chiknkari", "chikan", "चिकनकारी", "चिकन कारी", "chikankari kurta",
     "kurta chikankari"],
)
def test_spacing_and_small_typos_find_chikankari(search, chikankari_kurta, brass_diya, query):
    assert search(query) == [chikankari_kurta.pk]


@pytest.mark.parametrize(
    ("query", "name_en", "name_hi"),
    [
        ("banarasi", "Silk saree", "बनारसी रेशमी साड़ी"),
        ("बनारसी", "Banarasi silk saree", "रेशमी साड़ी"),
        ("banarsi", "Silk saree", "बनारसी रेशमी साड़ी"),
        ("chikan", "Cotton kurta", "चिकन कुर्ता"),
        ("चिकन", "Chikan kurta", "सूती कुर्ता"),
        ("terracotta", "Clay horse", "टेराकोटा घोड़ा"),
        ("टेराकोटा", "Terracotta horse", "मिट्टी का घोड़ा"),
        ("terracota", "Clay horse", "टेराकोटा घोड़ा"),
    ],
)
def test_queries_cross_scripts(search, make_listed, query, name_en, name_hi):
    wanted = make_listed(name_en=name_en, name_hi=name_hi)
    make_listed(name_en="Leather bag", name_hi="चमड़े का थैला")
    assert search(query) == [wanted.pk]


def test_cross_script_match_in_description(search, make_listed):
    wanted = make_listed(
        name_en="Clay horse", name_hi="मिट्टी का घोड़ा", description_hi="गोरखपुर का टेराकोटा।"
    )
    make_listed(name_en="Leather bag", name_hi="चमड़े का थैला")
    assert search("terracotta") == [wanted.pk]


def test_every_term_must_match(search, make_listed, brass_diya):
    make_listed(district_slug="moradabad", name_en="Brass bowl", name_hi="पीतल का कटोरा")
    make_listed(name_en="Clay diya", name_hi="मिट्टी का दीया")
    assert search("brass diya") == [brass_diya.pk]
    assert search("पीतल दीया") == [brass_diya.pk]


def test_named_product_ranks_above_one_mentioning_it_in_the_description(search, make_listed):
    mentions = make_listed(
        district_slug="lucknow", name_en="Cotton kurta", name_hi="सूती कुर्ता",
        description_en="Cool cotton with a little chikan embroidery at the neck.",
    )
    named = make_listed(
        district_slug="lucknow", name_en="Chikankari kurta", name_hi="चिकनकारी कुर्ता"
    )
    assert search("chikankari")[0] == named.pk
    assert search("chikan") == [named.pk, mentions.pk]


def test_sound_alike_in_the_name_ranks_above_one_in_the_description(search, make_listed):
    in_description = make_listed(
        name_en="Cotton kurta", name_hi="सूती कुर्ता", description_en="Fine chikankari work."
    )
    in_name = make_listed(name_en="Chikankari kurta", name_hi="कुर्ता")
    assert search("chickenkari") == [in_name.pk, in_description.pk]


def test_exact_spelling_ranks_above_a_phonetic_match(search, make_listed):
    phonetic = make_listed(name_en="Teracota lamp", name_hi="लैंप")
    exact = make_listed(name_en="Terracotta lamp", name_hi="लैंप")
    assert search("terracotta") == [exact.pk, phonetic.pk]


def test_typo_neighbours_rank_after_real_matches(search, make_listed):
    real = make_listed(name_en="Zardozi clutch", name_hi="ज़रदोज़ी क्लच")
    near = make_listed(name_en="Zardoji clutch", name_hi="क्लच")
    assert search("zardozi") == [real.pk, near.pk]


def test_limit_is_respected(search, make_listed):
    for _ in range(3):
        make_listed(name_en="Brass bell", name_hi="पीतल की घंटी")
    assert len(search("brass", limit=2)) == 2
    assert search("brass", limit=0) == []


def test_filters_sorting_and_paging_still_apply(make_listed, chikankari_kurta):
    in_barabanki = make_listed(
        district_slug="barabanki", name_en="Chikankari stole", name_hi="चिकनकारी स्टोल",
        price_paise=99900,
    )
    make_listed(name_en="Leather bag", name_hi="चमड़े का थैला")

    everything = product_list(ProductFilters(query="chikankari"))
    assert {item.pk for item in everything.items} == {chikankari_kurta.pk, in_barabanki.pk}
    assert everything.total == 2

    lucknow = product_list(ProductFilters(query="chikankari", district="lucknow"))
    assert [item.pk for item in lucknow.items] == [chikankari_kurta.pk]

    cheapest_first = product_list(ProductFilters(query="chikan kari", sort=Sort.PRICE_LOW))
    assert [item.pk for item in cheapest_first.items] == [in_barabanki.pk, chikankari_kurta.pk]

    second_page = product_list(ProductFilters(query="chikankari"), page=2, page_size=1)
    assert second_page.total == 2
    assert len(second_page.items) == 1


def test_a_search_takes_three_queries_whatever_the_hits(
    search, make_listed, django_assert_num_queries
):
    make_listed(name_en="Brass bell", name_hi="पीतल की घंटी")
    with django_assert_num_queries(3):  # completions, tiers, visibility
        assert len(search("brass")) == 1
    for _ in range(5):
        make_listed(name_en="Brass bell", name_hi="पीतल की घंटी")
    with django_assert_num_queries(3):
        assert len(search("brass bell")) == 6
