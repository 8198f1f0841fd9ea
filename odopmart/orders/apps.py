from django.apps import AppConfig


class OrdersConfig(AppConfig):
    name = "odopmart.orders"
    label = "orders"

    def ready(self) -> None:
        from odopmart.orders import receivers  # noqa: F401 - connects the receivers
