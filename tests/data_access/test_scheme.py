"""Scheme health by area (data_access/queries/scheme.py) on the known dataset."""

from __future__ import annotations

from datetime import date

import pytest

from data_access.queries.common import Period
from data_access.queries.scheme import active_officers, area_names, events_held, training_coverage
from tests.data_access.helpers import records
from tests.known_data import ACTIVE_OFFICERS, COVERAGE, EVENTS, OTHER_ORG, Q1, org_id


@pytest.mark.parametrize("on", list(ACTIVE_OFFICERS), ids=str)
def test_active_officers_per_area(known_session, on):
    """LO4 is on leave (never counted); LO5 left on 2026-02-15 (counted on that day, not
    after); LO6 was recruited 2026-03-31 (not counted on that day, counted from the next)."""
    frame = active_officers(known_session, org_id(known_session), on)
    assert list(frame.columns) == ["area", "officers"]
    assert str(frame["officers"].dtype) == "int64"
    assert records(frame) == list(ACTIVE_OFFICERS[on].items())


def test_active_officers_zero_row_for_area_without_officers(known_session):
    frame = active_officers(known_session, org_id(known_session), date(2022, 1, 1))
    assert records(frame) == [("AA", 1), ("BB", 0)]
    before_anyone = active_officers(known_session, org_id(known_session), date(2020, 1, 1))
    assert records(before_anyone) == [("AA", 0), ("BB", 0)]


def test_active_officers_other_organisation(known_session):
    frame = active_officers(known_session, org_id(known_session, OTHER_ORG), Q1.end)
    assert records(frame) == [("AA", 2)]


@pytest.mark.parametrize("key", list(COVERAGE), ids=lambda k: f"{k[0]}-{k[1]}")
def test_training_coverage(known_session, key):
    """Distinct completed people on sessions held strictly before `on` (P01 attended S1 and
    S3 and counts once; P03 failed S1 and passed S3; S4 is lo_induction; S5 is 2026-04-01),
    against the latest KNW workforce snapshot on or before `on` (2025-12-31: AA 70, BB 30;
    2026-03-01: AA 60, BB 40; 2026-06-01 is in the future; OTH's 2026-03-15 is ignored)."""
    on, kind = key
    frame = training_coverage(known_session, org_id(known_session), on, kind)
    assert list(frame.columns) == ["area", "trained", "headcount"]
    assert str(frame["trained"].dtype) == "int64"
    assert str(frame["headcount"].dtype) == "int64"
    expected = [(area, *figures) for area, figures in COVERAGE[key].items()]
    assert records(frame) == expected


def test_training_coverage_default_kind_is_awareness(known_session):
    frame = training_coverage(known_session, org_id(known_session), Q1.end)
    assert records(frame) == [("AA", 5, 60), ("BB", 3, 40)]


def test_training_coverage_kind_without_sessions(known_session):
    frame = training_coverage(known_session, org_id(known_session), Q1.end, "refresher")
    assert records(frame) == [("AA", 0, 60), ("BB", 0, 40)]


def test_training_coverage_other_organisation(known_session):
    frame = training_coverage(known_session, org_id(known_session, OTHER_ORG), Q1.end)
    assert records(frame) == [("AA", 4, 500)]
    # Before OTH's only snapshot (2026-03-15) it has no headcount, though KNW has one.
    early = training_coverage(known_session, org_id(known_session, OTHER_ORG), date(2026, 3, 2))
    assert records(early) == [("AA", 4, 0)]


@pytest.mark.parametrize("period", list(EVENTS), ids=lambda p: f"{p.start}-{p.end}")
def test_events_held(known_session, period):
    """E6 (2025-12-31) is before Q1; E5 (2026-04-01) is on its end: both excluded."""
    frame = events_held(known_session, org_id(known_session), period)
    assert list(frame.columns) == ["area", "events", "senior_present"]
    assert records(frame) == [(area, *figures) for area, figures in EVENTS[period].items()]


def test_events_held_boundaries(known_session):
    org = org_id(known_session)
    day = Period(date(2026, 4, 1), date(2026, 4, 2))
    assert records(events_held(known_session, org, day)) == [("AA", 0, 0), ("BB", 1, 1)]
    last_day = Period(date(2026, 3, 31), date(2026, 4, 1))
    assert records(events_held(known_session, org, last_day)) == [("AA", 1, 1), ("BB", 0, 0)]


def test_events_held_other_organisation(known_session):
    frame = events_held(known_session, org_id(known_session, OTHER_ORG), Q1)
    assert records(frame) == [("AA", 2, 2)]


def test_area_names(known_session):
    names = area_names(known_session, org_id(known_session))
    assert names == {"AA": "Northfield", "BB": "Eastbrook"}
    assert list(names) == ["BB", "AA"]  # ordered by name
    assert area_names(known_session, org_id(known_session, OTHER_ORG)) == {"AA": "Other Alpha"}
