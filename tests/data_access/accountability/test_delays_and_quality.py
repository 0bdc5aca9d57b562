"""Accountability queries: stage delays, referral quality and LO compliance, on the
hand-made dataset of data.py."""

# ruff: noqa: E501 - the hand-made dataset reads best as one row per record
from __future__ import annotations

from datetime import date

import pytest

from data_access.queries import accountability as acc
from data_access.queries import kpis
from data_access.queries.common import Period
from pages.accountability.frames import quarter_of, to_quarters
from tests.data_access.accountability.data import (
    Q1,
    d,
    hist,
    org,
)
from tests.data_access.helpers import records

# --------------------------------------------------------------------------- stage delays

OFFER_BY_MONTH = {"2026-01": {0: 1, 1: 1}, "2026-02": {1: 1, 2: 1}, "2026-03": {3: 1, 5: 1, 8: 1}}
OFFER_BY_AREA = {"NO": {0: 1, 1: 1, 2: 1, 8: 1}, "SO": {1: 1, 3: 1, 5: 1}}


def test_offer_delays_by_month(session):
    frame = acc.delay_histograms(session, org(session), "offer_within_days", Q1, "month")
    assert list(frame.columns) == ["month", "days", "count"]
    assert hist(frame, "month") == OFFER_BY_MONTH
    assert records(frame) == sorted(records(frame))  # ordered by month, then days


def test_offer_delays_by_area_and_their_quantiles(session):
    frame = acc.delay_histograms(session, org(session), "offer_within_days", Q1, "area")
    assert hist(frame, "area") == OFFER_BY_AREA
    # NO [0,1,2,8]: median rank 2 → 1, p90 rank ceil(3.6)=4 → 8; SO [1,3,5]: ranks 2, 3.
    # All [0,1,1,2,3,5,8]: median rank 4 → 2, p90 rank 7 → 8.
    assert records(acc.quantiles(frame, "area", total="All")) == [
        ("NO", 4, 1.0, 8.0),
        ("SO", 3, 3.0, 5.0),
        ("All", 7, 2.0, 8.0),
    ]


def test_monthly_quantiles(session):
    frame = acc.delay_histograms(session, org(session), "offer_within_days", Q1, "month")
    # Jan [0,1]: ranks 1, 2; Feb [1,2]; Mar [3,5,8]: ranks 2, 3.
    assert records(acc.quantiles(frame, "month")) == [
        ("2026-01", 2, 0.0, 1.0),
        ("2026-02", 2, 1.0, 2.0),
        ("2026-03", 3, 5.0, 8.0),
    ]


def test_delay_filters_by_area_and_strand(session):
    o = org(session)
    by_month = acc.delay_histograms(session, o, "offer_within_days", Q1, "month", area_code="SO")
    assert hist(by_month, "month") == {"2026-01": {1: 1}, "2026-03": {3: 1, 5: 1}}
    homophobic = acc.delay_histograms(
        session, o, "offer_within_days", Q1, "area", strand="homophobic"
    )
    assert hist(homophobic, "area") == {"NO": {0: 1, 1: 1}, "SO": {3: 1, 5: 1}}
    # [0,1,3,5]: median rank 2 → 1, p90 rank 4 → 5
    assert records(acc.quantiles(homophobic, "area", "All"))[-1] == ("All", 4, 1.0, 5.0)


@pytest.mark.parametrize(
    ("kpi", "by_area"),
    [
        # accepted offers only: A10's declined offer with an allocation date is left out
        ("allocation_within_days", {"NO": {0: 1, 1: 1}, "SO": {1: 1, 2: 1, 4: 1}}),
        ("oic_contact_within_days", {"NO": {0: 1, 3: 1}, "SO": {1: 2, 2: 1}}),
        ("victim_contact_within_days", {"NO": {2: 1}, "SO": {0: 1, 1: 1, 5: 1}}),
    ],
)
def test_other_stage_delays_by_area(session, kpi, by_area):
    frame = acc.delay_histograms(session, org(session), kpi, Q1, "area")
    assert hist(frame, "area") == by_area


def test_quarters_for_long_periods(session):
    period = Period(date(2025, 10, 1), date(2026, 4, 1))
    frame = acc.delay_histograms(session, org(session), "offer_within_days", period, "month")
    quarterly = to_quarters(frame, ["days"])
    assert hist(quarterly, "quarter") == {
        "2025 Q4": {40: 1},  # B0, reported 2025-12-31
        "2026 Q1": {0: 1, 1: 2, 2: 1, 3: 1, 5: 1, 8: 1},
    }
    assert records(acc.quantiles(quarterly, "quarter")) == [
        ("2025 Q4", 1, 40.0, 40.0),
        ("2026 Q1", 7, 2.0, 8.0),
    ]
    assert quarter_of("2026-03") == "2026 Q1" and quarter_of("2026-10") == "2026 Q4"


def test_quantiles_of_nothing(session):
    empty = Period(date(2027, 1, 1), date(2027, 2, 1))
    frame = acc.delay_histograms(session, org(session), "offer_within_days", empty, "month")
    assert frame.empty
    assert records(acc.quantiles(frame, "month", "All")) == [("All", 0, None, None)]


# --------------------------------------------------------------------------- referral quality

# month, area, referrals, victim_support, complete, accepted, closed, missing flag, missing
# victim contact, missing outcome
QUALITY_Q1 = [
    ("2026-01", "NO", 2, 1, 1, 1, 2, 0, 0, 1),  # A1, A8 (closed, no outcome)
    ("2026-01", "SO", 1, 1, 1, 1, 0, 0, 0, 0),  # A2
    ("2026-02", "NO", 2, 1, 1, 1, 1, 0, 1, 0),  # A3, A4 (accepted, no victim contact)
    ("2026-02", "SO", 1, 0, 0, 0, 0, 1, 0, 0),  # A10 (no flag)
    ("2026-03", "NO", 1, 1, 1, 0, 1, 0, 0, 0),  # A7
    ("2026-03", "SO", 3, 1, 2, 2, 2, 1, 0, 0),  # A5, A6, A9 (no flag)
]


def test_referral_quality_by_month_and_area(session):
    frame = acc.referral_quality(session, org(session), Q1)
    assert list(frame.columns) == ["month", "area", *acc.QUALITY]
    assert records(frame) == QUALITY_Q1


def test_referral_quality_agrees_with_the_overview_rates(session):
    o = org(session)
    totals = acc.referral_quality(session, o, Q1)[acc.QUALITY].sum()
    rates = kpis.referral_rates(session, o, Q1).iloc[0]
    assert (totals.referrals, totals.victim_support, totals.complete) == (10, 5, 6)
    assert (rates.referrals, rates.victim_support, rates.complete) == (10, 5, 6)


def test_referral_quality_filters_and_quarters(session):
    o = org(session)
    south = acc.referral_quality(session, o, Q1, area_code="SO", strand="homophobic")
    assert records(south) == [
        ("2026-02", "SO", 1, 0, 0, 0, 0, 1, 0, 0),  # A10
        ("2026-03", "SO", 2, 1, 2, 2, 2, 0, 0, 0),  # A5, A6
    ]
    quarterly = to_quarters(acc.referral_quality(session, o, Q1), ["area"])
    assert records(quarterly) == [
        ("2026 Q1", "NO", 5, 3, 3, 2, 4, 0, 1, 1),
        ("2026 Q1", "SO", 5, 2, 3, 3, 2, 2, 0, 0),
    ]


# --------------------------------------------------------------------------- officers


def test_month_ends():
    assert acc.month_ends(Q1) == [d(1, 31), d(2, 28), d(3, 31)]
    assert acc.month_ends(Period(d(12, 1, 2025), d(1, 1))) == [d(12, 31, 2025)]


def test_officer_compliance_at_each_month_end(session):
    # Jan 31: O1, O2, O4, O5 active (O5 leaves Feb 15; O6 on leave never counts); reviews in
    # date O1, O2 (2025-08-10 ≥ 2025-08-01), O5; O4's latest review (Apr 10) is later: unknown.
    # Feb 28: O5 gone, O3 recruited (induction Mar 15); O2's review now too old.
    frame = acc.officer_compliance_by_month(session, org(session), Q1)
    assert list(frame.columns) == ["month_end", *acc.OFFICERS]
    assert records(frame) == [
        (d(1, 31), 4, 4, 3, 1),
        (d(2, 28), 4, 3, 1, 1),
        (d(3, 31), 4, 4, 1, 1),
    ]
    south = acc.officer_compliance_by_month(session, org(session), Q1, area_code="SO")
    assert records(south) == [
        (d(1, 31), 2, 2, 1, 1),
        (d(2, 28), 2, 1, 0, 1),
        (d(3, 31), 2, 2, 0, 1),
    ]
