from django.apps import AppConfig


class StorefrontConfig(AppConfig):
    name = "odopmart.storefront"
    label = "storefront"
