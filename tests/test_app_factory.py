"""Several apps in one process (tests, a multi-organisation host) each get every callback."""

from __future__ import annotations

from dashboard import create_app
from tests.conftest import app_config

TOGGLE = "shell-navbar-collapse.is_open"


def test_each_app_gets_the_menu_toggle(demo_url):
    """The phone menu failed in CI when another app had been built first in the worker."""
    first = create_app(app_config(demo_url))
    second = create_app(app_config(demo_url))
    for app in (first, second):
        assert TOGGLE in app.callback_map
        deps = app.server.test_client().get("/_dash-dependencies").get_json()
        assert any(dep["output"] == TOGGLE and dep.get("clientside_function") for dep in deps)
