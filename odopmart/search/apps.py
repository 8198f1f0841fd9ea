from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "odopmart.search"
    label = "search"

    def ready(self) -> None:
        from odopmart.search import receivers

        receivers.connect_owner_receivers()
