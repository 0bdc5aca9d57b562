"""An import of training records refreshes the status of the people it touched, and only
theirs: afterwards the status, its count changes, the previous-completion links and the
session tallies equal a full rebuild."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access.db import make_engine
from data_access.imports import engine as engine_module
from data_access.models import (
    TrainingAttendance,
    TrainingPersonStatus,
    TrainingSessionTally,
    TrainingStatusChange,
)
from data_access.training_status import refresh_person_status
from tests.conftest import new_database
from tests.data_access.imports.helpers import org_id, run
from tests.data_access.training.data import build

ATTENDANCE = (
    "session_code,person_code,rank,unit,area_code,completed,pre_score,post_score,"
    "followup_score,refresher_due_on\n"
    "A4,P2,constable,response,N,true,,,,2027-03-01\n"  # a new completion: P2's due date moves
    "A2,P3,constable,response,N,true,40,60,55,2027-02-01\n"  # P3 moves from S to N
    "A3,NEW1,sergeant,cid,S,true,,,,\n"  # someone new
)
SESSIONS = (
    "code,course_code,held_on,area_code,lead_trainer_code\n"
    "A1,AW,2025-07-01,N,\n"  # a month later: P1 and P2 are trained later
    "C4,TTT,2025-08-01,N,T1\n"  # now a train-the-trainer session: Q6 becomes a trainer
)
COURSES = (
    "code,title,kind,mode,delivered_by,provider,duration_hours\n"
    "CL,CL,investigation,on_site,joint,Pride Network,0\n"  # Q1, Q2, Q4, Q5 change course kind
)
TOUCHED = {
    "training_attendance": {"P2", "P3", "NEW1"},
    "training_sessions": {"P1", "P2", "P3", "Q6"},
    "training_courses": {"Q1", "Q2", "Q4", "Q5", "Q6"},
}


@pytest.fixture
def url(empty_url):
    engine = make_engine(empty_url)
    with Session(engine) as session:
        build(session)
        session.commit()
    engine.dispose()
    return empty_url


def _status(session, org) -> dict:
    s = TrainingPersonStatus
    stmt = select(s.id, s.person_code, s.course_kind, s.valid_from, s.valid_to,
                  s.refresher_due_on, s.area_id).where(s.organisation_id == org)  # fmt: skip
    return {tuple(row[1:]): row[0] for row in session.execute(stmt)}


def _tallies(session, org) -> tuple[set, set]:
    """The session tallies and the previous-completion links of the attendance."""
    t, a = TrainingSessionTally, TrainingAttendance
    tallies = select(
        t.session_id, t.area_id, t.completed, t.previous_on, t.previous_in_area_on, t.attended,
        t.scored, t.pre_sum, t.followup_sum,
    )  # fmt: skip
    links = select(a.id, a.previous_completion_on, a.previous_completion_in_area_on)
    return (
        {tuple(row) for row in session.execute(tallies.where(t.organisation_id == org))},
        {tuple(row) for row in session.execute(links.where(a.organisation_id == org))},
    )


def _changes(session, org) -> set:
    c = TrainingStatusChange
    stmt = select(c.measure, c.course_kind, c.area_id, c.rank, c.unit, c.day, c.change)
    return {tuple(row) for row in session.execute(stmt.where(c.organisation_id == org))}


@pytest.mark.parametrize(
    ("kind", "data"),
    [("training_attendance", ATTENDANCE), ("training_sessions", SESSIONS),
     ("training_courses", COURSES)],
)  # fmt: skip
def test_an_import_refreshes_exactly_the_people_it_touched(url, kind, data):
    engine = make_engine(url)
    with Session(engine) as session:
        org = org_id(session, "TRN")
        before = _status(session, org)
    summary = run(url, kind, data, org="TRN")
    assert summary.status == "applied", summary.message
    with Session(engine) as session:
        after, changes = _status(session, org), _changes(session, org)
        tallies = _tallies(session, org)
        moved = {key[0] for key in set(after) ^ set(before)}
        assert moved and moved <= TOUCHED[kind]
        # people the import did not touch keep their very rows (never deleted and re-added)
        kept = {key: ident for key, ident in after.items() if key[0] not in TOUCHED[kind]}
        assert kept == {key: ident for key, ident in before.items() if key[0] not in TOUCHED[kind]}
        refresh_person_status(session, org)  # everyone, from scratch
        assert set(_status(session, org)) == set(after)
        assert _changes(session, org) == changes
        assert _tallies(session, org) == tallies
        session.rollback()
    engine.dispose()


@pytest.fixture
def pg_url(tmp_path):
    """The training dataset on PostgreSQL only (SQLite lets one writer at a time)."""
    url, drop = new_database("postgresql", tmp_path)
    engine = make_engine(url)
    with Session(engine) as session:
        build(session)
        session.commit()
    engine.dispose()
    yield url
    drop()


def test_concurrent_imports_into_one_session_add_up(pg_url, monkeypatch):
    """Two imports of new people on the same sessions at once, both written before either
    refreshes: the refreshes take turns, and the derived tables end as a full rebuild."""
    url = pg_url
    written = threading.Barrier(2, timeout=30)
    refresh = engine_module.refresh_person_status

    def refresh_once_both_wrote(session, org, people=None, **options):
        written.wait()  # both imports' attendance is written, neither committed
        return refresh(session, org, people, **options)

    monkeypatch.setattr(engine_module, "refresh_person_status", refresh_once_both_wrote)
    files = [
        "session_code,person_code,rank,unit,area_code,completed\n"
        + "".join(f"{s},{tag}{n},constable,response,N,{done}\n"
                  for s in ("A2", "A4") for n in range(30))
        # people who did not complete change no count, only the sessions' tallies
        for tag, done in (("X", "false"), ("Y", "false"))
    ]  # fmt: skip
    start = threading.Barrier(2)

    def one(data: str):
        start.wait()
        return run(url, "training_attendance", data, org="TRN")

    with ThreadPoolExecutor(2) as pool:
        summaries = list(pool.map(one, files))
    assert [s.status for s in summaries] == ["applied", "applied"], [s.message for s in summaries]
    engine = make_engine(url)
    with Session(engine) as session:
        org = org_id(session, "TRN")
        after = (set(_status(session, org)), _changes(session, org), _tallies(session, org))
        refresh_person_status(session, org)
        assert (set(_status(session, org)), _changes(session, org), _tallies(session, org)) == after
        session.rollback()
    engine.dispose()
