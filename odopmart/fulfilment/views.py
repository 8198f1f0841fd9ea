"""Helpline queue and readiness pages for staff, vendors and the artisan (seller centre).

* The queue and its tasks: helpline agents and operator admins only.
* A readiness request: its artisan (answers), the vendor's members (answer on the artisan's
  behalf, reassign, cancel), the helpline. Anyone else gets 404, as for an unknown id.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from odopmart.fulfilment import selectors
from odopmart.fulfilment.conf import fulfilment_setting
from odopmart.fulfilment.exceptions import FulfilmentError
from odopmart.fulfilment.forms import AnswerForm, CancelForm, HelplineCallForm, ReassignForm
from odopmart.fulfilment.link_views import item_rows
from odopmart.fulfilment.models import HelplineTask, ReadinessRequest
from odopmart.fulfilment.services import (
    helpline_call_record,
    helpline_task_take,
    readiness_answer,
    readiness_cancel,
    readiness_reassign,
)
from odopmart.fulfilment.states import AnswerChannel

MAX_ID = 2**31 - 1
CHANNEL_FOR_ROLE = {
    "artisan": AnswerChannel.SELLER_CENTRE,
    "vendor": AnswerChannel.VENDOR,
    "helpline": AnswerChannel.HELPLINE,
}


def _require_helpline(request: HttpRequest) -> None:
    if not selectors.is_helpline(request.user):
        raise Http404


def _readiness_for(request: HttpRequest, request_id: int) -> tuple[ReadinessRequest, str]:
    readiness = selectors.readiness_with_items(request_id) if request_id <= MAX_ID else None
    role = selectors.readiness_role(request.user, readiness) if readiness else None
    if readiness is None or role is None:
        raise Http404
    return readiness, role


def _task_for(request: HttpRequest, task_id: int) -> HelplineTask:
    _require_helpline(request)
    task = selectors.helpline_queue(include_done=True).filter(pk=task_id).first()
    if task is None or task_id > MAX_ID:
        raise Http404
    return task


def _back(request: HttpRequest, fallback: str) -> HttpResponse:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(fallback)


def _history(readiness: ReadinessRequest) -> dict[str, Any]:
    return {
        "notifications": list(selectors.readiness_messages(readiness)),
        "events": list(selectors.readiness_events(readiness)),
    }


@login_required
@require_safe
def helpline_queue(request: HttpRequest) -> HttpResponse:
    _require_helpline(request)
    tasks = list(selectors.helpline_queue())
    return render(
        request,
        "fulfilment/helpline_queue.html",
        {"tasks": tasks, "section": "helpline", "mine": request.user.pk},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def helpline_task(request: HttpRequest, task_id: int) -> HttpResponse:
    task = _task_for(request, task_id)
    readiness = selectors.readiness_with_items(task.request_id)
    assert readiness is not None  # a task always has its request
    form = HelplineCallForm()
    status = 200
    if request.method == "POST":
        try:
            if request.POST.get("action") == "take":
                helpline_task_take(task, actor=request.user)
                messages.success(request, gettext("The task is yours."))
                return redirect("fulfilment:task", task_id=task.pk)
            form = HelplineCallForm(request.POST)
            if form.is_valid():
                helpline_call_record(
                    task, actor=request.user, outcome=form.cleaned_data["outcome"],
                    notes=form.cleaned_data["notes"], new_date=form.cleaned_data["new_date"],
                )  # fmt: skip
                messages.success(request, gettext("The call is recorded."))
                return redirect("fulfilment:task", task_id=task.pk)
        except FulfilmentError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        status = 400
    return render(
        request,
        "fulfilment/helpline_task.html",
        {
            "task": task,
            "readiness": readiness,
            "items": item_rows(readiness, "hi" if request.LANGUAGE_CODE == "hi" else "en"),
            "form": form,
            "calls": list(task.calls.select_related("agent")),
            "section": "helpline",
            **_history(readiness),
        },
        status=status,
    )


@login_required
@require_safe
def readiness_detail(request: HttpRequest, request_id: int) -> HttpResponse:
    readiness, role = _readiness_for(request, request_id)
    manage = role in ("vendor", "helpline")
    candidates = selectors.readiness_reassign_candidates(readiness) if manage else None
    return render(
        request,
        "fulfilment/readiness_detail.html",
        {
            "readiness": readiness,
            "role": role,
            "manage": manage,
            "items": item_rows(readiness, "hi" if request.LANGUAGE_CODE == "hi" else "en"),
            "reassign_form": ReassignForm(candidates=candidates) if manage else None,
            "cancel_form": CancelForm() if manage else None,
            "open_task": readiness.helpline_tasks.exclude(status="done").first(),
            "helpline": fulfilment_setting("HELPLINE_PHONE"),
            "section": "helpline",
            **(_history(readiness) if manage else {}),
        },
    )


@login_required
@require_POST
def readiness_answer_view(request: HttpRequest, request_id: int) -> HttpResponse:
    """The three answers from the seller centre: the artisan's own, or a vendor member's (or
    the helpline's) on the artisan's behalf."""
    readiness, role = _readiness_for(request, request_id)
    form = AnswerForm(request.POST)
    fallback = reverse("fulfilment:readiness_detail", args=[readiness.pk])
    if not form.is_valid():
        messages.error(request, gettext("Choose one of the three answers."))
        return _back(request, fallback)
    data = form.cleaned_data
    if (
        data["from_date"] is not None
        and data["from_date"] != readiness.ready_by
        and (data["answer"] == 2)
    ):
        return _back(request, fallback)  # a repeat: the date has moved already
    try:
        readiness_answer(
            readiness, data["answer"], channel=CHANNEL_FOR_ROLE[role], actor=request.user,
            new_date=data["new_date"],
        )  # fmt: skip
    except FulfilmentError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, gettext("Answer saved."))
    return _back(request, fallback)


@login_required
@require_POST
def readiness_reassign_view(request: HttpRequest, request_id: int) -> HttpResponse:
    readiness, role = _readiness_for(request, request_id)
    if role not in ("vendor", "helpline"):
        raise Http404
    form = ReassignForm(request.POST, candidates=selectors.readiness_reassign_candidates(readiness))
    target = reverse("fulfilment:readiness_detail", args=[readiness.pk])
    if not form.is_valid():
        messages.error(request, gettext("Choose an artisan and say why."))
        return redirect(target)
    try:
        new = readiness_reassign(
            readiness, form.cleaned_data["artisan"], actor=request.user,
            reason=form.cleaned_data["reason"],
        )  # fmt: skip
    except FulfilmentError as error:
        messages.error(request, error.message)
        return redirect(target)
    messages.success(
        request,
        gettext("Given to %(name)s; they are being asked now.") % {"name": new.artisan.name},
    )
    return redirect("fulfilment:readiness_detail", request_id=new.pk)


@login_required
@require_POST
def readiness_cancel_view(request: HttpRequest, request_id: int) -> HttpResponse:
    readiness, role = _readiness_for(request, request_id)
    if role not in ("vendor", "helpline"):
        raise Http404
    form = CancelForm(request.POST)
    target = reverse("fulfilment:readiness_detail", args=[readiness.pk])
    if not form.is_valid():
        messages.error(request, gettext("Say why it is cancelled."))
        return redirect(target)
    try:
        readiness_cancel(readiness, actor=request.user, reason=form.cleaned_data["reason"])
    except FulfilmentError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, gettext("Cancelled; the buyer is refunded."))
    return redirect(target)
