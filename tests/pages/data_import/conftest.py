"""A new force (no demo data) with areas imported, on each backend, and the app on it."""

from __future__ import annotations

import pytest

from tests.pages.data_import.helpers import AREAS_CSV, engine_import, force_app, new_force


@pytest.fixture(scope="module")
def force_url(backend, tmp_path_factory):
    url, drop = new_force(backend, tmp_path_factory.mktemp("newforce"))
    assert engine_import(url, "areas", AREAS_CSV) == "applied"
    yield url
    drop()


@pytest.fixture(scope="module")
def force(force_url, tmp_path_factory):
    """The app on the new force; jobs in a private folder. Another app is built after it, as
    happens in a test run, so nothing may rely on Dash's "last app built"."""
    app = force_app(force_url, JOBS_DIR=str(tmp_path_factory.mktemp("jobs")))
    app.url = force_url
    force_app(force_url, JOBS_DIR=str(tmp_path_factory.mktemp("jobs")))
    return app
