"""A buyer's first visit, in a real browser: home → district → product → Hindi → search."""

from __future__ import annotations

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def varanasi_saree(make_product, make_artisan):
    from odopmart.catalog.services import catalogue_refresh_counts
    from odopmart.regions.models import District
    from odopmart.search.services import search_index_rebuild

    weaver = make_artisan(
        name_en="Abdul Mateen",
        name_hi="अब्दुल मतीन",
        craft_en="Silk weaving",
        craft_hi="रेशम बुनाई",
        district=District.objects.get(slug="varanasi"),
        town="Madanpura",
    )
    saree = make_product(
        artisan=weaver,
        district_slug="varanasi",
        category_slug="sarees-silk",
        name_en="Banarasi katan silk saree",
        name_hi="बनारसी कतान सिल्क साड़ी",
        description_en="Handwoven katan silk with zari buttis.",
        description_hi="ज़री बूटियों वाली हाथ से बुनी कतान सिल्क।",
        price_paise=1249900,
        mrp_paise=1499900,
        stock=3,
    )
    make_product(district_slug="lucknow", name_en="Chikankari kurta", name_hi="चिकनकारी कुर्ता")
    catalogue_refresh_counts()
    search_index_rebuild()
    return saree


def test_home_to_district_to_product_then_hindi_and_search(
    live_server, browser_page, varanasi_saree
):
    page = browser_page
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "en"

    page.locator('a[href="/districts/varanasi/"]').first.click()
    page.wait_for_url(re.compile(r"/districts/varanasi/$"))
    assert "Varanasi" in page.locator("h1").inner_text()

    page.locator('a[href^="/p/"]', has_text="Banarasi katan silk saree").first.click()
    page.wait_for_url(re.compile(rf"/p/{varanasi_saree.pk}/"))
    body = page.locator("main").inner_text()
    assert "Banarasi katan silk saree" in page.locator("h1").inner_text()
    assert "₹12,499" in body
    assert "₹14,999" in body
    assert "Varanasi" in body

    page.locator('a[hreflang="hi"]').first.click()
    page.wait_for_url(re.compile(rf"/hi/p/{varanasi_saree.pk}/"))
    assert page.locator("html").get_attribute("lang") == "hi"
    assert "बनारसी कतान सिल्क साड़ी" in page.locator("h1").inner_text()
    assert "वाराणसी" in page.locator("main").inner_text()

    search_box = page.locator('input[name="q"]').first
    search_box.fill("chikan")
    search_box.press("Enter")
    page.wait_for_url(re.compile(r"/hi/search/\?q=chikan"))
    first_result = page.locator('main a[href^="/hi/p/"]').first.inner_text()
    assert "चिकनकारी कुर्ता" in first_result
