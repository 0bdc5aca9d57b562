"""Open-data queries about public activities and the workforce (not protected counts):
events, training coverage by rank, public commitments and actions, and the import history."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_access.models import (
    Action,
    Area,
    Commitment,
    CommunityEvent,
    ImportBatch,
    RecordRevision,
    TrainingAttendance,
    TrainingCourse,
    TrainingSession,
    WorkforceCount,
)
from data_access.queries.common import Period, area_ids, check_org, frame
from data_access.sql import month_of


def event_months(session: Session, org_id: int, period: Period) -> pd.DataFrame:
    """Community events held per month, type and area ('' when no area): columns month,
    event_type, area, events, attendance (recorded attendance added up)."""
    check_org(session, org_id)
    month = month_of(CommunityEvent.held_on)
    area = func.coalesce(Area.code, "")
    keys = (month, CommunityEvent.event_type, area)
    stmt = (
        select(*keys, func.count(CommunityEvent.id), func.sum(CommunityEvent.attendance))
        .outerjoin(Area, Area.id == CommunityEvent.area_id)
        .where(
            CommunityEvent.organisation_id == org_id,
            CommunityEvent.held_on >= period.start,
            CommunityEvent.held_on < period.end,
        )
        .group_by(*keys)
    )
    result = frame(session, stmt, ["month", "event_type", "area", "events", "attendance"])
    result["attendance"] = result["attendance"].fillna(0)
    return result.astype({"events": "int64", "attendance": "int64"})


def training_by_rank(
    session: Session, org_id: int, on: date, area_code: str | None, course_kind: str = "awareness"
) -> pd.DataFrame:
    """Coverage of one course kind at a date by rank (one area or all): columns rank, trained
    (distinct people who completed it before `on`), headcount (latest snapshot on or before
    `on`)."""
    check_org(session, org_id)
    areas = area_ids(session, org_id, area_code)
    trained = (
        select(TrainingAttendance.rank, func.count(func.distinct(TrainingAttendance.person_code)))
        .join(TrainingSession, TrainingSession.id == TrainingAttendance.session_id)
        .join(TrainingCourse, TrainingCourse.id == TrainingSession.course_id)
        .where(
            TrainingAttendance.organisation_id == org_id,
            TrainingAttendance.completed.is_(True),
            TrainingCourse.kind == course_kind,
            TrainingSession.held_on < on,
        )
        .group_by(TrainingAttendance.rank)
    )
    snapshot = (
        select(func.max(WorkforceCount.as_of))
        .where(WorkforceCount.organisation_id == org_id, WorkforceCount.as_of <= on)
        .scalar_subquery()
    )
    headcount = (
        select(WorkforceCount.rank, func.sum(WorkforceCount.headcount))
        .where(WorkforceCount.organisation_id == org_id, WorkforceCount.as_of == snapshot)
        .group_by(WorkforceCount.rank)
    )
    if areas is not None:
        trained = trained.where(TrainingAttendance.area_id.in_(areas))
        headcount = headcount.where(WorkforceCount.area_id.in_(areas))
    merged = frame(session, headcount, ["rank", "headcount"]).merge(
        frame(session, trained, ["rank", "trained"]), on="rank", how="outer"
    )
    return merged.fillna(0).astype({"trained": "int64", "headcount": "int64"})


def public_commitments(session: Session, org_id: int) -> pd.DataFrame:
    """The organisation's public commitments by key point and code: columns code, key_point,
    text, owner, due_on, status."""
    check_org(session, org_id)
    columns = ["code", "key_point", "text", "owner", "due_on", "status"]
    stmt = (
        select(*(getattr(Commitment, c) for c in columns))
        .where(Commitment.organisation_id == org_id, Commitment.is_public.is_(True))
        .order_by(Commitment.code)
    )
    return frame(session, stmt, columns)


def public_actions(session: Session, org_id: int, period: Period) -> pd.DataFrame:
    """Public 'you said, we did' actions raised in the period, oldest first: columns code,
    raised_on, forum, issue, response, status, due_on."""
    check_org(session, org_id)
    columns = ["code", "raised_on", "forum", "issue", "response", "status", "due_on"]
    stmt = (
        select(*(getattr(Action, c) for c in columns))
        .where(
            Action.organisation_id == org_id,
            Action.is_public.is_(True),
            Action.raised_on >= period.start,
            Action.raised_on < period.end,
        )
        .order_by(Action.raised_on, Action.code)
    )
    return frame(session, stmt, columns)


def last_changed(session: Session, org_id: int, models: tuple) -> date | None:
    """The latest change to any record of the models for the organisation (None: no record)."""
    check_org(session, org_id)
    # a scrutiny sample has no updated_at: its draw is the latest stamp it holds (findings
    # recorded later carry none)
    latest = [
        session.scalar(
            select(func.max(m.updated_at if hasattr(m, "updated_at") else m.drawn_at)).where(
                m.organisation_id == org_id
            )
        )
        for m in models
    ]
    known = [moment for moment in latest if moment is not None]
    return max(known).date() if known else None


def import_history(session: Session, org_id: int) -> pd.DataFrame:
    """Applied imports of the organisation, oldest first: columns id, created_at, kind,
    filename, rows_inserted, rows_updated, rows_unchanged."""
    check_org(session, org_id)
    columns = ["id", "created_at", "kind", "filename", "rows_inserted", "rows_updated"]
    columns.append("rows_unchanged")
    stmt = (
        select(*(getattr(ImportBatch, c) for c in columns))
        .where(ImportBatch.organisation_id == org_id, ImportBatch.status == "applied")
        .order_by(ImportBatch.created_at, ImportBatch.id)
    )
    return frame(session, stmt, columns)


def revised_fields(session: Session, org_id: int) -> pd.DataFrame:
    """Per applied import and field, how many records it corrected (from the revision rows,
    no value): columns batch_id, field, records."""
    check_org(session, org_id)
    stmt = (
        select(
            RecordRevision.batch_id,
            RecordRevision.field,
            func.count(func.distinct(RecordRevision.natural_key)),
        )
        .where(RecordRevision.organisation_id == org_id)
        .group_by(RecordRevision.batch_id, RecordRevision.field)
        .order_by(RecordRevision.batch_id, RecordRevision.field)
    )
    return frame(session, stmt, ["batch_id", "field", "records"]).astype({"records": "int64"})
