from __future__ import annotations

from odopmart.core.pdf import Document


def test_document_embeds_both_scripts() -> None:
    doc = Document(title="Test")
    doc.add_page()
    doc.multi_cell(0, 8, "Certificate of origin — उत्पत्ति प्रमाणपत्र, लखनऊ")
    pdf = doc.to_bytes()
    assert pdf.startswith(b"%PDF")
    # Both fonts are embedded (as subsets), so the Hindi is drawn, not replaced by boxes.
    assert b"NotoSans" in pdf
    assert b"NotoSansDevanagari" in pdf
