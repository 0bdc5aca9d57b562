"""Fixtures for the scorecard indicator tests: the hand-made dataset on each backend."""

import pytest

from tests.conftest import built_database, session_on
from tests.data_access.scorecard.data import build


@pytest.fixture(scope="module")
def scorecard_url(backend, tmp_path_factory):
    url, drop = built_database(backend, tmp_path_factory.mktemp("scorecard"), build)
    yield url
    drop()


@pytest.fixture
def session(scorecard_url):
    with session_on(scorecard_url) as db_session:
        yield db_session
