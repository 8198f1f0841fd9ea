from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "odopmart.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self) -> None:
        from odopmart.notifications import checks  # noqa: F401  (registers the system check)
