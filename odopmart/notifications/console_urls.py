"""The operator's message console: every outgoing message with its status; resend."""

from __future__ import annotations

from django.urls import URLPattern

app_name = "messages_console"

urlpatterns: list[URLPattern] = []
