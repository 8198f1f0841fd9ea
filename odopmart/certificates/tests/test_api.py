from __future__ import annotations

import json

import pytest
from django.test import Client

from odopmart.certificates.models import Certificate, CertificateVerification
from odopmart.certificates.services import certificate_issue_for_item
from odopmart.certificates.tests.api_urls import api
from odopmart.certificates.tests.conftest import ARTISAN_PHONE, BUYER_PHONE

pytestmark = [pytest.mark.django_db, pytest.mark.urls("odopmart.certificates.tests.api_urls")]

BASE = "/test-api/v1/certificates"


@pytest.fixture
def certificate(make_item):
    return certificate_issue_for_item(make_item(district_slug="varanasi"))


def test_genuine(client: Client, certificate):
    response = client.get(f"{BASE}/{certificate.code}")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "genuine"
    assert body["status_label"] == "Genuine"
    assert body["genuine"] is True
    assert body["code"] == certificate.code
    assert body["display_code"] == certificate.display_code
    assert body["verify_url"] == f"http://testserver/origin/{certificate.code}/"
    assert body["pdf_url"] == f"http://testserver/origin/{certificate.code}/certificate.pdf"
    assert body["revoked_at"] is None
    certified = body["certificate"]
    assert certified["odop_product_name"] == "Banarasi Silk Sarees"
    assert certified["district_name"] == "Varanasi"
    assert certified["artisan_name"] == certificate.artisan_name_en
    assert certified["vendor_gstin"] == certificate.vendor_gstin
    assert certified["signature_fingerprint"] == certificate.signature_fingerprint
    assert BUYER_PHONE not in response.content.decode()
    assert ARTISAN_PHONE not in response.content.decode()
    assert CertificateVerification.objects.get().channel == "api"


def test_hindi(client: Client, certificate):
    response = client.get(f"{BASE}/{certificate.display_code.lower()}", {"lang": "hi"})

    body = response.json()
    assert response["Content-Language"] == "hi"
    assert body["status_label"] == "असली"
    assert body["certificate"]["odop_product_name"] == "बनारसी रेशमी साड़ी"
    assert body["certificate"]["district_name"] == "वाराणसी"
    assert body["verify_url"] == f"http://testserver/hi/origin/{certificate.code}/"


def test_tampered_hides_the_contents(client: Client, certificate):
    Certificate.objects.filter(pk=certificate.pk).update(district_name_en="Agra")

    body = client.get(f"{BASE}/{certificate.code}").json()

    assert body["status"] == "tampered"
    assert body["genuine"] is False
    assert body["certificate"] is None
    assert body["pdf_url"] is None


def test_wrong_signature_is_tampered(client: Client, certificate):
    response = client.get(f"{BASE}/{certificate.code}", {"signature": "0" * 16})

    assert response.json()["status"] == "tampered"
    right = client.get(f"{BASE}/{certificate.code}", {"signature": certificate.signature[:16]})
    assert right.json()["status"] == "genuine"


def test_revoked(client: Client, certificate):
    from django.utils import timezone

    Certificate.objects.filter(pk=certificate.pk).update(
        revoked_at=timezone.now(), revoke_reason="internal note"
    )

    response = client.get(f"{BASE}/{certificate.code}")

    body = response.json()
    assert body["status"] == "revoked"
    assert body["revoked_at"] is not None
    assert body["certificate"]["district_name"] == "Varanasi"
    assert body["pdf_url"] is None
    assert "internal note" not in response.content.decode()


def test_unknown_code_is_404(client: Client, db):
    response = client.get(f"{BASE}/ZZZZZZZZZZZZ")

    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "detail": "No certificate with this code"}


def test_rate_limited(client: Client, certificate, settings):
    settings.CERTIFICATES = {"VERIFY_RATE_LIMITS": [(1, 60)]}
    client.get(f"{BASE}/{certificate.code}")

    response = client.get(f"{BASE}/{certificate.code}")

    assert response.status_code == 429
    assert response.json()["code"] == "too_many_requests"
    assert int(response["Retry-After"]) >= 1


def test_openapi_documents_the_endpoint():
    document = json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/v1/")))
    operation = document["paths"]["/api/v1/certificates/{code}"]["get"]

    assert operation["operationId"] == "certificate_verify"
    assert set(operation["responses"]) == {"200", "404", "422", "429"}
    names = set(document["components"]["schemas"])
    assert {"CertificateVerifyOut", "CertifiedOut", "ErrorOut"} <= names
    assert all(name.endswith("Out") for name in names)
