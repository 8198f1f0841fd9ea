from django.apps import AppConfig


class CertificatesConfig(AppConfig):
    name = "odopmart.certificates"
    label = "certificates"

    def ready(self) -> None:
        from odopmart.certificates.handlers import on_seller_order_shipped
        from odopmart.core.outbox import outbox_register

        outbox_register("seller_order.shipped", on_seller_order_shipped)
