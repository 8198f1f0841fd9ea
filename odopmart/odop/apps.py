from django.apps import AppConfig


class OdopConfig(AppConfig):
    name = "odopmart.odop"
    label = "odop"
