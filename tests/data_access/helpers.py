"""Small helpers for comparing query frames with hand-worked expectations."""

from __future__ import annotations

import math

import pandas as pd


def plain(value):
    """A frame cell as a plain Python value (NaN/None → None, numpy scalars unwrapped)."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        value = value.item()
        if isinstance(value, float) and math.isnan(value):
            return None
    return value


def records(frame: pd.DataFrame) -> list[tuple]:
    """The rows of a frame as tuples of plain Python values, in frame order."""
    return [tuple(plain(v) for v in row) for row in frame.itertuples(index=False, name=None)]


def histogram(frame: pd.DataFrame) -> dict[int, int]:
    return {
        int(days): int(count) for days, count in zip(frame["days"], frame["count"], strict=True)
    }


def histogram_frame(counts: dict[int, int]) -> pd.DataFrame:
    return pd.DataFrame({"days": list(counts), "count": list(counts.values())}, dtype="int64")


def dataset_fixtures(name: str, build, org_code: str):
    """The module-scoped database built by `build` on each backend, a rolled-back session on
    it, and the id of its organisation `org_code`: assign them to `url, session, org`."""
    import pytest
    from sqlalchemy import select

    from data_access.models import Organisation
    from tests.conftest import built_database, session_on

    @pytest.fixture(scope="module")
    def url(backend, tmp_path_factory):
        built_url, drop = built_database(backend, tmp_path_factory.mktemp(name), build)
        yield built_url
        drop()

    @pytest.fixture
    def session(url):
        with session_on(url) as db_session:
            yield db_session

    @pytest.fixture
    def org(session) -> int:
        return session.scalar(select(Organisation.id).where(Organisation.code == org_code))

    return url, session, org
