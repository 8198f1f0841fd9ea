"""Certificates of origin: the printable certificate and the public verification page."""

from __future__ import annotations

from django.urls import path

from odopmart.certificates import views

app_name = "certificates"

urlpatterns = [
    path("", views.certificate_lookup, name="lookup"),
    path("<str:code>/", views.certificate_verify, name="verify"),
    path("<str:code>/certificate.pdf", views.certificate_download, name="pdf"),
]
