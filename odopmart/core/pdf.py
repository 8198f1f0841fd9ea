"""PDF documents (labels, certificates, invoices) with Hindi shaped correctly.

fpdf2 shapes Devanagari through HarfBuzz (uharfbuzz), so conjuncts and matras render as they
should, with no system libraries. The Noto fonts ship with the project (odopmart/core/fonts,
SIL Open Font License).
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

FONT_DIR = Path(__file__).resolve().parent / "fonts"

# Latin text is set in Noto Sans; any Devanagari falls through to Noto Sans Devanagari.
_FONTS = {
    ("NotoSans", ""): "NotoSans-Regular.ttf",
    ("NotoSans", "B"): "NotoSans-Bold.ttf",
    ("NotoDeva", ""): "NotoSansDevanagari-Regular.ttf",
    ("NotoDeva", "B"): "NotoSansDevanagari-Bold.ttf",
}


class Document(FPDF):
    """An A4 (or given format) PDF with both scripts ready: `doc.set_font("NotoSans", "B", 12)`."""

    def __init__(self, *, format: str | tuple[float, float] = "A4", title: str = "") -> None:  # noqa: A002
        super().__init__(format=format)
        for (family, style), file_name in _FONTS.items():
            self.add_font(family, style=style, fname=str(FONT_DIR / file_name))
        self.set_fallback_fonts(["NotoDeva"], exact_match=False)
        self.set_text_shaping(True)
        self.set_font("NotoSans", size=11)
        self.set_auto_page_break(auto=True, margin=15)
        if title:
            self.set_title(title)
        self.set_creator("odopmart")

    def to_bytes(self) -> bytes:
        return bytes(self.output())
