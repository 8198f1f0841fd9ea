"""The link page (valid, expired, forged tokens), the seller-centre answers (the artisan's own and
the vendor's on their behalf), and who may see what."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from odopmart.fulfilment.models import ReadinessRequest
from odopmart.fulfilment.states import AnswerChannel, ReadinessStatus
from odopmart.fulfilment.tokens import link_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(place_paid, shop):
    return place_paid([(shop.kurta, 2), (shop.cushion, 1)])


@pytest.fixture
def request_hi(order, shop) -> ReadinessRequest:
    return ReadinessRequest.objects.get(order=order, artisan=shop.rukhsana)


@pytest.fixture
def request_en(order, shop) -> ReadinessRequest:
    return ReadinessRequest.objects.get(order=order, artisan=shop.imran)


def _link(request: ReadinessRequest, **query: str) -> str:
    extra = "".join(f"&{key}={value}" for key, value in query.items())
    return f"{reverse('fulfilment_link')}?t={link_token(request.pk)}{extra}"


def test_link_page_speaks_the_artisans_language(client, request_hi, request_en, order):
    hindi = client.get(_link(request_hi))
    english = client.get(reverse("fulfilment_link_token", args=[link_token(request_en.pk)]))

    assert hindi.status_code == 200
    text = hindi.content.decode()
    assert hindi["Content-Language"] == "hi"
    assert '<html lang="hi">' in text
    assert "चिकन कुर्ता" in text
    assert order.number in text
    assert "मुझसे नहीं बन पाएगा" in text
    assert "नमस्ते" in text
    assert "नग" in text
    assert "<script" not in text  # works without JavaScript
    assert english.status_code == 200
    assert "Cushion cover" in english.content.decode()
    assert "I cannot make it" in english.content.decode()
    # ?lang= switches, e.g. when someone else in the family reads it.
    switched = client.get(_link(request_hi, lang="en")).content.decode()
    assert "Chikan kurta" in switched
    assert "I cannot make it" in switched


def test_answer_from_the_link_page(client, request_hi):
    url = _link(request_hi)

    response = client.post(url, {"answer": "1", "from_date": request_hi.ready_by.isoformat()})

    assert response.status_code == 302
    request_hi.refresh_from_db()
    assert request_hi.status == ReadinessStatus.READY
    assert request_hi.answer_channel == AnswerChannel.SMS_LINK
    page = client.get(response["Location"])
    assert page.status_code == 200


def test_more_days_chosen_on_the_link_page_and_a_double_tap(client, request_hi):
    first = request_hi.ready_by
    data = {"answer": "2", "days": "4", "from_date": first.isoformat()}

    client.post(_link(request_hi), data)
    client.post(_link(request_hi), data)  # the same form sent again

    request_hi.refresh_from_db()
    assert request_hi.status == ReadinessStatus.NEEDS_MORE_DAYS
    assert request_hi.ready_by == first + timedelta(days=4)


def test_expired_link_gets_a_clear_page_in_hindi(client, request_hi, settings):
    settings.FULFILMENT = {"HELPLINE_PHONE": "1800-111-2222", "LINK_MAX_AGE_DAYS": 10}
    url = _link(request_hi)
    with time_machine.travel(timezone.now() + timedelta(days=11)):
        response = client.get(url)
        posted = client.post(url, {"answer": "1"})

    assert response.status_code == 410
    assert "1800-111-2222" in response.content.decode()
    assert response["Content-Language"] == "hi"
    assert posted.status_code == 410
    request_hi.refresh_from_db()
    assert request_hi.status == ReadinessStatus.ASKED


@pytest.mark.parametrize("token", ["", "abc", "3:1tQx2b:forged-signature", "x" * 500])
def test_forged_links_get_a_clear_page(client, request_hi, token):
    response = client.get(f"{reverse('fulfilment_link')}?t={token}")
    tampered = link_token(request_hi.pk).replace(":", ":0", 1)
    other = client.post(f"/a/{tampered}/", {"answer": "1"})

    assert response.status_code == 404
    assert "helpline" in response.content.decode().lower() or "हेल्पलाइन" in (
        response.content.decode()
    )
    assert other.status_code == 404
    request_hi.refresh_from_db()
    assert request_hi.status == ReadinessStatus.ASKED


def test_artisan_answers_from_the_seller_centre(client, make_user, request_hi, shop):
    user = make_user("rukhsana-phone")
    shop.rukhsana.user = user
    shop.rukhsana.save(update_fields=["user"])
    client.force_login(user)

    response = client.post(
        reverse("fulfilment:readiness_answer", args=[request_hi.pk]),
        {"answer": "1", "next": "/seller/"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/seller/"
    request_hi.refresh_from_db()
    assert request_hi.status == ReadinessStatus.READY
    assert request_hi.answer_channel == AnswerChannel.SELLER_CENTRE
    assert request_hi.answered_by == user


def test_vendor_answers_on_the_artisans_behalf(client, make_user, request_hi, shop):
    member = make_user("vendor-staff", vendor=shop.vendor)
    client.force_login(member)

    client.post(reverse("fulfilment:readiness_answer", args=[request_hi.pk]), {"answer": "2"})

    request_hi.refresh_from_db()
    assert request_hi.status == ReadinessStatus.NEEDS_MORE_DAYS
    assert request_hi.answer_channel == AnswerChannel.VENDOR
    assert request_hi.answered_by == member
    page = client.get(reverse("fulfilment:readiness_detail", args=[request_hi.pk]))
    assert page.status_code == 200
    assert shop.spare.name_en in page.content.decode()  # may be reassigned to


def test_other_artisans_and_vendors_get_404(client, make_user, request_hi, shop):
    stranger_user = make_user("stranger-phone")
    shop.stranger.user = stranger_user
    shop.stranger.save(update_fields=["user"])
    other_vendor_member = make_user("other-vendor", vendor=shop.other_vendor)
    imran_user = make_user("imran-phone")
    shop.imran.user = imran_user
    shop.imran.save(update_fields=["user"])
    urls = [
        reverse("fulfilment:readiness_detail", args=[request_hi.pk]),
        reverse("fulfilment:readiness_answer", args=[request_hi.pk]),
        reverse("fulfilment:readiness_reassign", args=[request_hi.pk]),
        reverse("fulfilment:readiness_cancel", args=[request_hi.pk]),
        reverse("fulfilment:queue"),
    ]
    for user in (stranger_user, other_vendor_member, imran_user):
        client.force_login(user)
        for url in urls[:1] + urls[-1:]:
            assert client.get(url).status_code == 404, (user, url)
        for url in urls[1:4]:
            response = client.post(url, {"answer": "3", "reason": "x", "artisan": shop.spare.pk})
            assert response.status_code == 404, (user, url)
    request_hi.refresh_from_db()
    assert request_hi.status == ReadinessStatus.ASKED
    # The artisan themself may not reassign or cancel either.
    me = make_user("rukhsana-own")
    shop.rukhsana.user = me
    shop.rukhsana.save(update_fields=["user"])
    client.force_login(me)
    assert client.post(reverse("fulfilment:readiness_cancel", args=[request_hi.pk]),
                       {"reason": "x"}).status_code == 404  # fmt: skip


def test_seller_centre_answer_needs_sign_in(client, request_hi):
    url = reverse("fulfilment:readiness_answer", args=[request_hi.pk])
    response = client.post(url, {"answer": "1"})
    assert response.status_code == 302
    assert "/accounts/" in response["Location"]
    request_hi.refresh_from_db()
    assert request_hi.status == ReadinessStatus.ASKED


def test_the_seller_centre_include_posts_the_three_answers(rf, request_hi, shop, make_user):
    from django.template.loader import render_to_string

    from odopmart.fulfilment.selectors import readiness_for_seller_order

    http_request = rf.get("/seller/artisan/")
    http_request.user = make_user("viewer")
    html = render_to_string(
        "fulfilment/_readiness_actions.html", {"readiness": request_hi}, request=http_request
    )

    assert reverse("fulfilment:readiness_answer", args=[request_hi.pk]) in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert html.count('name="answer"') == 3
    assert 'name="next" value="/seller/artisan/"' in html
    assert list(readiness_for_seller_order(request_hi.seller_order_id)) == sorted(
        ReadinessRequest.objects.filter(order=request_hi.order),
        key=lambda r: (r.artisan.name_en, r.pk),
    )


def test_link_page_answers_are_recorded_in_the_sites_language(client, request_hi, order):
    """The artisan reads Hindi, but what their answer records is read by the buyer and staff:
    it is written in the site's language. A refused answer is still told to them in Hindi."""
    from odopmart.orders.models import OrderEvent

    url = _link(request_hi)
    client.post(url, {"answer": "1", "from_date": request_hi.ready_by.isoformat()})

    reasons = set(
        OrderEvent.objects.filter(order=order, to_status="ready").values_list("reason", flat=True)
    )
    assert reasons == {"The artisan says the items are ready."}
    refused = client.post(url, {"answer": "2"})
    assert refused.status_code == 400
    assert "सामान पहले से तैयार दर्ज है" in refused.content.decode()
