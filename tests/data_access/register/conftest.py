"""Fixtures: the hand-made dataset of data.py on each backend."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from data_access.db import make_engine
from tests.conftest import built_database
from tests.data_access.register.data import build_register


@pytest.fixture(scope="module")
def engine(backend, tmp_path_factory):
    url, drop = built_database(backend, tmp_path_factory.mktemp("register"), build_register)
    engine = make_engine(url)
    yield engine
    engine.dispose()
    drop()


@pytest.fixture
def session(engine):
    """A session whose writes (flushed, never committed) are rolled back after the test."""
    with engine.connect() as connection:
        outer = connection.begin()
        with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
            yield session
        outer.rollback()
