from __future__ import annotations

import csv
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from odopmart.catalog.bulk_import import (
    COLUMNS,
    import_batch_commit,
    import_batch_issues,
    import_batch_preview,
    import_template,
)
from odopmart.catalog.listing_issues import ListingError
from odopmart.catalog.models import (
    ImportBatch,
    ImportBatchStatus,
    Product,
    ProductStatus,
    Variant,
)
from odopmart.catalog.tests.listing_helpers import LUCKNOW_ODOP, make_user, photo_bytes
from odopmart.sellers.models import Artisan

pytestmark = pytest.mark.django_db


def _row(artisan, **overrides) -> dict[str, str]:
    row = {
        "artisan": artisan.slug,
        "odop_product": LUCKNOW_ODOP,
        "category": "clothing",
        "name_en": "Chikankari kurta",
        "name_hi": "चिकनकारी कुर्ता",
        "description_en": "Hand embroidered.",
        "description_hi": "हाथ की कढ़ाई।",
        "material_en": "Cotton",
        "material_hi": "सूती",
        "technique_en": "",
        "technique_hi": "",
        "hsn_code": "6204",
        "gst_rate_percent": "5",
        "sku": "CK-M",
        "variant_label_en": "Size M",
        "variant_label_hi": "साइज़ M",
        "size": "M",
        "colour_en": "White",
        "colour_hi": "सफ़ेद",
        "mrp_rupees": "2,499",
        "price_rupees": "1999.50",
        "stock": "5",
        "weight_grams": "350",
        "length_mm": "300",
        "width_mm": "250",
        "height_mm": "40",
    }
    row.update(overrides)
    return row


def _csv(rows: list[dict[str, str]], columns=COLUMNS) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(column, "") for column in columns])
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx(rows: list[list[object]], header=COLUMNS) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(header))
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _upload(content: bytes, name: str = "listings.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.fixture
def artisan(make_artisan):
    return make_artisan()


@pytest.fixture
def seller():
    return make_user()


def _preview(seller, artisan, content, name="listings.csv"):
    return import_batch_preview(
        actor=seller,
        vendor=artisan.vendor,
        artisans=Artisan.objects.filter(vendor=artisan.vendor),
        upload=_upload(content, name),
    )


def _good_rows(artisan):
    return [
        _row(artisan),
        # Same artisan and name: a second variant; product columns may be left blank.
        {
            **dict.fromkeys(COLUMNS, ""),
            **_row(artisan, sku="CK-L", variant_label_en="Size L"),
            "name_hi": "",
            "description_en": "",
            "description_hi": "",
            "odop_product": "",
            "category": "",
            "hsn_code": "",
            "gst_rate_percent": "",
        },
        _row(
            artisan,
            name_en="Chikankari dupatta",
            name_hi="चिकनकारी दुपट्टा",
            sku="CD-1",
            variant_label_en="One size",
            mrp_rupees="999",
            price_rupees="999",
        ),
    ]


def test_good_csv_previews_then_imports_exactly_its_products(artisan, seller):
    before = (Product.objects.count(), Variant.objects.count())

    batch = _preview(seller, artisan, _csv(_good_rows(artisan)))

    assert (batch.status, batch.error_count, batch.errors) == ("previewed", 0, [])
    assert (batch.row_count, batch.product_count, batch.variant_count) == (3, 2, 3)
    assert [(item["name_en"], item["rows"], item["variants"]) for item in batch.summary] == [
        ("Chikankari kurta", [2, 3], 2),
        ("Chikankari dupatta", [4], 1),
    ]
    assert (Product.objects.count(), Variant.objects.count()) == before  # a dry run

    batch = import_batch_commit(
        actor=seller, batch_id=batch.pk, artisans=Artisan.objects.filter(vendor=artisan.vendor)
    )

    assert batch.status == ImportBatchStatus.IMPORTED
    assert batch.imported_at is not None
    assert (Product.objects.count(), Variant.objects.count()) == (before[0] + 2, before[1] + 3)
    kurta = Product.objects.get(pk=batch.product_ids[0])
    assert (kurta.status, kurta.vendor_id, kurta.district.slug) == (
        "draft",
        artisan.vendor_id,
        "lucknow",
    )
    assert (kurta.name_hi, kurta.gst_rate_bp, kurta.material_en) == ("चिकनकारी कुर्ता", 500, "Cotton")
    assert list(kurta.variants.values_list("sku", "mrp_paise", "price_paise", "position")) == [
        ("CK-M", 249900, 199950, 0),
        ("CK-L", 249900, 199950, 1),
    ]
    assert (kurta.price_paise, kurta.in_stock) == (199950, True)


def test_good_xlsx_with_numbers_typed_as_numbers(artisan, seller):
    rows = [
        [
            artisan.pk,
            LUCKNOW_ODOP,
            "clothing",
            "Kurta",
            "कुर्ता",
            "Nice.",
            "सुंदर।",
            "",
            "",
            "",
            "",
            6204,
            5,
            "X-1",
            "M",
            "",
            "",
            "",
            "",
            2499,
            1999.5,
            5,
            350,
            300,
            250,
            40,
        ],
    ]
    batch = _preview(seller, artisan, _xlsx(rows), "sheet.xlsx")
    assert (batch.status, batch.file_format, batch.errors) == ("previewed", "xlsx", [])

    import_batch_commit(
        actor=seller, batch_id=batch.pk, artisans=Artisan.objects.filter(vendor=artisan.vendor)
    )

    variant = Variant.objects.get(sku="X-1")
    assert (variant.mrp_paise, variant.price_paise, variant.stock) == (249900, 199950, 5)


def test_file_with_bad_rows_lists_each_and_creates_nothing(artisan, seller, make_product):
    taken = make_product().variants.get().sku
    rows = [
        _row(artisan, hsn_code="9999"),  # row 2
        _row(artisan, name_en="B", sku="B-1", price_rupees="3000"),  # row 3
        {**_row(artisan, name_en="C", sku="C-1"), "artisan": "nobody"},  # row 4
        _row(artisan, name_en="D", sku="D-1", name_hi=""),  # row 5
        _row(artisan, name_en="E", sku="B-1"),  # row 6
        _row(artisan, name_en="F", sku=taken),  # row 7
        _row(artisan, name_en="B", sku="B-2", category="pottery-glass"),  # row 8
        _row(artisan, name_en="G", sku="EXAMPLE-001"),  # row 9
        _row(artisan, name_en="H", sku="H-1", stock="-2", mrp_rupees="12.345"),  # row 10
        _row(artisan, name_en="I", sku="I-1", gst_rate_percent="12"),  # row 11
        _row(artisan, name_en="J", sku="J-1", odop_product="varanasi-banarasi-silk-sarees"),
        _row(artisan, name_en="K", sku="K-1"),  # row 13: fine on its own
    ]
    before = Product.objects.count()

    batch = _preview(seller, artisan, _csv(rows))

    found = [(issue.row, issue.column, issue.code) for issue in import_batch_issues(batch)]
    assert found == [
        (2, "hsn_code", "hsn_unknown"),
        (3, "price_rupees", "price_above_mrp"),
        (4, "artisan", "artisan_unknown"),
        (5, "name_hi", "required"),
        (6, "sku", "sku_repeated_in_file"),
        (7, "sku", "sku_taken"),
        (8, "category", "product_mismatch"),
        (9, "sku", "example_row"),
        (10, "mrp_rupees", "amount_format"),
        (10, "stock", "stock_negative"),
        (11, "gst_rate_percent", "gst_unknown_rate"),
        (12, "odop_product", "origin_mismatch"),
    ]
    messages = {issue.row: issue.message for issue in import_batch_issues(batch)}
    assert messages[6] == "SKU B-1 is also on row 3."
    assert messages[8] == "Differs from row 3, the first row of this product."
    assert (batch.status, batch.error_count) == ("invalid", 12)

    with pytest.raises(ListingError):
        import_batch_commit(actor=seller, batch_id=batch.pk, artisans=Artisan.objects.all())
    assert Product.objects.count() == before


def test_import_checks_again_and_refuses_everything_if_the_catalogue_changed(
    artisan, seller, make_product
):
    batch = _preview(seller, artisan, _csv(_good_rows(artisan)))
    # Between preview and import someone else takes one of the SKUs.
    other = make_product()
    Variant.objects.filter(product=other).update(sku="CD-1")
    before = (Product.objects.count(), Variant.objects.count())

    batch = import_batch_commit(
        actor=seller, batch_id=batch.pk, artisans=Artisan.objects.filter(vendor=artisan.vendor)
    )

    assert batch.status == ImportBatchStatus.FAILED
    assert [(e["row"], e["column"], e["code"]) for e in batch.errors] == [(4, "sku", "sku_taken")]
    assert (Product.objects.count(), Variant.objects.count()) == before
    with pytest.raises(ListingError):  # a refused batch can't be retried: upload again
        import_batch_commit(actor=seller, batch_id=batch.pk, artisans=Artisan.objects.all())


def test_a_batch_is_imported_once(artisan, seller):
    batch = _preview(seller, artisan, _csv([_row(artisan)]))
    scope = Artisan.objects.filter(vendor=artisan.vendor)
    import_batch_commit(actor=seller, batch_id=batch.pk, artisans=scope)
    with pytest.raises(ListingError) as caught:
        import_batch_commit(actor=seller, batch_id=batch.pk, artisans=scope)
    assert caught.value.issues[0].code == "file_changed"
    assert Product.objects.filter(artisan=artisan).count() == 1


def test_artisans_outside_the_scope_are_unknown(artisan, seller, make_artisan):
    stranger = make_artisan()  # another vendor's artisan
    batch = _preview(seller, artisan, _csv([_row(stranger)]))
    assert [(e["row"], e["column"], e["code"]) for e in batch.errors] == [
        (2, "artisan", "artisan_unknown")
    ]


def test_desk_import_lists_for_artisans_of_several_vendors(make_artisan, seller):
    first, second = make_artisan(), make_artisan()
    content = _csv([_row(first), _row(second, sku="CK-2")])
    scope = Artisan.objects.filter(pk__in=[first.pk, second.pk])
    batch = import_batch_preview(actor=seller, vendor=None, artisans=scope, upload=_upload(content))
    assert batch.errors == []

    batch = import_batch_commit(actor=seller, batch_id=batch.pk, artisans=scope)

    vendors = list(
        Product.objects.filter(pk__in=batch.product_ids)
        .order_by("pk")
        .values_list("vendor_id", flat=True)
    )
    assert vendors == [first.vendor_id, second.vendor_id]


def test_submit_option_leaves_listings_without_photos_as_drafts(artisan, seller):
    batch = _preview(seller, artisan, _csv([_row(artisan)]))
    batch = import_batch_commit(
        actor=seller, batch_id=batch.pk, artisans=Artisan.objects.all(), submit=True
    )
    assert batch.submitted_count == 0
    assert Product.objects.get(pk=batch.product_ids[0]).status == ProductStatus.DRAFT


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "name", "code"),
    [
        (photo_bytes(kind="PNG"), "listings.csv", "file_content_mismatch"),
        (b"MZ\x90\x00binary", "listings.csv", "file_content_mismatch"),
        (b"artisan,name_en\nx,y\n", "listings.xlsx", "file_content_mismatch"),
        (_zip({"word/document.xml": b"<w/>"}), "listings.xlsx", "file_content_mismatch"),
        (
            _zip(
                {
                    "[Content_Types].xml": b"<!DOCTYPE x [<!ENTITY a 'b'>]><x/>",
                    "xl/workbook.xml": b"<w/>",
                }
            ),
            "listings.xlsx",
            "file_unreadable",
        ),
        (b"x", "listings.txt", "file_type"),
        (b"x", "listings.xls", "file_type"),
        ("artisan,name_en\nx,Chikan kurta\n".encode("utf-16"), "l.csv", "file_content_mismatch"),
        ("artisan;naam\nx;Kurtä\n".encode("latin-1"), "listings.csv", "file_encoding"),
        (b"artisan,name_en\nx,y\n", "listings.csv", "header_missing"),
        (_csv([]), "listings.csv", "file_empty"),
    ],
)
def test_files_that_are_not_what_they_claim_are_refused(artisan, seller, content, name, code):
    with pytest.raises(ListingError) as caught:
        _preview(seller, artisan, content, name)
    assert caught.value.issues[0].code == code
    assert not ImportBatch.objects.exists()


def test_unknown_columns_are_named(artisan, seller):
    content = _csv([_row(artisan)], columns=(*COLUMNS, "colour_code"))
    with pytest.raises(ListingError) as caught:
        _preview(seller, artisan, content)
    assert caught.value.issues[0].message == (
        "The header row has columns we don't know: colour_code."
    )


def test_size_and_row_limits_come_from_settings(artisan, seller, settings):
    content = _csv([_row(artisan), _row(artisan, name_en="Other", sku="O-1")])
    settings.ODOPMART = {**settings.ODOPMART, "LISTING_IMPORT_MAX_ROWS": 1}
    with pytest.raises(ListingError) as caught:
        _preview(seller, artisan, content)
    assert caught.value.issues[0].code == "file_too_many_rows"
    settings.ODOPMART = {**settings.ODOPMART, "LISTING_IMPORT_MAX_MB": 0}
    with pytest.raises(ListingError) as caught:
        _preview(seller, artisan, content)
    assert caught.value.issues[0].code == "file_too_big"


def test_semicolon_separated_csv_is_read(artisan, seller):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(COLUMNS)
    writer.writerow([_row(artisan)[column] for column in COLUMNS])
    batch = _preview(seller, artisan, buffer.getvalue().encode())
    assert (batch.status, batch.product_count) == ("previewed", 1)


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_template_has_the_header_and_an_example_row_for_one_of_the_users_artisans(
    artisan, file_format
):
    content = import_template(file_format, artisans=Artisan.objects.filter(pk=artisan.pk))
    if file_format == "csv":
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    else:
        workbook = load_workbook(io.BytesIO(content), read_only=True)
        assert workbook.sheetnames == ["listings", "help"]
        rows = [
            [str(v or "") for v in row] for row in workbook["listings"].iter_rows(values_only=True)
        ]
    assert rows[0] == list(COLUMNS)
    assert len(rows) == 2
    example = dict(zip(COLUMNS, rows[1], strict=True))
    assert example["artisan"] == artisan.slug
    assert example["odop_product"] == LUCKNOW_ODOP
    assert example["sku"].startswith("EXAMPLE-")


def test_the_template_filled_in_as_is_only_complains_about_the_example_row(artisan, seller):
    content = import_template("xlsx", artisans=Artisan.objects.filter(pk=artisan.pk))
    batch = _preview(seller, artisan, content, "template.xlsx")
    assert [(e["row"], e["column"], e["code"]) for e in batch.errors] == [(2, "sku", "example_row")]
