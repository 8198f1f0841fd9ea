from django.apps import AppConfig


class StorefrontConfig(AppConfig):
    name = "odopmart.storefront"
    label = "storefront"

    def ready(self) -> None:
        from odopmart.storefront import receivers

        receivers.connect()
