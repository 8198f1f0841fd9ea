from django.apps import AppConfig


class InvoicingConfig(AppConfig):
    name = "odopmart.invoicing"
    label = "invoicing"
