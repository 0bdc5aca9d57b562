"""The whole scorecard indicator table on the hand-made dataset of scorecard/data.py."""

from __future__ import annotations

import math
from datetime import date

import pytest

from data_access.queries.common import Period
from data_access.queries.indicators import (
    INDICATORS,
    indicator_counts,
    indicator_table,
    indicator_value,
)
from data_access.vocab import KEY_POINTS
from tests.data_access.helpers import plain, records
from tests.data_access.scorecard.data import (
    EMPTY,
    Q1,
    Q4,
    H,
    T,
    sco,
)

# --------------------------------------------------------------------------- the table
EXPECTED = {  # indicator: (Q1 numerator, denominator, value), (Q4 ...), (Q1 in N, homophobic)
    "victims_satisfied": ((3, 6, 50.0), (1, 1, 100.0), (2, 3, 66.7)),
    "victim_contact_2_days": ((2, 3, 66.7), (1, 1, 100.0), (1, 2, 50.0)),
    "internal_cases_supported": ((1, 2, 50.0), (1, 1, 100.0), (1, 1, 100.0)),
    "policy_commitments_met": ((2, 3, 66.7), (1, 3, 33.3), (2, 3, 66.7)),
    "leadership_trained": ((3, 9, 33.3), (2, 10, 20.0), (2, 6, 33.3)),
    "senior_officer_event_share": ((2, 4, 50.0), (1, 1, 100.0), (1, 2, 50.0)),
    "training_coverage": ((10, 94, 10.6), (4, 60, 6.7), (6, 56, 10.7)),
    "refreshers_overdue": ((2, 8, 25.0), (0, 5, 0.0), (1, 4, 25.0)),
    "lo_per_100k": ((3, 250_000, 1.2), (4, 250_000, 1.6), (2, 200_000, 1.0)),
    "offered_within_limit": ((3, 5, 60.0), (1, 1, 100.0), (2, 3, 66.7)),
    "lo_inductions_completed": ((2, 3, 66.7), (3, 4, 75.0), (1, 2, 50.0)),
    "lo_reviews_in_date": ((1, 3, 33.3), (3, 4, 75.0), (1, 2, 50.0)),
    "actions_done": ((2, 3, 66.7), (1, 1, 100.0), (2, 3, 66.7)),
    "commitments_reviewed": ((4, 7, 57.1), (2, 7, 28.6), (4, 7, 57.1)),
    "data_completeness": ((5, 7, 71.4), (1, 1, 100.0), (3, 3, 100.0)),
    "outcome_recorded": ((2, 3, 66.7), (1, 1, 100.0), (1, 1, 100.0)),
    "occurred_date_recorded": ((5, 7, 71.4), (1, 1, 100.0), (3, 3, 100.0)),
    "events_per_quarter": ((4, None, 4.0), (1, None, 1.0), (2, None, 2.0)),
    "event_feedback": ((12.0, 3, 4.0), (2.5, 1, 2.5), (7.0, 2, 3.5)),
    "lo_event_share": ((3, 4, 75.0), (1, 1, 100.0), (2, 2, 100.0)),
    "third_party_share": ((4, 26, 15.4), (2, 10, 20.0), (3, 15, 20.0)),
    "partner_referral_share": ((3, 26, 11.5), (0, 10, 0.0), (2, 15, 13.3)),
    "investigators_trained": ((3, 70, 4.3), (0, 50, 0.0), (2, 50, 4.0)),
    "cascade_reach": ((2, None, 2.0), (1, None, 1.0), (0, None, 0.0)),
}
SLICES = {"q1": (Q1, None, None, 0), "q4": (Q4, None, None, 1), "q1-N-h": (Q1, "N", H, 2)}


def test_every_indicator_has_a_known_answer():
    assert [i.code for i in INDICATORS] == list(EXPECTED)
    assert {i.key_point for i in INDICATORS} == set(KEY_POINTS)
    per_point = [sum(i.key_point == p for i in INDICATORS) for p in KEY_POINTS]
    assert all(2 <= n <= 4 for n in per_point)


@pytest.mark.parametrize("name", list(SLICES))
def test_indicator_table(session, name):
    period, area, strand, column = SLICES[name]
    counts = indicator_counts(session, sco(session), period, include_private=True)
    table = indicator_table(counts, period, area, strand)
    assert list(table.columns) == ["indicator", "key_point", "numerator", "denominator", "value"]
    got = {row[0]: row[2:] for row in records(table)}
    assert got == {code: answers[column] for code, answers in EXPECTED.items()}


def test_indicator_table_public_commitments_only(session):
    """Without private items: policy 2 of 2, reviewed 3 of 5, actions 1 of 2 (Q1)."""
    counts = indicator_counts(session, sco(session), Q1, include_private=False)
    got = {row[0]: row[2:] for row in records(indicator_table(counts, Q1))}
    assert got["policy_commitments_met"] == (2, 2, 100.0)
    assert got["commitments_reviewed"] == (3, 5, 60.0)
    assert got["actions_done"] == (1, 2, 50.0)


def test_area_filter_ignored_where_it_cannot_split(session):
    """Commitment and action figures are force-wide whatever area is chosen."""
    counts = indicator_counts(session, sco(session), Q1, include_private=True)
    in_s = {row[0]: row[2:] for row in records(indicator_table(counts, Q1, "S", T))}
    assert in_s["actions_done"] == (2, 3, 66.7)
    assert in_s["victims_satisfied"] == (1, 2, 50.0)  # by area only: the strand is ignored
    assert in_s["victim_contact_2_days"] == (0, 0, None)  # no transphobic referral in S


def test_period_without_records(session):
    counts = indicator_counts(session, sco(session), EMPTY, include_private=True)
    got = {row[0]: row[4] for row in records(indicator_table(counts, EMPTY))}
    for code in ("victims_satisfied", "data_completeness", "third_party_share", "actions_done"):
        assert got[code] is None, code
    assert got["events_per_quarter"] == 0.0 and got["cascade_reach"] == 0.0


def test_unknown_organisation_is_refused(session):
    with pytest.raises(PermissionError):
        indicator_counts(session, 987_654, Q1)


def test_decoy_force_sees_only_its_own(session):
    counts = indicator_counts(session, sco(session, "DEC"), Q1, include_private=True)
    got = {row[0]: row[2:] for row in records(indicator_table(counts, Q1))}
    assert got["internal_cases_supported"] == (1, 1, 100.0)
    assert got["third_party_share"] == (90, 90, 100.0)
    assert got["cascade_reach"] == (0, None, 0.0)
    assert got["policy_commitments_met"] == (1, 1, 100.0)


@pytest.mark.parametrize(
    ("code", "numerator", "denominator", "expected"),
    [
        ("training_coverage", 1, 3, 33.3),
        ("training_coverage", 1, 0, None),
        ("training_coverage", None, 3, None),
        ("training_coverage", 2, math.nan, None),
        ("lo_per_100k", 3, 250_000, 1.2),
        ("events_per_quarter", 7, None, 7.0),
        ("event_feedback", 10.0, 3, 3.33),
        ("cascade_reach", 5, None, 5.0),
    ],
)
def test_indicator_value(code, numerator, denominator, expected):
    """Q1 has 3 months: 7 events is 7.0 a quarter; 12 months would make it 1.8."""
    assert plain(indicator_value(code, numerator, denominator, Q1)) == expected


def test_events_per_quarter_over_a_year():
    year = Period(date(2025, 1, 1), date(2026, 1, 1))
    assert indicator_value("events_per_quarter", 7, None, year) == 1.8
