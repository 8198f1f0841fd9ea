from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from odopmart.certificates import services
from odopmart.certificates.codes import ALPHABET, code_display, code_normalise
from odopmart.certificates.exceptions import CertificateError
from odopmart.certificates.models import (
    Certificate,
    CertificateVerification,
    VerificationChannel,
    VerificationOutcome,
)
from odopmart.certificates.selectors import certificates_for_order
from odopmart.certificates.signing import canonical_json
from odopmart.certificates.tests.conftest import (
    ARTISAN_ADDRESS,
    ARTISAN_PHONE,
    BUYER_ADDRESS,
    BUYER_PHONE,
)
from odopmart.orders.models import OrderEvent
from odopmart.orders.states import ItemStatus

pytestmark = pytest.mark.django_db

User = get_user_model()


@pytest.fixture
def certificate(shipped_item):
    return services.certificate_issue_for_item(shipped_item)


@pytest.fixture
def revoker(db):
    user = User.objects.create_user(username="desk-officer", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="revoke_certificate"))
    return User.objects.get(pk=user.pk)  # fresh permission cache


# --- issuing ----------------------------------------------------------------------------------


def test_issue_snapshots_what_it_certifies(shipped_item):
    certificate = services.certificate_issue_for_item(shipped_item)

    product = shipped_item.product
    assert certificate.item == shipped_item
    assert certificate.seller_order_number == shipped_item.seller_order.number
    assert certificate.product_name_en == product.name_en
    assert certificate.product_name_hi == product.name_hi
    assert certificate.odop_product_name_en == product.odop_product.name_en
    assert certificate.odop_product_name_hi == product.odop_product.name_hi
    assert certificate.gi_tag == product.odop_product.gi_tag
    assert (certificate.district_name_en, certificate.district_name_hi) == ("Lucknow", "लखनऊ")
    assert certificate.state_name_en == "Uttar Pradesh"
    assert certificate.artisan_name_en == product.artisan.name_en
    assert certificate.artisan_district_en == product.artisan.district.name_en
    assert certificate.vendor_name_en == product.vendor.name_en
    assert certificate.vendor_gstin == product.vendor.gstin
    assert certificate.quantity == 1
    assert certificate.dispatched_on == timezone.localdate()
    assert len(certificate.code) == 12
    assert set(certificate.code) <= set(ALPHABET)
    assert len(certificate.signature) == 64
    assert certificate.key_id


def test_signed_payload_is_sorted_json_without_personal_data(certificate):
    payload = json.loads(certificate.payload)

    assert canonical_json(payload) == certificate.payload
    assert list(payload) == sorted(payload)
    assert payload["code"] == certificate.code
    assert payload["alg"] == "HMAC-SHA256"
    for private in (BUYER_PHONE, BUYER_ADDRESS, ARTISAN_PHONE, ARTISAN_ADDRESS, "Asha Verma"):
        assert private not in certificate.payload
    assert "110001" not in certificate.payload  # the buyer's PIN code


def test_issue_is_idempotent(shipped_item):
    first = services.certificate_issue_for_item(shipped_item)
    second = services.certificate_issue_for_item(shipped_item)

    assert first.pk == second.pk
    assert first.code == second.code
    assert Certificate.objects.count() == 1


@pytest.mark.parametrize(
    "status",
    [
        ItemStatus.PENDING_PAYMENT,
        ItemStatus.PLACED,
        ItemStatus.CONFIRMED,
        ItemStatus.READY,
        ItemStatus.CANCELLED,
        ItemStatus.RETURNED,
        ItemStatus.REFUNDED,
    ],
)
def test_issue_refused_before_shipping_or_after_a_return(make_item, status):
    item = make_item(status=status)

    with pytest.raises(CertificateError) as caught:
        services.certificate_issue_for_item(item)

    assert caught.value.code == "not_shipped"
    assert Certificate.objects.count() == 0


@pytest.mark.parametrize("status", [ItemStatus.DELIVERED, ItemStatus.RETURN_REQUESTED])
def test_issue_for_delivered_items(make_item, status):
    item = make_item(status=status)

    assert services.certificate_issue_for_item(item).item_id == item.pk


def test_dispatch_date_is_the_day_it_shipped(shipped_item):
    shipped_at = timezone.now() - timedelta(days=3)
    OrderEvent.objects.create(
        order=shipped_item.order,
        seller_order=shipped_item.seller_order,
        item=shipped_item,
        from_status=ItemStatus.READY,
        to_status=ItemStatus.SHIPPED,
        at=shipped_at,
    )

    certificate = services.certificate_issue_for_item(shipped_item)

    assert certificate.dispatched_on == timezone.localdate(shipped_at)


def test_issue_for_seller_order_skips_unshipped_items(make_item, make_product):
    shipped = make_item()
    seller_order = shipped.seller_order
    waiting = make_item(status=ItemStatus.READY)
    waiting.seller_order = seller_order
    waiting.order = shipped.order
    waiting.save(update_fields=["seller_order", "order"])

    issued = services.certificates_issue_for_seller_order(seller_order)

    assert [certificate.item_id for certificate in issued] == [shipped.pk]
    assert services.certificates_issue_for_seller_order(seller_order)[0].pk == issued[0].pk


def test_certificates_for_order_in_one_query(make_item, django_assert_num_queries):
    first = make_item()
    second = make_item()
    second.order = first.order
    second.save(update_fields=["order"])
    certificates = [services.certificate_issue_for_item(item) for item in (first, second)]
    other = services.certificate_issue_for_item(make_item())

    with django_assert_num_queries(1):
        found = certificates_for_order(first.order)
        urls = {item_id: cert.get_pdf_url() for item_id, cert in found.items()}

    assert set(found) == {first.pk, second.pk}
    assert found[first.pk].pk == certificates[0].pk
    assert other.item_id not in found
    assert urls[first.pk] == f"/origin/{certificates[0].code}/certificate.pdf"


# --- verifying --------------------------------------------------------------------------------


def test_genuine(certificate):
    result = services.certificate_verify(certificate.code)

    assert result.status == VerificationOutcome.GENUINE
    assert result.genuine
    assert result.certificate.pk == certificate.pk


def test_code_as_people_type_it(certificate):
    typed = code_display(certificate.code).lower().replace("0", "o").replace("1", "l")

    assert code_normalise(typed) == certificate.code
    assert services.certificate_verify(f" {typed} ").status == VerificationOutcome.GENUINE


@pytest.mark.parametrize(
    "changes",
    [
        {"district_name_en": "Agra"},
        {"artisan_name_en": "Somebody Else"},
        {"odop_product_name_hi": "आगरा का जूता"},
        {"quantity": 5},
        {"dispatched_on": "2020-01-01"},
        {"vendor_gstin": "09AAAAA0000A1Z5"},
    ],
    ids=lambda changes: next(iter(changes)),
)
def test_a_snapshot_column_edited_in_the_database_is_tampered(certificate, changes):
    Certificate.objects.filter(pk=certificate.pk).update(**changes)

    result = services.certificate_verify(certificate.code)

    assert result.status == VerificationOutcome.TAMPERED
    assert not result.genuine


def test_payload_and_columns_edited_together_is_tampered(certificate):
    payload = json.loads(certificate.payload)
    payload["district_name_en"] = "Agra"
    Certificate.objects.filter(pk=certificate.pk).update(
        district_name_en="Agra", payload=canonical_json(payload)
    )

    assert services.certificate_verify(certificate.code).status == VerificationOutcome.TAMPERED


def test_edited_signature_is_tampered(certificate):
    forged = ("0" if certificate.signature[0] != "0" else "1") + certificate.signature[1:]
    Certificate.objects.filter(pk=certificate.pk).update(signature=forged)

    assert services.certificate_verify(certificate.code).status == VerificationOutcome.TAMPERED


def test_signature_from_another_key_is_tampered(shipped_item, settings):
    settings.CERTIFICATES = {"SIGNING_KEY": "someone-elses-key", "KEY_ID": "k-forger"}
    forged = services.certificate_issue_for_item(shipped_item)
    settings.CERTIFICATES = {"SIGNING_KEY": "the-operators-key", "KEY_ID": "k-forger"}

    assert services.certificate_verify(forged.code).status == VerificationOutcome.TAMPERED


def test_unknown_key_id_is_tampered(certificate):
    Certificate.objects.filter(pk=certificate.pk).update(key_id="k-unknown")

    assert services.certificate_verify(certificate.code).status == VerificationOutcome.TAMPERED


def test_retired_key_still_verifies_after_rotation(shipped_item, settings):
    settings.CERTIFICATES = {"SIGNING_KEY": "key-2025", "KEY_ID": "k2025"}
    old = services.certificate_issue_for_item(shipped_item)
    settings.CERTIFICATES = {
        "SIGNING_KEY": "key-2026",
        "KEY_ID": "k2026",
        "OLD_KEYS": {"k2025": "key-2025"},
    }

    assert services.certificate_verify(old.code).status == VerificationOutcome.GENUINE


def test_default_key_comes_from_the_secret_key(shipped_item, settings):
    settings.CERTIFICATES = {"SIGNING_KEY": "", "KEY_ID": ""}
    certificate = services.certificate_issue_for_item(shipped_item)
    assert services.certificate_verify(certificate.code).genuine

    settings.SECRET_KEY = "a-different-secret-key-for-this-test"

    assert services.certificate_verify(certificate.code).status == VerificationOutcome.TAMPERED


@pytest.mark.parametrize("code", ["", "ABCD", "ABCDEFGHJKMN", "!!!!!!!!!!!!", "A" * 200])
def test_unknown_code(certificate, code):
    result = services.certificate_verify(code)

    assert result.status == VerificationOutcome.UNKNOWN
    assert result.certificate is None


def test_presented_signature_must_match(certificate):
    printed = certificate.signature_fingerprint  # "AB12 CD34 EF56 7890" as printed

    assert services.certificate_verify(certificate.code, printed).genuine
    assert services.certificate_verify(certificate.code, certificate.signature).genuine
    wrong = "0000 0000 0000 0000" if not printed.startswith("0000") else "1111 1111 1111 1111"
    assert services.certificate_verify(certificate.code, wrong).status == "tampered"
    assert services.certificate_verify(certificate.code, "ab12").status == "tampered"


def test_revoked(certificate, revoker):
    services.certificate_revoke(certificate, actor=revoker, reason="Not made in the district")

    result = services.certificate_verify(certificate.code)

    assert result.status == VerificationOutcome.REVOKED
    assert not result.genuine


# --- withdrawing ------------------------------------------------------------------------------


def test_revoke_records_who_when_why(certificate, revoker):
    revoked = services.certificate_revoke(certificate, actor=revoker, reason="  Wrong district ")

    certificate.refresh_from_db()
    assert certificate.revoked_at is not None
    assert certificate.revoked_by == revoker
    assert certificate.revoke_reason == "Wrong district"
    assert revoked.pk == certificate.pk
    # Again: nothing changes.
    when = certificate.revoked_at
    services.certificate_revoke(certificate, actor=revoker, reason="Other")
    certificate.refresh_from_db()
    assert (certificate.revoked_at, certificate.revoke_reason) == (when, "Wrong district")


@pytest.mark.parametrize("who", ["nobody", "buyer", "staff_without_permission", "inactive"])
def test_revoke_is_for_staff_with_the_permission(certificate, who):
    actor = None
    if who == "buyer":
        actor = User.objects.create_user(username="buyer", password="x")
        actor.user_permissions.add(Permission.objects.get(codename="revoke_certificate"))
    elif who == "staff_without_permission":
        actor = User.objects.create_user(username="staff", password="x", is_staff=True)
    elif who == "inactive":
        actor = User.objects.create_user(
            username="gone", password="x", is_staff=True, is_active=False
        )
        actor.user_permissions.add(Permission.objects.get(codename="revoke_certificate"))

    with pytest.raises(CertificateError) as caught:
        services.certificate_revoke(certificate, actor=actor, reason="Because")

    assert caught.value.code == "forbidden"
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    assert services.certificate_verify(certificate.code).genuine


def test_revoke_needs_a_reason(certificate, revoker):
    with pytest.raises(CertificateError) as caught:
        services.certificate_revoke(certificate, actor=revoker, reason="   ")

    assert caught.value.code == "reason_required"
    certificate.refresh_from_db()
    assert certificate.revoked_at is None


# --- public lookups ---------------------------------------------------------------------------


def test_lookups_are_logged_without_the_client(certificate):
    services.certificate_lookup(certificate.code, channel="page", client_key="ip:a")
    services.certificate_lookup("ZZZZZZZZZZZZ", channel="api", client_key="ip:a")
    services.certificate_lookup("not a code", channel="page", client_key="ip:a")

    rows = list(CertificateVerification.objects.order_by("pk").values_list(
        "certificate_id", "code", "outcome", "channel"
    ))  # fmt: skip
    assert rows == [
        (certificate.pk, certificate.code, "genuine", VerificationChannel.PAGE),
        (None, "ZZZZZZZZZZZZ", "unknown", VerificationChannel.API),
        (None, "not a code", "unknown", VerificationChannel.PAGE),
    ]


def test_lookups_are_rate_limited_per_client(certificate, settings):
    settings.CERTIFICATES = {"VERIFY_RATE_LIMITS": [(2, 60)]}
    for _ in range(2):
        services.certificate_lookup(certificate.code, channel="page", client_key="ip:a")

    with pytest.raises(services.LookupRateLimited) as caught:
        services.certificate_lookup(certificate.code, channel="page", client_key="ip:a")

    assert 1 <= caught.value.retry_after <= 60
    assert CertificateVerification.objects.count() == 2
    # Another client is not held back.
    assert services.certificate_lookup(certificate.code, channel="page", client_key="ip:b").genuine


def test_client_key_does_not_hold_the_address():
    key = services.lookup_client_key("203.0.113.7")

    assert "203.0.113.7" not in key
    assert key == services.lookup_client_key("203.0.113.7")
    assert key != services.lookup_client_key("203.0.113.8")
