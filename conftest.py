"""Shared test fixtures. Reference data (states, districts, ODOP registry, categories, HSN, GST)
is loaded once into the test database; transactional tests reload it through `reference_data`."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

pytest_plugins = ["odopmart.catalog.tests.fixtures"]


def _load_reference_data() -> None:
    from odopmart.catalog.loaders import categories_load, gst_rates_load, hsn_codes_load
    from odopmart.ledger.loaders import statutory_rates_load
    from odopmart.odop.loaders import up_registry_load
    from odopmart.regions.loaders import pincodes_load, states_load, up_districts_load

    data_dir = Path(settings.ODOPMART["REFERENCE_DATA_DIR"])
    for load in (
        states_load,
        up_districts_load,
        pincodes_load,
        up_registry_load,
        categories_load,
        hsn_codes_load,
        gst_rates_load,
        statutory_rates_load,
    ):
        load(data_dir)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: None, django_db_blocker: pytest.FixtureRequest) -> None:
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        _load_reference_data()


@pytest.fixture
def reference_data(db: None) -> None:
    """Make sure reference data is present (transactional tests truncate it)."""
    from odopmart.regions.models import District

    if not District.objects.exists():
        _load_reference_data()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: pytest.FixtureRequest, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"  # type: ignore[attr-defined]


@pytest.fixture(autouse=True)
def _plain_static_storage(settings: pytest.FixtureRequest) -> None:
    # Tests render templates without running collectstatic first.
    settings.STORAGES = {  # type: ignore[attr-defined]
        **settings.STORAGES,  # type: ignore[attr-defined]
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
