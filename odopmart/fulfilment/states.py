"""Statuses of a readiness request and of a helpline task, and the moves allowed between them.

asked ──► ready                          (answer 1: items ready, pickup booked)
      ──► needs_more_days ──► ready / cannot_make / needs_more_days (the date moves again)
      ──► cannot_make ──► resolved       (reassigned to another artisan, or cancelled)
                      ──► ready / needs_more_days (a mistaken 3, corrected)
      ──► no_answer ──► escalated        (N calls unanswered: a helpline task)
escalated ──► ready / needs_more_days / cannot_make   (the helpline reached the artisan)
          ──► resolved                   (reassigned or cancelled)
needs_more_days ──► escalated            (still not ready after the new date)
any but ready ──► resolved               (the vendor reassigns or cancels; the items are cancelled)
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReadinessStatus(models.TextChoices):
    ASKED = "asked", _("Asked, awaiting answer")
    READY = "ready", _("Ready")
    NEEDS_MORE_DAYS = "needs_more_days", _("Needs more days")
    CANNOT_MAKE = "cannot_make", _("Cannot make it")
    NO_ANSWER = "no_answer", _("No answer")
    ESCALATED = "escalated", _("With the helpline")
    RESOLVED = "resolved", _("Resolved")


class Resolution(models.TextChoices):
    REASSIGNED = "reassigned", _("Given to another artisan")
    CANCELLED = "cancelled", _("Cancelled and refunded")


class Answer(models.IntegerChoices):
    """The keys of the IVR call and the buttons of the link page."""

    READY = 1, _("It will be ready")
    MORE_DAYS = 2, _("I need more days")
    CANNOT_MAKE = 3, _("I cannot make it")


class AnswerChannel(models.TextChoices):
    IVR = "ivr", _("Phone call (keypress)")
    SMS_LINK = "sms-link", _("Link in the SMS")
    SELLER_CENTRE = "seller-centre", _("Seller centre")
    VENDOR = "vendor-on-behalf", _("Vendor, for the artisan")
    HELPLINE = "helpline", _("Helpline, for the artisan")
    API = "api", _("App")


_R = ReadinessStatus
_ANSWERED = {_R.READY, _R.NEEDS_MORE_DAYS, _R.CANNOT_MAKE}
READINESS_TRANSITIONS: dict[str, set[str]] = {
    _R.ASKED: {*_ANSWERED, _R.NO_ANSWER, _R.RESOLVED},
    _R.NEEDS_MORE_DAYS: {*_ANSWERED, _R.ESCALATED, _R.RESOLVED},
    _R.NO_ANSWER: {_R.ESCALATED, *_ANSWERED, _R.RESOLVED},
    _R.ESCALATED: {*_ANSWERED, _R.RESOLVED},
    # A mistaken 3 may be corrected until the vendor reassigns or cancels.
    _R.CANNOT_MAKE: {_R.READY, _R.NEEDS_MORE_DAYS, _R.RESOLVED},
    _R.READY: {_R.RESOLVED},  # the items were cancelled after all (buyer or vendor)
    _R.RESOLVED: set(),
}

# Requests that still wait for the artisan (an answer may still come in).
OPEN_STATUSES = frozenset({_R.ASKED, _R.NEEDS_MORE_DAYS, _R.NO_ANSWER, _R.ESCALATED})
# Requests someone must still act on (the artisan, the helpline, the vendor).
ACTIVE_STATUSES = frozenset({*OPEN_STATUSES, _R.CANNOT_MAKE})


class HelplineTaskKind(models.TextChoices):
    NO_ANSWER = "no_answer", _("No answer to the calls")
    CANNOT_MAKE = "cannot_make", _("Artisan cannot make it")
    NO_PHONE = "no_phone", _("No usable phone number")
    OVERDUE = "overdue", _("Not ready by the promised date")


class HelplineTaskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class CallOutcome(models.TextChoices):
    READY = "ready", _("Artisan says it will be ready")
    MORE_DAYS = "more_days", _("Artisan needs more days")
    CANNOT_MAKE = "cannot_make", _("Artisan cannot make it")
    NO_ANSWER = "no_answer", _("No answer")
    WRONG_NUMBER = "wrong_number", _("Wrong or switched-off number")
    OTHER = "other", _("Other (see notes)")


OUTCOME_ANSWERS: dict[str, int] = {
    CallOutcome.READY: Answer.READY,
    CallOutcome.MORE_DAYS: Answer.MORE_DAYS,
    CallOutcome.CANNOT_MAKE: Answer.CANNOT_MAKE,
}


# What each ReadinessEvent.kind means, for the history shown to people.
EVENT_LABELS: dict[str, str] = {
    "created": _("Asked"),
    "called": _("Called"),
    "answered": _("Answered"),
    "no_answer": _("No answer after the calls"),
    "no_phone": _("No usable phone number"),
    "escalated": _("Handed to the helpline"),
    "overdue": _("Not ready by the new date"),
    "helpline_task": _("Helpline task opened"),
    "helpline_call": _("Helpline called"),
    "alerted": _("Vendor and operator alerted"),
    "key_ignored": _("Pressed a key that is not a choice"),
    "reassigned": _("Given to another artisan"),
    "cancelled": _("Cancelled"),
    "items_cancelled": _("Items cancelled"),
    "pickup_not_booked": _("Pickup could not be booked"),
}
