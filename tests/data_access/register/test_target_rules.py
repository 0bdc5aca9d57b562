"""KPI targets follow their KPI: a fixed direction, bounds in its unit, plain decimals only, and
no two periods of one KPI overlapping (open-ended runs for ever)."""

from __future__ import annotations

import pytest

from data_access import commitments as store
from data_access.targets import KPI_TARGETS, parse_target_value
from tests.data_access.helpers import records
from tests.data_access.register.data import org, snapshot

TARGET = {"kpi": "offer_within_days", "target_value": "5", "period_start": "2025-04-01"}


@pytest.mark.parametrize(
    ("kpi", "value", "code"),
    [
        ("offer_within_days", "0.0001", "whole_number"),
        ("offer_within_days", "2.5", "whole_number"),
        ("offer_within_days", "366", "out_of_range"),
        ("training_coverage", "100.01", "out_of_range"),
        ("training_coverage", "75.125", "too_precise"),
        ("training_coverage", "1e300", "not_a_number"),
        ("training_coverage", "1e2", "not_a_number"),
        ("training_coverage", "1_0", "not_a_number"),
        ("training_coverage", "٧٥", "not_a_number"),  # Arabic-Indic 75
        ("training_coverage", "７５", "not_a_number"),  # full-width 75
        ("training_coverage", "+75", "not_a_number"),
        ("training_coverage", "75.", "not_a_number"),
        ("training_coverage", ".5", "not_a_number"),
        ("training_coverage", "inf", "not_a_number"),
        ("training_coverage", 1e300, "not_a_number"),
        ("training_coverage", "1234567", "not_a_number"),
        ("events_per_quarter", "10001", "out_of_range"),
    ],
)
def test_nonsense_target_values_are_refused(session, kpi, value, code):
    before = snapshot(session)
    with pytest.raises(store.ValidationError) as refused:
        store.save_target(session, org(session), "coord", {**TARGET, "kpi": kpi,
                                                             "target_value": value})  # fmt: skip
    assert refused.value.errors["target_value"][0] == code
    assert snapshot(session) == before


@pytest.mark.parametrize(
    ("kpi", "value", "read"),
    [
        ("offer_within_days", "0", 0.0),
        ("offer_within_days", " 365 ", 365.0),
        ("offer_within_days", 7, 7.0),
        ("training_coverage", "99.95", 99.95),
        ("training_coverage", 80.5, 80.5),
        ("lo_per_100k", "2.25", 2.25),
        ("events_per_quarter", "120", 120.0),
    ],
)
def test_plain_decimals_within_the_unit_are_read(kpi, value, read):
    assert parse_target_value(value, KPI_TARGETS[kpi]) == (read, None)


def test_the_direction_is_the_kpis_own(session):
    org_id = org(session)
    store.save_target(session, org_id, "c", {**TARGET, "direction": "at_least"})
    store.save_target(session, org_id, "c", {**TARGET, "kpi": "training_coverage",
                                             "target_value": "80"})  # fmt: skip
    shown = {row[0]: row[2] for row in records(store.list_targets(session, org_id))}
    assert shown == {"offer_within_days": "at_most", "training_coverage": "at_least"}


@pytest.mark.parametrize(
    ("start", "end", "overlaps"),
    [
        ("2026-04-01", "", True),  # inside the open-ended one
        ("2024-04-01", "", True),  # open-ended before it runs into it
        ("2024-04-01", "2025-04-02", True),
        ("2024-04-01", "2025-04-01", False),  # ends the day it starts (end is exclusive)
        ("2023-01-01", "2024-01-01", False),
    ],
)
def test_one_kpis_target_periods_may_not_overlap(session, start, end, overlaps):
    org_id = org(session)
    store.save_target(session, org_id, "c", TARGET)  # from 2025-04-01, open-ended
    new = {**TARGET, "period_start": start, "period_end": end}
    if not overlaps:
        assert store.save_target(session, org_id, "c", new)
        return
    with pytest.raises(store.ValidationError) as refused:
        store.save_target(session, org_id, "c", new)
    assert refused.value.errors == {
        "period_start": ("target_overlap", {"start": "2025-04-01", "end": None})
    }


def test_ending_the_open_target_makes_room_for_the_next(session):
    org_id = org(session)
    store.save_target(session, org_id, "c", TARGET)
    store.save_target(session, org_id, "c", {**TARGET, "period_end": "2026-04-01"})
    store.save_target(session, org_id, "c", {**TARGET, "target_value": "4",
                                             "period_start": "2026-04-01"})  # fmt: skip
    with pytest.raises(store.ValidationError) as refused:
        store.save_target(session, org_id, "c", {**TARGET, "period_start": "2025-10-01",
                                                 "period_end": "2026-01-01"})  # fmt: skip
    assert refused.value.errors["period_start"] == (
        "target_overlap",
        {"start": "2025-04-01", "end": "2026-04-01"},
    )
    assert len(store.list_targets(session, org_id)) == 2
