"""The per-person training status: rebuilt from attendance by `refresh_person_status`, read
"as at a date" by the coverage, refresher and cascade queries."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from itertools import groupby

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from data_access.models import (
    TrainingAttendance,
    TrainingCourse,
    TrainingPersonStatus,
    TrainingSession,
)

#: valid_to of a person's current version: far in the future rather than NULL, so that "as at
#: a recent date" is one index range (valid_to >= on) over the current versions only.
OPEN_END = date(9999, 12, 31)

#: Person codes per statement when refreshing some people (well under SQLite's variable limit).
CHUNK = 500

Status = TrainingPersonStatus


def status_at(org_id: int, on: date) -> tuple:
    """Conditions selecting each person's one version per course kind as at `on`: built from
    the courses they completed on sessions held before `on`."""
    return (
        Status.organisation_id == org_id,
        Status.valid_to >= on,
        Status.valid_from < on,
    )


def _completions(session: Session, org_id: int, people: list[str] | None) -> list[tuple]:
    stmt = (
        select(
            TrainingAttendance.person_code,
            TrainingCourse.kind,
            TrainingSession.held_on,
            TrainingAttendance.refresher_due_on,
            TrainingAttendance.rank,
            TrainingAttendance.unit,
            TrainingAttendance.area_id,
        )
        .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
        .join(TrainingCourse, TrainingCourse.id == TrainingSession.course_id)
        .where(TrainingAttendance.organisation_id == org_id, TrainingAttendance.completed.is_(True))
        .order_by(
            TrainingAttendance.person_code,
            TrainingCourse.kind,
            TrainingSession.held_on,
            TrainingAttendance.id,
        )
    )
    if people is not None:
        stmt = stmt.where(TrainingAttendance.person_code.in_(people))
    return list(session.execute(stmt))


def _versions(org_id: int, rows: list[tuple]) -> Iterator[dict]:
    """Versions per (person, kind): a new one only on a completion date that changes the
    refresher due date (the latest seen so far), rank, unit or area (those of the last
    completion that day), so repeated courses with nothing new add no rows."""
    for (person, kind), completions in groupby(rows, key=lambda row: (row[0], row[1])):
        kept: list[tuple[date, tuple]] = []
        due = None
        for day, same in groupby(completions, key=lambda row: row[2]):
            same = list(same)
            due = max((d for d in [due, *(row[3] for row in same)] if d is not None), default=None)
            state = (due, *same[-1][4:7])
            if not kept or kept[-1][1] != state:
                kept.append((day, state))
        for index, (day, (due, rank, unit, area_id)) in enumerate(kept):
            yield {
                "organisation_id": org_id,
                "person_code": person,
                "course_kind": kind,
                "valid_from": day,
                "valid_to": kept[index + 1][0] if index + 1 < len(kept) else OPEN_END,
                "first_completed_on": kept[0][0],
                "refresher_due_on": due,
                "rank": rank,
                "unit": unit,
                "area_id": area_id,
            }


def _chunks(codes: Iterable[str]) -> Iterator[list[str]]:
    ordered = sorted(set(codes))
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def refresh_person_status(
    session: Session, org_id: int, person_codes: Iterable[str] | None = None
) -> int:
    """Rebuild the training status of an organisation's people from their attendance (all of
    them, or only `person_codes`); call it after writing attendance, in the same transaction.
    Returns the number of status rows written. Idempotent."""
    batches = [None] if person_codes is None else list(_chunks(person_codes))
    written = 0
    for people in batches:
        wipe = delete(Status).where(Status.organisation_id == org_id)
        if people is not None:
            wipe = wipe.where(Status.person_code.in_(people))
        session.execute(wipe)
        rows = list(_versions(org_id, _completions(session, org_id, people)))
        if rows:
            session.execute(insert(Status), rows)
        written += len(rows)
    return written
