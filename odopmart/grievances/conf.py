"""Grievance settings: ``settings.GRIEVANCES`` over defaults taken from the environment.

The Consumer Protection (E-Commerce) Rules 2020 (rule 4) require the grievance officer's name,
designation and contact details to be shown, and a complaint to be acknowledged within 48 hours
and redressed within one month. The defaults are a demo officer: a deployment sets the real one
through the GRIEVANCE_* environment variables or the GRIEVANCES setting.

Read on every use (not at import), so a deployment or a test can change them at any time.
"""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


def defaults() -> dict[str, Any]:
    return {
        "OFFICER_NAME": _env("GRIEVANCE_OFFICER_NAME", "Demo Grievance Officer"),
        "OFFICER_NAME_HI": _env("GRIEVANCE_OFFICER_NAME_HI", "डेमो शिकायत अधिकारी"),
        "DESIGNATION": _env("GRIEVANCE_OFFICER_DESIGNATION", "Grievance Officer, odopmart"),
        "DESIGNATION_HI": _env("GRIEVANCE_OFFICER_DESIGNATION_HI", "शिकायत अधिकारी, odopmart"),
        "PHONE": _env("GRIEVANCE_OFFICER_PHONE", "+91 522 000 0000"),
        "EMAIL": _env("GRIEVANCE_OFFICER_EMAIL", "grievance@odopmart.example.in"),
        "ADDRESS": _env(
            "GRIEVANCE_OFFICER_ADDRESS",
            "ODOP Cell (demo address), Udyog Bhawan, Lucknow, Uttar Pradesh 226001",
        ),
        "ADDRESS_HI": _env(
            "GRIEVANCE_OFFICER_ADDRESS_HI",
            "ओडीओपी प्रकोष्ठ (डेमो पता), उद्योग भवन, लखनऊ, उत्तर प्रदेश 226001",
        ),
        "HOURS": _env(
            "GRIEVANCE_OFFICER_HOURS", "Monday to Saturday, 10 am to 6 pm (not on public holidays)"
        ),
        "HOURS_HI": _env(
            "GRIEVANCE_OFFICER_HOURS_HI",
            "सोमवार से शनिवार, सुबह 10 से शाम 6 बजे तक (सार्वजनिक छुट्टियों को छोड़कर)",
        ),
        # Rule 4(5)(a): acknowledge within 48 hours, redress within one month.
        "ACKNOWLEDGE_HOURS": int(_env("GRIEVANCE_ACKNOWLEDGE_HOURS", "48")),
        "RESOLVE_MONTHS": int(_env("GRIEVANCE_RESOLVE_MONTHS", "1")),
        # Public address of the site, for the status link in messages ("https://…").
        "SITE_URL": _env("SITE_URL", ""),
        "ATTACHMENT_MAX_BYTES": int(_env("GRIEVANCE_ATTACHMENT_MAX_BYTES", str(5 * 1024 * 1024))),
    }


def grievance_setting(name: str) -> Any:
    configured = getattr(settings, "GRIEVANCES", {}) or {}
    if name in configured:
        return configured[name]
    return defaults()[name]


def officer(language: str) -> dict[str, str]:
    """The officer's particulars in the page language (Hindi falls back to English)."""
    hindi = (language or "").startswith("hi")

    def pick(key: str) -> str:
        value = grievance_setting(f"{key}_HI") if hindi else ""
        return str(value or grievance_setting(key))

    return {
        "name": pick("OFFICER_NAME"),
        "designation": pick("DESIGNATION"),
        "phone": str(grievance_setting("PHONE")),
        "email": str(grievance_setting("EMAIL")),
        "address": pick("ADDRESS"),
        "hours": pick("HOURS"),
    }
