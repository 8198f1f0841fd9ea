"""SMS and voice provider callbacks: delivery reports, call statuses, IVR prompts and keypresses.

MSG91 and Exotel do not sign their requests, so their URLs carry the secret WEBHOOK_TOKEN;
Twilio signs every request (X-Twilio-Signature).
"""

from __future__ import annotations

from django.urls import path

from odopmart.notifications import webhooks

app_name = "notification_webhooks"

urlpatterns = [
    path("msg91/<str:token>/report/", webhooks.msg91_report, name="msg91_report"),
    path("exotel/<str:token>/status/", webhooks.exotel_status, name="exotel_status"),
    path("exotel/<str:token>/prompt/", webhooks.exotel_prompt, name="exotel_prompt"),
    path("exotel/<str:token>/keypress/", webhooks.exotel_keypress, name="exotel_keypress"),
    path("twilio/status/", webhooks.twilio_status, name="twilio_status"),
    path("twilio/calls/<int:notification_id>/", webhooks.twilio_prompt, name="twilio_prompt"),
    path(
        "twilio/calls/<int:notification_id>/keypress/",
        webhooks.twilio_keypress,
        name="twilio_keypress",
    ),
]
