from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "odopmart.insights"
    label = "insights"
    verbose_name = "Insights"
