"""Scheme KPIs against targets (data_access/queries/kpis.py) on the known dataset."""

from __future__ import annotations

from datetime import date

import pytest

from data_access.queries.common import Period
from data_access.queries.kpis import (
    delay_histogram,
    kpi_values,
    officer_compliance,
    quantile_from_histogram,
    referral_rates,
)
from tests.data_access.helpers import histogram, records
from tests.known_data import (
    AREA_A,
    AREA_B,
    COMPLIANCE,
    JAN,
    KPI_VALUES_Q1,
    KPI_VALUES_Q1_AA,
    KPI_VALUES_Q1_BB,
    OTHER_ORG,
    Q1,
    Q1_ALLOCATION_HISTOGRAM,
    Q1_ALLOCATION_MEDIAN,
    Q1_ALLOCATION_P90,
    Q1_LAST_DAY,
    Q1_OFFER_HISTOGRAM,
    Q1_OFFER_HISTOGRAM_AA,
    Q1_OFFER_HISTOGRAM_BB,
    Q1_OFFER_HISTOGRAM_HOMOPHOBIC,
    Q1_OFFER_MEDIAN,
    Q1_OFFER_P90,
    Q1_OIC_HISTOGRAM,
    Q1_OIC_MEDIAN,
    Q1_OIC_P90,
    Q1_RATES,
    Q1_RATES_BY_AREA,
    Q1_RATES_TRANSPHOBIC,
    Q1_VICTIM_HISTOGRAM,
    Q1_VICTIM_MEDIAN,
    Q1_VICTIM_P90,
    org_id,
)

EMPTY = Period(date(2027, 1, 1), date(2027, 2, 1))

# --------------------------------------------------------------------------- histograms

DELAY_CASES = {
    "offer_within_days": (Q1_OFFER_HISTOGRAM, Q1_OFFER_MEDIAN, Q1_OFFER_P90),
    "allocation_within_days": (Q1_ALLOCATION_HISTOGRAM, Q1_ALLOCATION_MEDIAN, Q1_ALLOCATION_P90),
    "oic_contact_within_days": (Q1_OIC_HISTOGRAM, Q1_OIC_MEDIAN, Q1_OIC_P90),
    "victim_contact_within_days": (Q1_VICTIM_HISTOGRAM, Q1_VICTIM_MEDIAN, Q1_VICTIM_P90),
}


@pytest.mark.parametrize("kpi", list(DELAY_CASES))
def test_delay_histogram_q1(known_session, kpi):
    expected, median, p90 = DELAY_CASES[kpi]
    frame = delay_histogram(known_session, org_id(known_session), kpi, Q1)
    assert list(frame.columns) == ["days", "count"]
    assert str(frame["days"].dtype) == "int64"
    assert str(frame["count"].dtype) == "int64"
    assert list(frame["days"]) == sorted(expected)  # ordered by days
    assert histogram(frame) == expected
    assert quantile_from_histogram(frame, 0.5) == median
    assert quantile_from_histogram(frame, 0.9) == p90


@pytest.mark.parametrize(
    ("area", "strand", "expected", "median", "p90"),
    [
        (AREA_A, None, Q1_OFFER_HISTOGRAM_AA, 1.0, 7.0),
        (AREA_B, None, Q1_OFFER_HISTOGRAM_BB, 2.0, 10.0),
        (None, "homophobic", Q1_OFFER_HISTOGRAM_HOMOPHOBIC, 1.0, 4.0),
        (AREA_B, "homophobic", {2: 1, 3: 1}, 2.0, 3.0),  # R05, R10
        (None, "transphobic", {0: 1, 5: 1}, 0.0, 5.0),  # R07, R12
        ("ZZ", None, {}, None, None),
    ],
)
def test_delay_histogram_filters(known_session, area, strand, expected, median, p90):
    frame = delay_histogram(
        known_session, org_id(known_session), "offer_within_days", Q1, area, strand
    )
    assert histogram(frame) == expected
    assert quantile_from_histogram(frame, 0.5) == median
    assert quantile_from_histogram(frame, 0.9) == p90


def test_delay_histogram_uses_reported_month_and_half_open_period(known_session):
    org = org_id(known_session)
    # January by reported date: R01 1, R02 0, R04 10 (offered in February), R05 2.
    frame = delay_histogram(known_session, org, "offer_within_days", JAN)
    assert histogram(frame) == {0: 1, 1: 1, 2: 1, 10: 1}
    assert quantile_from_histogram(frame, 0.5) == 1.0
    assert quantile_from_histogram(frame, 0.9) == 10.0
    # R00 (2025-12-31, 20 days across the new year) and R17 (2026-04-01, 29 days).
    december = Period(date(2025, 12, 31), date(2026, 1, 1))
    assert histogram(delay_histogram(known_session, org, "offer_within_days", december)) == {20: 1}
    april = Period(date(2026, 4, 1), date(2026, 5, 1))
    assert histogram(delay_histogram(known_session, org, "offer_within_days", april)) == {29: 1}


def test_delay_histogram_empty_period(known_session):
    frame = delay_histogram(known_session, org_id(known_session), "offer_within_days", EMPTY)
    assert list(frame.columns) == ["days", "count"]
    assert frame.empty
    assert quantile_from_histogram(frame, 0.5) is None
    assert quantile_from_histogram(frame, 0.9) is None


def test_delay_histogram_other_organisation(known_session):
    other = org_id(known_session, OTHER_ORG)
    assert histogram(delay_histogram(known_session, other, "offer_within_days", Q1)) == {
        50: 1,
        60: 1,
        70: 1,
    }


def test_delay_histogram_unknown_kpi(known_session):
    with pytest.raises(KeyError):
        delay_histogram(known_session, org_id(known_session), "no_such_kpi", Q1)


# --------------------------------------------------------------------------- rates


def test_referral_rates_q1(known_session):
    frame = referral_rates(known_session, org_id(known_session), Q1)
    assert list(frame.columns) == ["referrals", "victim_support", "complete"]
    assert all(str(dtype) == "int64" for dtype in frame.dtypes)
    assert records(frame) == [Q1_RATES]


@pytest.mark.parametrize("area", [AREA_A, AREA_B])
def test_referral_rates_by_area(known_session, area):
    frame = referral_rates(known_session, org_id(known_session), Q1, area_code=area)
    assert records(frame) == [Q1_RATES_BY_AREA[area]]


def test_referral_rates_by_strand_and_edges(known_session):
    org = org_id(known_session)
    assert records(referral_rates(known_session, org, Q1, strand="transphobic")) == [
        Q1_RATES_TRANSPHOBIC
    ]
    # January: R01-R05; supported R01, R02, R05; incomplete R03 (closed, no outcome).
    assert records(referral_rates(known_session, org, JAN)) == [(5, 3, 4)]
    assert records(referral_rates(known_session, org, EMPTY)) == [(0, 0, 0)]
    assert records(referral_rates(known_session, org, Q1, area_code="ZZ")) == [(0, 0, 0)]
    assert records(referral_rates(known_session, org_id(known_session, OTHER_ORG), Q1)) == [
        (3, 3, 3)
    ]


# --------------------------------------------------------------------------- officers


@pytest.mark.parametrize("key", list(COMPLIANCE), ids=lambda k: f"{k[0]}-{k[1]}")
def test_officer_compliance(known_session, key):
    """183-day review window: LO1 reviewed 2025-09-29 is in date on 2026-03-31 (exactly 183
    days) but not on 2026-04-01; LO3 (2025-09-28) is out of date; LO2 never reviewed.
    LO4 (on leave), LO5 (left) and LO6 (recruited on 2026-03-31) are not active then."""
    on, area = key
    frame = officer_compliance(known_session, org_id(known_session), on, area)
    assert list(frame.columns) == ["active", "reviewed_in_date", "inducted"]
    assert all(str(dtype) == "int64" for dtype in frame.dtypes)
    assert records(frame) == [COMPLIANCE[key]]


def test_officer_compliance_unknown_area_and_other_organisation(known_session):
    org = org_id(known_session)
    assert records(officer_compliance(known_session, org, Q1_LAST_DAY, "ZZ")) == [(0, 0, 0)]
    other = org_id(known_session, OTHER_ORG)
    assert records(officer_compliance(known_session, other, Q1_LAST_DAY)) == [(2, 2, 2)]


# --------------------------------------------------------------------------- KPI values


@pytest.mark.parametrize(
    ("area", "expected"),
    [(None, KPI_VALUES_Q1), (AREA_A, KPI_VALUES_Q1_AA), (AREA_B, KPI_VALUES_Q1_BB)],
    ids=["all", "AA", "BB"],
)
def test_kpi_values_q1(known_session, area, expected):
    """Medians of the Q1 delays; rates over Q1 referrals; officers at 2026-03-31 (period end
    minus one day); awareness coverage before 2026-04-01 against the 2026-03-01 snapshot."""
    frame = kpi_values(known_session, org_id(known_session), Q1, area_code=area)
    assert list(frame.columns) == ["kpi", "value", "numerator", "denominator"]
    assert records(frame) == expected


def test_kpi_values_unknown_area_has_no_values(known_session):
    frame = kpi_values(known_session, org_id(known_session), Q1, area_code="ZZ")
    assert records(frame) == [
        ("offer_within_days", None, None, None),
        ("allocation_within_days", None, None, None),
        ("victim_contact_within_days", None, None, None),
        ("victim_support_rate", None, 0, 0),
        ("data_completeness", None, 0, 0),
        ("lo_reviews_in_date", None, 0, 0),
        ("lo_inductions_completed", None, 0, 0),
        ("training_coverage", None, 0, 0),
    ]


def test_kpi_values_strand_filter(known_session):
    """Transphobic Q1: offer delays R07 0, R12 5 -> median 0; allocation R12 3 -> 3; no
    victim contact; 0 of 5 supported; 2 of 5 complete; officers and training unfiltered."""
    frame = kpi_values(known_session, org_id(known_session), Q1, strand="transphobic")
    assert records(frame) == [
        ("offer_within_days", 0.0, None, None),
        ("allocation_within_days", 3.0, None, None),
        ("victim_contact_within_days", None, None, None),
        ("victim_support_rate", 0.0, 0, 5),
        ("data_completeness", 40.0, 2, 5),
        ("lo_reviews_in_date", 33.3, 1, 3),
        ("lo_inductions_completed", 66.7, 2, 3),
        ("training_coverage", 8.0, 8, 100),
    ]


def test_kpi_values_other_organisation(known_session):
    other = org_id(known_session, OTHER_ORG)
    frame = kpi_values(known_session, other, Q1)
    assert records(frame) == [
        ("offer_within_days", 60.0, None, None),
        ("allocation_within_days", 40.0, None, None),
        ("victim_contact_within_days", 5.0, None, None),
        ("victim_support_rate", 100.0, 3, 3),
        ("data_completeness", 100.0, 3, 3),
        ("lo_reviews_in_date", 100.0, 2, 2),
        ("lo_inductions_completed", 100.0, 2, 2),
        ("training_coverage", 0.8, 4, 500),
    ]
