"""An index on when orders were placed (paid or COD confirmed), for the operator's insights:
the first sale (MIN) is read from it, and period filters on placed_at can use it. Partial:
unpaid orders (placed_at NULL) are never looked up by it.

Written as SQL so the Order model's state is unchanged (the insights app owns the need).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("orders", "0002_seed_shipping_rates")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS order_placed_at_idx ON orders_order (placed_at) "
            "WHERE placed_at IS NOT NULL",
            reverse_sql="DROP INDEX IF EXISTS order_placed_at_idx",
        )
    ]
