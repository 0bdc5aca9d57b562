"""Fixtures: one database per backend holding two organisations built by the importer itself.

ALPHA has areas N and S, officers LO-1 and LO-2, course C1 and session S1; BETA has area BX,
officer LO-B and course CB. Tests that are refused share it (nothing may change); tests that
write create their own organisation."""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy.orm import Session

from data_access.db import make_engine
from data_access.organisations import create_organisation
from tests.conftest import new_database
from tests.data_access.imports.helpers import (
    AREAS_CSV,
    COURSES_CSV,
    OFFICERS_CSV,
    SESSIONS_CSV,
    run,
)

_numbers = itertools.count(1)


def add_org(url: str, code: str) -> None:
    engine = make_engine(url)
    with Session(engine) as session:
        create_organisation(session, code, f"Test force {code}")
        session.commit()
    engine.dispose()


@pytest.fixture(scope="session")
def imports_url(backend, tmp_path_factory):
    url, drop = new_database(backend, tmp_path_factory.mktemp("imports"))
    add_org(url, "ALPHA")
    add_org(url, "BETA")
    alpha = [
        ("areas", AREAS_CSV),
        ("officers", OFFICERS_CSV),
        ("training_courses", COURSES_CSV),
        ("training_sessions", SESSIONS_CSV),
    ]
    for kind, text in alpha:
        assert run(url, kind, text).status == "applied"
    beta = [("areas", "code,name\nBX,Beta area\n"),
            ("officers", "code,area_code,officer_type,recruited_on\nLO-B,BX,officer,2023-01-01\n"),
            ("training_courses", COURSES_CSV.replace("C1,", "CB,"))]  # fmt: skip
    for kind, text in beta:
        assert run(url, kind, text, org="BETA").status == "applied"
    yield url
    drop()


@pytest.fixture
def fresh_org(imports_url) -> str:
    """A new organisation with areas N and S only; its code."""
    code = f"W{next(_numbers)}"
    add_org(imports_url, code)
    assert run(imports_url, "areas", AREAS_CSV, org=code).status == "applied"
    return code
