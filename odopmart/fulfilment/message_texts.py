"""The messages of the readiness loop, as fixed templates with variables (DLT, INDIA_COMMERCE.md
§6.1): the texts live in code, not in the .po catalogue, because each must match its DLT
registration character for character. Registered with the notifications registry at app start.
"""

from __future__ import annotations

from odopmart.notifications.message_templates import MessageTemplate, template_register
from odopmart.notifications.states import Channel

ASK_SMS = "readiness_ask_sms"
ASK_CALL = "readiness_ask_call"
BUYER_DATE_MOVED_SMS = "readiness_buyer_date_moved_sms"
CANNOT_MAKE_ALERT_SMS = "readiness_cannot_make_alert_sms"
CANNOT_MAKE_ALERT_EMAIL = "readiness_cannot_make_alert_email"
UNRESOLVED_ALERT_SMS = "readiness_unresolved_alert_sms"
UNRESOLVED_ALERT_EMAIL = "readiness_unresolved_alert_email"

TEMPLATES = (
    MessageTemplate(
        key=ASK_SMS,
        channel=Channel.SMS,
        texts={
            "en": (
                "odopmart order {order_number}: {quantity} x {item}. Please keep it ready by "
                "{ready_by}. Answer here: {link} or on our call."
            ),
            "hi": (
                "odopmart ऑर्डर {order_number}: {item}, {quantity} नग। कृपया {ready_by} तक "
                "तैयार रखें। जवाब यहाँ दें: {link} या हमारे कॉल पर।"
            ),
        },
    ),
    MessageTemplate(
        key=ASK_CALL,
        channel=Channel.VOICE,
        keys="123",
        texts={
            "en": (
                "Namaste, this is odopmart. A buyer has ordered your {item}, {quantity} "
                "pieces, order number {order_number}. Press 1 if it will be ready by {ready_by}. "
                "Press 2 if you need more days. Press 3 if you cannot make it."
            ),
            "hi": (
                "नमस्ते, odopmart से बोल रहे हैं। एक ग्राहक ने आपका {item} मँगाया है, "
                "{quantity} नग, ऑर्डर नंबर {order_number}। अगर यह {ready_by} तक तैयार हो "
                "जाएगा, तो 1 दबाइए। अगर और दिन चाहिए, तो 2 दबाइए। अगर आप इसे नहीं बना "
                "पाएँगे, तो 3 दबाइए।"
            ),
        },
    ),
    MessageTemplate(
        key=BUYER_DATE_MOVED_SMS,
        channel=Channel.SMS,
        texts={
            "en": (
                "odopmart: the maker of your order {order_number} needs a little more time. "
                "It will now leave their workshop by {ready_by}. Sorry for the wait."
            ),
            "hi": (
                "odopmart: आपके ऑर्डर {order_number} के कारीगर को थोड़ा और समय चाहिए। अब यह "
                "{ready_by} तक उनके यहाँ से भेजा जाएगा। इंतज़ार के लिए क्षमा करें।"
            ),
        },
    ),
    MessageTemplate(
        key=CANNOT_MAKE_ALERT_SMS,
        channel=Channel.SMS,
        texts={
            "en": (
                "odopmart: {artisan} cannot make order {order_number} ({item}). Please give it "
                "to another artisan or cancel it in the seller centre by {due}."
            ),
            "hi": (
                "odopmart: {artisan} ऑर्डर {order_number} ({item}) नहीं बना पाएँगे। कृपया "
                "{due} तक विक्रेता केंद्र में इसे किसी दूसरे कारीगर को दें या रद्द करें।"
            ),
        },
    ),
    MessageTemplate(
        key=CANNOT_MAKE_ALERT_EMAIL,
        channel=Channel.EMAIL,
        texts={
            "en": (
                "{artisan} cannot make order {order_number} ({item}).\n\nPlease give it to "
                "another artisan of yours who makes the same product, or cancel it (the buyer "
                "is refunded), by {due}:\n{url}\n\nodopmart helpline: {helpline}"
            ),
            "hi": (
                "{artisan} ऑर्डर {order_number} ({item}) नहीं बना पाएँगे।\n\nकृपया {due} तक "
                "इसे अपने किसी दूसरे कारीगर को दें जो यही उत्पाद बनाते हैं, या इसे रद्द करें "
                "(ग्राहक को पैसे लौटा दिए जाएँगे):\n{url}\n\nodopmart हेल्पलाइन: {helpline}"
            ),
        },
    ),
    MessageTemplate(
        key=UNRESOLVED_ALERT_SMS,
        channel=Channel.SMS,
        texts={
            "en": (
                "odopmart: order {order_number} ({item}, artisan {artisan}) is still not "
                "confirmed and our helpline could not settle it. Please reassign or cancel it "
                "in the seller centre."
            ),
            "hi": (
                "odopmart: ऑर्डर {order_number} ({item}, कारीगर {artisan}) अब तक पक्का नहीं "
                "हुआ और हमारी हेल्पलाइन भी इसे सुलझा नहीं पाई। कृपया विक्रेता केंद्र में इसे दूसरे "
                "कारीगर को दें या रद्द करें।"
            ),
        },
    ),
    MessageTemplate(
        key=UNRESOLVED_ALERT_EMAIL,
        channel=Channel.EMAIL,
        texts={
            "en": (
                "Order {order_number} ({item}, artisan {artisan}) is still not confirmed and "
                "our helpline could not settle it in time.\n\nPlease give it to another artisan "
                "who makes the same product, or cancel it (the buyer is refunded):\n{url}\n\n"
                "odopmart helpline: {helpline}"
            ),
            "hi": (
                "ऑर्डर {order_number} ({item}, कारीगर {artisan}) अब तक पक्का नहीं हुआ और हमारी "
                "हेल्पलाइन समय पर इसे सुलझा नहीं पाई।\n\nकृपया इसे किसी दूसरे कारीगर को दें जो "
                "यही उत्पाद बनाते हैं, या इसे रद्द करें (ग्राहक को पैसे लौटा दिए जाएँगे):\n"
                "{url}\n\nodopmart हेल्पलाइन: {helpline}"
            ),
        },
    ),
)


def message_texts_register() -> None:
    for template in TEMPLATES:
        template_register(template)
