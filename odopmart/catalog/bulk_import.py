"""Bulk listing import from a CSV or XLSX sheet: template, dry run, then all-or-nothing import.

One row is one variant; rows with the same artisan and English name are variants of one product
(the first of them carries the product's columns; later rows leave those blank or repeat them).
`import_batch_preview` reads the file by its content, checks every row against the same rules
as the listing forms and stores the file and the findings in an `ImportBatch`.
`import_batch_commit` reads the stored file again, checks it again and creates every product in
one transaction, or nothing.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from odopmart.catalog.listing_issues import ListingError, ListingIssue, issue_message
from odopmart.catalog.listing_services import (
    ListingLookups,
    ProductData,
    VariantData,
    category_usual_for,
    cleaned_product,
    cleaned_variant,
    product_build,
    product_issues,
    variant_issues,
)
from odopmart.catalog.models import (
    Category,
    ImportBatch,
    ImportBatchStatus,
    Product,
    ProductStatus,
    Variant,
)
from odopmart.catalog.services import products_refresh_summaries
from odopmart.core.money import rupees_to_paise
from odopmart.odop.models import OdopProduct
from odopmart.sellers.models import Artisan, Vendor

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    Actor = AbstractBaseUser | AnonymousUser | None
else:
    Actor = Any

PRODUCT_COLUMNS = (
    "artisan",
    "odop_product",
    "category",
    "name_en",
    "name_hi",
    "description_en",
    "description_hi",
    "material_en",
    "material_hi",
    "technique_en",
    "technique_hi",
    "hsn_code",
    "gst_rate_percent",
)
VARIANT_COLUMNS = (
    "sku",
    "variant_label_en",
    "variant_label_hi",
    "size",
    "colour_en",
    "colour_hi",
    "mrp_rupees",
    "price_rupees",
    "stock",
    "weight_grams",
    "length_mm",
    "width_mm",
    "height_mm",
)
COLUMNS = PRODUCT_COLUMNS + VARIANT_COLUMNS
OPTIONAL_COLUMNS = frozenset(
    {
        "material_en",
        "material_hi",
        "technique_en",
        "technique_hi",
        "gst_rate_percent",
        "variant_label_hi",
        "size",
        "colour_en",
        "colour_hi",
    }
)
REQUIRED_COLUMNS = tuple(column for column in COLUMNS if column not in OPTIONAL_COLUMNS)

# Service field -> sheet column, for reporting problems where the user typed the value.
FIELD_COLUMNS = {
    "gst_rate_bp": "gst_rate_percent",
    "label_en": "variant_label_en",
    "label_hi": "variant_label_hi",
    "mrp_paise": "mrp_rupees",
    "price_paise": "price_rupees",
}
INTEGER_COLUMNS = ("stock", "weight_grams", "length_mm", "width_mm", "height_mm")
EXAMPLE_SKU_PREFIX = "EXAMPLE-"

COLUMN_HELP: dict[str, Any] = {
    "artisan": gettext_lazy("The artisan's web name (slug) or number, from your Artisans page."),
    "odop_product": gettext_lazy("The ODOP product's web name (slug), e.g. lucknow-chikankari."),
    "category": gettext_lazy("The category's web name (slug), e.g. clothing."),
    "name_en": gettext_lazy(
        "Product name in English. Rows with the same artisan and name are variants of one product."
    ),
    "name_hi": gettext_lazy("Product name in Hindi (Devanagari)."),
    "description_en": gettext_lazy("Description in English."),
    "description_hi": gettext_lazy("Description in Hindi."),
    "material_en": gettext_lazy("Material in English (optional)."),
    "material_hi": gettext_lazy("Material in Hindi (optional)."),
    "technique_en": gettext_lazy("Craft technique in English (optional)."),
    "technique_hi": gettext_lazy("Craft technique in Hindi (optional)."),
    "hsn_code": gettext_lazy(
        "HSN code, 4, 6 or 8 digits. Format the column as text to keep leading zeros."
    ),
    "gst_rate_percent": gettext_lazy("GST in percent, e.g. 5. Leave blank for the rate on record."),
    "sku": gettext_lazy("Your unique code for this variant: letters, digits, - _ /."),
    "variant_label_en": gettext_lazy("What makes this variant different, in English, e.g. Size M."),
    "variant_label_hi": gettext_lazy("The same in Hindi (optional)."),
    "size": gettext_lazy("Size (optional)."),
    "colour_en": gettext_lazy("Colour in English (optional)."),
    "colour_hi": gettext_lazy("Colour in Hindi (optional)."),
    "mrp_rupees": gettext_lazy("MRP in rupees, e.g. 1999 or 1,999.50."),
    "price_rupees": gettext_lazy("Selling price in rupees including GST; not above the MRP."),
    "stock": gettext_lazy("How many are ready to sell."),
    "weight_grams": gettext_lazy("Packed weight in grams."),
    "length_mm": gettext_lazy("Packed length in millimetres."),
    "width_mm": gettext_lazy("Packed width in millimetres."),
    "height_mm": gettext_lazy("Packed height in millimetres."),
}

_BINARY_MAGIC = (
    b"PK\x03\x04",
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"MZ",
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0",  # old .xls and other OLE files
    b"\x1f\x8b",
    b"RIFF",
)
_XML_DANGER = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_PERCENT = re.compile(r"^(\d{1,2})(?:\.(\d{1,2}))?\s*%?$")
_INTEGER = re.compile(r"^\d+$")


def _limit(name: str, default: int) -> int:
    return int(settings.ODOPMART.get(name, default))


def max_file_mb() -> int:
    return _limit("LISTING_IMPORT_MAX_MB", 5)


def max_rows() -> int:
    return _limit("LISTING_IMPORT_MAX_ROWS", 2000)


# --- reading files --------------------------------------------------------------------------


def _format_for_name(file_name: str) -> str:
    suffix = PurePath(file_name or "").suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix == ".xlsx":
        return "xlsx"
    raise ListingError([ListingIssue("file", "file_type")])


def _cell_text(value: object) -> str:
    """A spreadsheet cell as the text the user typed. Numbers become text without arithmetic."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # The shortest text that reads back as the same number: what the cell showed.
        text = repr(value)
        return text[:-2] if text.endswith(".0") else text
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def _read_csv(content: bytes) -> list[list[str]]:
    if content.startswith(_BINARY_MAGIC) or b"\x00" in content[:65536]:
        raise ListingError([ListingIssue("file", "file_content_mismatch", {"format": "CSV"})])
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ListingError([ListingIssue("file", "file_encoding")]) from None
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    try:
        return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    except csv.Error:
        raise ListingError([ListingIssue("file", "file_unreadable", {"format": "CSV"})]) from None


def _read_xlsx(content: bytes) -> list[list[str]]:
    mismatch = ListingError([ListingIssue("file", "file_content_mismatch", {"format": "XLSX"})])
    unreadable = ListingError([ListingIssue("file", "file_unreadable", {"format": "XLSX"})])
    if not content.startswith(b"PK\x03\x04"):
        raise mismatch
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        names = set(archive.namelist())
        if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
            raise mismatch
        # Refuse zip bombs and XML entity tricks before the spreadsheet reader sees the file.
        members = archive.infolist()
        if sum(member.file_size for member in members) > 20 * max_file_mb() * 1024 * 1024:
            raise unreadable
        for member in members:
            if member.filename.endswith((".xml", ".rels")):
                with archive.open(member) as handle:
                    if _XML_DANGER.search(handle.read()):
                        raise unreadable
    except zipfile.BadZipFile:
        raise mismatch from None

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of errors on damaged files
        raise unreadable from None
    try:
        sheet = (
            workbook["listings"] if "listings" in workbook.sheetnames else workbook.worksheets[0]
        )
        rows = []
        for values in sheet.iter_rows(values_only=True):
            rows.append([_cell_text(value) for value in values])
            if len(rows) > max_rows() + 1:
                break
        return rows
    finally:
        workbook.close()


def read_rows(content: bytes, file_name: str) -> tuple[str, list[list[str]]]:
    """(format, rows of cell text) of an upload, checked by content against its name."""
    file_format = _format_for_name(file_name)
    if len(content) > max_file_mb() * 1024 * 1024:
        raise ListingError([ListingIssue("file", "file_too_big", {"max": max_file_mb()})])
    rows = _read_xlsx(content) if file_format == "xlsx" else _read_csv(content)
    return file_format, rows


# --- checking rows --------------------------------------------------------------------------


@dataclass(frozen=True)
class RowIssue:
    row: int  # as numbered in the spreadsheet (the header is row 1)
    column: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return issue_message(self.code, self.params)

    def as_json(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "code": self.code, "params": self.params}


@dataclass
class PlannedProduct:
    rows: list[int]
    artisan: Artisan
    data: ProductData

    def as_json(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "artisan": self.artisan.name_en,
            "artisan_hi": self.artisan.name_hi,
            "vendor": self.artisan.vendor.name_en,
            "name_en": self.data.name_en,
            "name_hi": self.data.name_hi,
            "variants": len(self.data.variants),
            "skus": [variant.sku for variant in self.data.variants],
        }


@dataclass
class ImportPlan:
    row_count: int = 0
    products: list[PlannedProduct] = field(default_factory=list)
    issues: list[RowIssue] = field(default_factory=list)

    @property
    def variant_count(self) -> int:
        return sum(len(product.data.variants) for product in self.products)


class _References:
    """Artisans in scope, ODOP products and categories, each looked up once."""

    def __init__(self, artisans: QuerySet[Artisan]) -> None:
        self.artisans: dict[str, Artisan] = {}
        for artisan in artisans.select_related("vendor", "district"):
            self.artisans[artisan.slug.lower()] = artisan
            self.artisans[str(artisan.pk)] = artisan
        self.odop = {
            item.slug.lower(): item for item in OdopProduct.objects.select_related("district")
        }
        self.categories = {item.slug.lower(): item for item in Category.objects.all()}


def _integer(text: str) -> int | None:
    text = text.replace(",", "").strip()
    return int(text) if _INTEGER.match(text) else None


def _percent_bp(text: str) -> int | None:
    match = _PERCENT.match(text.strip())
    if not match:
        return None
    return int(match.group(1)) * 100 + int((match.group(2) or "0").ljust(2, "0"))


def _column_for(issue: ListingIssue) -> str:
    if issue.field.startswith("stock_"):
        return "stock"
    return FIELD_COLUMNS.get(issue.field, issue.field) or "artisan"


def _header(rows: list[list[str]]) -> list[str]:
    header = [cell.strip().lower().lstrip("\ufeff") for cell in rows[0]] if rows else []
    while header and not header[-1]:
        header.pop()
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    unknown = [column for column in header if column and column not in COLUMNS]
    issues = []
    if missing:
        issues.append(ListingIssue("file", "header_missing", {"columns": ", ".join(missing)}))
    if unknown:
        issues.append(ListingIssue("file", "header_unknown", {"columns": ", ".join(unknown)}))
    if issues:
        raise ListingError(issues)
    return header


def import_plan(rows: list[list[str]], *, artisans: QuerySet[Artisan]) -> ImportPlan:
    """Check every row and group them into products; every problem becomes a RowIssue."""
    header = _header(rows)
    body = [
        (number, row)
        for number, row in enumerate(rows[1:], start=2)
        if any(cell.strip() for cell in row)
    ]
    if not body:
        raise ListingError([ListingIssue("file", "file_empty")])
    if len(body) > max_rows():
        raise ListingError([ListingIssue("file", "file_too_many_rows", {"max": max_rows()})])
    references = _References(artisans)
    lookups = ListingLookups()
    plan = ImportPlan(row_count=len(body))
    groups: dict[tuple[str, str], tuple[PlannedProduct | None, int, dict[str, str]]] = {}
    sku_rows: dict[str, int] = {}

    def problem(number: int, column: str, code: str, /, **params: Any) -> None:
        plan.issues.append(RowIssue(number, column, code, params))

    for number, row in body:
        cells = {
            name: (row[index].strip() if index < len(row) else "")
            for index, name in enumerate(header)
        }
        cells = {name: cells.get(name, "") for name in COLUMNS}
        row_ok = True
        # Product columns: the first row of a product carries them.
        key = (cells["artisan"].lower(), " ".join(cells["name_en"].split()).casefold())
        continues = key in groups
        for column in REQUIRED_COLUMNS:
            if column in PRODUCT_COLUMNS and continues and column not in ("artisan", "name_en"):
                continue
            if not cells[column]:
                problem(number, column, "required")
                row_ok = False

        product: PlannedProduct | None = None
        if continues:
            product, first_row, first_cells = groups[key]
            for column in PRODUCT_COLUMNS:
                value = cells[column]
                if value and value != first_cells[column]:
                    problem(number, column, "product_mismatch", row=first_row)
                    row_ok = False
        elif cells["artisan"] and cells["name_en"]:
            product = _plan_product(number, cells, references, lookups, problem)
            groups[key] = (product, number, cells)
            if product is not None:
                plan.products.append(product)

        # Variant columns.
        variant = _plan_variant(number, cells, problem)
        if variant is None:
            continue
        if variant.sku.startswith(EXAMPLE_SKU_PREFIX):
            problem(number, "sku", "example_row")
            continue
        earlier = sku_rows.get(variant.sku)
        if earlier is not None:
            problem(number, "sku", "sku_repeated_in_file", sku=variant.sku, row=earlier)
            continue
        sku_rows[variant.sku] = number
        for issue in variant_issues(variant, check_taken=False):
            problem(number, _column_for(issue), issue.code, **issue.params)
            row_ok = False
        if row_ok and product is not None:
            product.data.variants.append(variant)
            if number not in product.rows:
                product.rows.append(number)

    # SKUs already in the catalogue, asked in a few queries rather than one per row.
    skus = list(sku_rows)
    taken: set[str] = set()
    for start in range(0, len(skus), 500):
        chunk = skus[start : start + 500]
        taken.update(
            sku.upper()
            for sku in Variant.objects.filter(sku__in=chunk).values_list("sku", flat=True)
        )
    for sku, number in sku_rows.items():
        if sku in taken:
            problem(number, "sku", "sku_taken", sku=sku)

    plan.products = [product for product in plan.products if product.data.variants]
    plan.issues.sort(
        key=lambda issue: (
            issue.row,
            COLUMNS.index(issue.column) if issue.column in COLUMNS else -1,
        )
    )
    return plan


def _plan_product(
    number: int,
    cells: dict[str, str],
    references: _References,
    lookups: ListingLookups,
    problem: Any,
) -> PlannedProduct | None:
    artisan = references.artisans.get(cells["artisan"].lower())
    odop = references.odop.get(cells["odop_product"].lower())
    category = references.categories.get(cells["category"].lower())
    if artisan is None:
        problem(number, "artisan", "artisan_unknown", value=cells["artisan"])
    if cells["odop_product"] and odop is None:
        problem(number, "odop_product", "odop_unknown", value=cells["odop_product"])
    if cells["category"] and category is None:
        problem(number, "category", "category_unknown", value=cells["category"])
    gst_rate_bp = None
    if cells["gst_rate_percent"]:
        gst_rate_bp = _percent_bp(cells["gst_rate_percent"])
        if gst_rate_bp is None:
            problem(number, "gst_rate_percent", "gst_format")
            return None
    if artisan is None or odop is None or category is None:
        return None
    data = cleaned_product(
        ProductData(
            category=category,
            odop_product=odop,
            name_en=cells["name_en"],
            name_hi=cells["name_hi"],
            description_en=cells["description_en"],
            description_hi=cells["description_hi"],
            material_en=cells["material_en"],
            material_hi=cells["material_hi"],
            technique_en=cells["technique_en"],
            technique_hi=cells["technique_hi"],
            hsn_code=cells["hsn_code"],
            gst_rate_bp=gst_rate_bp,
        )
    )
    issues = product_issues(vendor=artisan.vendor, artisan=artisan, data=data, lookups=lookups)
    for issue in issues:
        if issue.field in ("name_en", "name_hi", "description_en", "description_hi") and (
            issue.code == "required"
        ):
            continue  # already reported as a missing cell
        problem(number, _column_for(issue), issue.code, **issue.params)
    if issues:
        return None
    return PlannedProduct(rows=[], artisan=artisan, data=data)


def _plan_variant(number: int, cells: dict[str, str], problem: Any) -> VariantData | None:
    values: dict[str, Any] = {}
    ok = True
    for column in ("mrp_rupees", "price_rupees"):
        if not cells[column]:
            ok = False
            continue
        try:
            values[column] = rupees_to_paise(cells[column])
        except (TypeError, ValueError):
            problem(number, column, "amount_format")
            ok = False
    for column in INTEGER_COLUMNS:
        if not cells[column]:
            ok = False
            continue
        value = _integer(cells[column])
        if value is None:
            problem(
                number,
                column,
                "stock_negative"
                if column == "stock" and cells[column].startswith("-")
                else "whole_number",
            )
            ok = False
        else:
            values[column] = value
    if not ok or not cells["sku"] or not cells["variant_label_en"]:
        return None
    return cleaned_variant(
        VariantData(
            sku=cells["sku"],
            label_en=cells["variant_label_en"],
            label_hi=cells["variant_label_hi"],
            size=cells["size"],
            colour_en=cells["colour_en"],
            colour_hi=cells["colour_hi"],
            mrp_paise=values["mrp_rupees"],
            price_paise=values["price_rupees"],
            stock=values["stock"],
            weight_grams=values["weight_grams"],
            length_mm=values["length_mm"],
            width_mm=values["width_mm"],
            height_mm=values["height_mm"],
        )
    )


# --- services -------------------------------------------------------------------------------


def _read_upload(upload: UploadedFile) -> bytes:
    limit = max_file_mb() * 1024 * 1024
    if upload.size is not None and upload.size > limit:
        raise ListingError([ListingIssue("file", "file_too_big", {"max": max_file_mb()})])
    upload.seek(0)
    content = upload.read(limit + 1)
    if len(content) > limit:
        raise ListingError([ListingIssue("file", "file_too_big", {"max": max_file_mb()})])
    return content


def _issues_json(plan: ImportPlan) -> list[dict[str, Any]]:
    return [issue.as_json() for issue in plan.issues]


@transaction.atomic
def import_batch_preview(
    *, actor: Actor, vendor: Vendor | None, artisans: QuerySet[Artisan], upload: UploadedFile
) -> ImportBatch:
    """Dry run: read and check the file, keep it with what it would create and every problem.

    `artisans` is whom the actor may list for (a vendor's artisans, or the desk's assignment).
    Problems with the file as a whole (type, size, header) raise ListingError and keep nothing.
    """
    file_name = PurePath(upload.name or "").name[:200]
    content = _read_upload(upload)
    file_format, rows = read_rows(content, file_name)
    plan = import_plan(rows, artisans=artisans)
    return ImportBatch.objects.create(
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        vendor=vendor,
        file_name=file_name,
        file_format=file_format,
        content=content,
        content_sha256=hashlib.sha256(content).hexdigest(),
        status=ImportBatchStatus.INVALID if plan.issues else ImportBatchStatus.PREVIEWED,
        row_count=plan.row_count,
        product_count=len(plan.products),
        variant_count=plan.variant_count,
        error_count=len(plan.issues),
        errors=_issues_json(plan),
        summary=[product.as_json() for product in plan.products],
    )


class _Refused(Exception):
    def __init__(self, plan: ImportPlan) -> None:
        self.plan = plan


@transaction.atomic
def import_batch_commit(
    *, actor: Actor, batch_id: int, artisans: QuerySet[Artisan], submit: bool = False
) -> ImportBatch:
    """Create every product of a checked batch in one transaction, or none.

    The stored file is read and checked again first (the catalogue may have changed since the
    preview: an SKU taken, an artisan moved). With `submit`, each new listing whose blocking
    checklist items pass is sent for review; the others stay drafts.
    """
    from odopmart.catalog.moderation import checklist_failures, listing_checklist, transition_locked

    batch = ImportBatch.objects.select_for_update().get(pk=batch_id)
    if batch.status != ImportBatchStatus.PREVIEWED:
        raise ListingError([ListingIssue("file", "file_changed")])
    content = bytes(batch.content)
    try:
        with transaction.atomic():
            _, rows = read_rows(content, batch.file_name)
            plan = import_plan(rows, artisans=artisans)
            if plan.issues:
                raise _Refused(plan)
            lookups = ListingLookups()
            created: list[Product] = []
            for planned in plan.products:
                created.append(
                    product_build(
                        vendor=planned.artisan.vendor,
                        artisan=planned.artisan,
                        data=planned.data,
                        lookups=lookups,
                    )
                )
            products_refresh_summaries(product.pk for product in created)
            submitted = 0
            if submit:
                for product in _with_relations(created):
                    if not checklist_failures(listing_checklist(product), blocking_only=True):
                        transition_locked(
                            product,
                            to=ProductStatus.SUBMITTED,
                            actor=actor,
                            reason=gettext_noop("Sent for review on import."),
                        )
                        submitted += 1
    except _Refused as refused:
        batch.status = ImportBatchStatus.FAILED
        batch.errors = _issues_json(refused.plan)
        batch.error_count = len(refused.plan.issues)
        batch.save(update_fields=["status", "errors", "error_count"])
        return batch
    except ListingError as error:
        batch.status = ImportBatchStatus.FAILED
        batch.errors = [
            RowIssue(0, "", issue.code, issue.params).as_json() for issue in error.issues
        ]
        batch.error_count = len(batch.errors)
        batch.save(update_fields=["status", "errors", "error_count"])
        return batch
    batch.status = ImportBatchStatus.IMPORTED
    batch.imported_at = timezone.now()
    batch.product_count = len(created)
    batch.variant_count = plan.variant_count
    batch.submitted_count = submitted
    batch.product_ids = [product.pk for product in created]
    batch.save(
        update_fields=[
            "status",
            "imported_at",
            "product_count",
            "variant_count",
            "submitted_count",
            "product_ids",
        ]
    )
    return batch


def _with_relations(products: Iterable[Product]) -> list[Product]:
    ids = [product.pk for product in products]
    return list(
        Product.objects.filter(pk__in=ids)
        .select_related("vendor", "artisan__district", "odop_product__district", "category")
        .order_by("pk")
    )


def import_batch_issues(batch: ImportBatch) -> list[RowIssue]:
    """The batch's problems, to show in the reader's language."""
    return [
        RowIssue(item.get("row", 0), item.get("column", ""), item["code"], item.get("params", {}))
        for item in batch.errors
    ]


# --- the template ---------------------------------------------------------------------------


def _example_row(artisans: QuerySet[Artisan]) -> dict[str, str]:
    artisan = artisans.select_related("district").first()
    odop = None
    if artisan is not None:
        odop = (
            OdopProduct.objects.filter(district_id=artisan.district_id)
            .order_by("rank", "name_en")
            .first()
        )
    category = category_usual_for(odop) or Category.objects.order_by("position").first()
    return {
        "artisan": artisan.slug if artisan else "artisan-slug",
        "odop_product": odop.slug if odop else "lucknow-chikankari",
        "category": category.slug if category else "clothing",
        "name_en": "Hand-embroidered cotton kurta",
        "name_hi": "हाथ की कढ़ाई वाला सूती कुर्ता",
        "description_en": "Soft cotton kurta embroidered by hand. Wash gently in cold water.",
        "description_hi": "हाथ से कढ़ाई किया मुलायम सूती कुर्ता। ठंडे पानी में हल्के हाथ से धोएँ।",
        "material_en": "Cotton",
        "material_hi": "सूती",
        "technique_en": "Hand embroidery",
        "technique_hi": "हाथ की कढ़ाई",
        "hsn_code": (category.default_hsn_code if category else "") or "6204",
        "gst_rate_percent": "",
        "sku": f"{EXAMPLE_SKU_PREFIX}001",
        "variant_label_en": "Size M",
        "variant_label_hi": "साइज़ M",
        "size": "M",
        "colour_en": "White",
        "colour_hi": "सफ़ेद",
        "mrp_rupees": "2499",
        "price_rupees": "1999",
        "stock": "5",
        "weight_grams": "350",
        "length_mm": "300",
        "width_mm": "250",
        "height_mm": "40",
    }


def import_template(file_format: str, *, artisans: QuerySet[Artisan]) -> bytes:
    """The sheet to fill in: the header row and one example row (its SKU marks it as the
    example; an upload that still contains it is refused until it is replaced)."""
    example = _example_row(artisans)
    if file_format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        writer.writerow([example[column] for column in COLUMNS])
        # A byte-order mark makes spreadsheet programs read the Hindi as UTF-8.
        return buffer.getvalue().encode("utf-8-sig")
    if file_format != "xlsx":
        raise ValueError(file_format)
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "listings"
    sheet.append(list(COLUMNS))
    sheet.append([example[column] for column in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    text_columns = ("hsn_code", "sku", "mrp_rupees", "price_rupees", "gst_rate_percent")
    for index, column in enumerate(COLUMNS, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        dimension = sheet.column_dimensions[letter]
        dimension.width = max(12, min(40, len(example[column]) + 4))
        if column in text_columns:
            # Typed codes and amounts stay text ("0405" keeps its zero, "1,499.50" its paise).
            dimension.number_format = "@"
            sheet.cell(row=2, column=index).number_format = "@"
    sheet.freeze_panes = "A2"
    notes = workbook.create_sheet("help")
    notes.append([gettext("Column"), gettext("Required"), gettext("What to write")])
    for cell in notes[1]:
        cell.font = Font(bold=True)
    for column in COLUMNS:
        notes.append(
            [
                column,
                gettext("no") if column in OPTIONAL_COLUMNS else gettext("yes"),
                str(COLUMN_HELP[column]),
            ]
        )
    notes.column_dimensions["A"].width = 20
    notes.column_dimensions["C"].width = 90
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
