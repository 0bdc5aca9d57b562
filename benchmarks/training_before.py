"""The training queries as they were before the count changes and session tallies: distinct
counts and means over the attendance history. Kept only for benchmarks/training_scale.py to
time against the queries that replaced them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from data_access.models import TrainingAttendance, TrainingCourse, TrainingSession
from data_access.queries.common import Period
from data_access.vocab import LEADERSHIP_RANKS

A, S, C = TrainingAttendance, TrainingSession, TrainingCourse


def _completed_before(org_id: int, on: date, kind: str | None = None) -> tuple:
    where = (A.organisation_id == org_id, A.completed.is_(True), S.held_on < on)
    return (*where, C.kind == kind) if kind else where


def _held_in(org_id: int, period: Period) -> tuple:
    return A.organisation_id == org_id, S.held_on >= period.start, S.held_on < period.end


def _people_by_area(session: Session, org_id: int, on: date, kind: str, *where) -> list:
    """Distinct people per area who completed a course of `kind` before `on`, over attendance."""
    stmt = (
        select(A.area_id, func.count(func.distinct(A.person_code)))
        .join(S, S.id == A.session_id)
        .join(C, C.id == S.course_id)
        .where(*_completed_before(org_id, on, kind), *where)
        .group_by(A.area_id)
    )
    return session.execute(stmt).all()


def old_coverage(session: Session, org_id: int, on: date) -> list:
    """The former scheme.training_coverage numerator: distinct people over all attendance."""
    return _people_by_area(session, org_id, on, "awareness")


def old_trained(session: Session, org_id: int, on: date) -> list:
    """The former indicators_people._trained (leadership briefing, leadership ranks)."""
    return _people_by_area(session, org_id, on, "leadership_briefing", A.rank.in_(LEADERSHIP_RANKS))


def old_refreshers(session: Session, org_id: int, on: date) -> list:
    """The former indicators_people._refreshers."""
    per_kind = (
        select(A.person_code, A.area_id, func.max(A.refresher_due_on).label("due"))
        .join(S, S.id == A.session_id)
        .join(C, C.id == S.course_id)
        .where(*_completed_before(org_id, on), A.refresher_due_on.is_not(None))
        .group_by(A.person_code, A.area_id, C.kind)
        .subquery()
    )
    person = (
        select(per_kind.c.person_code, per_kind.c.area_id, func.min(per_kind.c.due).label("due"))
        .group_by(per_kind.c.person_code, per_kind.c.area_id)
        .subquery()
    )
    stmt = select(person.c.area_id, func.count()).group_by(person.c.area_id)
    return session.execute(stmt).all()


def old_cascade(session: Session, org_id: int, period: Period) -> list:
    """The former indicators_people._cascade (correlated EXISTS over attendance)."""
    trainer, tsession, tcourse = aliased(A), aliased(S), aliased(C)
    trained_before = (
        select(trainer.id)
        .join(tsession, tsession.id == trainer.session_id)
        .join(tcourse, tcourse.id == tsession.course_id)
        .where(
            trainer.organisation_id == org_id,
            trainer.person_code == S.lead_trainer_code,
            trainer.completed.is_(True),
            tcourse.kind == "train_the_trainer",
            tsession.held_on < S.held_on,
        )
        .exists()
    )
    stmt = (
        select(A.area_id, func.count(func.distinct(A.person_code)))
        .join(S, S.id == A.session_id)
        .where(
            *_held_in(org_id, period),
            A.completed.is_(True),
            S.lead_trainer_code.is_not(None),
            trained_before,
        )
        .group_by(A.area_id)
    )
    return session.execute(stmt).all()


def old_delivery(session: Session, org_id: int, period: Period) -> list:
    """The former training.delivery: distinct people per course over the period's attendance."""
    stmt = (
        select(
            C.title,
            func.count(func.distinct(S.id)),
            func.count(func.distinct(A.person_code)).filter(A.completed.is_(True)),
        )
        .join(S, S.id == A.session_id)
        .join(C, C.id == S.course_id)
        .where(*_held_in(org_id, period))
        .group_by(C.title)
    )
    return session.execute(stmt).all()


def old_assessment(session: Session, org_id: int, period: Period) -> list:
    """The former training.assessment: means over the period's completed attendance."""
    both = A.pre_score.is_not(None) & A.post_score.is_not(None)
    stmt = (
        select(
            C.kind,
            func.count().filter(both),
            func.avg(A.pre_score).filter(both),
            func.avg(A.post_score).filter(both),
            func.count(A.followup_score),
            func.avg(A.followup_score),
        )
        .join(S, S.id == A.session_id)
        .join(C, C.id == S.course_id)
        .where(*_held_in(org_id, period), A.completed.is_(True))
        .group_by(C.kind)
    )
    return session.execute(stmt).all()
