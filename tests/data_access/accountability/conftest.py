"""Fixtures: the hand-made dataset of data.py on each backend."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.orm import Session

from tests.conftest import built_database, session_on
from tests.data_access.accountability.data import build


@pytest.fixture(scope="module")
def acc_url(backend, tmp_path_factory) -> Iterator[str]:
    url, drop = built_database(backend, tmp_path_factory.mktemp("accountability"), build)
    yield url
    drop()


@pytest.fixture
def session(acc_url) -> Iterator[Session]:
    with session_on(acc_url) as s:
        yield s
