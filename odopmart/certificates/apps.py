from django.apps import AppConfig


class CertificatesConfig(AppConfig):
    name = "odopmart.certificates"
    label = "certificates"
