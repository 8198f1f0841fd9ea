"""Checkout throughput: orders placed and paid per second with buyers contending for popular
items, and the stock race, on SQLite (file) and PostgreSQL.

    .venv/bin/python bench/checkout.py                 # both databases
    .venv/bin/python bench/checkout.py --db sqlite     # or: --db postgres
    BENCH_THREADS=8 BENCH_SECONDS=15 .venv/bin/python bench/checkout.py

Each database is prepared first (migrate, reference data). Then BENCH_THREADS buyer threads,
for BENCH_SECONDS, each build a guest cart (one of a few popular items plus one other item),
place the order (stock held by conditional UPDATE) and pay it through the sandbox gateway's
own path (gateway order, signed webhook, capture) when the payments app provides it, otherwise
by confirming the payment directly; the script says which. Popular items start with little stock
so they sell out during the run: the check at the end is that units sold equal the stock taken
and no stock is negative. A last-unit race (threads for one unit) must give exactly one order.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
POSTGRES_URL = os.environ.get(
    "BENCH_CHECKOUT_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/odopmart_bench_checkout"
)
SQLITE_PATH = ROOT / "var" / "bench_checkout.sqlite3"
THREADS = int(os.environ.get("BENCH_THREADS", "8"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
POPULAR = 4  # items every buyer wants
POPULAR_STOCK = int(os.environ.get("BENCH_POPULAR_STOCK", "12"))


def manage(env: dict[str, str], *args: str) -> None:
    result = subprocess.run(
        [PYTHON, "manage.py", *args, "--skip-checks"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if result.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")


def ensure_postgres_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        if not connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def prepare(url: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
    }
    if url.startswith("postgres"):
        ensure_postgres_database(url)
    manage(env, "migrate", "--noinput")
    manage(env, "load_reference_data")
    return env


# --- inside one database (a child process with DATABASE_URL set) --------------------------------


def _catalogue(run: str):  # noqa: ANN202 - Django models only importable after setup
    from odopmart.catalog.models import Category, Product, ProductStatus, Variant
    from odopmart.odop.models import OdopProduct
    from odopmart.regions.models import District, State
    from odopmart.sellers.models import Artisan, Vendor, VendorStatus, VendorType

    lucknow = District.objects.get(slug="lucknow")
    odop = OdopProduct.objects.filter(district=lucknow).first()
    category = Category.objects.get(slug="clothing")
    state = State.objects.get(gst_state_code="09")
    variants = []
    for v in range(3):
        vendor = Vendor.objects.create(
            name_en=f"Bench vendor {run}-{v}", name_hi="बेंच", slug=f"bench-{run}-{v}",
            type=VendorType.COOPERATIVE, gstin=f"09BNCH{run[:4].upper()}{v}Z1Z{v}",
            state=state, address="Lucknow", pincode="226001", status=VendorStatus.APPROVED,
        )  # fmt: skip
        artisan = Artisan.objects.create(
            vendor=vendor, name_en=f"Artisan {run}-{v}", name_hi="कारीगर",
            slug=f"bench-a-{run}-{v}", craft_en="Chikankari", craft_hi="चिकनकारी",
            district=lucknow, town="Chowk", pincode="226003",
        )  # fmt: skip
        for p in range(4):
            product = Product.objects.create(
                slug=f"bench-{run}-{v}-{p}", name_en=f"Bench kurta {v}-{p}", name_hi="कुर्ता",
                description_en="x", description_hi="x", category=category, odop_product=odop,
                district=lucknow, artisan=artisan, vendor=vendor, hsn_code="6204",
                gst_rate_bp=500, status=ProductStatus.APPROVED,
            )  # fmt: skip
            popular = len(variants) < POPULAR
            variants.append(
                Variant.objects.create(
                    product=product,
                    sku=f"B-{run}-{v}-{p}",
                    label_en="One size",
                    mrp_paise=150000,
                    price_paise=120000 + 1000 * p,
                    stock=POPULAR_STOCK if popular else 1_000_000,
                    weight_grams=400,
                    length_mm=300,
                    width_mm=200,
                    height_mm=50,
                )  # fmt: skip
            )
    return variants[:POPULAR], variants[POPULAR:]


def _payer():  # noqa: ANN202
    """Pay through the sandbox gateway's own path if the payments app has it."""
    try:
        from odopmart.payments.providers.sandbox import sandbox_click
        from odopmart.payments.services import payment_start, webhook_receive
    except ImportError:
        from odopmart.orders.services import order_confirm_paid

        return "confirmed directly (orders.services.order_confirm_paid)", (
            lambda order: order_confirm_paid(order, payment=None)
        )

    def pay(order) -> None:  # noqa: ANN001
        start = payment_start(order, provider="sandbox")
        click = sandbox_click(start.payment, "captured")
        webhook_receive("sandbox", click.webhook_body.encode(), click.webhook_headers)

    return "sandbox gateway (payment_start, signed webhook, capture)", pay


def child(label: str) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from django.db import close_old_connections, connection

    from odopmart.catalog.models import Variant
    from odopmart.orders.cart import cart_add
    from odopmart.orders.exceptions import OrderError
    from odopmart.orders.models import Cart, Order, OrderItem
    from odopmart.orders.services import DeliveryAddress, place_order
    from odopmart.orders.states import OrderStatus

    run = f"{int(time.time()) % 10**6:06d}{random.randint(0, 99):02d}"  # noqa: S311
    popular, others = _catalogue(run)
    how, pay = _payer()
    address = DeliveryAddress(name="Bench Buyer", line1="1 Road", city="Lucknow", pincode="226001")
    # Warm up (URL configuration, templates, connections) outside the timed run.
    warm = Cart.objects.create()
    cart_add(warm, others[-1].pk, 1)
    pay(place_order(
        cart=warm, buyer=None, phone="+919876543210", email="", address=address,
        payment_method="online", language="en",
    ))  # fmt: skip
    lock = threading.Lock()
    counts = {"paid": 0, "sold_out": 0, "errors": 0}
    errors: list[str] = []
    deadline = time.monotonic() + SECONDS

    def buyer(seed: int) -> None:
        rng = random.Random(seed)  # noqa: S311
        close_old_connections()
        try:
            while time.monotonic() < deadline:
                try:
                    cart = Cart.objects.create()
                    cart_add(cart, rng.choice(popular).pk, 1)
                    cart_add(cart, rng.choice(others).pk, 1)
                except OrderError:
                    counts_add("sold_out")
                    continue
                try:
                    order = place_order(
                        cart=cart, buyer=None, phone="+919876543210", email="",
                        address=address, payment_method="online", language="en",
                    )  # fmt: skip
                    pay(order)
                    counts_add("paid")
                except OrderError:
                    counts_add("sold_out")
                except Exception as error:  # noqa: BLE001 - counted and shown
                    counts_add("errors")
                    with lock:
                        errors.append(f"{type(error).__name__}: {error}")
        finally:
            connection.close()

    def counts_add(key: str) -> None:
        with lock:
            counts[key] += 1

    started = time.monotonic()
    threads = [threading.Thread(target=buyer, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started

    ids = [v.pk for v in popular + others]
    paid_items = OrderItem.objects.filter(variant_id__in=ids, order__status=OrderStatus.PLACED)
    sold = dict.fromkeys(ids, 0)
    for variant_id, quantity in paid_items.values_list("variant_id", "quantity"):
        sold[variant_id] += quantity
    stock = dict(Variant.objects.filter(pk__in=ids).values_list("pk", "stock"))
    popular_ok = all(POPULAR_STOCK - stock[v.pk] == sold[v.pk] for v in popular)
    others_ok = all(1_000_000 - stock[v.pk] == sold[v.pk] for v in others)
    negative = Variant.objects.filter(stock__lt=0).count()
    sold_out = sum(1 for v in popular if stock[v.pk] == 0)
    unpaid = (
        Order.objects.filter(items__variant_id__in=ids, status=OrderStatus.PENDING_PAYMENT)
        .distinct()
        .count()
    )

    # The last unit: every thread at once, one winner.
    last = others[0]
    Variant.objects.filter(pk=last.pk).update(stock=1)
    carts = []
    for _ in range(THREADS):
        cart = Cart.objects.create()
        cart_add(cart, last.pk, 1)
        carts.append(cart)
    barrier = threading.Barrier(THREADS)
    winners: list[int] = []

    def racer(index: int) -> None:
        close_old_connections()
        try:
            barrier.wait()
            place_order(
                cart=carts[index], buyer=None, phone="+919876543210", email="",
                address=address, payment_method="online", language="en",
            )  # fmt: skip
            with lock:
                winners.append(index)
        except OrderError:
            pass
        finally:
            connection.close()

    racers = [threading.Thread(target=racer, args=(n,)) for n in range(THREADS)]
    for thread in racers:
        thread.start()
    for thread in racers:
        thread.join()
    last_stock = Variant.objects.get(pk=last.pk).stock

    print(f"{label}: {counts['paid'] / elapsed:.1f} orders/s placed and paid "
          f"({counts['paid']} in {elapsed:.1f} s, {THREADS} threads; payment: {how})")  # fmt: skip
    print(f"  refused as sold out: {counts['sold_out']}; errors: {counts['errors']}; "
          f"popular items sold out: {sold_out}/{POPULAR}; unpaid left: {unpaid}")  # fmt: skip
    ok = popular_ok and others_ok and negative == 0
    print(f"  stock race: units sold == stock taken: {'yes' if popular_ok and others_ok else 'NO'}"
          f"; negative stock rows: {negative}; last unit: {len(winners)} order(s) of {THREADS}"
          f" buyers, stock now {last_stock}")  # fmt: skip
    for line in sorted(set(errors))[:5]:
        print(f"  error: {line[:300]}")
    if not ok or len(winners) != 1 or last_stock != 0:
        raise SystemExit(f"{label}: STOCK RACE FAILED")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    targets = []
    if args.db in ("sqlite", "both"):
        targets.append(("SQLite", f"sqlite:///{SQLITE_PATH}"))
    if args.db in ("postgres", "both"):
        targets.append(("PostgreSQL", POSTGRES_URL))
    failed = False
    for label, url in targets:
        env = prepare(url)
        result = subprocess.run(
            [PYTHON, str(Path(__file__).resolve()), "--child", label],
            cwd=ROOT,
            env=env,
            check=False,
        )
        failed = failed or result.returncode != 0
    if failed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
