from django.apps import AppConfig


class LogisticsConfig(AppConfig):
    name = "odopmart.logistics"
    label = "logistics"
