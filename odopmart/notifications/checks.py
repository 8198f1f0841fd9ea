"""System checks: a provider path that does not import fails at start-up, not at the first send."""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Error, Warning, register
from django.utils.module_loading import import_string

from odopmart.notifications.conf import notification_setting
from odopmart.notifications.providers import PROVIDER_SETTINGS, BaseProvider


@register()
def check_providers(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    errors: list[CheckMessage] = []
    for channel, name in PROVIDER_SETTINGS.items():
        path = notification_setting(name)
        try:
            provider = import_string(path)
        except ImportError as error:
            errors.append(
                Error(
                    f"NOTIFICATIONS[{name!r}] = {path!r} does not import: {error}",
                    id="notifications.E001",
                )
            )
            continue
        if not (isinstance(provider, type) and issubclass(provider, BaseProvider)):
            errors.append(
                Error(
                    f"NOTIFICATIONS[{name!r}] ({path}) is not a {channel} provider class",
                    id="notifications.E002",
                )
            )
            continue
        missing = [
            setting
            for setting in getattr(provider, "required_settings", ())
            if not notification_setting(setting)
        ]
        if missing:
            errors.append(
                Warning(
                    f"NOTIFICATIONS[{name!r}] is {path} but {', '.join(missing)} is not set: "
                    "its messages will fail or their reports will be refused",
                    hint="Set them in the environment (see odopmart/notifications/conf.py).",
                    id="notifications.W001",
                )
            )
    return errors
