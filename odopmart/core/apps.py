from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "odopmart.core"
    label = "core"
