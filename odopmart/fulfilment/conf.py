"""Fulfilment settings, read from ``settings.FULFILMENT`` (then the environment) with defaults.

Read on every use (not at import), so a deployment or a test can change them at any time.
"""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # The artisan is asked to keep the items ready this many days after the order is paid.
    "READY_DAYS": 2,
    # Answer 2 ("I need more days") moves the date by this many days when no date is chosen.
    "EXTRA_DAYS": 3,
    # Dates an artisan may pick on the link page after answering 2: days after the current date.
    "EXTRA_DAYS_CHOICES": (2, 4, 7),
    # An artisan may push the date back at most this many days past the first promised date.
    "MAX_EXTRA_DAYS_TOTAL": 14,
    # The short link in the SMS stops working after this many days.
    "LINK_MAX_AGE_DAYS": 10,
    # IVR calls per request before a person (the helpline) takes over, and the wait between them.
    "CALL_ATTEMPTS": 3,
    "HOURS_BETWEEN_CALLS": 3,
    # Hours the helpline has to resolve a task before the vendor and the operator are alerted.
    "ESCALATION_SLA_HOURS": 24,
    # The helpline number printed on the link page and in alerts.
    "HELPLINE_PHONE": "1800-000-0000",
    # Who on the operator's side is alerted when a task runs past its SLA or an artisan cannot
    # make an order (empty: nobody by that channel).
    "OPERATOR_ALERT_PHONE": "",
    "OPERATOR_ALERT_EMAIL": "",
    # Public origin of the site for the links in SMS, e.g. "https://odopmart.in" (empty: the
    # notifications callback base, else a relative link).
    "PUBLIC_BASE_URL": "",
}

ENVIRONMENT = {
    "HELPLINE_PHONE": "FULFILMENT_HELPLINE_PHONE",
    "OPERATOR_ALERT_PHONE": "FULFILMENT_OPERATOR_ALERT_PHONE",
    "OPERATOR_ALERT_EMAIL": "FULFILMENT_OPERATOR_ALERT_EMAIL",
    "PUBLIC_BASE_URL": "FULFILMENT_PUBLIC_BASE_URL",
    "READY_DAYS": "FULFILMENT_READY_DAYS",
    "CALL_ATTEMPTS": "FULFILMENT_CALL_ATTEMPTS",
    "HOURS_BETWEEN_CALLS": "FULFILMENT_HOURS_BETWEEN_CALLS",
    "ESCALATION_SLA_HOURS": "FULFILMENT_ESCALATION_SLA_HOURS",
}


def fulfilment_setting(name: str) -> Any:
    configured = getattr(settings, "FULFILMENT", None) or {}
    if name in configured:
        return configured[name]
    variable = ENVIRONMENT.get(name)
    if variable and os.environ.get(variable):
        value = os.environ[variable]
        return int(value) if isinstance(DEFAULTS[name], int) else value
    return DEFAULTS[name]
