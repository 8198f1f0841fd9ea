from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "odopmart.api"
    label = "api"
