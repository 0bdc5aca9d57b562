"""Known answers for the training queries on SQLite and PostgreSQL (data.py works them out)."""

from __future__ import annotations

from datetime import date

import pytest

from data_access.queries import indicators_people, scheme, training
from data_access.queries.common import Period
from tests.data_access.helpers import records

ON = date(2026, 4, 1)
QUARTER = Period(date(2026, 1, 1), ON)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        # P1 attended twice (counted once); P3 failed then passed; P5's session is on `on`
        (ON, [("N", 7, 24), ("S", 4, 16)]),
        # before A2 and C3 (held that day): P1 P2 Q6 in N, Q1 Q2 in S
        (date(2026, 2, 1), [("N", 3, 24), ("S", 2, 16)]),
        # the later snapshot (2026-07-01) has only N's 999; P5 now trained
        (date(2026, 8, 1), [("N", 7, 999), ("S", 5, 0)]),
    ],
)
def test_coverage_by_area_counts_each_person_once(session, org, on, expected):
    assert records(scheme.training_coverage(session, org, on, "awareness")) == expected


@pytest.mark.parametrize(
    ("dimension", "area", "expected"),
    [
        ("rank", None, [("chief_inspector", 1, 4), ("constable", 10, 30), ("sergeant", 0, 6)]),
        ("rank", "S", [("constable", 4, 10), ("sergeant", 0, 6)]),
        ("unit", None, [("cid", 0, 6), ("headquarters", 1, 4), ("response", 10, 30)]),
    ],
)
def test_coverage_by_rank_and_unit(session, org, dimension, area, expected):
    frame = training.coverage_by(session, org, ON, "awareness", dimension, area)
    assert records(frame) == expected


def test_trainers_are_counted_in_their_own_organisation_only(session, org):
    assert training.trainers_count(session, org, ON) == 1  # T1; Z9 is trained only in DEC


def test_cascade_counts_sessions_and_people_reached(session, org):
    # C1 (Q1 Q2; Q3 did not complete) and C2 (Q4) led by T1; C3's Z9 is not a trained
    # trainer here; C4 was before T1 was trained
    assert records(training.cascade(session, org, QUARTER)) == [("T1", "S", 2, 3)]
    assert records(indicators_people._cascade(session, org, QUARTER)) == [("S", 3)]


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (ON, [("N", 2, 1), ("S", 1, 0)]),  # P2's due date 2026-03-15 has passed
        (date(2026, 2, 1), [("N", 2, 0)]),  # as at then: P1 due 2026-03-01, P2 2026-03-15
    ],
)
def test_refreshers_with_due_date_and_overdue(session, org, on, expected):
    assert records(indicators_people._refreshers(session, org, on)) == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 1, 20), [("awareness", "N", 0, 2)]),  # P1 and P2 due within 90 days
        # P1's refresher (A2) moved his due date to 2027; P2 is overdue
        (date(2026, 3, 20), [("awareness", "N", 1, 0)]),
    ],
)
def test_refreshers_due_soon_and_overdue(session, org, today, expected):
    assert records(training.refreshers_due(session, org, today, 90)) == expected


def test_pre_post_change_and_followup_with_n(session, org):
    # A2 (P1 P3 P4), A4 (P6 P7), C1 (Q1 Q2), C2 (Q4): pre 400/8, post 536/8; 2 follow-ups
    rows = records(training.assessment(session, org, QUARTER))
    assert rows == [("awareness", 8, 50.0, 67.0, 17.0, 2, None)]


def test_no_average_for_fewer_than_five_people(session, org):
    rows = records(training.assessment(session, org, QUARTER, area="S"))
    assert rows == [("awareness", 4, None, None, None, 1, None)]


def test_delivery_by_course_with_provider_and_people(session, org):
    assert records(training.delivery(session, org, QUARTER)) == [
        ("AW", "awareness", "online", "civil_society", "Pride Network", 2, 5),
        ("CL", "awareness", "on_site", "joint", "Pride Network", 3, 4),
    ]
