"""Per-session tallies of training attendance, so that period figures (people reached per
course, score averages) are sums over sessions rather than distinct counts over attendance.

Two derived columns on each attendance record link a person's completions of one course:
`previous_completion_on` (their previous completion of the course, in any area) and
`previous_completion_in_area_on` (in the record's area). A person completed a course in a
period once for each completion in it whose previous completion is before the period — so
"people, each once" is a count. `TrainingSessionTally` holds those counts per session.

`refresh_previous` re-links the people an import touched and returns the sessions they
attended; `refresh_tallies` rebuilds those sessions' tallies (or every session's) in SQL.
Both run inside `training_status.refresh_person_status`, in the import's transaction."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import and_, bindparam, case, delete, func, insert, literal, select, update
from sqlalchemy.orm import Session

from data_access.models import (
    TrainingAttendance,
    TrainingSession,
    TrainingSessionTally,
)

#: "No previous completion" in a tally's key (a date before any period, never NULL).
NONE_BEFORE = date(1, 1, 1)
#: Sessions per statement (well under SQLite's variable limit).
CHUNK = 500

A, Tally = TrainingAttendance, TrainingSessionTally


def refresh_previous(session: Session, org_id: int, people: list[str]) -> set[int]:
    """Recompute the previous-completion links of `people`'s attendance; the ids of every
    session they attended (their tallies may change)."""
    stmt = (
        select(
            A.id, A.person_code, TrainingSession.course_id, A.area_id, TrainingSession.held_on,
            A.completed, A.session_id, A.previous_completion_on,
            A.previous_completion_in_area_on,
        )
        .join(TrainingSession, TrainingSession.id == A.session_id)
        .where(A.organisation_id == org_id, A.person_code.in_(people))
        .order_by(A.person_code, TrainingSession.course_id, TrainingSession.held_on, A.id)
    )  # fmt: skip
    last: dict[tuple, date] = {}
    changed, sessions = [], set()
    for (
        ident,
        person,
        course,
        area,
        held_on,
        completed,
        session_id,
        old,
        old_area,
    ) in session.execute(stmt):
        sessions.add(session_id)
        links = (None, None)
        if completed:
            links = (last.get((person, course)), last.get((person, course, area)))
            last[(person, course)] = last[(person, course, area)] = held_on
        if links != (old, old_area):
            changed.append({"record": ident, "previous": links[0], "in_area": links[1]})
    if changed:
        table = A.__table__
        stmt = (
            update(table)
            .where(table.c.id == bindparam("record"))
            .values(
                previous_completion_on=bindparam("previous"),
                previous_completion_in_area_on=bindparam("in_area"),
            )
        )
        session.execute(stmt, changed, execution_options={"synchronize_session": False})
    return sessions


def _tally_select(org_id: int, session_ids: list[int] | None):
    both = A.pre_score.is_not(None) & A.post_score.is_not(None)
    keys = (
        func.coalesce(A.area_id, 0),
        A.completed,
        func.coalesce(A.previous_completion_on, literal(NONE_BEFORE)),
        func.coalesce(A.previous_completion_in_area_on, literal(NONE_BEFORE)),
    )
    stmt = (
        select(
            A.organisation_id,
            A.session_id,
            *keys,
            func.count(),
            func.coalesce(func.sum(case((both, 1), else_=0)), 0),
            func.coalesce(func.sum(case((both, A.pre_score), else_=0.0)), 0.0),
            func.coalesce(func.sum(case((both, A.post_score), else_=0.0)), 0.0),
            func.count(A.followup_score),
            func.coalesce(func.sum(A.followup_score), 0.0),
        )
        .where(A.organisation_id == org_id)
        .group_by(A.organisation_id, A.session_id, *keys)
    )
    return stmt if session_ids is None else stmt.where(A.session_id.in_(session_ids))


COLUMNS = ("organisation_id", "session_id", "area_id", "completed", "previous_on",
           "previous_in_area_on", "attended", "scored", "pre_sum", "post_sum", "followed_up",
           "followup_sum")  # fmt: skip


def refresh_tallies(session: Session, org_id: int, session_ids: Iterable[int] | None) -> None:
    """Rebuild the tallies of these sessions of the organisation (None: all of them)."""
    if session_ids is None:
        session.execute(delete(Tally).where(Tally.organisation_id == org_id))
        session.execute(insert(Tally).from_select(COLUMNS, _tally_select(org_id, None)))
        return
    ordered = sorted(set(session_ids))
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start : start + CHUNK]
        session.execute(
            delete(Tally).where(Tally.organisation_id == org_id, Tally.session_id.in_(chunk))
        )
        session.execute(insert(Tally).from_select(COLUMNS, _tally_select(org_id, chunk)))


def rebuild_tallies(session: Session, org_id: int) -> None:
    """Re-link every person of the organisation and rebuild all its tallies (a migration)."""
    people = sorted(
        session.scalars(select(A.person_code).where(A.organisation_id == org_id).distinct())
    )
    for start in range(0, len(people), CHUNK):
        refresh_previous(session, org_id, people[start : start + CHUNK])
    refresh_tallies(session, org_id, None)


def once_in(period_start: date, in_area: bool) -> object:
    """SQL condition on tally rows: completions that count their person once for a period
    starting at `period_start` (no previous completion of the course since it began)."""
    previous = Tally.previous_in_area_on if in_area else Tally.previous_on
    return and_(Tally.completed.is_(True), previous < period_start)
