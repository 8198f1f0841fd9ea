"""The operator's message console at /seller/messages/."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import User

from odopmart.accounts.models import StaffRole, StaffRoleGrant
from odopmart.notifications.models import Notification, NotificationEvent

pytestmark = pytest.mark.django_db

URL = "/seller/messages/"
T0 = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


def staff(username: str, *roles: str) -> User:
    user = User.objects.create_user(username, password="pw-for-tests-1")
    for role in roles:
        StaffRoleGrant.objects.create(user=user, role=role)
    return user


def message(n: int, *, status: str = "delivered", channel: str = "sms", **fields) -> Notification:
    return Notification.objects.create(
        channel=channel, recipient=f"+9198123400{n:02d}", language="hi",
        template=fields.pop("template", "test_order_ready"), body=f"संदेश {n}", status=status,
        attempts=1, provider="msg91", dedupe_key=f"m:{n}",
        created_at=T0 + dt.timedelta(minutes=n), **fields,
    )  # fmt: skip


@pytest.fixture
def helpline(client):
    user = staff("desk", StaffRole.HELPLINE)
    client.force_login(user)
    return user


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert "/accounts/" in response["Location"]


def test_vendors_artisans_and_other_staff_get_404(client, make_artisan):
    from odopmart.sellers.models import VendorMembership

    item = message(1)
    artisan = make_artisan()
    vendor_user = User.objects.create_user("vendor", password="pw-for-tests-1")
    VendorMembership.objects.create(user=vendor_user, vendor=artisan.vendor, role="owner")
    artisan_user = User.objects.create_user("artisan", password="pw-for-tests-1")
    artisan.user = artisan_user
    artisan.save(update_fields=["user"])
    others = [
        vendor_user, artisan_user, staff("mod", StaffRole.MODERATOR),
        staff("desk-cat", StaffRole.CATALOGUE_DESK),
        User.objects.create_user("buyer", password="pw-for-tests-1"),
    ]  # fmt: skip

    for user in others:
        client.force_login(user)
        pages = [client.get(URL), client.get(f"{URL}{item.pk}/"), client.get(f"/hi{URL}")]
        posts = [client.post(f"{URL}{item.pk}/resend/"), client.post(f"{URL}{item.pk}/cancel/")]
        assert [page.status_code for page in pages + posts] == [404] * 5, user.username

    item.refresh_from_db()
    assert item.status == "delivered"
    assert NotificationEvent.objects.count() == 0


def test_helpline_sees_every_message_newest_first_with_masked_numbers(
    client, helpline, django_assert_max_num_queries
):
    for n in range(1, 56):
        message(
            n, last_error="" if n % 2 else f"error {n}", status="delivered" if n % 2 else "failed"
        )

    # A fixed number whatever the count of messages (incl. the header's cart and menu roles).
    with django_assert_max_num_queries(9):
        first = client.get(URL)
    second = client.get(URL, {"page": 2})

    assert first.status_code == 200
    listed = [item.pk for item in first.context["page"].object_list]
    assert len(listed) == 50
    assert listed == sorted(listed, reverse=True)
    assert len(second.context["page"].object_list) == 5
    page = first.content.decode()
    assert "•••••••••0055" in page
    assert "+919812340055" not in page
    assert "error 54" in page


def test_superuser_sees_full_numbers(client):
    message(7)
    client.force_login(User.objects.create_superuser("root", "r@example.com", "pw-for-tests-1"))

    page = client.get(URL).content.decode()

    assert "+919812340007" in page


def test_operator_admin_role_may_view(client):
    message(1)
    client.force_login(staff("ops", StaffRole.OPERATOR_ADMIN))

    assert client.get(URL).status_code == 200


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "failed"}, [3]),
        ({"channel": "voice"}, [2]),
        ({"template": "otp_signin"}, [1]),
        ({"phone": "98123 40002"}, [2]),
        ({"phone": "+91 98123-40003"}, [3]),
        ({"phone": "0003"}, [3]),
        ({"status": "failed", "channel": "voice"}, []),
        ({"status": "nonsense"}, [3, 2, 1]),
    ],
)
def test_filters(client, helpline, query, expected):
    message(1, template="otp_signin")
    message(2, channel="voice", template="test_order_call")
    message(3, status="failed")

    response = client.get(URL, query)

    assert [item.pk for item in response.context["page"].object_list] == [
        Notification.objects.get(dedupe_key=f"m:{n}").pk for n in expected
    ]


def test_detail_shows_body_history_and_callbacks(client, helpline, real_providers):
    item = message(4, status="sent", provider_message_id="r-4")
    NotificationEvent.objects.create(notification=item, kind="queued", to_status="queued")
    client.post(
        f"/webhooks/notifications/msg91/{real_providers['WEBHOOK_TOKEN']}/report/",
        {"requestId": "r-4", "desc": "DELIVERED", "status": "1"},
        content_type="application/json",
    )

    response = client.get(f"{URL}{item.pk}/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "संदेश 4" in page
    assert "Delivery report" in page
    assert "Applied" in page
    assert "Delivered" in page


def test_resend_writes_an_event_with_the_operator(
    client, helpline, sms_outbox, order_template, django_capture_on_commit_callbacks
):
    item = message(5, status="failed", last_error="msg91: HTTP 500")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{URL}{item.pk}/resend/", follow=True)

    assert response.status_code == 200
    assert "The message is queued to be sent again." in response.content.decode()
    item.refresh_from_db()
    assert (item.status, item.attempts) == ("delivered", 1)
    resent = NotificationEvent.objects.get(notification=item, kind="resent")
    assert (resent.actor, resent.from_status) == (helpline, "failed")
    assert len(sms_outbox) == 1


def test_cancel_a_queued_message_and_not_a_sent_one(client, helpline):
    queued = message(6, status="queued")
    delivered = message(7)

    client.post(f"{URL}{queued.pk}/cancel/")
    refused = client.post(f"{URL}{delivered.pk}/cancel/", follow=True)

    queued.refresh_from_db()
    assert (queued.status, queued.last_error) == ("cancelled", "Cancelled by an operator.")
    assert NotificationEvent.objects.get(notification=queued).actor == helpline
    assert "Only a queued message can be cancelled" in refused.content.decode()
    delivered.refresh_from_db()
    assert delivered.status == "delivered"


def test_get_cannot_resend(client, helpline):
    item = message(8, status="failed")

    assert client.get(f"{URL}{item.pk}/resend/").status_code == 405
    assert client.get(f"{URL}999999/").status_code == 404


def test_console_in_hindi(client, helpline):
    item = message(9, status="failed", last_error="msg91: HTTP 500")

    listing = client.get(f"/hi{URL}").content.decode()
    detail = client.get(f"/hi{URL}{item.pk}/").content.decode()

    assert "संदेश" in listing
    assert "फ़ोन नंबर" in listing
    assert "विफल" in listing
    assert "दोबारा भेजें" in detail
    assert "पिछली त्रुटि" in detail
