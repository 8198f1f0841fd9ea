"""The project's URLs plus a test API with the certificates router mounted, so the endpoint is
tested the way the app calls it, whether or not the real API mounts it yet."""

from __future__ import annotations

from django.urls import path

from config.urls import urlpatterns as project_urlpatterns
from odopmart.api.base import OdopmartApi
from odopmart.api.v1.certificates import router

api = OdopmartApi(title="certificates test", version="1", urls_namespace="certificates-test-api")
api.add_router("/", router)

urlpatterns = [path("test-api/v1/", api.urls), *project_urlpatterns]
