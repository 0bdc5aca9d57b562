"""Known answers for the engagement queries on SQLite and PostgreSQL (see data.py)."""

from __future__ import annotations

from datetime import date

from data_access.queries import engagement
from data_access.queries.common import Period
from tests.data_access.helpers import records

QUARTER = Period(date(2026, 1, 1), date(2026, 4, 1))


def test_events_by_area_with_senior_and_lo_presence(session, org):
    # E5 is before the quarter; E4 is force-wide (no area); DEC's event never counts
    assert records(engagement.events_by_area(session, org, QUARTER)) == [
        ("N", 2, 120, 12, 1, 2),
        ("S", 1, 0, 3, 1, 0),
        ("unknown", 1, 50, 1, 0, 0),
    ]


def test_events_by_month_and_type(session, org):
    assert records(engagement.events_by_month(session, org, QUARTER)) == [
        ("2026-01", "pride", 1, 100),
        ("2026-02", "forum", 1, 20),
        ("2026-03", "campaign", 1, 50),
        ("2026-03", "vigil", 1, 0),
    ]


def test_partners_are_credited_per_event(session, org):
    assert records(engagement.partners(session, org, QUARTER)) == [
        ("Alpha", 2, 120),
        ("Beta", 2, 150),
    ]
    assert records(engagement.partners(session, org, QUARTER, "S")) == []


def test_themes_link_to_the_actions_they_produced(session, org):
    # columns: theme, events, actions, open, in_progress, done
    assert records(engagement.themes(session, org, QUARTER)) == [
        ("reporting", 2, 2, 1, 0, 1),  # A4 was raised before the quarter
        ("trans safety", 1, 0, 0, 0, 0),
        ("visibility", 1, 0, 0, 0, 0),
        ("data", 0, 1, 0, 1, 0),
    ]


def test_theme_actions_list(session, org):
    frame = engagement.theme_actions(session, org, QUARTER, "reporting")
    assert list(frame["code"]) == ["A2", "A1"]
