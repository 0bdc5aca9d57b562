"""Delivery and score figures read from the session tallies equal the same figures counted
over the attendance itself (distinct people, means over records), for every period, area
and course kind."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
from sqlalchemy import func, select

from data_access.models import (
    Area,
    Organisation,
    TrainingAttendance,
    TrainingCourse,
    TrainingSession,
)
from data_access.queries import training
from data_access.queries.common import Period
from tests.conftest import session_on

A, S, C = TrainingAttendance, TrainingSession, TrainingCourse


def _where(org, period, area_id, kind) -> list:
    conditions = [A.organisation_id == org, S.held_on >= period.start, S.held_on < period.end]
    if area_id is not None:
        conditions.append(A.area_id == area_id)
    if kind is not None:
        conditions.append(C.kind == kind)
    return conditions


def _counted(session, org, period, area_id, kind) -> set:
    """(course, sessions, people) counted over attendance: the definition."""
    people = func.count(func.distinct(A.person_code)).filter(A.completed.is_(True))
    stmt = (
        select(C.title, func.count(func.distinct(S.id)), people)
        .join(S, S.id == A.session_id)
        .join(C, C.id == S.course_id)
        .where(*_where(org, period, area_id, kind))
        .group_by(C.title)
    )
    return {tuple(row) for row in session.execute(stmt)}


def _means(session, org, period, area_id, kind) -> dict:
    both = A.pre_score.is_not(None) & A.post_score.is_not(None)
    stmt = (
        select(
            C.kind,
            func.count().filter(both),
            func.avg(A.pre_score).filter(both),
            func.avg(A.post_score - A.pre_score).filter(both),
            func.count(A.followup_score),
            func.avg(A.followup_score),
        )
        .join(S, S.id == A.session_id)
        .join(C, C.id == S.course_id)
        .where(*_where(org, period, area_id, kind), A.completed.is_(True))
        .group_by(C.kind)
    )
    return {
        row[0]: (row[1], _round(row[2], row[1]), _round(row[3], row[1]), row[4],
                 _round(row[5], row[4]))
        for row in session.execute(stmt)
    }  # fmt: skip


def _round(mean, n):
    """As the page rounds (pandas, i.e. numpy: 18.15 → 18.2)."""
    return None if mean is None or n < training.MIN_AVERAGE_N else float(np.round(float(mean), 1))


def _tallied_means(frame: pd.DataFrame) -> dict:
    return {
        row.kind: (row.scored, row.pre, row.change, row.followed_up, row.followup)
        for row in frame.itertuples()
    }


#: (start, months): single months, quarters, a year and two years (annual refreshers repeat)
PERIODS = [(date(2024, 1, 1), 24), (date(2025, 4, 1), 3), (date(2025, 7, 1), 12),
           (date(2026, 1, 1), 1), (date(2024, 10, 1), 12), (date(2026, 4, 1), 6)]  # fmt: skip
KINDS = (None, "awareness", "refresher", "investigation")


def _periods():
    for start, months in PERIODS:
        end_month = start.month - 1 + months
        yield Period(start, date(start.year + end_month // 12, end_month % 12 + 1, 1))


def test_delivery_and_scores_equal_the_counts_over_attendance(demo_url):
    with session_on(demo_url) as session:
        for org, code in session.execute(select(Organisation.id, Organisation.code)):
            areas = [(None, None)] + [
                (a.id, a.code)
                for a in session.scalars(select(Area).where(Area.organisation_id == org))
            ]
            checked = 0
            for period in _periods():
                for area_id, area in areas:
                    for kind in KINDS:
                        got = training.delivery(session, org, period, area, kind)
                        expected = _counted(session, org, period, area_id, kind)
                        assert {
                            (r.course, r.sessions, r.people) for r in got.itertuples()
                        } == expected, (code, period, area, kind)
                        scores = training.assessment(session, org, period, area, kind)
                        assert _tallied_means(scores) == _means(
                            session, org, period, area_id, kind
                        ), (code, period, area, kind)
                        checked += len(expected)
            assert checked > 0
