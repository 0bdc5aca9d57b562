"""Fixtures: the hand-made workload dataset of data.py on each backend."""

import pytest

from tests.conftest import built_database, session_on
from tests.data_access.workload.data import build_workload_dataset


@pytest.fixture(scope="module")
def workload_url(backend, tmp_path_factory):
    url, drop = built_database(backend, tmp_path_factory.mktemp("workload"), build_workload_dataset)
    yield url
    drop()


@pytest.fixture
def session(workload_url):
    with session_on(workload_url) as db_session:
        yield db_session
