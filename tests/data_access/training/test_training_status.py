"""refresh_person_status: versions per person and course kind, idempotent, per person."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from data_access.models import TrainingAttendance, TrainingPersonStatus, TrainingSession
from data_access.training_status import OPEN_END, refresh_person_status

S = TrainingPersonStatus


def _rows(session, org):
    stmt = (
        select(S.person_code, S.course_kind, S.valid_from, S.valid_to, S.refresher_due_on)
        .where(S.organisation_id == org)
        .order_by(S.person_code, S.course_kind, S.valid_from)
    )
    return [tuple(row) for row in session.execute(stmt)]


def test_a_new_version_starts_when_a_completion_changes_the_due_date(session, org):
    p1 = [row for row in _rows(session, org) if row[0] == "P1"]
    assert p1 == [
        ("P1", "awareness", date(2025, 6, 1), date(2026, 2, 1), date(2026, 3, 1)),
        ("P1", "awareness", date(2026, 2, 1), OPEN_END, date(2027, 2, 1)),
    ]


def test_people_who_never_completed_have_no_status(session, org):
    people = {row[0] for row in _rows(session, org)}
    assert "Q3" not in people
    assert ("P3", "awareness", date(2026, 2, 1), OPEN_END, date(2027, 2, 1)) in _rows(session, org)


def test_refresh_is_idempotent(session, org):
    before = _rows(session, org)
    refresh_person_status(session, org)
    refresh_person_status(session, org, ["P1", "P2"])
    assert _rows(session, org) == before


def test_refreshing_some_people_picks_up_their_new_attendance(session, org):
    a4 = session.scalar(select(TrainingSession.id).where(TrainingSession.code == "A4"))
    session.add(TrainingAttendance(organisation_id=org, session_id=a4, person_code="P2",
                                   rank="constable", unit="response", completed=True,
                                   refresher_due_on=date(2027, 3, 1)))  # fmt: skip
    session.flush()
    assert refresh_person_status(session, org, ["P2"]) == 2
    p2 = [row for row in _rows(session, org) if row[0] == "P2"]
    assert p2[-1] == ("P2", "awareness", date(2026, 3, 1), OPEN_END, date(2027, 3, 1))
    assert p2[0][3] == date(2026, 3, 1)
