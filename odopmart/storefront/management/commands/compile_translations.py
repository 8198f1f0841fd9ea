"""Compile every .po file under LOCALE_PATHS and the apps' own `locale` folders to .mo with
polib (no GNU gettext needed)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def compile_po(po_path: Path) -> tuple[Path, int]:
    """Write `<name>.mo` beside `po_path`; returns (mo path, translated entries).

    Fuzzy and untranslated entries are left out, as msgfmt does. The file is written to a
    temporary name and moved into place, so parallel runs never leave a half-written catalogue.
    """
    catalogue = polib.pofile(str(po_path))
    mo_path = po_path.with_suffix(".mo")
    handle, temporary = tempfile.mkstemp(dir=po_path.parent, suffix=".mo.tmp")
    os.close(handle)
    try:
        catalogue.save_as_mofile(temporary)
        os.replace(temporary, mo_path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return mo_path, len(catalogue.translated_entries())


def locale_dirs() -> list[Path]:
    """Where Django looks for our catalogues: LOCALE_PATHS, then each odopmart app's `locale`
    (Django's own apps bring theirs compiled)."""
    own_apps = [
        Path(config.path) / "locale"
        for config in apps.get_app_configs()
        if config.name.startswith("odopmart.") and (Path(config.path) / "locale").is_dir()
    ]
    return [Path(d) for d in settings.LOCALE_PATHS] + own_apps


class Command(BaseCommand):
    help = "Compile the .po files under LOCALE_PATHS into .mo files, using polib."

    def handle(self, *args: Any, **options: Any) -> None:
        po_files = sorted(
            po for locale_dir in locale_dirs() for po in Path(locale_dir).rglob("*.po")
        )
        if not po_files:
            raise CommandError("No .po files found under LOCALE_PATHS.")
        for po_path in po_files:
            try:
                mo_path, count = compile_po(po_path)
            except (OSError, ValueError) as exc:
                raise CommandError(f"{po_path}: {exc}") from exc
            if options["verbosity"] >= 1:
                self.stdout.write(f"{mo_path} ({count} messages)")
