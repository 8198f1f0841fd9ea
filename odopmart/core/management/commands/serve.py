"""Serve the marketplace and run the task worker beside it (the embedded default of `make run`)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from odopmart.core.demo_logins import DEMO_LOGINS

SWEEP_SECONDS = 60
DAILY_SECONDS = 24 * 3600


class Command(BaseCommand):
    help = "Start gunicorn and the database task worker; stop both on Ctrl-C."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args: Any, host: str, port: int, workers: int, **options: Any) -> None:
        python = sys.executable
        worker = subprocess.Popen(  # noqa: S603 - fixed argv, our own interpreter
            [python, "manage.py", "db_worker", "--interval", "1"], cwd=settings.BASE_DIR
        )
        web = subprocess.Popen(  # noqa: S603
            [
                python,
                "-m",
                "gunicorn",
                "config.wsgi:application",
                "--bind",
                f"{host}:{port}",
                "--workers",
                str(workers),
                "--threads",
                "4",
                "--access-logfile",
                "-",
                "--log-level",
                "warning",
            ],
            cwd=settings.BASE_DIR,
        )
        url = f"http://{host}:{port}/"
        self.stdout.write(self.style.SUCCESS(f"\nodopmart is running at {url}"))
        self.stdout.write(f"  Hindi: {url}hi/   API docs: {url}api/v1/docs   Admin: {url}admin/")
        self.stdout.write("  Demo logins (demo data only):")
        for role, username, password in DEMO_LOGINS:
            self.stdout.write(f"    {role:<16} {username} / {password}")
        self.stdout.write("  Press Ctrl-C to stop.\n")

        def stop(*_: object) -> None:
            for process in (web, worker):
                if process.poll() is None:
                    process.terminate()

        signal.signal(signal.SIGTERM, stop)
        next_sweep = next_daily = time.monotonic()
        try:
            while web.poll() is None and worker.poll() is None:
                now = time.monotonic()
                if now >= next_sweep:
                    # Timed work (odopmart/core/periodic.py): expired holds, due outbox events,
                    # messages, refunds, artisan calls, shipments, revenue recognition.
                    runs = [["periodic"]]
                    if now >= next_daily:
                        runs.append(["periodic", "--daily"])
                        next_daily = now + DAILY_SECONDS
                    for arguments in runs:
                        subprocess.Popen(  # noqa: S603
                            [python, "manage.py", *arguments],
                            cwd=settings.BASE_DIR,
                            stdout=subprocess.DEVNULL,
                        )
                    next_sweep = now + SWEEP_SECONDS
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
        finally:
            stop()
            for process in (web, worker):
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
