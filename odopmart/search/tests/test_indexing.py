import pytest
from django.core.management import call_command
from django.db import transaction

from odopmart.catalog.models import Product, ProductStatus
from odopmart.catalog.services import product_refresh_summary
from odopmart.search import receivers
from odopmart.search.models import SearchDocument, SearchTerm, SearchWord
from odopmart.search.services import search_index_products, search_index_rebuild
from odopmart.sellers.models import VendorStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def kurta(make_listed):
    return make_listed(name_en="Chikankari kurta", name_hi="चिकनकारी कुर्ता")


def test_new_product_is_indexed_after_commit(search, make_product, on_commit):
    with on_commit() as callbacks:
        product = make_product(name_en="Zardozi clutch", name_hi="ज़रदोज़ी क्लच")
    assert search("zardozi") == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert search("zardozi") == [product.pk]
    assert SearchDocument.objects.filter(product=product).exists()
    assert SearchTerm.objects.filter(key="jardaj").exists()


def test_renamed_product_is_found_by_its_new_name_only(search, kurta, on_commit):
    kurta.name_en, kurta.name_hi = "Zardozi clutch", "ज़रदोज़ी क्लच"
    with on_commit(execute=True):
        kurta.save()
    assert search("zardozi") == [kurta.pk]
    assert search("kurta") == []


def test_unpublished_product_leaves_the_index(search, kurta, on_commit):
    kurta.status = ProductStatus.CHANGES_REQUESTED
    with on_commit(execute=True):
        kurta.save(update_fields=["status"])
    assert search("chikankari") == []
    assert not SearchDocument.objects.filter(product=kurta).exists()

    kurta.status = ProductStatus.APPROVED
    with on_commit(execute=True):
        kurta.save(update_fields=["status"])
    assert search("chikankari") == [kurta.pk]


def test_deleted_product_leaves_the_index(search, kurta, on_commit):
    with on_commit(execute=True):
        kurta.delete()
    assert search("chikankari") == []
    assert not SearchDocument.objects.exists()


def test_suspending_the_vendor_hides_its_products(search, kurta, on_commit):
    vendor = kurta.vendor
    vendor.status = VendorStatus.SUSPENDED
    with on_commit(execute=True):
        vendor.save()
    assert search("chikankari") == []
    assert not SearchDocument.objects.filter(product=kurta).exists()

    vendor.status = VendorStatus.APPROVED
    with on_commit(execute=True):
        vendor.save()
    assert search("chikankari") == [kurta.pk]


def test_artisan_and_variant_changes_are_searchable(search, kurta, on_commit):
    artisan = kurta.artisan
    artisan.name_en, artisan.name_hi = "Shabana Parveen", "शबाना परवीन"
    variant = kurta.variants.get()
    variant.colour_en, variant.colour_hi = "Mustard", "सरसों"
    with on_commit(execute=True):
        artisan.save()
        variant.save()
    assert search("shabana") == [kurta.pk]
    assert search("परवीन") == [kurta.pk]
    assert search("mustard chikankari") == [kurta.pk]


def test_changes_outside_the_document_do_not_reindex(kurta, on_commit):
    with on_commit() as callbacks:
        product_refresh_summary(kurta)  # saves price and stock fields only
        variant = kurta.variants.get()
        variant.stock = 9
        variant.save(update_fields=["stock"])
        artisan = kurta.artisan
        artisan.phone = "9999999999"
        artisan.save()
    assert [callback for callback in callbacks if callback is receivers._flush] == []


def test_one_transaction_reindexes_once(make_listed, on_commit, django_assert_max_num_queries):
    products = [make_listed(name_en=f"Brass bell {n}", name_hi="पीतल की घंटी") for n in range(3)]
    with on_commit() as callbacks:
        for product in products:
            product.name_en = product.name_en.replace("bell", "lamp")
            product.save()
    ours = [callback for callback in callbacks if callback is receivers._flush]
    assert len(ours) == 3
    ours[0]()
    assert SearchDocument.objects.filter(name_words__contains="lamp").count() == 3
    with django_assert_max_num_queries(0):
        ours[1]()
        ours[2]()


def test_index_products_skips_invisible_and_missing(make_product, search):
    visible = make_product(name_en="Terracotta horse", name_hi="टेराकोटा घोड़ा")
    draft = make_product(
        name_en="Terracotta elephant", name_hi="टेराकोटा हाथी", status=ProductStatus.DRAFT
    )
    search_index_products([visible.pk, draft.pk, 987654321])
    assert list(SearchDocument.objects.values_list("product_id", flat=True)) == [visible.pk]
    assert search("terracotta") == [visible.pk]


def test_rebuild_indexes_visible_products_and_drops_stale_documents(make_product, search):
    products = [make_product(name_en=f"Moonj basket {n}", name_hi="मूंज की टोकरी") for n in range(3)]
    hidden = products[2]
    search_index_rebuild()
    Product.objects.filter(pk=hidden.pk).update(status=ProductStatus.ARCHIVED)  # no signals
    SearchTerm.objects.create(key="stale", head="s", length=5)

    assert search_index_rebuild() == 2
    assert set(SearchDocument.objects.values_list("product_id", flat=True)) == {
        products[0].pk, products[1].pk,
    }
    assert not SearchTerm.objects.filter(key="stale").exists()
    assert set(search("moonj")) == {products[0].pk, products[1].pk}
    assert set(search("मूंज")) == {products[0].pk, products[1].pk}


@pytest.mark.django_db(transaction=True)
def test_index_follows_real_commits(make_product, search):
    with transaction.atomic():
        product = make_product(name_en="Gulabi meenakari brooch", name_hi="गुलाबी मीनाकारी ब्रोच")
        assert search("meenakari") == []
    assert search("meenakari") == [product.pk]
    assert search("मीनाकारी") == [product.pk]

    with transaction.atomic():
        product.status = ProductStatus.ARCHIVED
        product.save()
    assert search("meenakari") == []


def test_renaming_the_odop_product_reindexes_its_products(search, make_listed, on_commit):
    product = make_listed(name_en="Wall hanging", name_hi="दीवार सजावट")
    odop = product.odop_product
    odop.gi_tag = "Agra Durrie"
    with on_commit(execute=True):
        odop.save()
    assert search("durrie") == [product.pk]


def test_rebuild_counts_documents_per_word_and_key(make_product):
    for _ in range(3):
        make_product(name_en="Moonj basket", name_hi="मूंज की टोकरी")
    search_index_rebuild()
    assert SearchWord.objects.get(word="moonj").frequency == 3
    assert not SearchWord.objects.filter(word="moonjbasket").exists()  # pairs stay out
    assert SearchTerm.objects.get(key="manj").frequency == 3
    assert not SearchWord.objects.filter(word="ki").exists()  # too short to complete anything


def test_rebuild_command_reports_the_count(make_product, capsys):
    make_product(name_en="Moonj basket", name_hi="मूंज की टोकरी")
    call_command("rebuild_search_index")
    assert "Indexed 1 products" in capsys.readouterr().out


def test_fts_index_stays_consistent_through_changes(make_listed, on_commit):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("SQLite FTS5 consistency check")
    products = [make_listed(name_en=f"Brass bell {n}", name_hi="पीतल की घंटी") for n in range(3)]
    with on_commit(execute=True):
        products[0].name_en = "Brass lamp"
        products[0].save()
        products[1].status = ProductStatus.ARCHIVED
        products[1].save()
        products[2].delete()
    search_index_rebuild()
    with connection.cursor() as cursor:
        # Raises if the full-text index disagrees with the document table.
        cursor.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
