"""Scorecard indicator counts (data_access/queries/indicators*.py) on the hand-made dataset
described in tests/data_access/scorecard/data.py."""

from __future__ import annotations

from datetime import date

import pytest

from data_access.queries import kpis
from data_access.queries.common import Period
from data_access.queries.indicators import (
    offer_limit,
)
from data_access.queries.indicators_engagement import event_counts, survey_counts
from data_access.queries.indicators_governance import commitment_summary, governance_counts
from data_access.queries.indicators_people import officer_counts, training_counts
from data_access.queries.indicators_referrals import channel_counts, referral_counts
from data_access.vocab import KEY_POINTS
from tests.data_access.helpers import records
from tests.data_access.scorecard.data import (
    Q1,
    Q4,
    B,
    H,
    T,
    rows_of,
    sco,
)

# --------------------------------------------------------------------------- referrals
REFERRALS_Q1 = {
    # allocated R1 R2 (N h), R3 (N t); contact within 2 days: R1 (+1), R3 (+2), not R2 (+3)
    "victim_contact_2_days": [("N", H, 1, 2), ("N", T, 1, 1), ("S", B, 0, 0), ("S", H, 0, 0)],
    # internal: R2 (allocated), R5 (declined, not allocated)
    "internal_cases_supported": [("N", H, 1, 1), ("N", T, 0, 0), ("S", B, 0, 0), ("S", H, 0, 1)],
    # offerable: flagged and not "not offered": R1 R2 R7, R3, R5; within 3 days: R1 R2, R5
    "offered_within_limit": [("N", H, 2, 3), ("N", T, 0, 1), ("S", B, 0, 0), ("S", H, 1, 1)],
    # incomplete: R4 (closed without outcome), R6 (never flagged)
    "data_completeness": [("N", H, 3, 3), ("N", T, 1, 1), ("S", B, 0, 1), ("S", H, 1, 2)],
    # closed: R1 (nfa), R4 (no outcome), R5 (victim withdrew)
    "outcome_recorded": [("N", H, 1, 1), ("N", T, 0, 0), ("S", B, 0, 1), ("S", H, 1, 1)],
    # no occurred date: R3, R6
    "occurred_date_recorded": [("N", H, 3, 3), ("N", T, 0, 1), ("S", B, 1, 1), ("S", H, 1, 2)],
}


@pytest.mark.parametrize("code", list(REFERRALS_Q1))
def test_referral_counts_q1(session, code):
    frame = referral_counts(session, sco(session), Q1, offer_days=3)
    assert rows_of(frame, code) == REFERRALS_Q1[code]


def test_referral_counts_wider_offer_limit(session):
    """With a 5-day limit R3 (offered 4 days after its flag) is in time as well."""
    frame = referral_counts(session, sco(session), Q1, offer_days=5)
    expected = [("N", H, 2, 3), ("N", T, 1, 1), ("S", B, 0, 0), ("S", H, 1, 1)]
    assert rows_of(frame, "offered_within_limit") == expected


def test_referral_counts_q4_holds_only_r0(session):
    """R0 (reported 2025-12-15) only; the decoy force's X1 never appears."""
    frame = referral_counts(session, sco(session), Q4, offer_days=3)
    assert {row[:2] for row in records(frame)} == {(code, "N") for code in REFERRALS_Q1}
    assert all(row[3:] == (1, 1) for row in records(frame))


def test_completeness_agrees_with_kpis(session):
    """Same rule as kpis.referral_rates: 5 of 7 complete in Q1."""
    rates = kpis.referral_rates(session, sco(session), Q1).iloc[0]
    frame = referral_counts(session, sco(session), Q1)
    cells = rows_of(frame, "data_completeness")
    assert (sum(c[2] for c in cells), sum(c[3] for c in cells)) == (rates.complete, 7)
    assert rates.referrals == 7


def test_channel_counts_q1(session):
    """Months Jan-Mar 2026: N h 3+10+2, N t 5+1, S h 4+1; April's 50 and the decoy's 90 are
    outside."""
    frame = channel_counts(session, sco(session), Q1)
    assert rows_of(frame, "third_party_share") == [("N", H, 3, 15), ("N", T, 1, 6), ("S", H, 0, 5)]
    partner = [("N", H, 2, 15), ("N", T, 0, 6), ("S", H, 1, 5)]
    assert rows_of(frame, "partner_referral_share") == partner


def test_offer_limit_from_target_or_default(session):
    assert offer_limit(session, sco(session), Q1) == 3
    assert offer_limit(session, sco(session), Period(date(2024, 1, 1), date(2024, 2, 1))) == 5


# --------------------------------------------------------------------------- people
OFFICERS = {
    # 2026-03-31: L1 L2 (N), L3 (S); L4 on leave, L5 left 2026-02-01, L6 recruited that day.
    # Reviews in date from 2025-09-29: L1 only (L2's 2025-09-28 is a day too old).
    date(2026, 3, 31): {
        "lo_per_100k": [("N", None, 2, 200_000), ("S", None, 1, 50_000)],
        "lo_inductions_completed": [("N", None, 1, 2), ("S", None, 1, 1)],
        "lo_reviews_in_date": [("N", None, 1, 2), ("S", None, 0, 1)],
    },
    # 2025-12-31: L5 still active; reviews from 2025-07-01: L1 L2 L5.
    date(2025, 12, 31): {
        "lo_per_100k": [("N", None, 3, 200_000), ("S", None, 1, 50_000)],
        "lo_inductions_completed": [("N", None, 2, 3), ("S", None, 1, 1)],
        "lo_reviews_in_date": [("N", None, 3, 3), ("S", None, 0, 1)],
    },
}


@pytest.mark.parametrize("on", list(OFFICERS), ids=str)
def test_officer_counts(session, on):
    frame = officer_counts(session, sco(session), on)
    for code, expected in OFFICERS[on].items():
        assert rows_of(frame, code) == expected, code


def test_officer_counts_agree_with_kpis(session):
    org = sco(session)
    compliance = kpis.officer_compliance(session, org, date(2026, 3, 31)).iloc[0]
    frame = officer_counts(session, org, date(2026, 3, 31))
    inducted = rows_of(frame, "lo_inductions_completed")
    assert sum(r[2] for r in inducted) == compliance.inducted
    assert sum(r[3] for r in inducted) == compliance.active
    assert sum(r[2] for r in rows_of(frame, "lo_reviews_in_date")) == compliance.reviewed_in_date


TRAINING_Q1 = {
    # awareness (AW and cascade CL) before 2026-04-01: N P1 P2 P4 P5 C4 C5, S P3 C1 C2 C6;
    # P6 has no area (scheme.training_coverage leaves it out); snapshot 2026-03-01: N 56, S 38
    "training_coverage": [("N", None, 6, 56), ("S", None, 4, 38), ("unknown", None, 0, 0)],
    # leadership ranks briefed: N P4 P8 (not inspector P9), S P10 (not P11, failed)
    "leadership_trained": [("N", None, 2, 6), ("S", None, 1, 3), ("unknown", None, 0, 0)],
    # CID/response on INV: N P1 P5, S P13 (not P12, neighbourhood); headcount N 50, S 20
    "investigators_trained": [("N", None, 2, 50), ("S", None, 1, 20), ("unknown", None, 0, 0)],
    # overdue by 2026-04-01: P1 (refresher due 2026-03-01), P14; not P15 (due 2026-05-01)
    "refreshers_overdue": [("N", None, 1, 4), ("S", None, 1, 3), ("unknown", None, 0, 1)],
    # S7 (lead T1, trained 2025-09-01): C1 C2; S8's X9 is trained only in the decoy force;
    # S13's T2 was trained on the day of S13 itself
    "cascade_reach": [("N", None, 0, None), ("S", None, 2, None), ("unknown", None, 0, None)],
}
TRAINING_Q4 = {
    "training_coverage": [("N", None, 4, 35), ("S", None, 0, 25)],
    "leadership_trained": [("N", None, 2, 5), ("S", None, 0, 5)],
    "investigators_trained": [("N", None, 0, 30), ("S", None, 0, 20)],
    "refreshers_overdue": [("N", None, 0, 3), ("S", None, 0, 2)],
    "cascade_reach": [("N", None, 1, None), ("S", None, 0, None)],
}


@pytest.mark.parametrize(("period", "expected"), [(Q1, TRAINING_Q1), (Q4, TRAINING_Q4)])
def test_training_counts(session, period, expected):
    frame = training_counts(session, sco(session), period)
    for code, rows in expected.items():
        assert rows_of(frame, code) == rows, code


# --------------------------------------------------------------------------- engagement
def test_event_counts_q1(session):
    """E1 E2 (N), E3 (S), E4 (no area); E5 is on the period end; the decoy's event is out."""
    frame = event_counts(session, sco(session), Q1)
    areas = ["N", "S", "unknown"]
    assert rows_of(frame, "events_per_quarter") == [(a, None, n, None) for a, n in
                                                    zip(areas, (2, 1, 1), strict=True)]  # fmt: skip
    assert rows_of(frame, "senior_officer_event_share") == [
        ("N", None, 1, 2), ("S", None, 1, 1), ("unknown", None, 0, 1)]  # fmt: skip
    assert rows_of(frame, "lo_event_share") == [
        ("N", None, 2, 2), ("S", None, 0, 1), ("unknown", None, 1, 1)]  # fmt: skip
    assert rows_of(frame, "event_feedback") == [
        ("N", None, 7.0, 2), ("S", None, 0.0, 0), ("unknown", None, 5.0, 1)]  # fmt: skip


def test_survey_counts_q1(session):
    """Victim satisfaction only (not the community-confidence CC): 4 or 5 is satisfied."""
    frame = survey_counts(session, sco(session), Q1)
    expected = [("N", None, 2, 3), ("S", None, 1, 2), ("unknown", None, 0, 1)]
    assert rows_of(frame, "victims_satisfied") == expected


# --------------------------------------------------------------------------- governance
GOVERNANCE = {
    # policy: K1 (met 2026-02-10), K2 (met, no history), K3 (private, in progress)
    # reviewed before the end: Q1 K1 K3 K4 K5; Q4 K4 K5. Actions due: Q1 A1 A2 A3; Q4 A5
    (Q1, True): {"policy_commitments_met": (2, 3), "commitments_reviewed": (4, 7),
                 "actions_done": (2, 3)},
    (Q1, False): {"policy_commitments_met": (2, 2), "commitments_reviewed": (3, 5),
                  "actions_done": (1, 2)},
    (Q4, True): {"policy_commitments_met": (1, 3), "commitments_reviewed": (2, 7),
                 "actions_done": (1, 1)},
    (Q4, False): {"policy_commitments_met": (1, 2), "commitments_reviewed": (2, 5),
                  "actions_done": (1, 1)},
}  # fmt: skip


@pytest.mark.parametrize("key", list(GOVERNANCE), ids=lambda k: f"{k[0].start}-{k[1]}")
def test_governance_counts(session, key):
    period, private = key
    frame = governance_counts(session, sco(session), period, private)
    for code, (numerator, denominator) in GOVERNANCE[key].items():
        assert rows_of(frame, code) == [(None, None, numerator, denominator)], code


ZERO = (0,) * 10
SUMMARY = {
    # columns: commitments, not_started, in_progress, met, missed, overdue, agreed_met,
    # not_yet, disputed, unreviewed. K5's two same-day reviews: the later entered (not_yet).
    (date(2026, 4, 15), True): {
        "professionalism": (2, 0, 0, 1, 1, 1, 0, 1, 1, 0),
        "anti_discrimination_policy": (3, 0, 1, 2, 0, 1, 1, 1, 0, 1),
        "leadership_commitment": (1, 0, 1, 0, 0, 0, 0, 0, 0, 1),
        "accountability": (1, 1, 0, 0, 0, 0, 0, 0, 0, 1),
    },
    (date(2026, 4, 15), False): {
        "professionalism": (2, 0, 0, 1, 1, 1, 0, 1, 1, 0),
        "anti_discrimination_policy": (2, 0, 0, 2, 0, 0, 1, 0, 0, 1),
        "leadership_commitment": (1, 0, 1, 0, 0, 0, 0, 0, 0, 1),
    },
    (date(2025, 12, 31), True): {
        "professionalism": (2, 0, 0, 1, 1, 1, 0, 2, 0, 0),
        "anti_discrimination_policy": (3, 0, 1, 2, 0, 0, 0, 0, 0, 3),
        "leadership_commitment": (1, 0, 1, 0, 0, 0, 0, 0, 0, 1),
        "accountability": (1, 1, 0, 0, 0, 0, 0, 0, 0, 1),
    },
}


@pytest.mark.parametrize("key", list(SUMMARY), ids=lambda k: f"{k[0]}-{k[1]}")
def test_commitment_summary(session, key):
    on, private = key
    frame = commitment_summary(session, sco(session), on, private)
    assert list(frame["key_point"]) == list(KEY_POINTS)
    expected = [(point, *SUMMARY[key].get(point, ZERO)) for point in KEY_POINTS]
    assert records(frame) == expected
