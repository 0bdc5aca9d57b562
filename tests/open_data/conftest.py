"""An app on the demo force whose API limit does not get in the way of many requests."""

from __future__ import annotations

import pytest

from tests.conftest import app_config, login


@pytest.fixture(scope="session")
def open_app(demo_url):
    from dashboard import create_app

    dash_app = create_app(app_config(demo_url, OPEN_DATA_RATE_LIMIT="100000 per minute"))
    dash_app.server.test_client().get("/")
    return dash_app


@pytest.fixture
def api(open_app):
    """A test client of `open_app` signed in as a role ('public': anonymous)."""

    def client_for(role: str):
        client = open_app.server.test_client()
        if role != "public":
            assert login(client, role).status_code == 302
        return client

    return client_for
