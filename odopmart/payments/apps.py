from django.apps import AppConfig


class PaymentsConfig(AppConfig):
    name = "odopmart.payments"
    label = "payments"
