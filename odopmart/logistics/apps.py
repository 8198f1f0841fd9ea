from django.apps import AppConfig


class LogisticsConfig(AppConfig):
    name = "odopmart.logistics"
    label = "logistics"
    verbose_name = "Logistics"

    def ready(self) -> None:
        from odopmart.logistics.messages import register_templates

        register_templates()
