"""TwiML for our calls: the message read in the listener's language inside a one-digit Gather,
asked twice, then a goodbye; and the replies to a keypress."""

from __future__ import annotations

from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from odopmart.notifications.conf import notification_setting

# Twilio's text-to-speech locales for our languages.
SPEECH_LANGUAGES = {"hi": "hi-IN", "en": "en-IN"}
GATHER_SECONDS = 6


def _say(text: str, language: str) -> str:
    attributes = f"language={quoteattr(SPEECH_LANGUAGES.get(language, 'en-IN'))}"
    voice = str(notification_setting("TWILIO_VOICE") or "")
    if voice:
        attributes += f" voice={quoteattr(voice)}"
    return f"<Say {attributes}>{xml_escape(text)}</Say>"


def _response(*parts: str) -> str:
    return '<?xml version="1.0" encoding="UTF-8"?><Response>' + "".join(parts) + "</Response>"


def _gather(text: str, language: str, action_url: str) -> str:
    return (
        f'<Gather input="dtmf" numDigits="1" timeout="{GATHER_SECONDS}" method="POST" '
        f"action={quoteattr(action_url)}>{_say(text, language)}</Gather>"
    )


def twiml_question(text: str, language: str, action_url: str, goodbye: str) -> str:
    """Ask, ask once more if no key came, then say goodbye."""
    gather = _gather(text, language, action_url)
    return _response(gather, gather, _say(goodbye, language), "<Hangup/>")


def twiml_say(text: str, language: str) -> str:
    return _response(_say(text, language), "<Hangup/>")


def twiml_reask(apology: str, text: str, language: str, action_url: str, goodbye: str) -> str:
    return _response(
        _say(apology, language), _gather(text, language, action_url), _say(goodbye, language),
        "<Hangup/>",
    )  # fmt: skip


def twiml_hangup() -> str:
    return _response("<Hangup/>")
