"""Until the earnings router is mounted on the project's API, tests mount it on one of their
own at the same paths (used only when /api/v1/artisan/earnings does not resolve)."""

from __future__ import annotations

from django.urls import path

from config.urls import urlpatterns as project_urlpatterns
from odopmart.api.base import OdopmartApi
from odopmart.api.v1.earnings import router

api = OdopmartApi(title="earnings", version="earnings-test", urls_namespace="api-earnings-test")
api.add_router("/", router)

urlpatterns = [
    path("api/v1/", api.urls),
    *project_urlpatterns,
]
