"""Message texts per template and language.

SMS texts live here in code, not in the .po catalogue: each text must match, character for
character, the template registered on the DLT platform (INDIA_COMMERCE.md §6.1), so it changes
only together with its registration. `{name}` placeholders become `{#var#}` on DLT. The DLT
template ids themselves are deployment data: ``NOTIFICATIONS["DLT_TEMPLATE_IDS"]``.

Other apps add their templates with :func:`template_register` (from their AppConfig.ready).
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass, field

from odopmart.notifications.conf import notification_setting
from odopmart.notifications.states import Channel

FALLBACK_LANGUAGE = "en"
SECRET_MASK = "●●●●●●"  # noqa: S105 - a mask, not a password
KEYS = re.compile(r"[0-9*#]{1,12}")


class TemplateError(ValueError):
    """Unknown template, or a context that does not fill it."""


@dataclass(frozen=True)
class MessageTemplate:
    key: str
    channel: str
    texts: Mapping[str, str]
    # Context values that are secrets: never stored readable, masked in the stored body.
    secret_fields: frozenset[str] = field(default_factory=frozenset)
    # Voice templates: the keys the listener is asked to press ("123"); empty for a message
    # that only informs. The text itself says what each key means.
    keys: str = ""

    def placeholders(self, language: str) -> set[str]:
        return {
            name for _text, name, _spec, _conv in string.Formatter().parse(self.text(language))
            if name
        }  # fmt: skip

    def text(self, language: str) -> str:
        return self.texts.get(language) or self.texts[FALLBACK_LANGUAGE]

    def language_for(self, language: str) -> str:
        return language if language in self.texts else FALLBACK_LANGUAGE

    def render(self, language: str, values: Mapping[str, object]) -> str:
        missing = self.placeholders(language) - set(values)
        if missing:
            raise TemplateError(f"template {self.key!r} needs {sorted(missing)}")
        return self.text(language).format_map(dict(values))

    def dlt_text(self, language: str) -> str:
        """The text as registered on DLT, every placeholder as {#var#}."""
        return re.sub(r"\{[a-z_]+\}", "{#var#}", self.text(language))

    def dlt_template_id(self, language: str) -> str:
        ids = notification_setting("DLT_TEMPLATE_IDS").get(self.key, {})
        return str(ids.get(language, "")) if isinstance(ids, Mapping) else str(ids)


_REGISTRY: dict[str, MessageTemplate] = {}


def template_register(template: MessageTemplate) -> MessageTemplate:
    if FALLBACK_LANGUAGE not in template.texts:
        raise TemplateError(f"template {template.key!r} has no {FALLBACK_LANGUAGE} text")
    if template.keys and (template.channel != Channel.VOICE or not KEYS.fullmatch(template.keys)):
        raise TemplateError(f"template {template.key!r}: keys are digits, * or # of a voice call")
    _REGISTRY[template.key] = template
    return template


def template_get(key: str) -> MessageTemplate:
    try:
        return _REGISTRY[key]
    except KeyError:
        raise TemplateError(f"no message template {key!r}") from None


def template_list() -> list[MessageTemplate]:
    return sorted(_REGISTRY.values(), key=lambda template: template.key)


OTP_SIGNIN = template_register(
    MessageTemplate(
        key="otp_signin",
        channel=Channel.SMS,
        texts={
            "en": (
                "{code} is your odopmart sign-in code. It expires in {minutes} minutes. "
                "Do not share it."
            ),
            "hi": (
                "{code} आपका odopmart साइन-इन कोड है। यह {minutes} मिनट तक ही मान्य है। "
                "इसे किसी को न बताएं।"
            ),
        },
        secret_fields=frozenset({"code"}),
    )
)
