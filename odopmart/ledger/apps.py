from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "odopmart.ledger"
    label = "ledger"

    def ready(self) -> None:
        from odopmart.ledger import handlers

        handlers.register()
