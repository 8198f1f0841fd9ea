from django.apps import AppConfig


class SettlementsConfig(AppConfig):
    name = "odopmart.settlements"
    label = "settlements"
    verbose_name = "Settlements"
