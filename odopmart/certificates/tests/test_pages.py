from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client

from odopmart.certificates.models import Certificate, CertificateVerification
from odopmart.certificates.services import certificate_issue_for_item, certificate_revoke
from odopmart.certificates.tests.conftest import (
    ARTISAN_ADDRESS,
    ARTISAN_PHONE,
    BUYER_ADDRESS,
    BUYER_PHONE,
)

pytestmark = pytest.mark.django_db

PRIVATE = (BUYER_PHONE, BUYER_ADDRESS, ARTISAN_PHONE, ARTISAN_ADDRESS, "Asha Verma", "110001",
           "buyer@example.com", "9812345678", "9898989898")  # fmt: skip


@pytest.fixture
def certificate(make_item):
    return certificate_issue_for_item(make_item(district_slug="varanasi"))


def _revoke(certificate: Certificate) -> None:
    user = get_user_model().objects.create_user(username="desk", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="revoke_certificate"))
    user = get_user_model().objects.get(pk=user.pk)
    certificate_revoke(certificate, actor=user, reason="Made outside the district")


def test_genuine_page_in_english(client: Client, certificate):
    response = client.get(f"/origin/{certificate.code}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Genuine certificate of origin" in html
    assert "Banarasi Silk Sarees" in html
    assert "from Varanasi district, Uttar Pradesh" in html
    assert f"{certificate.artisan_name_en}, artisan of Varanasi district" in html
    assert certificate.vendor_name_en in html
    assert certificate.vendor_gstin in html
    assert certificate.display_code in html
    assert f"/origin/{certificate.code}/certificate.pdf" in html
    for private in PRIVATE:
        assert private not in html
    assert "Made outside the district" not in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_genuine_page_in_hindi(client: Client, certificate):
    response = client.get(f"/hi/origin/{certificate.code}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "असली उत्पत्ति प्रमाणपत्र" in html
    assert "बनारसी रेशमी साड़ी" in html
    assert "उत्तर प्रदेश के वाराणसी ज़िले से" in html
    assert certificate.artisan_name_hi in html
    assert f"/hi/origin/{certificate.code}/certificate.pdf" in html
    for private in PRIVATE:
        assert private not in html


def test_tampered_page_shows_no_details(client: Client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(district_name_en="Agra")

    html = client.get(f"/origin/{certificate.code}/").content.decode()

    assert "Not genuine" in html
    assert "Agra" not in html
    assert "certificate.pdf" not in html


def test_tampered_page_in_hindi(client: Client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(quantity=9)

    html = client.get(f"/hi/origin/{certificate.code}/").content.decode()

    assert "असली नहीं" in html


def test_revoked_page(client: Client, certificate):
    _revoke(certificate)

    response = client.get(f"/origin/{certificate.code}/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "This certificate has been withdrawn" in html
    assert "no longer guarantees" in html
    assert "Made outside the district" not in html  # the staff note stays internal
    assert "certificate.pdf" not in html
    hindi = client.get(f"/hi/origin/{certificate.code}/").content.decode()
    assert "यह प्रमाणपत्र वापस ले लिया गया है" in hindi


@pytest.mark.parametrize("language", ["", "/hi"])
def test_unknown_code_page(client: Client, db, language):
    response = client.get(f"{language}/origin/ZZZZZZZZZZZZ/")

    assert response.status_code == 404
    html = response.content.decode()
    assert (
        "No certificate with this code" if not language else "इस कोड का कोई प्रमाणपत्र नहीं"
    ) in html
    assert CertificateVerification.objects.get().outcome == "unknown"


def test_code_typed_loosely_redirects_to_its_page(client: Client, certificate):
    typed = certificate.display_code.lower()

    response = client.get(f"/origin/{typed}/")

    assert response.status_code == 302
    assert response["Location"] == f"/origin/{certificate.code}/"


def test_lookup_form(client: Client, certificate):
    empty = client.get("/origin/")
    assert empty.status_code == 200
    assert "Check a certificate of origin" in empty.content.decode()
    assert "उत्पत्ति प्रमाणपत्र जाँचें" in client.get("/hi/origin/").content.decode()

    found = client.get("/origin/", {"code": certificate.display_code.lower()})
    assert found.status_code == 302
    assert found["Location"] == f"/origin/{certificate.code}/"

    hindi = client.get("/hi/origin/", {"code": certificate.display_code})
    assert hindi["Location"] == f"/hi/origin/{certificate.code}/"

    wrong = client.get("/origin/", {"code": "12345"})
    assert wrong.status_code == 200
    assert "That is not a certificate code" in wrong.content.decode()


def test_pdf_download(client: Client, certificate):
    response = client.get(f"/origin/{certificate.code}/certificate.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert certificate.code in response["Content-Disposition"]
    assert CertificateVerification.objects.get().channel == "pdf"


def test_no_pdf_for_a_withdrawn_or_unknown_certificate(client: Client, certificate):
    _revoke(certificate)

    withdrawn = client.get(f"/origin/{certificate.code}/certificate.pdf")
    unknown = client.get("/origin/ZZZZZZZZZZZZ/certificate.pdf")

    assert withdrawn.status_code == 302
    assert withdrawn["Location"] == f"/origin/{certificate.code}/"
    assert unknown.status_code == 302


def test_lookups_are_rate_limited(client: Client, certificate, settings):
    settings.CERTIFICATES = {"VERIFY_RATE_LIMITS": [(3, 60)]}
    for _ in range(3):
        assert client.get(f"/origin/{certificate.code}/").status_code == 200

    response = client.get(f"/origin/{certificate.code}/")

    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert "Please wait a little" in response.content.decode()
    assert client.get(f"/origin/{certificate.code}/certificate.pdf").status_code == 429
    # Someone else is not held back.
    other = Client(REMOTE_ADDR="198.51.100.9")
    assert other.get(f"/origin/{certificate.code}/").status_code == 200
