from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "odopmart.search"
    label = "search"
