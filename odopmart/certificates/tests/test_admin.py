from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client

from odopmart.certificates.services import certificate_issue_for_item, certificate_verify

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/certificates/certificate/"


@pytest.fixture
def certificate(shipped_item):
    return certificate_issue_for_item(shipped_item)


def _staff(*codenames: str) -> Client:
    user = get_user_model().objects.create_user(
        username=f"staff-{'-'.join(codenames) or 'plain'}", password="x", is_staff=True
    )
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client = Client()
    client.force_login(user)
    return client


def _revoke_post(client: Client, certificate, reason: str = "Wrong district"):
    return client.post(
        CHANGELIST,
        {
            "action": "revoke_certificates",
            ACTION_CHECKBOX_NAME: [certificate.pk],
            "apply": "1",
            "reason": reason,
        },
    )


def test_staff_with_permission_withdraws_with_a_reason(certificate):
    client = _staff("view_certificate", "revoke_certificate")

    asked = client.post(
        CHANGELIST, {"action": "revoke_certificates", ACTION_CHECKBOX_NAME: [certificate.pk]}
    )
    assert asked.status_code == 200
    assert "Withdraw these certificates?" in asked.content.decode()
    certificate.refresh_from_db()
    assert certificate.revoked_at is None

    done = _revoke_post(client, certificate)

    assert done.status_code == 302
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None
    assert certificate.revoke_reason == "Wrong district"
    assert certificate_verify(certificate.code).status == "revoked"


def test_staff_without_the_permission_cannot_withdraw(certificate):
    client = _staff("view_certificate")

    page = client.get(CHANGELIST)
    response = _revoke_post(client, certificate)

    assert page.status_code == 200
    assert "revoke_certificates" not in page.content.decode()
    assert response.status_code in (200, 302)
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_buyers_cannot_reach_the_admin(certificate):
    user = get_user_model().objects.create_user(username="buyer", password="x")
    client = Client()
    client.force_login(user)

    response = _revoke_post(client, certificate)

    assert response.status_code == 302
    assert "/login/" in response["Location"]
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


def test_pages_are_read_only(admin_client: Client, certificate):
    change = admin_client.get(f"{CHANGELIST}{certificate.pk}/change/")
    add = admin_client.get(f"{CHANGELIST}add/")
    delete = admin_client.get(f"{CHANGELIST}{certificate.pk}/delete/")
    log = admin_client.get("/admin/certificates/certificateverification/")

    assert change.status_code == 200
    html = change.content.decode()
    assert certificate.display_code in html
    assert "Genuine" in html
    assert 'name="_save"' not in html
    assert add.status_code == 403
    assert delete.status_code == 403
    assert log.status_code == 200
