"""The printable certificate: one A4 landscape page, English and Hindi side by side, with a QR
code that opens the public verification page.

Built on demand from the stored snapshot (nothing is kept on disk): the same certificate always
prints the same facts, and a withdrawn one is never printed.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import segno
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from fpdf.enums import Align, XPos, YPos

from odopmart.certificates.conf import certificate_setting
from odopmart.certificates.models import Certificate
from odopmart.certificates.signing import ALGORITHM
from odopmart.core.pdf import Document

# Colours of the storefront (site.css): brick accent, ink text, muted brown, origin green.
ACCENT = (154, 61, 32)
INK = (42, 33, 27)
MUTED = (107, 91, 78)
ORIGIN = (31, 92, 51)
PAPER = (251, 247, 241)
LINE = (228, 217, 203)

PAGE_W, PAGE_H = 297.0, 210.0
MARGIN = 16.0


def verification_url(certificate: Certificate, *, base_url: str = "") -> str:
    """The public page that says whether this certificate is genuine (what the QR code opens).

    SITE_URL when configured, else ``base_url`` (the address the request came in on).
    """
    base = str(certificate_setting("SITE_URL") or base_url).rstrip("/")
    return f"{base}{certificate.get_absolute_url()}"


def qr_png(url: str) -> bytes:
    """The QR code for a URL as a PNG (medium error correction: survives a crease or a smudge)."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(
        buffer, kind="png", scale=8, border=2, dark="#2a211b", light="#ffffff"
    )
    return buffer.getvalue()


def _both(message: str) -> tuple[str, str]:
    """A label in English and in Hindi (from the catalogue), for a page that shows both."""
    with translation.override("en"):
        english = str(message)
    with translation.override("hi"):
        hindi = str(message)
    return english, hindi


def _date_both(certificate: Certificate) -> tuple[str, str]:
    with translation.override("en"):
        english = date_format(certificate.dispatched_on, "j F Y")
    with translation.override("hi"):
        hindi = date_format(certificate.dispatched_on, "j F Y")
    return english, hindi


class _Page:
    """Drawing helpers on a Document, in millimetres."""

    def __init__(self, document: Document, scale: float = 1.0) -> None:
        self.doc = document
        # Below 1 when long names would push the facts into the foot: everything a bit smaller.
        self.scale = scale

    def text(
        self,
        x: float,
        y: float,
        width: float,
        value: str,
        *,
        size: float,
        bold: bool = False,
        colour: tuple[int, int, int] = INK,
        align: Align = Align.L,
        height: float | None = None,
    ) -> float:
        """Write wrapped text in a box; returns the y below it."""
        size *= self.scale
        self.doc.set_font("NotoSans", "B" if bold else "", size)
        self.doc.set_text_color(*colour)
        self.doc.set_xy(x, y)
        line_height = (height or size * 0.5 / self.scale) * self.scale
        self.doc.multi_cell(
            width, line_height, value, align=align, new_x=XPos.LEFT, new_y=YPos.NEXT
        )
        return self.doc.get_y()

    def rule(self, x1: float, y: float, x2: float, colour: tuple[int, int, int] = LINE) -> None:
        self.doc.set_draw_color(*colour)
        self.doc.set_line_width(0.3)
        self.doc.line(x1, y, x2, y)


def _frame(doc: Document) -> None:
    doc.set_fill_color(*PAPER)
    doc.rect(0, 0, PAGE_W, PAGE_H, style="F")
    doc.set_draw_color(*ACCENT)
    doc.set_line_width(1.6)
    doc.rect(8, 8, PAGE_W - 16, PAGE_H - 16)
    doc.set_line_width(0.4)
    doc.rect(11, 11, PAGE_W - 22, PAGE_H - 22)


def _or_english(hindi: str, english: str) -> str:
    """The Hindi line of a value: blank when it would only repeat the English one."""
    return hindi if hindi and hindi != english else ""


def _facts(certificate: Certificate) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """(label in en/hi, value in en/hi) rows of the facts table."""
    c = certificate
    artisan_en = f"{c.artisan_name_en}, {c.artisan_district_en}"
    artisan_hi = (
        f"{c.artisan_name_hi or c.artisan_name_en}, "
        f"{c.artisan_district_hi or c.artisan_district_en}"
    )
    rows = [
        (
            _both(_("Product")),
            (c.product_name_en, _or_english(c.product_name_hi, c.product_name_en)),
        ),
        (_both(_("Made by")), (artisan_en, _or_english(artisan_hi, artisan_en))),
        (
            _both(_("Sold by")),
            (
                f"{c.vendor_name_en} · GSTIN {c.vendor_gstin}",
                _or_english(c.vendor_name_hi, c.vendor_name_en),
            ),
        ),
        (_both(_("Order number")), (c.seller_order_number, "")),
        (_both(_("Quantity")), (str(c.quantity), "")),
        (_both(_("Dispatched on")), _date_both(c)),
    ]
    if c.gi_tag:
        rows.append((_both(_("GI tag")), (c.gi_tag, "")))
    return [(label, (_cut(english), _cut(hindi))) for label, (english, hindi) in rows]


# Text longer than this is cut with an ellipsis (names are at most 200 characters).
LONGEST_VALUE = 110
# Sizes tried in turn until the facts end above the foot of the page.
SCALES = (1.0, 0.9, 0.8, 0.7)


def _cut(value: str) -> str:
    return value if len(value) <= LONGEST_VALUE else value[: LONGEST_VALUE - 1].rstrip() + "…"


def certificate_pdf(
    certificate: Certificate,
    *,
    base_url: str = "",
    make_qr: Callable[[str], bytes] = qr_png,
) -> bytes:
    """The certificate as a one-page PDF."""
    url = verification_url(certificate, base_url=base_url)
    qr = make_qr(url)
    for scale in SCALES:
        doc, fits = _render(certificate, url=url, qr=qr, scale=scale)
        if fits:
            break
    return doc.to_bytes()


def _render(
    certificate: Certificate, *, url: str, qr: bytes, scale: float
) -> tuple[Document, bool]:
    """Draw the page; also says whether the facts ended above the foot."""
    title_en, title_hi = _both(_("Certificate of Origin"))
    doc = Document(format="A4", title=f"{title_en} {certificate.display_code}")
    doc.set_auto_page_break(auto=False)
    doc.add_page(orientation="L")
    doc.set_margins(MARGIN, MARGIN, MARGIN)
    page = _Page(doc, scale)
    _frame(doc)

    inner_left = MARGIN + 4
    inner_width = PAGE_W - 2 * inner_left

    # Heading: who issues it, then the title in both languages.
    issuer_en, issuer_hi = _both(_("ODOP Mart · One District One Product"))
    page.text(inner_left, 17, inner_width, f"{issuer_en}  ·  {issuer_hi}", size=10,
              colour=MUTED, align=Align.C)  # fmt: skip
    y = page.text(inner_left, 24, inner_width, title_en, size=26, bold=True, colour=ACCENT,
                  align=Align.C, height=12)  # fmt: skip
    y = page.text(inner_left, y, inner_width, title_hi, size=22, bold=True, colour=ACCENT,
                  align=Align.C, height=12)  # fmt: skip
    page.rule(PAGE_W / 2 - 40, y + 2, PAGE_W / 2 + 40, ACCENT)

    # What it certifies, in large type: the ODOP product and its district.
    left = inner_left + 4
    column = 190.0  # facts on the left, QR code on the right
    certifies_en, certifies_hi = _both(
        _("This certifies that the item below is a genuine product of")
    )
    y = page.text(left, y + 6, column, certifies_en, size=10.5, colour=MUTED)
    y = page.text(left, y, column, certifies_hi, size=10.5, colour=MUTED)
    odop_line = _cut(certificate.odop_product_name_en)
    if certificate.odop_product_name_hi:
        odop_line += f"  /  {_cut(certificate.odop_product_name_hi)}"
    y = page.text(left, y + 1.5, column, odop_line, size=19, bold=True, height=9.5)
    place_en, place_hi = _both(_("%(district)s district, %(state)s"))
    place_en %= {"district": certificate.district_name_en, "state": certificate.state_name_en}
    place_hi %= {
        "district": certificate.district_name_hi or certificate.district_name_en,
        "state": certificate.state_name_hi or certificate.state_name_en,
    }
    y = page.text(left, y, column, f"{place_en}  /  {place_hi}", size=15, bold=True,
                  colour=ORIGIN, height=8)  # fmt: skip

    # Facts table: label (both languages) | value in English | value in Hindi below it.
    y += 3
    label_width = 44.0
    value_width = column - label_width
    for (label_en, label_hi), (value_en, value_hi) in _facts(certificate):
        page.rule(left, y, left + column)
        top = y + 1.2
        below_label = page.text(left, top, label_width, label_en, size=9, bold=True,
                                colour=MUTED, height=4.6)  # fmt: skip
        below_label = page.text(left, below_label, label_width, label_hi, size=9,
                                colour=MUTED, height=4.6)  # fmt: skip
        below_value = page.text(left + label_width, top, value_width, value_en, size=10.5,
                                height=5.2)  # fmt: skip
        if value_hi:
            below_value = page.text(left + label_width, below_value, value_width, value_hi,
                                    size=10.5, height=5.2)  # fmt: skip
        y = max(below_label, below_value) + 0.8
    page.rule(left, y, left + column)
    facts_end = y

    # QR code on the right, with what to do with it.
    qr_size = 50.0
    qr_x = PAGE_W - inner_left - qr_size - 6
    qr_y = 66.0
    doc.set_fill_color(255, 255, 255)
    doc.set_draw_color(*LINE)
    doc.set_line_width(0.3)
    doc.rect(qr_x - 3, qr_y - 3, qr_size + 6, qr_size + 6, style="DF")
    doc.image(io.BytesIO(qr), x=qr_x, y=qr_y, w=qr_size, h=qr_size)
    scan_en, scan_hi = _both(_("Scan to check it is genuine"))
    caption_x = qr_x - 8
    caption_w = qr_size + 16
    below = page.text(caption_x, qr_y + qr_size + 5, caption_w, scan_en, size=9.5, bold=True,
                      align=Align.C, height=4.8)  # fmt: skip
    below = page.text(caption_x, below, caption_w, scan_hi, size=9.5, bold=True,
                      align=Align.C, height=4.8)  # fmt: skip

    # The code, large: typing it in on the site verifies it too.
    code_label_en, code_label_hi = _both(_("Certificate code"))
    page.text(caption_x, below + 4, caption_w, f"{code_label_en} / {code_label_hi}", size=8.5,
              colour=MUTED, align=Align.C, height=4.4)  # fmt: skip
    page.text(caption_x, below + 9, caption_w, certificate.display_code, size=15, bold=True,
              colour=ACCENT, align=Align.C, height=7)  # fmt: skip

    # Foot: how to check, and the signature that makes it checkable.
    foot_y = PAGE_H - 36
    page.rule(inner_left, foot_y, PAGE_W - inner_left, ACCENT)
    check_en, check_hi = _both(
        _("Check this certificate at the address below or by scanning the QR code.")
    )
    y = page.text(inner_left, foot_y + 2, inner_width, check_en, size=9, colour=MUTED,
                  align=Align.C, height=4.6)  # fmt: skip
    y = page.text(inner_left, y, inner_width, check_hi, size=9, colour=MUTED, align=Align.C,
                  height=4.6)  # fmt: skip
    y = page.text(inner_left, y + 0.5, inner_width, url, size=9.5, bold=True, colour=ACCENT,
                  align=Align.C, height=5)  # fmt: skip
    signed_en, signed_hi = _both(_("Signed"))
    issued_en, issued_hi = _both(_("Issued"))
    with translation.override("en"):
        issued_on = date_format(certificate.issued_at, "j M Y")
    page.text(
        inner_left, y + 0.5, inner_width,
        f"{signed_en} / {signed_hi}: {ALGORITHM} · key {certificate.key_id} · "
        f"{certificate.signature_fingerprint}  ·  {issued_en} / {issued_hi}: {issued_on}",
        size=8, colour=MUTED, align=Align.C, height=4.2,
    )  # fmt: skip
    return doc, facts_end <= foot_y - 2
