"""KPI targets in force and KPI values joined to them (data_access/queries/kpis.py) on the
known dataset of tests/known_data/, on SQLite and PostgreSQL."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from data_access.queries.common import Period
from data_access.queries.kpis import (
    kpi_values,
    off_target,
    targets,
)
from tests.data_access.helpers import records
from tests.known_data import (
    KPI_VALUES_Q1,
    OTHER_ORG,
    Q1,
    STATUS_Q1,
    TARGETS_Q1_END,
    org_id,
)

EMPTY = Period(date(2027, 1, 1), date(2027, 2, 1))


# --------------------------------------------------------------------------- targets


def test_targets_latest_in_force(known_session):
    frame = targets(known_session, org_id(known_session), Q1.end)
    assert list(frame.columns) == ["kpi", "target_value", "direction"]
    assert list(frame.index) == list(range(len(TARGETS_Q1_END)))
    assert records(frame) == TARGETS_Q1_END


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        # Before the 2026-01-01 offer target: the 2025-04-01 one (3.0) is in force.
        (
            date(2025, 12, 31),
            [
                ("data_completeness", 80.0, "at_least"),
                ("lo_reviews_in_date", 100.0, "at_least"),
                ("offer_within_days", 3.0, "at_most"),
                ("victim_contact_within_days", 1.0, "at_most"),
                ("victim_support_rate", 90.0, "at_least"),
            ],
        ),
        # The new offer target applies from its period_start (inclusive).
        (date(2026, 1, 1), TARGETS_Q1_END),
        # lo_inductions_completed runs [2024-01-01, 2025-01-01).
        (date(2024, 12, 31), [("lo_inductions_completed", 100.0, "at_least")]),
        (
            date(2025, 1, 1),
            [
                ("lo_reviews_in_date", 100.0, "at_least"),
                ("victim_contact_within_days", 1.0, "at_most"),
            ],
        ),
        (date(2023, 12, 31), []),
        # allocation_within_days starts 2026-06-01.
        (
            date(2026, 6, 1),
            [
                ("allocation_within_days", 2.0, "at_most"),
                *TARGETS_Q1_END,
            ],
        ),
    ],
    ids=str,
)
def test_targets_at_dates(known_session, on, expected):
    frame = targets(known_session, org_id(known_session), on)
    assert records(frame) == expected


def test_targets_other_organisation(known_session):
    frame = targets(known_session, org_id(known_session, OTHER_ORG), Q1.end)
    assert records(frame) == [
        ("allocation_within_days", 5.0, "at_most"),
        ("lo_inductions_completed", 50.0, "at_least"),
        ("offer_within_days", 99.0, "at_most"),
    ]


# --------------------------------------------------------------------------- off target


def _statuses(known_session) -> pd.DataFrame:
    org = org_id(known_session)
    return off_target(kpi_values(known_session, org, Q1), targets(known_session, org, Q1.end))


def test_off_target_joins_targets(known_session):
    frame = _statuses(known_session)
    assert list(frame.columns) == [
        "kpi",
        "value",
        "numerator",
        "denominator",
        "target_value",
        "direction",
        "status",
    ]
    assert list(frame["kpi"]) == [row[0] for row in KPI_VALUES_Q1]
    goals = {kpi: (value, direction) for kpi, value, direction in TARGETS_Q1_END}
    for kpi, value, direction in zip(
        frame["kpi"], frame["target_value"], frame["direction"], strict=True
    ):
        if kpi in goals:
            assert (value, direction) == goals[kpi]
        else:
            assert math.isnan(value)
            assert pd.isna(direction)


def test_off_target_status_for_kpis_with_targets(known_session):
    frame = _statuses(known_session)
    got = dict(zip(frame["kpi"], frame["status"], strict=True))
    with_targets = {kpi for kpi, _, _ in TARGETS_Q1_END}
    assert {k: v for k, v in got.items() if k in with_targets} == {
        k: v for k, v in STATUS_Q1.items() if k in with_targets
    }


def test_off_target_status_for_kpis_without_targets_is_none(known_session):
    """allocation_within_days (target starts 2026-06-01) and lo_inductions_completed (target
    ended 2025-01-01) have no target in force: their status must be 'none', not 'red'."""
    frame = _statuses(known_session)
    got = dict(zip(frame["kpi"], frame["status"], strict=True))
    assert got["allocation_within_days"] == "none"
    assert got["lo_inductions_completed"] == "none"
    assert got == STATUS_Q1


def test_off_target_unknown_value_is_none(known_session):
    values = pd.DataFrame(
        [("offer_within_days", None, None, None), ("victim_support_rate", 95.0, 19, 20)],
        columns=["kpi", "value", "numerator", "denominator"],
    )
    frame = off_target(values, targets(known_session, org_id(known_session), Q1.end))
    assert list(frame["status"]) == ["none", "green"]
