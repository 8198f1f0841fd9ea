from __future__ import annotations

from datetime import timedelta

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_tasks import task_backends


def _database_status() -> dict[str, object]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - a health check reports any failure
        return {"ok": False, "error": exc.__class__.__name__}
    return {"ok": True, "vendor": connection.vendor}


def _task_queue_status() -> dict[str, object]:
    backend = task_backends["default"]
    status: dict[str, object] = {"backend": backend.__class__.__name__}
    if backend.__class__.__name__ != "DatabaseBackend":
        status["ok"] = True
        return status
    from django_tasks_db.models import DBTaskResult

    try:
        stale_before = timezone.now() - timedelta(minutes=10)
        ready = DBTaskResult.objects.ready()
        status["ready"] = ready.count()
        # Ready tasks waiting more than 10 minutes mean no worker is taking them.
        status["stuck"] = ready.filter(enqueued_at__lt=stale_before).count()
        status["ok"] = status["stuck"] == 0
    except Exception as exc:  # noqa: BLE001
        status.update(ok=False, error=exc.__class__.__name__)
    return status


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    database = _database_status()
    tasks = _task_queue_status() if database["ok"] else {"ok": False, "error": "database down"}
    healthy = bool(database["ok"] and tasks["ok"])
    return JsonResponse(
        {"status": "ok" if healthy else "unhealthy", "database": database, "tasks": tasks},
        status=200 if healthy else 503,
    )


def ping(request: HttpRequest) -> HttpResponse:
    """The cheapest Django response: the benchmark's ceiling for a view."""
    return HttpResponse("pong", content_type="text/plain")
