"""Fixtures for the engagement tests: the hand-made dataset on each backend."""

import pytest
from sqlalchemy import select

from data_access.models import Organisation
from tests.conftest import built_database, session_on
from tests.data_access.engagement.data import build


@pytest.fixture(scope="module")
def engagement_url(backend, tmp_path_factory):
    url, drop = built_database(backend, tmp_path_factory.mktemp("engagement"), build)
    yield url
    drop()


@pytest.fixture
def session(engagement_url):
    with session_on(engagement_url) as db_session:
        yield db_session


@pytest.fixture
def org(session) -> int:
    return session.scalar(select(Organisation.id).where(Organisation.code == "ENG"))
