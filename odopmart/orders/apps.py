from django.apps import AppConfig


class OrdersConfig(AppConfig):
    name = "odopmart.orders"
    label = "orders"
