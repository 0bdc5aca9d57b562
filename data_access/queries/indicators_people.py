"""Scorecard indicators about people, by area: liaison officers on a date, and training
against the workforce headcount (the latest snapshot on or before the date)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd
from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from data_access.models import (
    Area,
    LiaisonOfficer,
    TrainingAttendance,
    TrainingSession,
    WorkforceCount,
)
from data_access.queries.common import Period, active_at, check_org, frame, list_areas
from data_access.queries.indicators_common import area_code, in_period, to_long
from data_access.queries.kpis import REVIEW_INTERVAL
from data_access.queries.scheme import training_coverage
from data_access.sql import count_if
from data_access.training_changes import OVERDUE, TRAINED, WITH_REFRESHER
from data_access.training_status import Change, Status, held, held_before
from data_access.vocab import LEADERSHIP_RANKS

#: Units whose officers investigate hate crime (the specialised course's audience).
INVESTIGATING_UNITS = ("cid", "response")


def _per_area(session: Session, org_id: int, frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Outer-join per-area frames onto every area of the organisation; missing → 0."""
    merged = list_areas(session, org_id).rename(columns={"code": "area"})[["area", "population"]]
    for part in frames:
        merged = merged.merge(part, on="area", how="outer")
    return merged.fillna(0).sort_values("area", ignore_index=True)


def officer_counts(session: Session, org_id: int, on: date) -> pd.DataFrame:
    """Liaison officers active on `on` (common.active_at) by area.

    - lo_per_100k: active officers (numerator) against the area population (denominator).
    - lo_inductions_completed: active officers with an induction date, of active officers.
    - lo_reviews_in_date: active officers whose last 6-monthly review is within 183 days
      before `on` (as kpis.officer_compliance), of active officers.
    Columns: indicator, area, strand (None), numerator, denominator."""
    check_org(session, org_id)
    stmt = (
        select(
            Area.code,
            func.count(LiaisonOfficer.id),
            count_if(LiaisonOfficer.induction_completed_on.is_not(None)),
            count_if(LiaisonOfficer.last_review_on >= on - REVIEW_INTERVAL),
        )
        .join(Area, Area.id == LiaisonOfficer.area_id)
        .where(*active_at(org_id, on))
        .group_by(Area.code)
    )
    officers = frame(session, stmt, ["area", "active", "inducted", "reviewed"])
    wide = _per_area(session, org_id, [officers])
    pairs = {
        "lo_per_100k": ("active", "population"),
        "lo_inductions_completed": ("inducted", "active"),
        "lo_reviews_in_date": ("reviewed", "active"),
    }
    return to_long(wide, pairs)


def _trained(session, org_id, on, kind, column, ranks=None, units=None) -> pd.DataFrame:
    """People who completed a course of `kind` on a session held before `on`, each once, in
    the area (and with the rank and unit) of their latest such completion."""
    stmt = (
        select(area_code(), held())
        .select_from(Change)
        .outerjoin(Area, Area.id == Change.area_id)
        .where(*held_before(org_id, on, TRAINED), Change.course_kind == kind)
        .group_by(Area.code)
        .having(held() != 0)
    )
    if ranks is not None:
        stmt = stmt.where(Change.rank.in_(ranks))
    if units is not None:
        stmt = stmt.where(Change.unit.in_(units))
    return frame(session, stmt, ["area", column])


def _headcount(session, org_id, on, column, ranks=None, units=None) -> pd.DataFrame:
    """Workforce headcount by area in the latest snapshot on or before `on`."""
    snapshot = (
        select(func.max(WorkforceCount.as_of))
        .where(WorkforceCount.organisation_id == org_id, WorkforceCount.as_of <= on)
        .scalar_subquery()
    )
    stmt = (
        select(Area.code, func.sum(WorkforceCount.headcount))
        .join(Area, Area.id == WorkforceCount.area_id)
        .where(WorkforceCount.organisation_id == org_id, WorkforceCount.as_of == snapshot)
        .group_by(Area.code)
    )
    if ranks is not None:
        stmt = stmt.where(WorkforceCount.rank.in_(ranks))
    if units is not None:
        stmt = stmt.where(WorkforceCount.unit.in_(units))
    return frame(session, stmt, ["area", column])


def _refreshers(session: Session, org_id: int, on: date) -> pd.DataFrame:
    """People with a refresher due date, and those overdue, by area (see training_counts):
    sums of the count changes before `on`, never a pass over the people."""
    changes = (
        select(
            Change.area_id,
            func.sum(case((Change.measure == WITH_REFRESHER, Change.change), else_=0)).label(
                "with_refresher"
            ),
            func.sum(case((Change.measure == OVERDUE, Change.change), else_=0)).label("overdue"),
        )
        .where(
            Change.organisation_id == org_id,
            Change.measure.in_((WITH_REFRESHER, OVERDUE)),
            Change.day < on,
        )
        .group_by(Change.area_id)
        .subquery()
    )
    stmt = (
        select(area_code(), func.sum(changes.c.with_refresher), func.sum(changes.c.overdue))
        .select_from(changes)
        .outerjoin(Area, Area.id == changes.c.area_id)
        .group_by(Area.code)
        .having(func.sum(changes.c.with_refresher) != 0)
    )
    return frame(session, stmt, ["area", "with_refresher", "overdue"])


def trained_trainer(org_id: int):
    """EXISTS: the session's lead trainer completed a train-the-trainer course before it."""
    return (
        select(Status.id)
        .where(
            Status.organisation_id == org_id,
            Status.course_kind == "train_the_trainer",
            Status.person_code == TrainingSession.lead_trainer_code,
            Status.first_completed_on < TrainingSession.held_on,
        )
        .exists()
    )


def _cascade(session: Session, org_id: int, period: Period) -> pd.DataFrame:
    """People reached by train-the-trainer cascade sessions in the period, by area."""
    stmt = (
        select(area_code(), func.count(func.distinct(TrainingAttendance.person_code)))
        .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
        .outerjoin(Area, Area.id == TrainingAttendance.area_id)
        .where(
            TrainingAttendance.organisation_id == org_id,
            TrainingSession.organisation_id == org_id,
            TrainingAttendance.completed.is_(True),
            *in_period(TrainingSession.held_on, period),
            TrainingSession.lead_trainer_code.is_not(None),
            trained_trainer(org_id),
        )
        .group_by(Area.code)
    )
    return frame(session, stmt, ["area", "reached"])


def training_counts(session: Session, org_id: int, period: Period) -> pd.DataFrame:
    """Training indicators by area at the end of the period (`on` = period.end).

    - training_coverage: scheme.training_coverage of the awareness course (people who
      completed it on a session held before `on`, against the whole workforce headcount).
    Every count of trained people reads the training status as at `on` (one row per person
    and course kind, kept by data_access.training_status), never the attendance history.
    - leadership_trained: people of a leadership rank (vocab.LEADERSHIP_RANKS, rank on the
      attendance record) who completed a leadership briefing held before `on`, against the
      headcount of those ranks.
    - investigators_trained: people of the CID and response units who completed the
      hate-crime investigation course held before `on`, against those units' headcount.
    - refreshers_overdue: people with a refresher due date (completed courses held before
      `on`); overdue when, for any course kind, their latest due date is before `on`.
    - cascade_reach: distinct people who completed a session held in the period led by a
      trainer who had completed a train-the-trainer course before that session (no
      denominator).
    People are counted once, in the area of their latest completion before `on` (workforce:
    its area); cascade reach counts attendance in the period (its area).
    Columns: indicator, area, strand (None), numerator, denominator."""
    check_org(session, org_id)
    on = period.end
    coverage = training_coverage(session, org_id, on, "awareness")
    parts = [
        coverage,
        _trained(session, org_id, on, "leadership_briefing", "leaders_trained", LEADERSHIP_RANKS),
        _headcount(session, org_id, on, "leaders", ranks=LEADERSHIP_RANKS),
        _trained(
            session, org_id, on, "investigation", "investigators_trained", None, INVESTIGATING_UNITS
        ),
        _headcount(session, org_id, on, "investigators", units=INVESTIGATING_UNITS),
        _refreshers(session, org_id, on),
        _cascade(session, org_id, period),
    ]
    wide = _per_area(session, org_id, parts)
    pairs = {
        "training_coverage": ("trained", "headcount"),
        "leadership_trained": ("leaders_trained", "leaders"),
        "investigators_trained": ("investigators_trained", "investigators"),
        "refreshers_overdue": ("overdue", "with_refresher"),
        "cascade_reach": ("reached", None),
    }
    return to_long(wide, pairs)
