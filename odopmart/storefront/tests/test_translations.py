"""`compile_translations` turns every .po under LOCALE_PATHS into a .mo, without GNU gettext."""

from __future__ import annotations

import gettext
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import Client

REPO_PO = Path(settings.BASE_DIR) / "locale" / "hi" / "LC_MESSAGES" / "django.po"


def test_compiles_every_po_under_locale_paths(settings, tmp_path: Path) -> None:  # noqa: ANN001
    first, second = tmp_path / "a", tmp_path / "b"
    for root in (first, second):
        (root / "hi" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(REPO_PO, first / "hi" / "LC_MESSAGES" / "django.po")
    extra = polib.POFile()
    extra.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    extra.append(polib.POEntry(msgid="Hello", msgstr="नमस्ते"))
    extra.append(polib.POEntry(msgid="Draft only", msgstr="कच्चा", flags=["fuzzy"]))
    extra.save(str(second / "hi" / "LC_MESSAGES" / "django.po"))
    settings.LOCALE_PATHS = [first, second]

    call_command("compile_translations", verbosity=0)

    # Looked up through variables, so makemessages doesn't collect these test strings.
    ours = gettext.translation("django", localedir=first, languages=["hi"]).gettext
    theirs = gettext.translation("django", localedir=second, languages=["hi"]).gettext
    shop_by_district, hello, draft = "Shop by district", "Hello", "Draft only"
    assert ours(shop_by_district) == "ज़िले के अनुसार खरीदें"
    assert theirs(hello) == "नमस्ते"
    assert theirs(draft) == draft  # fuzzy entries are left out
    assert not list((first / "hi" / "LC_MESSAGES").glob("*.tmp"))


def test_no_po_files_is_an_error(settings, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from odopmart.storefront.management.commands import compile_translations

    settings.LOCALE_PATHS = [tmp_path]
    # Apps keep their own catalogues too; here there are none anywhere.
    monkeypatch.setattr(compile_translations, "locale_dirs", lambda: [tmp_path])
    with pytest.raises(CommandError):
        call_command("compile_translations", verbosity=0)


@pytest.mark.django_db
def test_compiled_catalogue_renders_hindi_pages(client: Client) -> None:
    call_command("compile_translations", verbosity=0)
    assert (REPO_PO.with_suffix(".mo")).exists()
    html = client.get("/hi/").content.decode()
    assert "ज़िले के अनुसार खरीदें" in html
    assert "शिल्प के अनुसार खरीदें" in html


def _project_catalogues() -> list[Path]:
    from odopmart.storefront.management.commands.compile_translations import locale_dirs

    return sorted(po for d in locale_dirs() for po in Path(d).rglob("hi/LC_MESSAGES/*.po"))


def test_catalogues_include_apps_own() -> None:
    assert REPO_PO in _project_catalogues()


@pytest.mark.parametrize("po_path", _project_catalogues(), ids=str)
def test_hindi_catalogue_is_complete(po_path: Path) -> None:
    catalogue = polib.pofile(str(po_path))
    assert catalogue.percent_translated() == 100
    assert not catalogue.fuzzy_entries()
    for entry in catalogue.translated_entries():
        # Placeholders survive translation.
        for placeholder in ("%(", "%s"):
            assert entry.msgid.count(placeholder) == entry.msgstr.count(placeholder) or (
                entry.msgid_plural
            ), entry.msgid
