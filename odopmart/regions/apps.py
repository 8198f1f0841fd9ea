from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "odopmart.regions"
    label = "regions"
