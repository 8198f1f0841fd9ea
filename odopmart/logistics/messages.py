"""Texts of the messages logistics sends, per language (registered with the notification
outbox when the app loads). Each SMS text must match its DLT registration character for
character, so they live here in code rather than in the .po catalogue."""

from __future__ import annotations

from odopmart.notifications.message_templates import MessageTemplate, template_register
from odopmart.notifications.states import Channel

PICKUP_ARTISAN = "logistics_pickup_artisan"
BUYER_PICKED_UP = "logistics_buyer_picked_up"
BUYER_OUT_FOR_DELIVERY = "logistics_buyer_out_for_delivery"
BUYER_OUT_FOR_DELIVERY_COD = "logistics_buyer_out_for_delivery_cod"
BUYER_DELIVERED = "logistics_buyer_delivered"

# Buyer messages per shipment milestone: (SMS template, e-mail template).
BUYER_MESSAGES = {
    "picked_up": (BUYER_PICKED_UP, BUYER_PICKED_UP + "_email"),
    "out_for_delivery": (BUYER_OUT_FOR_DELIVERY, BUYER_OUT_FOR_DELIVERY + "_email"),
    "out_for_delivery_cod": (BUYER_OUT_FOR_DELIVERY_COD, BUYER_OUT_FOR_DELIVERY_COD + "_email"),
    "delivered": (BUYER_DELIVERED, BUYER_DELIVERED + "_email"),
}

_TEXTS: dict[str, dict[str, str]] = {
    PICKUP_ARTISAN: {
        "en": (
            "odopmart: a courier will collect order {order} ({items}) from your home on {date} "
            "between {start} and {end}. Keep it packed. Shipment {shipment}"
        ),
        "hi": (
            "odopmart: ऑर्डर {order} ({items}) लेने कूरियर {date} को {start} से {end} के बीच "
            "आपके घर आएगा। सामान पैक करके रखें। शिपमेंट {shipment}"
        ),
    },
    BUYER_PICKED_UP: {
        "en": (
            "odopmart: your order {order} has left the artisan's workshop with {courier}. "
            "Tracking number {awb}."
        ),
        "hi": (
            "odopmart: आपका ऑर्डर {order} कारीगर के यहाँ से {courier} के साथ रवाना हो गया है। "
            "ट्रैकिंग नंबर {awb}।"
        ),
    },
    BUYER_OUT_FOR_DELIVERY: {
        "en": "odopmart: your order {order} is out for delivery today ({courier}, {awb}).",
        "hi": "odopmart: आपका ऑर्डर {order} आज डिलीवरी के लिए निकल चुका है ({courier}, {awb})।",
    },
    BUYER_OUT_FOR_DELIVERY_COD: {
        "en": (
            "odopmart: your order {order} is out for delivery today ({courier}, {awb}). "
            "Please keep {amount} ready to pay on delivery."
        ),
        "hi": (
            "odopmart: आपका ऑर्डर {order} आज डिलीवरी के लिए निकल चुका है ({courier}, {awb})। "
            "डिलीवरी पर देने के लिए {amount} तैयार रखें।"
        ),
    },
    BUYER_DELIVERED: {
        "en": (
            "odopmart: your order {order} has been delivered. Your order page shows where and "
            "by whom it was made."
        ),
        "hi": (
            "odopmart: आपका ऑर्डर {order} पहुँच गया है। यह कहाँ और किसने बनाया, यह आपके ऑर्डर पेज पर देखें।"
        ),
    },
}


def register_templates() -> None:
    template_register(
        MessageTemplate(key=PICKUP_ARTISAN, channel=Channel.SMS, texts=_TEXTS[PICKUP_ARTISAN])
    )
    for sms_key, email_key in BUYER_MESSAGES.values():
        template_register(MessageTemplate(key=sms_key, channel=Channel.SMS, texts=_TEXTS[sms_key]))
        template_register(
            MessageTemplate(key=email_key, channel=Channel.EMAIL, texts=_TEXTS[sms_key])
        )
