from django.apps import AppConfig


class SellersConfig(AppConfig):
    name = "odopmart.sellers"
    label = "sellers"
