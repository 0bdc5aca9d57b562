"""These tests write, so they run on a private copy of the demo database (own `app` fixture,
shared by the modules of this package; each module gets its own copy)."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from data_access.db import make_engine
from tests.pages.register.helpers import private_app


@pytest.fixture(scope="module")
def app(demo_url, tmp_path_factory):
    return private_app(demo_url, tmp_path_factory.mktemp("register"))


@pytest.fixture
def database(app):
    engine = make_engine(app.url)
    with Session(engine) as session:
        yield session
    engine.dispose()
