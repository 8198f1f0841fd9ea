"""Escalation on a controllable clock: N unanswered calls spaced by hours -> a helpline task; a
task past its SLA -> the vendor and the operator are alerted; the helpline records the call."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from odopmart.fulfilment.models import HelplineTask, ReadinessRequest
from odopmart.fulfilment.services import helpline_call_record, readiness_escalate_due
from odopmart.fulfilment.states import AnswerChannel, ReadinessStatus
from odopmart.notifications.models import Notification

pytestmark = pytest.mark.django_db

SETTINGS = {
    "CALL_ATTEMPTS": 3,
    "HOURS_BETWEEN_CALLS": 2,
    "ESCALATION_SLA_HOURS": 6,
    "OPERATOR_ALERT_PHONE": "9000000001",
}


def _calls(request: ReadinessRequest) -> list[str]:
    return list(
        Notification.objects.filter(
            dedupe_key__startswith=f"readiness:{request.pk}:call:"
        ).values_list("dedupe_key", flat=True)
    )


def _exhaust(request: ReadinessRequest) -> None:
    """Every call unanswered: the sweep runs at +2 h, +4 h (calls 2 and 3) and +6 h."""
    for hours in (2, 4, 6):
        readiness_escalate_due(now=request.created_at + timedelta(hours=hours))


@pytest.fixture
def asked(place_paid, shop, settings) -> ReadinessRequest:
    settings.FULFILMENT = SETTINGS
    order = place_paid([(shop.kurta, 1)])
    return ReadinessRequest.objects.get(order=order)


def test_unanswered_calls_then_a_helpline_task_then_alerts(
    asked, django_capture_on_commit_callbacks
):
    start = asked.created_at
    hour = timedelta(hours=1)

    assert readiness_escalate_due(now=start + hour).calls == 0  # not due yet
    assert readiness_escalate_due(now=start + 2 * hour).calls == 1
    assert readiness_escalate_due(now=start + 2 * hour).calls == 0  # a second sweep: nothing
    assert readiness_escalate_due(now=start + 4 * hour).calls == 1
    asked.refresh_from_db()
    assert asked.call_attempts == 3
    assert sorted(_calls(asked)) == [f"readiness:{asked.pk}:call:{n}" for n in (1, 2, 3)]
    assert not HelplineTask.objects.exists()

    result = readiness_escalate_due(now=start + 6 * hour)

    assert (result.calls, result.escalated) == (0, 1)
    asked.refresh_from_db()
    assert asked.status == ReadinessStatus.ESCALATED
    task = HelplineTask.objects.get(request=asked)
    assert task.kind == "no_answer"
    assert task.due_at == start + 12 * hour
    assert list(asked.events.values_list("kind", flat=True)).count("called") == 3
    assert len(_calls(asked)) == 3  # no fourth call

    assert readiness_escalate_due(now=start + 11 * hour).alerted == 0
    assert readiness_escalate_due(now=start + 12 * hour).alerted == 1
    assert readiness_escalate_due(now=start + 13 * hour).alerted == 0  # alerted once
    alerts = Notification.objects.filter(dedupe_key__contains=":alert:unresolved:")
    assert {(n.channel, n.recipient) for n in alerts} == {
        ("sms", "+919811100001"),
        ("sms", "+919000000001"),
        ("email", "desk@vendor.example"),
    }
    task.refresh_from_db()
    assert task.alerted_at == start + 12 * hour


def test_sweep_with_the_real_clock_moved_by_time_machine(asked):
    with time_machine.travel(asked.created_at + timedelta(hours=2, minutes=1), tick=False):
        assert readiness_escalate_due().calls == 1
    with time_machine.travel(asked.created_at + timedelta(hours=8), tick=False):
        result = readiness_escalate_due()
    assert (result.calls, result.escalated) == (1, 0)


def test_an_answer_stops_the_calls(asked):
    from odopmart.fulfilment.services import readiness_answer

    readiness_answer(asked, 2, channel=AnswerChannel.SMS_LINK, now=asked.created_at)

    result = readiness_escalate_due(now=asked.created_at + timedelta(hours=10))
    assert (result.calls, result.escalated) == (0, 0)
    assert len(_calls(asked)) == 1


def test_still_not_ready_after_the_new_date_goes_to_the_helpline(asked):
    from odopmart.fulfilment.services import readiness_answer

    asked = readiness_answer(asked, 2, channel=AnswerChannel.SMS_LINK, now=asked.created_at)
    day_after = timezone.make_aware(
        timezone.datetime.combine(asked.ready_by + timedelta(days=1), timezone.datetime.min.time())
    )

    assert readiness_escalate_due(now=day_after).overdue == 1
    asked.refresh_from_db()
    assert asked.status == ReadinessStatus.ESCALATED
    assert HelplineTask.objects.get(request=asked).kind == "overdue"


def test_helpline_records_an_answer_on_the_artisans_behalf(asked, agent):
    _exhaust(asked)
    task = HelplineTask.objects.get(request=asked)

    helpline_call_record(task, actor=agent, outcome="no_answer")
    task.refresh_from_db()
    assert task.status == "in_progress"
    assert task.assigned_to == agent

    helpline_call_record(task, actor=agent, outcome="ready", notes="Said it is done.")

    asked.refresh_from_db()
    task.refresh_from_db()
    assert asked.status == ReadinessStatus.READY
    assert asked.answer_channel == AnswerChannel.HELPLINE
    assert asked.answered_by == agent
    assert task.status == "done"
    assert task.calls.count() == 2


def test_helpline_pages(client, asked, agent, make_user, shop):
    _exhaust(asked)
    task = HelplineTask.objects.get(request=asked)
    client.force_login(agent)

    queue = client.get(reverse("fulfilment:queue"))
    assert queue.status_code == 200
    assert shop.rukhsana.name_en in queue.content.decode()
    assert 'href="tel:98765 00001"' in queue.content.decode()
    page = client.get(reverse("fulfilment:task", args=[task.pk]))
    assert page.status_code == 200
    assert "readiness_ask_sms" not in page.content.decode()
    assert asked.order.number in page.content.decode()
    response = client.post(
        reverse("fulfilment:task", args=[task.pk]),
        {"outcome": "more_days", "notes": "Thread ran out"},
    )
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.status == ReadinessStatus.NEEDS_MORE_DAYS
    bad = client.post(reverse("fulfilment:task", args=[task.pk]), {"outcome": "other"})
    assert bad.status_code == 400  # the task is done now: a clear error, nothing written

    client.force_login(make_user("vendor-staff-2", vendor=shop.vendor))
    assert client.get(reverse("fulfilment:queue")).status_code == 404
    assert client.get(reverse("fulfilment:task", args=[task.pk])).status_code == 404
