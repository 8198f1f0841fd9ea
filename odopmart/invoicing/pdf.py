"""The printed documents: tax invoice, bill of supply, credit note and commission invoice.

One PDF carries both languages (each English label with its Hindi alongside, descriptions in
both) rather than one PDF per language: a GST document has one number and must be the same
paper for the buyer, the vendor and a tax officer, so there is never a question which of two
versions is the invoice. Everything printed comes from the document's frozen snapshot.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from fpdf.fonts import FontFace

from odopmart.core.pdf import Document
from odopmart.invoicing.models import CommissionInvoice, CreditNote, DocumentKind, TaxInvoice

GstDoc = TaxInvoice | CreditNote | CommissionInvoice

INK = (33, 37, 41)
MUTED = (95, 99, 104)
RULE = (200, 204, 208)
SHADE = (241, 243, 245)
ACCENT = (128, 47, 20)

TITLES = {
    DocumentKind.TAX_INVOICE: ("TAX INVOICE", "कर बीजक"),
    DocumentKind.BILL_OF_SUPPLY: ("BILL OF SUPPLY", "आपूर्ति का बिल"),
    DocumentKind.CREDIT_NOTE: ("CREDIT NOTE", "क्रेडिट नोट"),
    DocumentKind.COMMISSION_INVOICE: ("TAX INVOICE (COMMISSION)", "कर बीजक (कमीशन)"),
}


def rupees(paise: int) -> str:
    """₹1,23,456.78: Indian digit grouping."""
    sign = "-" if paise < 0 else ""
    whole, fraction = divmod(abs(paise), 100)
    digits = str(whole)
    if len(digits) > 3:
        head, tail = digits[:-3], digits[-3:]
        groups = []
        while len(head) > 2:
            groups.insert(0, head[-2:])
            head = head[:-2]
        if head:
            groups.insert(0, head)
        digits = ",".join([*groups, tail])
    return f"{sign}₹{digits}.{fraction:02d}"


def percent(rate_bp: int) -> str:
    return f"{Decimal(rate_bp) / 100:g}%"


def _kind(doc: GstDoc) -> str:
    if isinstance(doc, CreditNote):
        return DocumentKind.CREDIT_NOTE
    if isinstance(doc, CommissionInvoice):
        return DocumentKind.COMMISSION_INVOICE
    return doc.kind


class _InvoicePdf:
    def __init__(self, doc: GstDoc) -> None:
        self.doc = doc
        self.kind = _kind(doc)
        self.details: dict[str, Any] = doc.details or {}
        self.taxed = self.kind != DocumentKind.BILL_OF_SUPPLY and not (
            self.kind == DocumentKind.CREDIT_NOTE
            and self.details.get("invoice_kind") == DocumentKind.BILL_OF_SUPPLY
        )
        self.intra = self.details.get("supply_type") == "intra"
        self.state_label = self.details.get("state_tax_label") or "SGST"
        title = " / ".join(TITLES[self.kind])
        self.pdf = Document(title=f"{TITLES[self.kind][0]} {doc.number}")
        self.pdf.set_margins(12, 12, 12)
        self.pdf.set_auto_page_break(auto=True, margin=16)
        self.pdf.set_text_color(*INK)
        self.pdf.set_draw_color(*RULE)
        self.pdf.add_page()
        self.title = title

    # -- small helpers -------------------------------------------------------------------------

    @property
    def width(self) -> float:
        return self.pdf.w - self.pdf.l_margin - self.pdf.r_margin

    def font(
        self, size: float = 8.5, bold: bool = False, color: tuple[int, int, int] = INK
    ) -> None:
        self.pdf.set_font("NotoSans", "B" if bold else "", size)
        self.pdf.set_text_color(*color)

    def label(self, en: str, hi: str) -> str:
        return f"{en} / {hi}"

    def box(self, x: float, y: float, w: float, heading: str, rows: list[tuple[str, str]]) -> float:
        """A titled block of "label: value" rows; returns its bottom."""
        pdf = self.pdf
        pdf.set_xy(x, y)
        self.font(7.5, bold=True, color=MUTED)
        pdf.multi_cell(w, 4.2, heading, align="L", new_x="LEFT", new_y="NEXT")
        for name, value in rows:
            pdf.set_x(x)
            if name:
                self.font(8, color=MUTED)
                pdf.multi_cell(w, 4.2, name, align="L", new_x="LEFT", new_y="NEXT")
                pdf.set_x(x)
            self.font(8.5, bold=not name)
            pdf.multi_cell(w, 4.4, value or "—", align="L", new_x="LEFT", new_y="NEXT")
        return pdf.get_y()

    def pair(self, left: tuple[str, list], right: tuple[str, list]) -> None:
        pdf = self.pdf
        top = pdf.get_y()
        half = (self.width - 6) / 2
        bottom = max(
            self.box(pdf.l_margin, top, half, left[0], left[1]),
            self.box(pdf.l_margin + half + 6, top, half, right[0], right[1]),
        )
        pdf.set_y(bottom + 2)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + self.width, pdf.get_y())
        pdf.ln(2)

    # -- sections ------------------------------------------------------------------------------

    def header(self) -> None:
        pdf, doc, d = self.pdf, self.doc, self.details
        self.font(15, bold=True, color=ACCENT)
        pdf.cell(self.width * 0.62, 8, self.title)
        self.font(8, color=MUTED)
        pdf.cell(
            self.width * 0.38, 8, self.label("Original for recipient", "प्राप्तकर्ता हेतु मूल"), align="R"
        )
        pdf.ln(9)
        facts = [
            (self.label("Number", "संख्या"), doc.number),
            (self.label("Date of issue", "जारी करने की तिथि"), f"{doc.issued_on:%d-%m-%Y}"),
        ]
        if isinstance(doc, CreditNote):
            facts.append(
                (
                    self.label("Against invoice", "मूल बीजक"),
                    f"{d.get('invoice_number', '')} ({self._date(d.get('invoice_date'))})",
                )
            )
        if d.get("order_number"):
            facts.append(
                (
                    self.label("Order", "ऑर्डर"),
                    d.get("seller_order_number") or d["order_number"],
                )
            )
        if isinstance(doc, CommissionInvoice):
            facts.append(
                (
                    self.label("Period", "अवधि"),
                    f"{doc.period_start:%d-%m-%Y} – {doc.period_end:%d-%m-%Y}",
                )
            )
        self.strip(facts)

    def _date(self, iso: str | None) -> str:
        if not iso:
            return ""
        year, month, day = iso.split("-")
        return f"{day}-{month}-{year}"

    def strip(self, facts: list[tuple[str, str]]) -> None:
        """A shaded band of key facts, up to four across."""
        pdf = self.pdf
        top = pdf.get_y()
        cell = self.width / max(len(facts), 1)
        pdf.set_fill_color(*SHADE)
        pdf.rect(pdf.l_margin, top, self.width, 12, style="F")
        for index, (name, value) in enumerate(facts):
            x = pdf.l_margin + index * cell + 2
            pdf.set_xy(x, top + 1.2)
            self.font(7, color=MUTED)
            pdf.cell(cell - 3, 4, name)
            pdf.set_xy(x, top + 5.6)
            self.font(9, bold=True)
            pdf.cell(cell - 3, 5, value)
        pdf.set_y(top + 15)

    def parties(self) -> None:
        doc, d = self.doc, self.details
        supplier, recipient = doc.supplier, doc.recipient
        supplier_rows: list[tuple[str, str]] = [("", supplier.get("name", ""))]
        if supplier.get("trade_name_en") and supplier.get("trade_name_en") != supplier.get("name"):
            trade = supplier["trade_name_en"]
            if supplier.get("trade_name_hi"):
                trade += f" / {supplier['trade_name_hi']}"
            supplier_rows.append((self.label("Trade name", "व्यापारिक नाम"), trade))
        supplier_rows.append(
            (
                self.label("Address", "पता"),
                " ".join(p for p in (supplier.get("address"), supplier.get("pincode")) if p),
            )
        )
        if supplier.get("gstin"):
            supplier_rows.append(("GSTIN", supplier["gstin"]))
        elif supplier.get("enrolment_number"):
            supplier_rows.append(
                (
                    self.label("GST enrolment number", "जीएसटी नामांकन संख्या"),
                    supplier["enrolment_number"],
                )
            )
        supplier_rows.append((self.label("State", "राज्य"), self._state(supplier)))
        recipient_rows: list[tuple[str, str]] = [("", recipient.get("name", ""))]
        address_label = (
            self.label("Address", "पता")
            if isinstance(doc, CommissionInvoice)
            else self.label("Delivery address", "डिलीवरी का पता")
        )
        recipient_rows.append(
            (
                address_label,
                " ".join(p for p in (recipient.get("address"), recipient.get("pincode")) if p),
            )
        )
        recipient_rows.append((self.label("State", "राज्य"), self._state(recipient)))
        recipient_rows.append(
            ("GSTIN", recipient.get("gstin") or self.label("Unregistered", "अपंजीकृत"))
        )
        self.pair(
            (self.label("SUPPLIER", "आपूर्तिकर्ता"), supplier_rows),
            (self.label("RECIPIENT", "प्राप्तकर्ता"), recipient_rows),
        )
        place = f"{doc.place_of_supply_name}"
        if d.get("place_of_supply_name_hi"):
            place += f" / {d['place_of_supply_name_hi']}"
        place += f" ({doc.place_of_supply_code})"
        supply_rows = [
            (self.label("Place of supply", "आपूर्ति का स्थान"), place),
            (
                self.label("Tax payable on reverse charge", "रिवर्स चार्ज पर कर देय"),
                self.label("No", "नहीं") if not d.get("reverse_charge") else self.label("Yes", "हाँ"),
            ),
        ]
        if isinstance(doc, CommissionInvoice):
            operator_rows = [
                (
                    self.label("Service", "सेवा"),
                    self.label(
                        "Commission on sales through the marketplace", "मार्केटप्लेस से बिक्री पर कमीशन"
                    ),
                ),
                ("SAC", d.get("sac", "")),
            ]
            operator_heading = self.label("SERVICE", "सेवा")
        else:
            operator_rows = [
                ("", d.get("operator_name", "")),
                ("GSTIN", d.get("operator_gstin", "")),
            ]
            operator_heading = self.label("E-COMMERCE OPERATOR", "ई-कॉमर्स ऑपरेटर")
        self.pair((self.label("SUPPLY", "आपूर्ति"), supply_rows), (operator_heading, operator_rows))

    def _state(self, party: dict[str, Any]) -> str:
        name = party.get("state_name_en", "")
        if party.get("state_name_hi"):
            name += f" / {party['state_name_hi']}"
        return f"{name} ({party.get('state_code', '')})"

    def columns(self) -> list[tuple[str, float, str]]:
        """(heading, width in mm, alignment)."""
        cols: list[tuple[str, float, str]] = [
            ("#", 6, "C"),
            (self.label("Description", "विवरण"), 0, "L"),
            ("HSN/SAC", 15, "C"),
            (self.label("Qty", "मात्रा"), 13, "C"),
            (self.label("Unit price", "इकाई मूल्य"), 20, "R"),
            (self.label("Taxable value", "कर योग्य मूल्य"), 22, "R"),
        ]
        if self.taxed:
            if self.intra:
                cols += [("CGST", 18, "R"), (self.state_label, 18, "R")]
            else:
                cols += [("IGST", 20, "R")]
        cols.append((self.label("Total", "कुल"), 22, "R"))
        fixed = sum(width for _, width, _ in cols)
        return [(name, width or self.width - fixed, align) for name, width, align in cols]

    def line_cells(self, index: int, line: dict[str, Any]) -> list[str]:
        description = line["description_en"]
        if line.get("description_hi") and line["description_hi"] != line["description_en"]:
            description += f"\n{line['description_hi']}"
        if line.get("maker_en"):
            description += f"\n{line['maker_en']}\n{line['maker_hi']}"
        if line.get("sku"):
            description += f"\nSKU {line['sku']}"
        cells = [
            str(index),
            description,
            line.get("hsn_printed") or line.get("hsn", ""),
            f"{line['quantity']} {line['unit']}",
            rupees(line["unit_price_paise"]),
            rupees(line["taxable_paise"]),
        ]
        if self.taxed:
            if self.intra:
                cells += [
                    f"{percent(line['cgst_rate_bp'])}\n{rupees(line['cgst_paise'])}",
                    f"{percent(line['sgst_rate_bp'])}\n{rupees(line['sgst_paise'])}",
                ]
            else:
                cells.append(f"{percent(line['igst_rate_bp'])}\n{rupees(line['igst_paise'])}")
        cells.append(rupees(line["total_paise"]))
        return cells

    def table(self) -> None:
        pdf = self.pdf
        cols = self.columns()
        self.font(7.2, bold=True)
        pdf.set_fill_color(*SHADE)
        with pdf.table(
            col_widths=[width for _, width, _ in cols],
            text_align=[align for _, _, align in cols],
            line_height=3.9,
            padding=1.2,
            borders_layout="HORIZONTAL_LINES",
            headings_style=FontFace(emphasis="BOLD", size_pt=7.2, color=MUTED, fill_color=SHADE),
            first_row_as_headings=True,
            width=self.width,
            v_align="TOP",
        ) as table:
            heading = table.row()
            for name, _, _ in cols:
                heading.cell(name)
            self.font(8)
            for index, line in enumerate(self.doc.lines, start=1):
                row = table.row()
                for text in self.line_cells(index, line):
                    row.cell(text)
        pdf.ln(2)

    def totals(self) -> None:
        pdf, doc = self.pdf, self.doc
        rows: list[tuple[str, int]] = [
            (self.label("Taxable value", "कर योग्य मूल्य"), doc.taxable_total_paise)
        ]
        if self.taxed:
            if self.intra:
                rows += [("CGST", doc.cgst_total_paise), (self.state_label, doc.sgst_total_paise)]
            else:
                rows.append(("IGST", doc.igst_total_paise))
        label_w, value_w = 62, 30
        x = pdf.l_margin + self.width - label_w - value_w
        for name, value in rows:
            pdf.set_x(x)
            self.font(8.5, color=MUTED)
            pdf.cell(label_w, 5.2, name, align="R")
            self.font(8.5)
            pdf.cell(value_w, 5.2, rupees(value), align="R", new_x="LMARGIN", new_y="NEXT")
        total_label = (
            self.label("Total credited", "कुल जमा")
            if isinstance(doc, CreditNote)
            else self.label("Total amount", "कुल राशि")
        )
        pdf.set_x(x)
        pdf.set_fill_color(*SHADE)
        self.font(10, bold=True)
        pdf.cell(label_w, 7, total_label, align="R", fill=True)
        pdf.cell(
            value_w,
            7,
            rupees(doc.grand_total_paise),
            align="R",
            fill=True,
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.ln(2)
        self.font(7.5, color=MUTED)
        pdf.cell(0, 4, self.label("Amount in words", "राशि शब्दों में"), new_x="LMARGIN", new_y="NEXT")
        self.font(8.5, bold=True)
        pdf.multi_cell(
            0, 4.4, self.details.get("amount_in_words_en", ""), new_x="LMARGIN", new_y="NEXT"
        )
        self.font(8.5)
        pdf.multi_cell(
            0, 4.6, self.details.get("amount_in_words_hi", ""), new_x="LMARGIN", new_y="NEXT"
        )
        pdf.ln(2)

    def notes(self) -> None:
        pdf, doc, d = self.pdf, self.doc, self.details
        notes: list[str] = []
        if isinstance(doc, CreditNote):
            notes.append(f"Reason / कारण: {doc.reason}")
        if not self.taxed:
            number = doc.supplier.get("enrolment_number", "")
            notes.append(
                "Supplier not registered under GST (enrolled under Notification "
                f"34/2023-Central Tax, enrolment number {number}); no GST is charged."
            )
            notes.append(
                "आपूर्तिकर्ता जीएसटी में पंजीकृत नहीं है (अधिसूचना 34/2023-केंद्रीय कर के अंतर्गत "
                f"नामांकित, नामांकन संख्या {number}); कोई जीएसटी नहीं लिया गया।"
            )
        if isinstance(doc, CommissionInvoice) and d.get("items"):
            notes.append(
                f"Commission on the taxable value of {d['items']} delivered items whose return "
                "window closed in the period. / अवधि में वापसी की समय-सीमा पूरी कर चुकी "
                "डिलीवर की गई वस्तुओं के कर योग्य मूल्य पर कमीशन।"
            )
        for note in notes:
            self.font(8)
            pdf.multi_cell(0, 4.3, note, align="L", new_x="LMARGIN", new_y="NEXT")
        if notes:
            pdf.ln(2)

    def signature(self) -> None:
        pdf, d = self.pdf, self.details
        if pdf.get_y() > pdf.h - 45:
            pdf.add_page()
        top = pdf.get_y() + 2
        w = 130
        x = pdf.l_margin + self.width - w
        pdf.set_xy(x, top)
        self.font(8.5, bold=True)
        pdf.multi_cell(w, 4.4, d.get("signature_en", ""), align="R", new_x="LEFT", new_y="NEXT")
        self.font(8.5)
        pdf.multi_cell(w, 4.6, d.get("signature_hi", ""), align="R", new_x="LEFT", new_y="NEXT")
        self.font(7.5, color=MUTED)
        pdf.multi_cell(
            w, 4,
            self.label("Authorised signatory (digital)", "अधिकृत हस्ताक्षरकर्ता (डिजिटल)"),
            align="R", new_x="LMARGIN", new_y="NEXT",
        )  # fmt: skip
        pdf.ln(4)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + self.width, pdf.get_y())
        pdf.ln(1.5)
        self.font(7.2, color=MUTED)
        pdf.multi_cell(
            0, 3.8,
            "This is a computer-generated document issued under rule 46 of the CGST Rules, 2017; "
            "it needs no physical signature. / यह कंप्यूटर द्वारा बनाया गया दस्तावेज़ है (सीजीएसटी नियम "
            "2017 का नियम 46); इस पर भौतिक हस्ताक्षर की आवश्यकता नहीं है।",
            align="L", new_x="LMARGIN", new_y="NEXT",
        )  # fmt: skip

    def render(self) -> bytes:
        self.header()
        self.parties()
        self.table()
        self.totals()
        self.notes()
        self.signature()
        return self.pdf.to_bytes()


def document_pdf(doc: GstDoc) -> bytes:
    """The PDF of an issued document (tax invoice, bill of supply, credit note, commission)."""
    return _InvoicePdf(doc).render()
