"""Storefront test setup: compiled Hindi catalogue, no page cache, fresh reference caches."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.utils import translation


def _compile_stale_catalogues() -> None:
    """Compile .po files whose .mo is missing or older (a plain `pytest` run needs no `make`)."""
    from odopmart.storefront.management.commands.compile_translations import compile_po

    compiled = False
    for locale_dir in settings.LOCALE_PATHS:
        for po in Path(locale_dir).rglob("*.po"):
            mo = po.with_suffix(".mo")
            if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
                compile_po(po)
                compiled = True
    if compiled:
        # Forget catalogues loaded before the compile (what Django does when LOCALE_PATHS change).
        setting_changed.send(
            sender=None, setting="LOCALE_PATHS", value=settings.LOCALE_PATHS, enter=False
        )


@pytest.fixture(scope="session", autouse=True)
def _translations_compiled() -> None:
    _compile_stale_catalogues()


@pytest.fixture(autouse=True)
def _english_between_requests() -> Iterator[None]:
    """A request to /hi/ leaves Hindi active in the thread; tests start in the default."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _no_page_cache(settings: pytest.FixtureRequest) -> Iterator[None]:
    settings.CACHE_PAGE_SECONDS = 0  # type: ignore[attr-defined]
    cache.clear()
    yield
    cache.clear()
