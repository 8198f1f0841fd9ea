from django.db import migrations


def seed(apps, schema_editor):
    from odopmart.orders.loaders import shipping_rates_load

    shipping_rates_load(model=apps.get_model("orders", "ShippingRate"))


class Migration(migrations.Migration):
    dependencies = [("orders", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
