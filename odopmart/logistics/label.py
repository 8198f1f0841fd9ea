"""Our 4×6 inch shipping label (operator-managed pickups; couriers with their own labels use
theirs). English with Hindi headings, the AWB as a Code 39 barcode every courier scanner
reads, and the same number as a QR code for phones."""

from __future__ import annotations

import io
import re

import segno
from django.utils import timezone

from odopmart.core.money import format_inr
from odopmart.core.pdf import Document
from odopmart.logistics.models import Shipment

WIDTH_MM = 101.6
HEIGHT_MM = 152.4
MARGIN = 4.0
_CODE39_UNSAFE = re.compile(r"[^0-9A-Z\-. $/+%]")


def _barcode_text(value: str) -> str:
    return _CODE39_UNSAFE.sub("", value.upper())


def _heading(doc: Document, english: str, hindi: str) -> None:
    doc.set_font("NotoSans", "B", 7)
    doc.set_text_color(90, 90, 90)
    doc.cell(0, 3.6, f"{english} · {hindi}", new_x="LMARGIN", new_y="NEXT")
    doc.set_text_color(0, 0, 0)


def _rule(doc: Document) -> None:
    doc.ln(1)
    doc.set_draw_color(0, 0, 0)
    doc.line(MARGIN, doc.get_y(), WIDTH_MM - MARGIN, doc.get_y())
    doc.ln(1.2)


def shipment_label_pdf(shipment: Shipment) -> bytes:
    seller_order = shipment.seller_order
    order = seller_order.order
    artisan = shipment.artisan
    lines = list(shipment.lines.select_related("item").all())
    number = shipment.awb or shipment.reference
    doc = Document(format=(WIDTH_MM, HEIGHT_MM), title=f"Label {number}")
    doc.set_margins(MARGIN, MARGIN, MARGIN)
    doc.set_auto_page_break(auto=False)
    doc.add_page()
    content_width = WIDTH_MM - 2 * MARGIN

    # Courier and payment: what the pickup agent checks first.
    doc.set_font("NotoSans", "B", 11)
    courier = shipment.courier_name or "odopmart"
    doc.cell(content_width * 0.55, 6, courier[:28])
    if shipment.is_cod:
        doc.set_fill_color(0, 0, 0)
        doc.set_text_color(255, 255, 255)
        doc.cell(
            content_width * 0.45, 6, f"COD {format_inr(shipment.cod_amount_paise)}",
            align="R", fill=True, new_x="LMARGIN", new_y="NEXT",
        )  # fmt: skip
        doc.set_text_color(0, 0, 0)
    else:
        doc.cell(
            content_width * 0.45, 6, "PREPAID · प्रीपेड", align="R",
            new_x="LMARGIN", new_y="NEXT",
        )  # fmt: skip

    # The AWB: barcode, number in words, QR.
    top = doc.get_y() + 1
    code = _barcode_text(number)
    narrow = 0.25
    bar_width = narrow * 3
    barcode_width = (len(code) + 2) * (bar_width * 3 + narrow * 7)
    if barcode_width > content_width - 24:
        bar_width = 0.6
    doc.code39(f"*{code}*", x=MARGIN, y=top, w=bar_width, h=14)
    qr = segno.make(number, error="m")
    png = io.BytesIO()
    qr.save(png, kind="png", scale=4, border=1)
    png.seek(0)
    doc.image(png, x=WIDTH_MM - MARGIN - 20, y=top - 1, w=20, h=20)
    doc.set_xy(MARGIN, top + 15)
    doc.set_font("NotoSans", "B", 10)
    label = "AWB" if shipment.awb else "Shipment"
    doc.cell(content_width - 22, 5, f"{label} {number}", new_x="LMARGIN", new_y="NEXT")
    doc.set_y(max(doc.get_y(), top + 20))
    _rule(doc)

    # To: the buyer.
    _heading(doc, "TO", "पाने वाला")
    doc.set_font("NotoSans", "B", 10)
    doc.multi_cell(content_width, 4.6, order.ship_name, new_x="LMARGIN", new_y="NEXT")
    doc.set_font("NotoSans", "", 9)
    district = order.ship_district if order.ship_district != order.ship_city else ""
    address = ", ".join(
        part for part in (order.ship_line1, order.ship_line2, order.ship_city, district) if part
    )
    doc.multi_cell(content_width, 4.2, address, align="L", new_x="LMARGIN", new_y="NEXT")
    doc.set_font("NotoSans", "B", 11)
    doc.cell(
        content_width, 5.4, f"PIN {order.ship_pincode} · {order.ship_state.name_en}",
        new_x="LMARGIN", new_y="NEXT",
    )  # fmt: skip
    doc.set_font("NotoSans", "", 9)
    doc.cell(content_width, 4.2, f"Phone · फ़ोन: {order.phone}", new_x="LMARGIN", new_y="NEXT")
    _rule(doc)

    # From: the artisan's door.
    _heading(doc, "FROM (pickup)", "भेजने वाला (पिकअप)")
    doc.set_font("NotoSans", "B", 9)
    name = shipment.pickup_name
    if artisan.name_hi and artisan.name_hi != name:
        name = f"{name} · {artisan.name_hi}"
    doc.multi_cell(content_width, 4.2, name, new_x="LMARGIN", new_y="NEXT")
    doc.set_font("NotoSans", "", 8)
    pickup_address = shipment.pickup_address
    if shipment.pickup_pincode not in pickup_address:
        pickup_address = f"{pickup_address} · PIN {shipment.pickup_pincode}"
    doc.multi_cell(
        content_width, 3.8, pickup_address,
        align="L", new_x="LMARGIN", new_y="NEXT",
    )  # fmt: skip
    phone = f"Phone · फ़ोन: {shipment.pickup_phone}" if shipment.pickup_phone else ""
    vendor = seller_order.vendor
    doc.multi_cell(
        content_width, 3.8,
        " · ".join(part for part in (phone, f"Seller {vendor.name_en} (GSTIN {vendor.gstin})")
                   if part),
        align="L", new_x="LMARGIN", new_y="NEXT",
    )  # fmt: skip
    _rule(doc)

    # Order and contents.
    _heading(doc, "ORDER", "ऑर्डर")
    doc.set_font("NotoSans", "", 8)
    doc.multi_cell(
        content_width, 3.8,
        f"{order.number} · {shipment.reference} · "
        f"{timezone.localdate(shipment.created_at):%d-%m-%Y}",
        align="L", new_x="LMARGIN", new_y="NEXT",
    )  # fmt: skip
    _heading(doc, "ITEMS", "सामान")
    doc.set_font("NotoSans", "", 8)
    bottom_limit = HEIGHT_MM - MARGIN - 9
    for index, line in enumerate(lines):
        if doc.get_y() > bottom_limit - 4:
            doc.cell(
                content_width, 3.8, f"+ {len(lines) - index} more", new_x="LMARGIN", new_y="NEXT"
            )
            break
        doc.cell(content_width - 14, 3.8, f"{line.item.name_en[:48]} ({line.item.sku})")
        doc.cell(14, 3.8, f"× {line.quantity}", align="R", new_x="LMARGIN", new_y="NEXT")

    # Weight and box at the foot.
    doc.set_xy(MARGIN, HEIGHT_MM - MARGIN - 8)
    doc.set_font("NotoSans", "B", 8)
    doc.cell(
        content_width, 4,
        f"Weight · वज़न: {shipment.weight_grams / 1000:.2f} kg · "
        f"{shipment.length_cm}×{shipment.width_cm}×{shipment.height_cm} cm",
        new_x="LMARGIN", new_y="NEXT",
    )  # fmt: skip
    doc.set_font("NotoSans", "", 7)
    value = format_inr(shipment.declared_value_paise)
    doc.cell(
        content_width, 3.6, f"Value of goods · सामान का मूल्य: {value}",
        new_x="LMARGIN", new_y="NEXT",
    )  # fmt: skip
    return doc.to_bytes()
