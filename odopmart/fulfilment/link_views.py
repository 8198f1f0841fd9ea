"""The artisan's one-screen page behind the short link in the SMS.

No sign-in: the signed, expiring token in the link is the only key, so the page is exempt from
CSRF (there is no session whose authority a forged form could borrow). It speaks the artisan's
language (or ?lang=), works without JavaScript, and a bad or old link gets a clear page with the
helpline number, never an error.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from odopmart.fulfilment.conf import fulfilment_setting
from odopmart.fulfilment.exceptions import FulfilmentError
from odopmart.fulfilment.forms import AnswerForm
from odopmart.fulfilment.selectors import readiness_with_items
from odopmart.fulfilment.services import readiness_answer
from odopmart.fulfilment.states import Answer, AnswerChannel, ReadinessStatus
from odopmart.fulfilment.tokens import LinkProblem, link_token_read

LANGUAGES = ("hi", "en")
TOKEN_MAX_LENGTH = 200


def _language(request: HttpRequest, default: str) -> str:
    wanted = request.GET.get("lang", "")
    return wanted if wanted in LANGUAGES else (default if default in LANGUAGES else "hi")


def _page_url(token: str, **query: str) -> str:
    return f"{reverse('fulfilment_link')}?{urlencode({'t': token, **query})}"


def _render(request: HttpRequest, template: str, context: dict[str, Any], language: str,
            status: int = 200) -> HttpResponse:  # fmt: skip
    other = "en" if language == "hi" else "hi"
    token = context.get("token", "")
    context = {
        **context,
        "language": language,
        "other_language": other,
        "other_language_url": _page_url(token, lang=other) if token else f"?lang={other}",
        "helpline": fulfilment_setting("HELPLINE_PHONE"),
    }
    with translation.override(language):
        response = render(request, template, context, status=status)
    response["Content-Language"] = language
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def _extra_dates(request_obj: Any) -> list[dict[str, Any]]:
    latest = request_obj.first_ready_by + timedelta(
        days=int(fulfilment_setting("MAX_EXTRA_DAYS_TOTAL"))
    )
    dates = []
    for days in fulfilment_setting("EXTRA_DAYS_CHOICES"):
        new = request_obj.ready_by + timedelta(days=int(days))
        if new <= latest:
            dates.append({"days": int(days), "date": new})
    return dates


def item_rows(readiness: Any, language: str) -> list[dict[str, Any]]:
    """Each item as the artisan sees it: the name in their language, how many, the photo."""
    rows = []
    for item in readiness.items.all():
        name = item.name_hi if language == "hi" and item.name_hi else item.name_en
        label = (
            item.variant_label_hi
            if language == "hi" and item.variant_label_hi
            else (item.variant_label_en)
        )
        rows.append({
            "name": name, "label": label, "quantity": item.quantity,
            "thumbnail": item.product.thumbnail, "status": item.status,
        })  # fmt: skip
    return rows


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def link_page(request: HttpRequest, token: str = "") -> HttpResponse:
    token = (token or request.GET.get("t") or request.POST.get("t") or "")[:TOKEN_MAX_LENGTH]
    found = link_token_read(token) if token else LinkProblem.FORGED
    if isinstance(found, LinkProblem):
        status = 410 if found is LinkProblem.EXPIRED else 404
        return _render(
            request, "fulfilment/link_problem.html", {"problem": found.value},
            _language(request, "hi"), status=status,
        )  # fmt: skip
    readiness = readiness_with_items(found)
    if readiness is None:
        return _render(
            request, "fulfilment/link_problem.html", {"problem": "forged"},
            _language(request, "hi"), status=404,
        )  # fmt: skip
    language = _language(request, readiness.language)
    error = ""
    if request.method == "POST":
        form = AnswerForm(request.POST)
        with translation.override(language):
            if not form.is_valid():
                error = translation.gettext("Please tap one of the three buttons.")
            elif (
                form.cleaned_data["from_date"] is not None
                and form.cleaned_data["from_date"] != readiness.ready_by
                and form.cleaned_data["answer"] == Answer.MORE_DAYS
            ):
                # Sent twice (a double tap, or back and submit again): the date moved already.
                return HttpResponseRedirect(_page_url(token, lang=language, done="2"))
            else:
                new_date = None
                days = form.cleaned_data["days"]
                if form.cleaned_data["answer"] == Answer.MORE_DAYS and days:
                    new_date = readiness.ready_by + timedelta(days=days)
                try:
                    # What the answer records (the items' and the shipment's history, which the
                    # buyer and staff read) is written in the site's language, not the artisan's.
                    with translation.override(settings.LANGUAGE_CODE):
                        readiness_answer(
                            readiness, form.cleaned_data["answer"],
                            channel=AnswerChannel.SMS_LINK, new_date=new_date,
                        )  # fmt: skip
                except FulfilmentError as problem:
                    # The message was made in the site's language: look it up again in the
                    # artisan's (messages with a date in them stay as they are).
                    error = translation.gettext(problem.message)
                else:
                    return HttpResponseRedirect(
                        _page_url(token, lang=language, done=str(form.cleaned_data["answer"]))
                    )
        readiness = readiness_with_items(found) or readiness
    S = ReadinessStatus
    context = {
        "token": token,
        "readiness": readiness,
        "items": item_rows(readiness, language),
        "can_answer": readiness.status not in (S.READY, S.RESOLVED),
        "extra_dates": _extra_dates(readiness),
        "done": request.GET.get("done", ""),
        "error": error,
        "form_url": _page_url(token, lang=language),
    }
    return _render(
        request, "fulfilment/link_page.html", context, language, status=400 if error else 200
    )
