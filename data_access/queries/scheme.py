"""Scheme health by area: active liaison officers, training coverage, community events."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from data_access.models import (
    Area,
    CommunityEvent,
    LiaisonOfficer,
    WorkforceCount,
)
from data_access.queries.common import Period, active_at, check_org, frame
from data_access.training_changes import TRAINED
from data_access.training_status import Change, held, held_before


def _by_area(session: Session, org_id: int, stmt, columns: list[str]) -> pd.DataFrame:
    """Left-join an aggregate keyed by area id onto every area of the organisation (zeros)."""
    sub = stmt.subquery()
    outer = (
        select(Area.code, *[func.coalesce(sub.c[c], 0) for c in columns])
        .outerjoin(sub, sub.c.area_id == Area.id)
        .where(Area.organisation_id == org_id)
        .order_by(Area.code)
    )
    result = frame(session, outer, ["area", *columns])
    result[columns] = result[columns].astype("int64")
    return result


def active_officers(session: Session, org_id: int, on: date) -> pd.DataFrame:
    """Liaison officers active at `on` (see `active_at`) by area: columns area, officers."""
    check_org(session, org_id)
    stmt = (
        select(LiaisonOfficer.area_id, func.count(LiaisonOfficer.id).label("officers"))
        .where(*active_at(org_id, on))
        .group_by(LiaisonOfficer.area_id)
    )
    return _by_area(session, org_id, stmt, ["officers"])


def training_coverage(
    session: Session, org_id: int, on: date, course_kind: str = "awareness"
) -> pd.DataFrame:
    """Coverage of one course kind at a date by area: columns area, trained, headcount.

    trained: people who completed the course on a session held before `on`, each counted
    once, in the area of their latest such completion (the training status as at `on`, read
    from its count changes);
    headcount: the latest workforce snapshot on or before `on`."""
    check_org(session, org_id)
    trained = (
        select(Change.area_id, held().label("trained"))
        .where(*held_before(org_id, on, TRAINED), Change.course_kind == course_kind)
        .group_by(Change.area_id)
    )
    snapshot = (
        select(func.max(WorkforceCount.as_of))
        .where(WorkforceCount.organisation_id == org_id, WorkforceCount.as_of <= on)
        .scalar_subquery()
    )
    headcount = (
        select(WorkforceCount.area_id, func.sum(WorkforceCount.headcount).label("headcount"))
        .where(WorkforceCount.organisation_id == org_id, WorkforceCount.as_of == snapshot)
        .group_by(WorkforceCount.area_id)
    )
    return _by_area(session, org_id, trained, ["trained"]).merge(
        _by_area(session, org_id, headcount, ["headcount"]), on="area"
    )


def events_held(session: Session, org_id: int, period: Period) -> pd.DataFrame:
    """Community events in the period by area: columns area, events, senior_present."""
    check_org(session, org_id)
    senior = case((CommunityEvent.senior_officer_present.is_(True), 1), else_=0)
    stmt = (
        select(
            CommunityEvent.area_id,
            func.count(CommunityEvent.id).label("events"),
            func.sum(senior).label("senior_present"),
        )
        .where(
            CommunityEvent.organisation_id == org_id,
            CommunityEvent.held_on >= period.start,
            CommunityEvent.held_on < period.end,
        )
        .group_by(CommunityEvent.area_id)
    )
    return _by_area(session, org_id, stmt, ["events", "senior_present"])


def area_names(session: Session, org_id: int) -> dict[str, str]:
    """Area code → name for an organisation."""
    check_org(session, org_id)
    rows = session.execute(
        select(Area.code, Area.name).where(Area.organisation_id == org_id).order_by(Area.name)
    )
    return {code: name for code, name in rows}
