"""The operator's message console: every outgoing message with its status; resend, cancel."""

from __future__ import annotations

from django.urls import path

from odopmart.notifications import console_views

app_name = "messages_console"

urlpatterns = [
    path("", console_views.message_list, name="list"),
    path("<int:notification_id>/", console_views.message_detail, name="detail"),
    path("<int:notification_id>/resend/", console_views.message_resend, name="resend"),
    path("<int:notification_id>/cancel/", console_views.message_cancel, name="cancel"),
]
