from django.apps import AppConfig


class GrievancesConfig(AppConfig):
    name = "odopmart.grievances"
    label = "grievances"
    verbose_name = "Grievances"

    def ready(self) -> None:
        from odopmart.grievances.messages import register_templates

        register_templates()
