"""Training page queries: coverage by rank and unit, delivery, the trainer cascade, refreshers
due and assessment scores. Coverage reads the training status (data_access.training_status)."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_access.models import (
    Area,
    TrainingAttendance,
    TrainingCourse,
    TrainingSession,
    WorkforceCount,
)
from data_access.queries.common import Period, area_ids, check_org, frame
from data_access.queries.indicators_common import area_code, in_period
from data_access.queries.indicators_people import trained_trainer
from data_access.sql import count_if, sum_if
from data_access.training_changes import DUE_SOON_DAYS, KIND_DUE_SOON, KIND_OVERDUE, TRAINED
from data_access.training_status import Change, Status, held, held_before, status_at
from data_access.training_tally import Tally, once_in

#: Averages of fewer people than this are not shown (n is always shown).
MIN_AVERAGE_N = 5
DIMENSIONS = {
    "rank": (Change.rank, WorkforceCount.rank),
    "unit": (Change.unit, WorkforceCount.unit),
}


def coverage_by(
    session: Session, org_id: int, on: date, kind: str, dimension: str, area: str | None = None
) -> pd.DataFrame:
    """People trained in a course kind as at `on` (each once) against the headcount of the
    latest workforce snapshot on or before `on`, by rank or unit: columns group, trained,
    headcount (groups with either count)."""
    check_org(session, org_id)
    status_column, workforce_column = DIMENSIONS[dimension]
    ids = area_ids(session, org_id, area)
    trained = (
        select(status_column, held())
        .where(*held_before(org_id, on, TRAINED), Change.course_kind == kind)
        .group_by(status_column)
        .having(held() != 0)
    )
    snapshot = (
        select(func.max(WorkforceCount.as_of))
        .where(WorkforceCount.organisation_id == org_id, WorkforceCount.as_of <= on)
        .scalar_subquery()
    )
    headcount = (
        select(workforce_column, func.sum(WorkforceCount.headcount))
        .where(WorkforceCount.organisation_id == org_id, WorkforceCount.as_of == snapshot)
        .group_by(workforce_column)
    )
    if ids is not None:
        trained = trained.where(Change.area_id.in_(ids))
        headcount = headcount.where(WorkforceCount.area_id.in_(ids))
    result = frame(session, trained, ["group", "trained"]).merge(
        frame(session, headcount, ["group", "headcount"]), on="group", how="outer"
    )
    result[["trained", "headcount"]] = result[["trained", "headcount"]].fillna(0).astype("int64")
    return result.sort_values("group", ignore_index=True)


def _held_in(record, org_id: int, period: Period, ids: list[int] | None, kind: str | None):
    """Conditions on attendance records or session tallies (`record`) joined to their
    session and course: the organisation's sessions held in the period, attendees of the
    areas `ids` (None: all), courses of `kind` (None: all)."""
    conditions = [
        record.organisation_id == org_id,
        TrainingSession.organisation_id == org_id,
        *in_period(TrainingSession.held_on, period),
    ]
    if ids is not None:
        conditions.append(record.area_id.in_(ids))
    if kind is not None:
        conditions.append(TrainingCourse.kind == kind)
    return tuple(conditions)


def delivery(
    session: Session, org_id: int, period: Period, area: str | None = None, kind: str | None = None
) -> pd.DataFrame:
    """Courses delivered in the period: columns course, kind, mode, delivered_by, provider,
    sessions (with an attendee, in the area when one is chosen), people (who completed a
    session of the course, each once: read from the session tallies, no distinct count)."""
    check_org(session, org_id)
    ids = area_ids(session, org_id, area)
    people = sum_if(once_in(period.start, in_area=ids is not None), Tally.attended)
    stmt = (
        select(
            TrainingCourse.title,
            TrainingCourse.kind,
            TrainingCourse.mode,
            TrainingCourse.delivered_by,
            TrainingCourse.provider,
            func.count(func.distinct(TrainingSession.id)),
            people,
        )
        .select_from(Tally)
        .join(TrainingSession, TrainingSession.id == Tally.session_id)
        .join(TrainingCourse, TrainingCourse.id == TrainingSession.course_id)
        .where(*_held_in(Tally, org_id, period, ids, kind))
        .group_by(
            TrainingCourse.title,
            TrainingCourse.kind,
            TrainingCourse.mode,
            TrainingCourse.delivered_by,
            TrainingCourse.provider,
        )
        .order_by(TrainingCourse.title)
    )
    columns = ["course", "kind", "mode", "delivered_by", "provider", "sessions", "people"]
    return frame(session, stmt, columns)


def cascade(session: Session, org_id: int, period: Period, area: str | None = None) -> pd.DataFrame:
    """Cascade sessions in the period (led by a person who completed a train-the-trainer
    course before the session), per lead trainer and area of the session: columns trainer,
    area, sessions, reached (distinct people who completed them)."""
    check_org(session, org_id)
    stmt = (
        select(
            TrainingSession.lead_trainer_code,
            area_code(),
            func.count(func.distinct(TrainingSession.id)),
            func.count(func.distinct(TrainingAttendance.person_code)).filter(
                TrainingAttendance.completed.is_(True)
            ),
        )
        .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
        .join(TrainingCourse, TrainingCourse.id == TrainingSession.course_id)
        .outerjoin(Area, Area.id == TrainingSession.area_id)
        .where(
            *_held_in(TrainingAttendance, org_id, period, None, None),
            TrainingSession.lead_trainer_code.is_not(None),
            trained_trainer(org_id),
        )
        .group_by(TrainingSession.lead_trainer_code, Area.code)
        .order_by(TrainingSession.lead_trainer_code, Area.code.is_(None), Area.code)
    )
    ids = area_ids(session, org_id, area)
    if ids is not None:
        stmt = stmt.where(TrainingSession.area_id.in_(ids))
    return frame(session, stmt, ["trainer", "area", "sessions", "reached"])


def trainers_count(session: Session, org_id: int, on: date) -> int:
    """People who completed a train-the-trainer course on a session held before `on`."""
    check_org(session, org_id)
    stmt = select(held()).where(
        *held_before(org_id, on, TRAINED), Change.course_kind == "train_the_trainer"
    )
    return int(session.scalar(stmt) or 0)


def _refreshers_listed(
    session: Session, org_id: int, today: date, ids: list[int] | None
) -> pd.DataFrame:
    """refreshers_due over the next DUE_SOON_DAYS days: sums of the count changes up to
    today (a day's count includes its own changes)."""
    overdue = sum_if(Change.measure == KIND_OVERDUE, Change.change)
    soon = sum_if(Change.measure == KIND_DUE_SOON, Change.change)
    stmt = (
        select(Change.course_kind, area_code(), overdue, soon)
        .outerjoin(Area, Area.id == Change.area_id)
        .where(
            Change.organisation_id == org_id,
            Change.measure.in_((KIND_OVERDUE, KIND_DUE_SOON)),
            Change.day <= today,
        )
        .group_by(Change.course_kind, Area.code)
        .having(overdue + soon != 0)
        .order_by(Change.course_kind, Area.code.is_(None), Area.code)
    )
    if ids is not None:
        stmt = stmt.where(Change.area_id.in_(ids))
    return frame(session, stmt, ["kind", "area", "overdue", "due_soon"])


def refreshers_due(
    session: Session, org_id: int, today: date, days: int = 90, area: str | None = None
) -> pd.DataFrame:
    """Refreshers by course kind and area, from each person's latest completion up to today:
    columns kind, area, overdue (due before today), due_soon (due today or in the next
    `days` days). The usual 90 days are read from the count changes; another horizon from
    the status as at today."""
    check_org(session, org_id)
    ids = area_ids(session, org_id, area)
    if days == DUE_SOON_DAYS:
        return _refreshers_listed(session, org_id, today, ids)
    horizon = today + timedelta(days=days)
    due = Status.refresher_due_on
    stmt = (
        select(
            Status.course_kind,
            area_code(),
            count_if(due < today),
            count_if((due >= today) & (due < horizon)),
        )
        .outerjoin(Area, Area.id == Status.area_id)
        .where(*status_at(org_id, today + timedelta(days=1)), due.is_not(None), due < horizon)
        .group_by(Status.course_kind, Area.code)
        .order_by(Status.course_kind, Area.code.is_(None), Area.code)
    )
    if ids is not None:
        stmt = stmt.where(Status.area_id.in_(ids))
    return frame(session, stmt, ["kind", "area", "overdue", "due_soon"])


def assessment(
    session: Session, org_id: int, period: Period, area: str | None = None, kind: str | None = None
) -> pd.DataFrame:
    """Scores of completed attendance in the period by course kind: columns kind, scored (n
    with pre and post score), pre, post, change (mean post - pre), followed_up (n with a
    follow-up score), followup (mean). Means of fewer than MIN_AVERAGE_N people are None.
    Read from the session tallies' counts and sums."""
    check_org(session, org_id)
    stmt = (
        select(
            TrainingCourse.kind,
            func.sum(Tally.scored),
            func.sum(Tally.pre_sum),
            func.sum(Tally.post_sum),
            func.sum(Tally.followed_up),
            func.sum(Tally.followup_sum),
        )
        .select_from(Tally)
        .join(TrainingSession, TrainingSession.id == Tally.session_id)
        .join(TrainingCourse, TrainingCourse.id == TrainingSession.course_id)
        .where(
            *_held_in(Tally, org_id, period, area_ids(session, org_id, area), kind),
            Tally.completed.is_(True),
        )
        .group_by(TrainingCourse.kind)
        .order_by(TrainingCourse.kind)
    )
    sums = frame(session, stmt, ["kind", "scored", "pre", "post", "followed_up", "followup"])
    sums[["scored", "followed_up"]] = sums[["scored", "followed_up"]].astype("int64")
    for column in ("pre", "post", "followup"):
        sums[column] = sums[column].astype(float)
    sums["change"] = sums["post"] - sums["pre"]
    result = sums[["kind", "scored", "pre", "post", "change", "followed_up", "followup"]].copy()
    for mean, n in (("pre", "scored"), ("post", "scored"), ("change", "scored"),
                    ("followup", "followed_up")):  # fmt: skip
        values = (result[mean] / result[n].where(result[n] > 0)).round(1)
        result[mean] = values.astype(object).where(result[n] >= MIN_AVERAGE_N, None)
    return result
