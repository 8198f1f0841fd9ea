"""/seller/grievances/ (inside the seller centre's namespace): the helpline's queue."""

from __future__ import annotations

from django.urls import path

from odopmart.grievances import staff_views

urlpatterns = [
    path("", staff_views.queue, name="grievance_queue"),
    path("<int:pk>/", staff_views.detail, name="grievance_detail"),
    path("<int:pk>/attachment/", staff_views.attachment, name="grievance_attachment"),
]
