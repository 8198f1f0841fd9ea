from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "odopmart.catalog"
    label = "catalog"
