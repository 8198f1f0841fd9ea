"""Benchmark the storefront and API under gunicorn against the demo catalogue.

    make bench                       # PostgreSQL database odopmart_bench at 127.0.0.1 (DESIGN.md)
    BENCH_DATABASE_URL=sqlite:///var/odopmart.sqlite3 .venv/bin/python bench/run.py

Prepares the database (migrate, reference data, demo catalogue if empty), starts gunicorn with
2 workers, and for each URL runs `wrk` (8 connections, BENCH_SECONDS each) — or, where wrk is
not installed, a small threaded Python client — and prints requests/s, p50 and p99, one line each.
A static file and a trivial Django view are measured too: the machine's ceiling.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/odopmart_bench"
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def ensure_postgres_database(url: str) -> None:
    if not url.startswith("postgres"):
        return
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bench_urls(env: dict[str, str]) -> list[tuple[str, str]]:
    """Representative URLs, resolved inside Django so they follow the URL configuration."""
    script = (
        "import django; django.setup();"
        "from django.urls import reverse;"
        "from django.contrib.staticfiles.storage import staticfiles_storage as s;"
        "from odopmart.catalog.models import Product, Category;"
        "from odopmart.regions.models import District;"
        "p = Product.objects.visible().order_by('id')[100];"
        "d = District.objects.get(slug='lucknow');"
        "c = Category.objects.get(slug='pottery-glass');"
        "print(s.url('storefront/css/site.css'));"
        "print(reverse('storefront:home'));"
        "print(reverse('storefront:district', args=[d.slug]));"
        "print(reverse('storefront:category', args=[c.slug]));"
        "print(p.get_absolute_url());"
        "print(reverse('storefront:search') + '?q=chikan');"
    )
    out = subprocess.run(
        [PYTHON, "-c", script], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout.split()
    static, home, district, category, product, search = out
    return [
        ("static file", static),
        ("trivial view", "/ping"),
        ("home", home),
        ("district", district),
        ("category", category),
        ("product", product),
        ("search", search),
        ("api products", "/api/v1/products?district=varanasi"),
    ]


_WRK_RPS = re.compile(r"Requests/sec:\s+([\d.]+)")
_WRK_PCT = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.M)
_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def run_wrk(url: str) -> tuple[float, float, float]:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    if "Non-2xx" in out:
        raise SystemExit(f"non-2xx responses from {url}:\n{out}")
    rps = float(_WRK_RPS.search(out).group(1))  # type: ignore[union-attr]
    pct = {m[0]: float(m[1]) * _UNIT_MS[m[2]] for m in _WRK_PCT.findall(out)}
    return rps, pct["50"], pct["99"]


def run_python_client(url: str) -> tuple[float, float, float]:
    latencies: list[float] = []
    lock = threading.Lock()
    deadline = time.monotonic() + SECONDS

    def worker() -> None:
        local = []
        while time.monotonic() < deadline:
            started = time.perf_counter()
            with urllib.request.urlopen(url) as response:  # noqa: S310 - loopback only
                response.read()
            local.append((time.perf_counter() - started) * 1000)
        with lock:
            latencies.extend(local)

    threads = [threading.Thread(target=worker) for _ in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return len(latencies) / SECONDS, statistics.median(latencies), p99


def main() -> None:
    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB)
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "LOG_LEVEL": "ERROR",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    ensure_postgres_database(database_url)
    print(f"preparing {database_url} …", flush=True)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "compile_translations")
    manage(env, "load_reference_data")
    manage(env, "generate_demo_catalogue", "--if-empty")
    manage(env, "collectstatic", "--noinput", "-v0")

    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    lines = []
    urls = bench_urls(env)
    # First as deployed (anonymous pages cached), then with the page cache off: the cost of
    # rendering every page from the database.
    for cache_seconds, title in (("60", "page cache on"), ("0", "page cache off")):
        server_env = {**env, "CACHE_PAGE_SECONDS": cache_seconds}
        chosen = urls if cache_seconds != "0" else [u for u in urls if u[0] in PAGES]
        lines += run_pass(server_env, chosen, title)
    (results / "latest.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


PAGES = ("home", "district", "category", "product", "search")


def run_pass(env: dict[str, str], urls: list[tuple[str, str]], title: str) -> list[str]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "error",
        ],
        cwd=ROOT,
        env=env,
    )
    lines = []
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/ping")  # noqa: S310
                break
            except OSError:
                time.sleep(0.1)
        client = run_wrk if shutil.which("wrk") else run_python_client
        tool = "wrk" if client is run_wrk else "python client"
        header = (
            f"== {title}: gunicorn 2 workers, {tool}, {CONNECTIONS} connections,"
            f" {SECONDS} s per URL"
        )
        print(header, flush=True)
        lines.append(header)
        for label, path in urls:
            for _ in range(20):  # warm caches and connections
                urllib.request.urlopen(base + path).read()  # noqa: S310
            rps, p50, p99 = client(base + path)
            line = (
                f"{label:<14} {rps:>9.1f} req/s   p50 {p50:>6.1f} ms   p99 {p99:>6.1f} ms   {path}"
            )
            print(line, flush=True)
            lines.append(line)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return lines


if __name__ == "__main__":
    main()
