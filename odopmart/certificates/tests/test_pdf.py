from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import segno
from django.utils import translation
from PIL import Image

from odopmart.certificates import pdf as certificate_pdf_module
from odopmart.certificates.pdf import certificate_pdf, qr_png, verification_url
from odopmart.certificates.services import certificate_issue_for_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(make_item):
    return certificate_issue_for_item(make_item(district_slug="varanasi", quantity=2))


def _text(pdf_path: Path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(  # noqa: S603
        ["pdftotext", "-layout", str(pdf_path), "-"],  # noqa: S607
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip


def test_is_a_one_page_pdf_with_hindi_fonts(certificate, tmp_path):
    body = certificate_pdf(certificate, base_url="http://testserver")

    assert body.startswith(b"%PDF-")
    assert b"NotoSansDevanagari" in body
    assert len(re.findall(rb"/Type\s*/Page(?!s)", body)) == 1


def test_pdf_says_what_it_certifies_in_both_languages(certificate, tmp_path):
    path = tmp_path / "certificate.pdf"
    path.write_bytes(certificate_pdf(certificate, base_url="http://testserver"))

    text = _text(path)

    assert "Certificate of Origin" in text
    assert "उत्पत्ति प्रमाणपत्र" in text
    assert certificate.display_code in text
    assert certificate.odop_product_name_en in text
    assert "Varanasi" in text
    assert certificate.artisan_name_en in text
    assert certificate.vendor_gstin in text
    assert certificate.seller_order_number in text
    assert certificate.signature_fingerprint in text
    assert certificate.key_id in text
    assert f"http://testserver/origin/{certificate.code}/" in text


def test_pdf_renders_to_a_page_with_ink(certificate, tmp_path):
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    path = tmp_path / "certificate.pdf"
    path.write_bytes(certificate_pdf(certificate, base_url="http://testserver"))

    subprocess.run(  # noqa: S603
        ["pdftoppm", "-png", "-r", "40", "-singlefile", str(path), str(tmp_path / "page")],  # noqa: S607
        check=True,
    )  # fmt: skip

    image = Image.open(tmp_path / "page.png").convert("L")
    width, height = image.size
    assert width > height  # landscape
    dark = sum(image.histogram()[:100])
    assert dark > width * height * 0.02  # text, frame and QR code, not a blank page


def test_qr_code_opens_the_verification_page(certificate, monkeypatch):
    seen: list[str] = []
    real_make = segno.make

    def spy(content, *args, **kwargs):
        seen.append(content)
        return real_make(content, *args, **kwargs)

    monkeypatch.setattr(certificate_pdf_module.segno, "make", spy)

    certificate_pdf(certificate, base_url="http://testserver")

    assert seen == [f"http://testserver/origin/{certificate.code}/"]
    assert seen[0] == verification_url(certificate, base_url="http://testserver")


def test_qr_code_follows_the_language_of_the_download(certificate):
    with translation.override("hi"):
        url = verification_url(certificate, base_url="http://testserver")

    assert url == f"http://testserver/hi/origin/{certificate.code}/"


def test_site_url_setting_wins_over_the_request(certificate, settings):
    settings.CERTIFICATES = {"SITE_URL": "https://odopmart.example/"}

    url = verification_url(certificate, base_url="http://127.0.0.1:8000")

    assert url == f"https://odopmart.example/origin/{certificate.code}/"


def test_qr_png_is_an_image():
    assert qr_png("https://odopmart.example/origin/ABCDEFGHJKMN/").startswith(b"\x89PNG")


def test_very_long_names_stay_on_one_page(make_item, tmp_path):
    item = make_item(name_en="Hand-embroidered " * 11, name_hi="हाथ से कढ़ाई की गई " * 10)
    certificate = certificate_issue_for_item(item)
    certificate.vendor_name_en = "Uttar Pradesh Export Corporation Cooperative " * 3
    path = tmp_path / "certificate.pdf"
    path.write_bytes(certificate_pdf(certificate, base_url="http://testserver"))

    text = _text(path)

    assert text.count("\f") <= 1  # one page
    assert certificate.display_code in text
