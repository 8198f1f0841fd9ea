"""Insights dashboard on a million order items (PostgreSQL): how long each figure takes.

    .venv/bin/python bench/insights.py                     # fill (once) and time
    BENCH_ITEMS=1000000 .venv/bin/python bench/insights.py --refill

The database (BENCH_INSIGHTS_POSTGRES_URL, default odopmart_bench_insights) is migrated and
loaded with the reference data and a demo catalogue, then filled with set-based SQL (INSERT ...
SELECT generate_series): orders spread over the last two years, one seller order each and one
to four items from the catalogue; about 3 % of orders are left unpaid and 5 % of items
cancelled, so the "sold only" filters have something to leave out. Seller orders carry the
vendor of their order's first item only: the dashboard never reads them.

Each dashboard query runs three times for this financial year and the one before; the best time
is printed, then the whole page (every query, rendered) through the Django test client.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
POSTGRES_URL = os.environ.get(
    "BENCH_INSIGHTS_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/odopmart_bench_insights"
)
ITEMS = int(os.environ.get("BENCH_ITEMS", "1000000"))
PRODUCTS = int(os.environ.get("BENCH_PRODUCTS", "3000"))


def manage(env: dict[str, str], *args: str) -> None:
    result = subprocess.run(
        [PYTHON, "manage.py", *args, "--skip-checks"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if result.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")


def ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        if not connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


# Items per order: 1 + (order number mod 4), i.e. 2.5 on average.
FILL_SQL = """
CREATE TEMP TABLE bench_products AS
  SELECT row_number() OVER (ORDER BY p.id) AS rn, p.id AS product_id, p.vendor_id, p.artisan_id,
         v.id AS variant_id, v.price_paise, p.gst_rate_bp, p.hsn_code, p.name_en, p.name_hi, v.sku
  FROM catalog_product p
  JOIN LATERAL (SELECT id, price_paise, sku FROM catalog_variant WHERE product_id = p.id
                ORDER BY id LIMIT 1) v ON true;
SELECT count(*) FROM bench_products;

INSERT INTO orders_order (id, number, buyer_id, access_token, status, payment_method, language,
  phone, email, ship_name, ship_line1, ship_line2, ship_city, ship_district, ship_pincode,
  ship_state_id, items_total_paise, shipping_total_paise, taxable_total_paise, cgst_total_paise,
  sgst_total_paise, igst_total_paise, grand_total_paise, refunded_total_paise, created_at,
  placed_at, paid_at)
SELECT %(base)s + g, 'BN' || lpad(g::text, 10, '0'), NULL, gen_random_uuid(),
  CASE WHEN g %% 33 = 0 THEN 'expired' ELSE 'delivered' END,
  CASE WHEN g %% 5 = 0 THEN 'cod' ELSE 'online' END, 'en', '+919876543210', '', 'Bench Buyer',
  '1 Bench Road', '', 'Lucknow', 'Lucknow', '226001', %(state)s, 0, 0, 0, 0, 0, 0, 0, 0,
  t.at, CASE WHEN g %% 33 = 0 THEN NULL ELSE t.at END,
  CASE WHEN g %% 33 = 0 OR g %% 5 = 0 THEN NULL ELSE t.at END
FROM generate_series(1::bigint, %(orders)s::bigint) g,
  LATERAL (SELECT now() - (((g * 7919) %% 730) || ' days')::interval
                        - (((g * 104729) %% 86400) || ' seconds')::interval AS at) t;

INSERT INTO orders_sellerorder (id, order_id, vendor_id, number, status, supply_type,
  vendor_state_code, place_of_supply_code, weight_grams, zone, items_total_paise, shipping_paise,
  shipping_taxable_paise, shipping_cgst_paise, shipping_sgst_paise, shipping_igst_paise,
  taxable_total_paise, cgst_total_paise, sgst_total_paise, igst_total_paise, grand_total_paise,
  cancel_reason, created_at)
SELECT %(so_base)s + g, %(base)s + g, bp.vendor_id, 'BN' || lpad(g::text, 10, '0') || '-1',
  'delivered', 'intra', '09', '09', 500, 'state', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '', now()
FROM generate_series(1::bigint, %(orders)s::bigint) g
JOIN bench_products bp ON bp.rn = 1 + ((g * 7919) %% %(products)s);

INSERT INTO orders_orderitem (order_id, seller_order_id, variant_id, product_id, artisan_id,
  vendor_id, status, name_en, name_hi, variant_label_en, variant_label_hi, sku, hsn_code,
  district_name_en, district_name_hi, odop_product_name_en, odop_product_name_hi, quantity,
  unit_price_paise, line_total_paise, gst_rate_bp, taxable_value_paise, cgst_paise, sgst_paise,
  igst_paise, weight_grams, pickup_address, pickup_pincode, return_window_days, refunded_paise)
SELECT %(base)s + g, %(so_base)s + g, bp.variant_id, bp.product_id, bp.artisan_id, bp.vendor_id,
  CASE WHEN g %% 33 = 0 THEN 'pending_payment' WHEN (g + k) %% 20 = 0 THEN 'cancelled'
       ELSE 'delivered' END,
  bp.name_en, bp.name_hi, '', '', bp.sku, bp.hsn_code, '', '', '', '', 1 + (g + k) %% 2,
  bp.price_paise, bp.price_paise * (1 + (g + k) %% 2), bp.gst_rate_bp,
  (bp.price_paise * (1 + (g + k) %% 2) * 10000) / (10000 + bp.gst_rate_bp), 0, 0, 0, 400,
  '', '226001', 7, 0
FROM generate_series(1::bigint, %(orders)s::bigint) g
CROSS JOIN LATERAL generate_series(1, 1 + g %% 4) k
JOIN bench_products bp ON bp.rn = 1 + ((g * 7919 + k * 104729) %% %(products)s);
"""


def fill(url: str, *, refill: bool) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=False) as connection:
        existing = connection.execute(
            "SELECT count(*) FROM orders_orderitem WHERE sku <> '' AND order_id IN "
            "(SELECT id FROM orders_order WHERE number LIKE 'BN%%')"
        ).fetchone()[0]
        if existing and not refill:
            print(f"bench items already there: {existing:,}")
            return
        started = time.monotonic()
        connection.execute(
            "DELETE FROM orders_orderitem WHERE order_id IN "
            "(SELECT id FROM orders_order WHERE number LIKE 'BN%%')"
        )
        connection.execute(
            "DELETE FROM orders_sellerorder WHERE order_id IN "
            "(SELECT id FROM orders_order WHERE number LIKE 'BN%%')"
        )
        connection.execute("DELETE FROM orders_order WHERE number LIKE 'BN%%'")
        base = connection.execute("SELECT coalesce(max(id), 0) FROM orders_order").fetchone()[0]
        so_base = connection.execute(
            "SELECT coalesce(max(id), 0) FROM orders_sellerorder"
        ).fetchone()[0]
        state = connection.execute(
            "SELECT id FROM regions_state WHERE gst_state_code = '09'"
        ).fetchone()[0]
        products = None
        params = {"base": base, "so_base": so_base, "state": state, "orders": ITEMS * 2 // 5}
        for statement in FILL_SQL.split(";\n"):
            if not statement.strip():
                continue
            if products is None and "count(*) FROM bench_products" in statement:
                products = connection.execute(statement).fetchone()[0]
                params["products"] = products
                continue
            connection.execute(statement, params)
        for table in ("orders_order", "orders_sellerorder", "orders_orderitem"):
            # Our own table names, not input.
            sql = f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"  # noqa: S608, E501
            connection.execute(sql)
        connection.commit()
        connection.execute("ANALYZE orders_order")
        connection.execute("ANALYZE orders_orderitem")
        connection.commit()
        count = connection.execute("SELECT count(*) FROM orders_orderitem").fetchone()[0]
        print(f"filled {count:,} order items over {products:,} products "
              f"in {time.monotonic() - started:.0f}s")  # fmt: skip


def best_of(fn, runs: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def time_queries() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.utils import timezone

    from odopmart.accounts.models import StaffRole, StaffRoleGrant
    from odopmart.insights import queries
    from odopmart.insights.periods import FinancialYear
    from odopmart.orders.models import OrderItem

    this_year = FinancialYear.of(timezone.localdate())
    print(f"order items in the database: {OrderItem.objects.count():,}")
    for fy in (this_year, this_year.previous):
        sold = queries.sold_items(fy.starts_on, fy.ends_before).count()
        print(f"\nFY {fy}: {sold:,} sold items")
        start = fy.starts_on
        figures = {
            "months (+totals, quarters, QoQ)": lambda fy=fy, start=start: queries.monthly(
                queries.shift_months(start, -3), fy.ends_before
            ),
            "by district": lambda fy=fy: queries.sales_by(fy, "district"),
            "by ODOP product": lambda fy=fy: queries.sales_by(fy, "odop", limit=25),
            "by category": lambda fy=fy: queries.sales_by(fy, "category", limit=25),
            "by vendor": lambda fy=fy: queries.sales_by(fy, "vendor", limit=25),
            "top products": lambda fy=fy: queries.sales_by(fy, "product", limit=10),
            "artisan earnings": lambda fy=fy: queries.artisan_earnings(fy, limit=25),
            "years with sales": queries.years_with_sales,
            "all figures (no JIT)": lambda fy=fy: queries.dashboard_figures(fy, table_limit=25),
        }
        for name, fn in figures.items():
            print(f"  {name:<32} {best_of(fn) * 1000:8.0f} ms")
    from django.conf import settings
    from django.test.utils import override_settings

    # Pages render with plain static URLs here (no collected manifest needed).
    plain_static = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    override_settings(STORAGES=plain_static, INSIGHTS={"CACHE_SECONDS": 0}).enable()
    user, _ = get_user_model().objects.get_or_create(username="bench-insights")
    StaffRoleGrant.objects.get_or_create(user=user, role=StaffRole.FINANCE)
    client = Client()
    client.force_login(user)

    def page() -> None:
        assert client.get("/seller/insights/").status_code == 200

    print(f"\nwhole dashboard page (this FY, figures computed): {best_of(page, 2) * 1000:.0f} ms")
    override_settings(INSIGHTS={"CACHE_SECONDS": 300}).enable()
    page()
    print(f"whole dashboard page (figures from the cache): {best_of(page, 3) * 1000:.0f} ms")

    def csv_export() -> None:
        response = client.get("/seller/insights/", {"export": "artisan"})
        b"".join(response.streaming_content)

    print(f"artisan CSV (every artisan): {best_of(csv_export, 2) * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--refill", action="store_true", help="replace the bench orders")
    args = parser.parse_args()
    ensure_database(POSTGRES_URL)
    env = {**os.environ, "DATABASE_URL": POSTGRES_URL}
    manage(env, "migrate", "--noinput")
    manage(env, "load_reference_data")
    import psycopg

    with psycopg.connect(POSTGRES_URL) as connection:
        have = connection.execute("SELECT count(*) FROM catalog_product").fetchone()[0]
    if have < PRODUCTS // 2:
        manage(env, "generate_demo_catalogue", "--products", str(PRODUCTS), "--artisans", "300")
    fill(POSTGRES_URL, refill=args.refill)
    os.environ["DATABASE_URL"] = POSTGRES_URL
    time_queries()


if __name__ == "__main__":
    main()
