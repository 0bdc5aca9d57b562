"""The training count changes (TrainingStatusChange) give, for every date, the same counts as
a pass over the training status; an incremental refresh leaves them as a full rebuild would."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select, update

from data_access.models import TrainingAttendance, TrainingSession, TrainingStatusChange
from data_access.queries import training
from data_access.training_changes import DUE_SOON_DAYS, NO_AREA, OVERDUE, TRAINED, WITH_REFRESHER
from data_access.training_status import (
    Change,
    Status,
    held,
    held_before,
    rebuild_changes,
    refresh_person_status,
    status_at,
)
from tests.conftest import session_on


def _scanned(session, org, on) -> dict:
    """Counts as at `on` from the status versions themselves (the definition)."""
    trained = select(Status.course_kind, Status.area_id, Status.rank, Status.unit, func.count())
    trained = trained.where(*status_at(org, on)).group_by(
        Status.course_kind, Status.area_id, Status.rank, Status.unit
    )
    counts = {
        (TRAINED, kind, area or NO_AREA, rank, unit): n
        for kind, area, rank, unit, n in session.execute(trained)
    }
    person = (
        select(Status.person_code, Status.area_id, func.min(Status.refresher_due_on).label("due"))
        .where(*status_at(org, on), Status.refresher_due_on.is_not(None))
        .group_by(Status.person_code, Status.area_id)
    )
    for _person, area, due in session.execute(person):
        for measure, counted in ((WITH_REFRESHER, True), (OVERDUE, due < on)):
            if counted:
                key = (measure, "", area or NO_AREA, "", "")
                counts[key] = counts.get(key, 0) + 1
    return counts


def _summed(session, org, on) -> dict:
    """The same counts as the queries read them: sums of the changes before `on`."""
    key = (Change.measure, Change.course_kind, Change.area_id, Change.rank, Change.unit)
    counts = {}
    for measure in (TRAINED, WITH_REFRESHER, OVERDUE):
        stmt = select(*key, held()).where(*held_before(org, on, measure)).group_by(*key)
        counts.update({tuple(row[:5]): row[5] for row in session.execute(stmt) if row[5]})
    return counts


def _dates(session, org) -> list[date]:
    """Every session date, the day after, and due dates: where the counts change."""
    held_on = session.scalars(
        select(TrainingSession.held_on).where(TrainingSession.organisation_id == org)
    ).all()
    due = session.scalars(
        select(Status.refresher_due_on).where(
            Status.organisation_id == org, Status.refresher_due_on.is_not(None)
        )
    ).all()
    days = {d + timedelta(days=shift) for d in [*held_on, *due] for shift in (0, 1)}
    return sorted(days | {date(2020, 1, 1), date(2030, 1, 1)})


def _stored(session, org) -> set:
    stmt = select(TrainingStatusChange).where(TrainingStatusChange.organisation_id == org)
    return {
        (c.measure, c.course_kind, c.area_id, c.rank, c.unit, c.day, c.change)
        for c in session.scalars(stmt)
    }


def test_the_changes_give_the_scanned_counts_on_every_date(session, org):
    for on in _dates(session, org):
        assert _summed(session, org, on) == _scanned(session, org, on), on


def test_the_demo_force_counts_agree_on_every_month(demo_url):
    with session_on(demo_url) as session:
        for org in session.scalars(select(Status.organisation_id).distinct()):
            for year in range(2021, 2028):
                for month in range(1, 13):
                    on = date(year, month, 1)
                    assert _summed(session, org, on) == _scanned(session, org, on), (org, on)


def test_an_incremental_refresh_equals_a_full_rebuild(session, org):
    people = sorted(
        session.scalars(
            select(TrainingAttendance.person_code)
            .where(TrainingAttendance.organisation_id == org)
            .distinct()
        )
    )
    assert len(people) >= 3
    first, second, third = people[:3]
    a = TrainingAttendance
    # one person's completions are undone, one moves area and one is due a year later
    session.execute(update(a).where(a.person_code == first).values(completed=False))
    session.execute(update(a).where(a.person_code == second).values(area_id=None))
    session.execute(
        update(a)
        .where(a.person_code == third, a.refresher_due_on.is_not(None))
        .values(refresher_due_on=date(2031, 1, 1))
    )
    session.flush()
    refresh_person_status(session, org, [first, second, third])
    incremental = _stored(session, org)
    rebuild_changes(session, org)
    assert _stored(session, org) == incremental
    assert all(row[-1] != 0 for row in incremental)
    for on in _dates(session, org):
        assert _summed(session, org, on) == _scanned(session, org, on), on


@pytest.mark.parametrize("people", [None, "some"])
def test_refreshing_twice_changes_nothing(session, org, people):
    before = _stored(session, org)
    codes = None if people is None else ["P1", "P2", "nobody"]
    refresh_person_status(session, org, codes)
    refresh_person_status(session, org, codes)
    assert _stored(session, org) == before


def _refresher_list_both_ways(session, org, on, monkeypatch) -> tuple:
    kept = training.refreshers_due(session, org, on)
    with monkeypatch.context() as scan:
        scan.setattr(training, "DUE_SOON_DAYS", -1)  # forces the pass over the status
        scanned = training.refreshers_due(session, org, on, days=DUE_SOON_DAYS)
    return kept.to_dict("records"), scanned.to_dict("records")


def test_the_refreshers_list_equals_the_status_on_every_day_around_a_due_date(
    session, org, monkeypatch
):
    days = {d + timedelta(days=shift) for d in _dates(session, org)
            for shift in (-DUE_SOON_DAYS, -DUE_SOON_DAYS + 1, -1, 0, 1)}  # fmt: skip
    listed = 0
    for on in sorted(days):
        kept, scanned = _refresher_list_both_ways(session, org, on, monkeypatch)
        assert kept == scanned, on
        listed += len(kept)
    assert listed > 0


def test_the_demo_refreshers_list_equals_the_status(demo_url, monkeypatch):
    with session_on(demo_url) as session:
        org = session.scalar(select(Status.organisation_id).limit(1))
        for month in range(1, 13):
            on = date(2026, month, 15)
            kept, scanned = _refresher_list_both_ways(session, org, on, monkeypatch)
            assert kept == scanned and kept, on
