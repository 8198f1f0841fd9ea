from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "odopmart.notifications"
    label = "notifications"
