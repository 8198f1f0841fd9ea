from django.apps import AppConfig


class FulfilmentConfig(AppConfig):
    name = "odopmart.fulfilment"
    label = "fulfilment"
