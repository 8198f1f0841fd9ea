"""Helpline queue and readiness pages for staff and vendors."""

from __future__ import annotations

from django.urls import URLPattern, path

from odopmart.fulfilment import views

app_name = "fulfilment"

urlpatterns: list[URLPattern] = [
    path("", views.helpline_queue, name="queue"),
    path("tasks/<int:task_id>/", views.helpline_task, name="task"),
    path("readiness/<int:request_id>/", views.readiness_detail, name="readiness_detail"),
    path(
        "readiness/<int:request_id>/answer/",
        views.readiness_answer_view,
        name="readiness_answer",
    ),
    path(
        "readiness/<int:request_id>/reassign/",
        views.readiness_reassign_view,
        name="readiness_reassign",
    ),
    path(
        "readiness/<int:request_id>/cancel/",
        views.readiness_cancel_view,
        name="readiness_cancel",
    ),
]
