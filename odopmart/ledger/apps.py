from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "odopmart.ledger"
    label = "ledger"
