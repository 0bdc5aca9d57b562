"""Referral counts (data_access/queries/referrals.py) on the known dataset."""

from __future__ import annotations

from datetime import date

import pytest

from data_access.queries.common import Period
from data_access.queries.referrals import monthly_counts, total
from tests.data_access.helpers import records
from tests.known_data import (
    AREA_A,
    AREA_B,
    JAN,
    OTHER_ORG,
    Q1,
    Q1_MONTHLY,
    Q1_TOTAL,
    Q1_TOTAL_BY_AREA,
    Q1_TOTAL_BY_STRAND,
    org_id,
)


def test_monthly_counts_q1_exact(known_session):
    frame = monthly_counts(known_session, org_id(known_session), Q1)
    assert list(frame.columns) == ["month", "area", "strand", "count"]
    assert str(frame["count"].dtype) == "int64"
    assert records(frame) == Q1_MONTHLY
    assert frame["count"].sum() == Q1_TOTAL


@pytest.mark.parametrize("area", [AREA_A, AREA_B])
def test_monthly_counts_by_area(known_session, area):
    frame = monthly_counts(known_session, org_id(known_session), Q1, area_code=area)
    assert records(frame) == [row for row in Q1_MONTHLY if row[1] == area]


def test_monthly_counts_by_strand(known_session):
    frame = monthly_counts(known_session, org_id(known_session), Q1, strand="transphobic")
    assert records(frame) == [
        ("2026-01", "AA", "transphobic", 1),  # R03
        ("2026-02", "BB", "transphobic", 2),  # R07, R08
        ("2026-03", "AA", "transphobic", 2),  # R12, R16
    ]


def test_monthly_counts_by_area_and_strand(known_session):
    frame = monthly_counts(
        known_session, org_id(known_session), Q1, area_code=AREA_A, strand="homophobic"
    )
    # R01, R02 | R06 | R11, R15
    assert records(frame) == [
        ("2026-01", "AA", "homophobic", 2),
        ("2026-02", "AA", "homophobic", 1),
        ("2026-03", "AA", "homophobic", 2),
    ]


def test_monthly_counts_unknown_area_is_empty(known_session):
    frame = monthly_counts(known_session, org_id(known_session), Q1, area_code="ZZ")
    assert list(frame.columns) == ["month", "area", "strand", "count"]
    assert frame.empty


def test_monthly_counts_never_include_the_other_organisation(known_session):
    # OTH has one referral a month in its own area "AA" (homophobic): if they leaked,
    # KNW's AA/homophobic cells would be 3, 2, 3.
    other = monthly_counts(known_session, org_id(known_session, OTHER_ORG), Q1)
    assert records(other) == [
        ("2026-01", "AA", "homophobic", 1),
        ("2026-02", "AA", "homophobic", 1),
        ("2026-03", "AA", "homophobic", 1),
    ]
    # And OTH's area code does not reach KNW's rows the other way round.
    other_bb = monthly_counts(known_session, org_id(known_session, OTHER_ORG), Q1, area_code=AREA_B)
    assert other_bb.empty


def test_monthly_counts_period_is_half_open(known_session):
    org = org_id(known_session)
    # R00 is reported 2025-12-31, R17 on 2026-04-01 (= Q1.end): neither is in Q1.
    december = monthly_counts(known_session, org, Period(date(2025, 12, 1), date(2026, 1, 1)))
    assert records(december) == [("2025-12", "AA", "homophobic", 1)]
    april = monthly_counts(known_session, org, Period(date(2026, 4, 1), date(2026, 5, 1)))
    assert records(april) == [("2026-04", "AA", "homophobic", 1)]


def test_monthly_counts_empty_period(known_session):
    empty = Period(date(2027, 1, 1), date(2027, 2, 1))
    frame = monthly_counts(known_session, org_id(known_session), empty)
    assert frame.empty
    assert list(frame.columns) == ["month", "area", "strand", "count"]


def test_total(known_session):
    org = org_id(known_session)
    assert total(known_session, org, Q1) == Q1_TOTAL
    assert total(known_session, org, JAN) == 5  # R01-R05
    for area, expected in Q1_TOTAL_BY_AREA.items():
        assert total(known_session, org, Q1, area_code=area) == expected
    for strand, expected in Q1_TOTAL_BY_STRAND.items():
        assert total(known_session, org, Q1, strand=strand) == expected
    assert total(known_session, org, Q1, area_code=AREA_B, strand="biphobic") == 2  # R04, R14
    assert total(known_session, org, Q1, area_code="ZZ") == 0
    assert total(known_session, org_id(known_session, OTHER_ORG), Q1) == 3


def test_total_boundaries_are_half_open(known_session):
    org = org_id(known_session)
    # Ending on 2026-03-31 drops R15 (reported that day); Q1 itself keeps it.
    assert total(known_session, org, Period(date(2026, 1, 1), date(2026, 3, 31))) == 15
    # Starting on 2026-01-01 keeps R05 (reported that day) and drops R00 (2025-12-31).
    assert total(known_session, org, Period(date(2026, 1, 1), date(2026, 1, 2))) == 1
    assert total(known_session, org, Period(date(2025, 12, 31), date(2026, 1, 1))) == 1
    # R17 is reported on Q1.end: only a period starting that day counts it.
    assert total(known_session, org, Period(date(2026, 4, 1), date(2026, 4, 2))) == 1
    assert total(known_session, org, Period(date(2025, 12, 31), date(2026, 4, 2))) == 18
