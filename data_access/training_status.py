"""The per-person training status and the changes of its counts.

- `TrainingPersonStatus`: one version per person and course kind from each completion date
  that changes something, read "as at a date" by the cascade and refresher-list queries.
- `TrainingStatusChange`: by how much each "as at" count changes on a day (people holding a
  course kind; people with a refresher due, and overdue), so coverage and refresher counts
  are a sum over a small table whatever the number of people (`held_before`). The changes a
  set of versions makes are worked out in `data_access.training_changes`.

Both, and the session tallies of `data_access.training_tally`, are rebuilt from attendance by
`refresh_person_status` for the people an import touched (all of them when asked), in the
import's transaction."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import groupby

from sqlalchemy import delete, func, insert, select, text, union
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from data_access.models import (
    TrainingAttendance,
    TrainingCourse,
    TrainingPersonStatus,
    TrainingSession,
    TrainingStatusChange,
)
from data_access.training_changes import (
    KEY,
    OPEN_END,
    status_changes,
)
from data_access.training_tally import refresh_previous, refresh_tallies

#: Person codes per statement when refreshing some people (well under SQLite's variable limit).
CHUNK = 500

Status = TrainingPersonStatus
Change = TrainingStatusChange
VERSION = ("person_code", "course_kind", "valid_from", "valid_to", "refresher_due_on", "rank",
           "unit", "area_id")  # fmt: skip


def status_at(org_id: int, on: date) -> tuple:
    """Conditions selecting each person's one version per course kind as at `on`: built from
    the courses they completed on sessions held before `on`."""
    return (
        Status.organisation_id == org_id,
        Status.valid_to >= on,
        Status.valid_from < on,
    )


def held_before(org_id: int, on: date, measure: str) -> tuple:
    """Conditions selecting the changes of `measure` that make its count as at `on`: sum
    `Change.change` over them (`held()`), grouped as the question needs."""
    return (Change.organisation_id == org_id, Change.measure == measure, Change.day < on)


def held() -> object:
    """SQL: the count as at the date of `held_before` (the sum of the changes before it)."""
    return func.coalesce(func.sum(Change.change), 0)


def _completions(session: Session, org_id: int, people: list[str]) -> list[tuple]:
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
        .where(
            TrainingAttendance.organisation_id == org_id,
            TrainingAttendance.completed.is_(True),
            TrainingAttendance.person_code.in_(people),
        )
        .order_by(
            TrainingAttendance.person_code,
            TrainingCourse.kind,
            TrainingSession.held_on,
            TrainingAttendance.id,
        )
    )
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


def _stored_versions(session: Session, org_id: int, people: list[str]) -> list[dict]:
    stmt = select(*(getattr(Status, c) for c in VERSION)).where(
        Status.organisation_id == org_id, Status.person_code.in_(people)
    )
    return [dict(zip(VERSION, row, strict=True)) for row in session.execute(stmt)]


def _upsert(session: Session):
    module = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    stmt = module.insert(Change)
    return stmt.on_conflict_do_update(
        index_elements=["organisation_id", *KEY],
        set_={"change": Change.change + stmt.excluded.change},
    )


def _add_changes(session: Session, org_id: int, changes: Counter) -> None:
    """Add `changes` to the organisation's stored count changes (`_drop_zeros` tidies up once
    the refresh is done)."""
    rows = [
        {"organisation_id": org_id, **dict(zip(KEY, key, strict=True)), "change": n}
        for key, n in sorted(changes.items())
        if n
    ]
    for start in range(0, len(rows), CHUNK):
        session.execute(_upsert(session), rows[start : start + CHUNK])


def _drop_zeros(session: Session, org_id: int) -> None:
    """Remove the changes that netted to nothing (a person's old and new versions alike)."""
    session.execute(delete(Change).where(Change.organisation_id == org_id, Change.change == 0))


def _chunks(codes: Iterable[str]) -> Iterator[list[str]]:
    ordered = sorted(set(codes))
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def _everyone(session: Session, org_id: int) -> list[str]:
    """Every person code of the organisation's attendance or status."""
    stmt = union(
        select(TrainingAttendance.person_code).where(TrainingAttendance.organisation_id == org_id),
        select(Status.person_code).where(Status.organisation_id == org_id),
    )
    return list(session.scalars(stmt))


#: PostgreSQL advisory lock class of the training refresh (the audit chain uses 7312001).
TRAINING_LOCK = 7312002


def _serialise(session: Session, org_id: int) -> None:
    """One refresh of an organisation's training tables at a time, held to the end of the
    transaction: a refresh that waited then reads what the other committed, so the two
    imports' derived rows add up. (SQLite lets one writer at a time anyway.)"""
    if session.get_bind().dialect.name == "postgresql":
        lock = text("SELECT pg_advisory_xact_lock(:kind, :org)")
        session.execute(lock, {"kind": TRAINING_LOCK, "org": org_id})


def refresh_person_status(
    session: Session,
    org_id: int,
    person_codes: Iterable[str] | None = None,
    *,
    with_counts: bool = True,
) -> int:
    """Rebuild the training status of an organisation's people from their attendance, and the
    count changes with it (all of them, or only `person_codes`: the people whose attendance,
    or whose sessions' dates or courses, were written); call it after writing attendance, in
    the same transaction. Returns the number of status rows written. Idempotent.
    With them go the count changes and the session tallies (`data_access.training_tally`);
    `with_counts=False` leaves those alone (migration 0004, which predates them)."""
    _serialise(session, org_id)
    everyone = person_codes is None
    if everyone:
        session.execute(delete(Status).where(Status.organisation_id == org_id))
        if with_counts:
            session.execute(delete(Change).where(Change.organisation_id == org_id))
        person_codes = _everyone(session, org_id)
    written, sessions = 0, set()
    for people in _chunks(person_codes):
        keep = with_counts and not everyone
        old = status_changes(_stored_versions(session, org_id, people)) if keep else Counter()
        if not everyone:
            session.execute(
                delete(Status).where(
                    Status.organisation_id == org_id, Status.person_code.in_(people)
                )
            )
        rows = list(_versions(org_id, _completions(session, org_id, people)))
        if rows:
            session.execute(insert(Status), rows)
        if with_counts:
            changes = status_changes(rows)
            changes.subtract(old)
            _add_changes(session, org_id, changes)
            sessions |= refresh_previous(session, org_id, people)
        written += len(rows)
    if with_counts:
        _drop_zeros(session, org_id)
        refresh_tallies(session, org_id, None if everyone else sessions)
    return written


def rebuild_changes(session: Session, org_id: int) -> int:
    """Recompute the organisation's count changes from its stored status (a migration, or a
    check that the maintained changes are right). Returns the number of change rows."""
    session.execute(delete(Change).where(Change.organisation_id == org_id))
    stmt = select(Status.person_code).where(Status.organisation_id == org_id).distinct()
    for people in _chunks(session.scalars(stmt)):
        _add_changes(session, org_id, status_changes(_stored_versions(session, org_id, people)))
    _drop_zeros(session, org_id)
    return int(session.scalar(select(func.count()).where(Change.organisation_id == org_id)) or 0)
