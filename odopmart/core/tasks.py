from __future__ import annotations

from django_tasks import task


@task()
def heartbeat() -> str:
    """A no-op task; its age in the queue tells whether a worker is running."""
    return "ok"
