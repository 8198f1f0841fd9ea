from django.apps import AppConfig


class InvoicingConfig(AppConfig):
    name = "odopmart.invoicing"
    label = "invoicing"

    def ready(self) -> None:
        from odopmart.invoicing import handlers

        handlers.register()
