"""SMS and email texts sent to a complainant. SMS texts must match their DLT registration
character for character, so they live here in code (see notifications.message_templates)."""

from __future__ import annotations

from odopmart.notifications.message_templates import MessageTemplate, template_register
from odopmart.notifications.states import Channel

RECEIVED = "grievance_received"
REPLIED = "grievance_replied"
RESOLVED = "grievance_resolved"

_TEXTS: dict[str, dict[str, str]] = {
    RECEIVED: {
        "en": (
            "odopmart: we have received your complaint. Ticket {ticket}. We will respond by "
            "{acknowledge_by} and resolve it by {resolve_by}. Track it at {url}"
        ),
        "hi": (
            "odopmart: आपकी शिकायत हमें मिल गई है। टिकट {ticket}। हम {acknowledge_by} तक जवाब "
            "देंगे और {resolve_by} तक इसका समाधान करेंगे। स्थिति यहाँ देखें: {url}"
        ),
    },
    REPLIED: {
        "en": "odopmart: there is a reply on your complaint {ticket}. Read it at {url}",
        "hi": "odopmart: आपकी शिकायत {ticket} पर जवाब आया है। यहाँ पढ़ें: {url}",
    },
    RESOLVED: {
        "en": "odopmart: your complaint {ticket} has been resolved. Details at {url}",
        "hi": "odopmart: आपकी शिकायत {ticket} का समाधान हो गया है। विवरण यहाँ देखें: {url}",
    },
}


def email_key(key: str) -> str:
    return f"{key}_email"


def register_templates() -> None:
    for key, texts in _TEXTS.items():
        template_register(MessageTemplate(key=key, channel=Channel.SMS, texts=texts))
        template_register(MessageTemplate(key=email_key(key), channel=Channel.EMAIL, texts=texts))
