"""Complaints: ticket, acknowledgement in the outbox, due dates, status page, bad input, staff
actions and who may use them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from odopmart.accounts.models import StaffRole, StaffRoleGrant
from odopmart.catalog.models import Product
from odopmart.grievances import services
from odopmart.grievances.exceptions import GrievanceError
from odopmart.grievances.models import Grievance, GrievanceEvent
from odopmart.grievances.selectors import grievance_queue
from odopmart.notifications.models import Notification

pytestmark = pytest.mark.django_db
IST = ZoneInfo("Asia/Kolkata")
PHONE = "+919876543210"  # the phone the orders fixture places orders with


def submit(**overrides: Any) -> Grievance:
    fields: dict[str, Any] = {
        "name": "Asha Verma",
        "phone": "98765 43210",
        "email": "asha@example.com",
        "category": "delivery",
        "description": "The parcel has not arrived after two weeks.",
        "language": "en",
    }
    fields.update(overrides)
    return services.grievance_submit(**fields)


@pytest.fixture
def helpline(db: None) -> Any:
    user = get_user_model().objects.create_user(username="agent", password="x-long-password")
    StaffRoleGrant.objects.create(user=user, role=StaffRole.HELPLINE)
    return user


def test_ticket_acknowledgement_and_due_dates() -> None:
    received = datetime(2026, 1, 31, 10, 0, tzinfo=IST)
    grievance = submit(now=received)
    assert grievance.ticket.startswith("GR2601-")
    assert len(grievance.ticket) == 13
    assert grievance.phone == PHONE
    assert grievance.acknowledge_due_at == datetime(2026, 2, 2, 10, 0, tzinfo=IST)
    # One calendar month, clamped to the end of a short month.
    assert grievance.resolve_due_at == datetime(2026, 2, 28, 10, 0, tzinfo=IST)
    queued = {n.channel: n for n in Notification.objects.filter(template__startswith="grievance_")}
    assert set(queued) == {"sms", "email"}
    assert queued["sms"].recipient == PHONE
    assert grievance.ticket in queued["sms"].body
    assert "02-02-2026 10:00" in queued["sms"].body
    assert "28-02-2026" in queued["sms"].body
    assert queued["email"].recipient == "asha@example.com"
    event = GrievanceEvent.objects.get(grievance=grievance)
    assert (event.kind, event.to_status) == ("submitted", "received")


def test_tickets_are_unique() -> None:
    tickets = {submit().ticket for _ in range(20)}
    assert len(tickets) == 20


def test_hindi_complaint_gets_hindi_acknowledgement() -> None:
    grievance = submit(language="hi")
    sms = Notification.objects.get(template="grievance_received")
    assert sms.language == "hi"
    assert "शिकायत" in sms.body
    assert "/hi/grievance/status/" in sms.body
    assert grievance.ticket in sms.body


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"phone": "12345"}, "phone_invalid"),
        ({"phone": "+1 415 555 0100"}, "phone_invalid"),
        ({"name": "  "}, "name_required"),
        ({"category": "nonsense"}, "category_invalid"),
        ({"description": "bad"}, "description_short"),
        ({"order_number": "OD0000-NOPE00"}, "order_not_yours"),
        ({"attachment": SimpleUploadedFile("x.exe", b"MZ\x90\x00binary")}, "attachment_type"),
    ],
)
def test_bad_input_refused_and_nothing_written(overrides: dict[str, Any], code: str) -> None:
    with pytest.raises(GrievanceError) as error:
        submit(**overrides)
    assert error.value.code == code
    assert not Grievance.objects.exists()
    assert not Notification.objects.exists()


def test_order_number_must_be_the_complainants(
    cart_with: Callable[..., Any], place: Callable[..., Any], make_product: Callable[..., Product],
    buyer: Any, other_buyer: Any,
) -> None:  # fmt: skip
    order = place(cart_with((make_product(), 1), user=buyer), buyer=buyer)
    # Same phone as on the order: accepted; the order is linked.
    assert submit(order_number=order.number.lower()).order == order
    # The buyer's own account, another phone: accepted.
    assert submit(order_number=order.number, phone="9123456780", user=buyer).order == order
    # Someone else (another phone, another account): refused like an unknown number.
    with pytest.raises(GrievanceError) as error:
        submit(order_number=order.number, phone="9123456780", user=other_buyer)
    assert error.value.code == "order_not_yours"


def test_attachment_sniffed_and_stored(settings: Any, tmp_path: Any) -> None:
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    pdf = SimpleUploadedFile("anything.txt", b"%PDF-1.4 test", content_type="text/plain")
    grievance = submit(attachment=pdf)
    assert grievance.attachment_type == "application/pdf"
    assert grievance.attachment.name.endswith(".pdf")


def test_form_page_and_status_page(client: Client) -> None:
    response = client.post(
        reverse("grievances:complain"),
        {"name": "Asha", "phone": "9876543210", "category": "payment",
         "description": "Money was taken twice for one order."},
    )  # fmt: skip
    assert response.status_code == 302
    grievance = Grievance.objects.get()
    done = client.get(reverse("grievances:submitted"))
    assert grievance.ticket in done.content.decode()
    # Status needs the ticket and the same phone.
    found = client.post(reverse("grievances:status"), {"ticket": grievance.ticket.lower(),
                                                        "phone": "+91 98765 43210"})  # fmt: skip
    assert found.status_code == 200
    assert "Money was taken" not in found.content.decode()
    assert "Received" in found.content.decode()
    wrong = Client().post(reverse("grievances:status"), {"ticket": grievance.ticket,
                                                          "phone": "9123456780"})  # fmt: skip
    assert wrong.status_code == 404
    assert "We found no complaint" in wrong.content.decode()
    assert "Payment or refund" not in wrong.content.decode()


def test_form_page_shows_errors_cleanly(client: Client) -> None:
    response = client.post(
        reverse("grievances:complain"),
        {"name": "Asha", "phone": "12345", "category": "payment",
         "description": "Money was taken twice for one order."},
    )  # fmt: skip
    assert response.status_code == 200
    assert "Enter a 10-digit Indian mobile number." in response.content.decode()
    assert not Grievance.objects.exists()


def test_officer_page_in_both_languages(client: Client, settings: Any) -> None:
    settings.GRIEVANCES = {
        "OFFICER_NAME": "Smt. Kavita Singh",
        "OFFICER_NAME_HI": "श्रीमती कविता सिंह",
        "PHONE": "+91 522 222 3333",
        "EMAIL": "go@example.in",
    }
    english = client.get("/grievance/").content.decode()
    assert "Smt. Kavita Singh" in english
    assert "+91 522 222 3333" in english
    assert "go@example.in" in english
    assert "within 48 hours" in english
    hindi = client.get("/hi/grievance/").content.decode()
    assert "श्रीमती कविता सिंह" in hindi
    assert "शिकायत अधिकारी" in hindi
    footer = client.get("/hi/grievance/status/").content.decode()
    assert 'href="/hi/grievance/"' in footer
    assert 'href="/hi/grievance/complaint/"' in footer


def test_staff_acknowledge_reply_resolve(client: Client, helpline: Any) -> None:
    grievance = submit()
    client.force_login(helpline)
    url = reverse("sellercentre:grievance_detail", args=[grievance.pk])
    assert client.get(reverse("sellercentre:grievance_queue")).status_code == 200
    assert client.post(url, {"action": "acknowledge", "message": ""}).status_code == 302
    client.post(url, {"action": "note", "message": "Courier says lost in transit."})
    client.post(url, {"action": "reply", "message": "We are sending a replacement."})
    grievance.refresh_from_db()
    assert grievance.status == "acknowledged"
    assert grievance.acknowledged_at is not None
    refused = client.post(url, {"action": "resolve", "message": ""})
    assert "Say how the complaint was resolved." in refused.content.decode()
    client.post(url, {"action": "resolve", "message": "Refunded in full."})
    grievance.refresh_from_db()
    assert grievance.status == "resolved"
    assert grievance.resolution == "Refunded in full."
    kinds = list(grievance.events.values_list("kind", "actor_id"))
    assert kinds == [("submitted", None), ("acknowledged", helpline.pk), ("note", helpline.pk),
                     ("replied", helpline.pk), ("resolved", helpline.pk)]  # fmt: skip
    assert set(Notification.objects.values_list("template", flat=True)) >= {
        "grievance_replied", "grievance_resolved"}  # fmt: skip
    status_url = reverse("grievances:status")
    public = Client().post(status_url, {"ticket": grievance.ticket, "phone": PHONE})
    public = public.content.decode()
    assert "We are sending a replacement." in public
    assert "Refunded in full." in public
    assert "Courier says lost" not in public  # internal notes stay internal
    with pytest.raises(GrievanceError):
        services.grievance_resolve(grievance, actor=helpline, resolution="again")


def test_overdue_flags() -> None:
    old = submit(now=datetime(2020, 1, 1, tzinfo=IST))
    fresh = submit()
    assert old.is_acknowledge_overdue()
    assert old.is_resolve_overdue()
    assert not fresh.overdue
    assert list(grievance_queue("overdue")) == [old]


@pytest.mark.parametrize("role", [None, "vendor", StaffRole.FINANCE])
def test_others_cannot_open_the_queue(client: Client, role: Any, make_vendor: Any) -> None:
    grievance = submit()
    user = get_user_model().objects.create_user(username="someone", password="x-long-password")
    if role == "vendor":
        from odopmart.sellers.models import VendorMembership

        VendorMembership.objects.create(user=user, vendor=make_vendor(), role="owner")
    elif role:
        StaffRoleGrant.objects.create(user=user, role=role)
    client.force_login(user)
    assert client.get(reverse("sellercentre:grievance_queue")).status_code == 404
    url = reverse("sellercentre:grievance_detail", args=[grievance.pk])
    assert client.post(url, {"action": "resolve", "message": "x"}).status_code == 404
    grievance.refresh_from_db()
    assert grievance.status == "received"


def test_anonymous_is_sent_to_sign_in(client: Client) -> None:
    response = client.get(reverse("sellercentre:grievance_queue"))
    assert response.status_code == 302
    assert "/grievances/" not in response.content.decode()
