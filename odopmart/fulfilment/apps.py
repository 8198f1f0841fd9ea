from django.apps import AppConfig


class FulfilmentConfig(AppConfig):
    name = "odopmart.fulfilment"
    label = "fulfilment"

    def ready(self) -> None:
        from odopmart.core.outbox import outbox_register
        from odopmart.fulfilment import message_texts, services
        from odopmart.fulfilment.ivr import ivr_answer
        from odopmart.notifications.ivr import ivr_register_handler

        message_texts.message_texts_register()
        ivr_register_handler(message_texts.ASK_CALL, ivr_answer)
        outbox_register("order.paid", services.on_order_confirmed)
        outbox_register("order.cod_confirmed", services.on_order_confirmed)
        outbox_register("item.cancelled", services.on_items_cancelled)
        outbox_register("order.cancelled", services.on_items_cancelled)
