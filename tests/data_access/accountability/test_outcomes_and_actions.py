"""Accountability queries: outcomes, the KPI summary, the actions log and organisation
checks, on the hand-made dataset of data.py."""

# ruff: noqa: E501 - the hand-made dataset reads best as one row per record
from __future__ import annotations

import pytest

from data_access.queries import accountability as acc
from tests.data_access.accountability.data import (
    Q1,
    TODAY,
    d,
    hist,
    org,
)
from tests.data_access.helpers import records

# --------------------------------------------------------------------------- outcomes


def outcomes(frame) -> dict[tuple[str, str], int]:
    return {(s, o): int(c) for s, o, c in frame.itertuples(index=False)}


ALL_OUTCOMES = {
    ("biphobic", "not_recorded"): 1,  # A4
    ("biphobic", "ongoing"): 1,  # A9
    ("homophobic", "charge_summons"): 1,  # A1
    ("homophobic", "nfa"): 1,  # A3 (non-crime)
    ("homophobic", "not_recorded"): 1,  # A8 (non-crime)
    ("homophobic", "ongoing"): 1,  # A10
    ("homophobic", "out_of_court"): 1,  # A6
    ("homophobic", "victim_withdrew"): 1,  # A5
    ("transphobic", "nfa"): 1,  # A7
    ("transphobic", "ongoing"): 1,  # A2
}


def test_outcomes_by_strand(session):
    o = org(session)
    frame = acc.outcomes_by_strand(session, o, Q1)
    assert list(frame.columns) == ["strand", "outcome", "count"]
    assert outcomes(frame) == ALL_OUTCOMES
    non_crime = {("homophobic", "nfa"): 1, ("homophobic", "not_recorded"): 1}
    crimes = {k: v for k, v in ALL_OUTCOMES.items() if k not in non_crime}
    assert outcomes(acc.outcomes_by_strand(session, o, Q1, incident="crime")) == crimes
    assert outcomes(acc.outcomes_by_strand(session, o, Q1, incident="non_crime")) == non_crime
    assert outcomes(acc.outcomes_by_strand(session, o, Q1, area_code="NO")) == {
        ("biphobic", "not_recorded"): 1,
        ("homophobic", "charge_summons"): 1,
        ("homophobic", "nfa"): 1,
        ("homophobic", "not_recorded"): 1,
        ("transphobic", "nfa"): 1,
    }


# --------------------------------------------------------------------------- KPI summary


def test_kpi_summary_against_targets(session):
    frame = acc.kpi_summary(session, org(session), Q1)
    assert list(frame.columns) == [
        "kpi", "value", "p90", "numerator", "denominator", "target_value", "direction", "status",
    ]  # fmt: skip
    assert records(frame) == [
        # median 2 against the target in force on Mar 31 (1, not the ended 7): 2 - 1 ≤ 1: amber
        ("offer_within_days", 2.0, 8.0, None, 7, 1.0, "at_most", "amber"),
        ("allocation_within_days", 1.0, 4.0, None, 5, 2.0, "at_most", "green"),  # [0,1,1,2,4]
        ("oic_contact_within_days", 1.0, 3.0, None, 5, None, None, "none"),  # no target
        ("victim_contact_within_days", 1.0, 5.0, None, 4, 2.0, "at_most", "green"),  # [0,1,2,5]
        ("victim_support_rate", 50.0, None, 5, 10, 100.0, "at_least", "red"),
        ("data_completeness", 60.0, None, 6, 10, 95.0, "at_least", "red"),
        ("lo_reviews_in_date", 25.0, None, 1, 4, 90.0, "at_least", "red"),  # O1 of 4 on Mar 31
        ("lo_inductions_completed", 100.0, None, 4, 4, 100.0, "at_least", "green"),
    ]


def test_kpi_summary_for_one_area(session):
    frame = acc.kpi_summary(session, org(session), Q1, area_code="SO")
    values = {k: (v, p, n, t) for k, v, p, _n, n, *_r, t in records(frame)}
    assert values == {
        "offer_within_days": (3.0, 5.0, 3, "red"),  # [1,3,5]: 3 - 1 > 1 and 3 > 1.1
        "allocation_within_days": (2.0, 4.0, 3, "green"),  # [1,2,4]
        "oic_contact_within_days": (1.0, 2.0, 3, "none"),  # [1,1,2]
        "victim_contact_within_days": (1.0, 5.0, 3, "green"),  # [0,1,5]
        "victim_support_rate": (40.0, None, 5, "red"),  # A2, A6 of 5
        "data_completeness": (60.0, None, 5, "red"),  # A2, A5, A6 of 5
        "lo_reviews_in_date": (0.0, None, 2, "red"),  # O3, O4
        "lo_inductions_completed": (100.0, None, 2, "green"),
    }


# --------------------------------------------------------------------------- actions


def test_actions_log(session):
    o = org(session)
    frame = acc.actions_log(session, o, Q1, TODAY)
    assert list(frame.columns) == [*acc.ACTION_COLUMNS, "overdue", "is_public"]
    # raised in Q1 (newest first), or earlier and not done (X2); X1, X5 done before; X6 after.
    shown = [(r.code, r.status, r.due_on, r.overdue) for r in frame.itertuples()]
    assert shown == [
        ("X8", "open", TODAY, False),  # due today: not yet overdue
        ("X4", "open", None, False),  # no due date
        ("X3", "open", d(6, 30), False),
        ("X7", "done", d(3, 1), False),  # done: never overdue
        ("X2", "in_progress", d(2, 1), True),
    ]
    assert list(frame["is_public"]) == [True, False, True, True, True]
    assert list(acc.actions_log(session, o, Q1, TODAY, "open")["code"]) == ["X8", "X4", "X3"]
    assert list(acc.actions_log(session, o, Q1, TODAY, "done")["code"]) == ["X7"]


# --------------------------------------------------------------------------- organisation


EVERY_QUERY = {
    "delay_histograms": lambda s, o: acc.delay_histograms(s, o, "offer_within_days", Q1, "area"),
    "referral_quality": lambda s, o: acc.referral_quality(s, o, Q1),
    "officer_compliance_by_month": lambda s, o: acc.officer_compliance_by_month(s, o, Q1),
    "outcomes_by_strand": lambda s, o: acc.outcomes_by_strand(s, o, Q1),
    "kpi_summary": lambda s, o: acc.kpi_summary(s, o, Q1),
    "actions_log": lambda s, o: acc.actions_log(s, o, Q1, TODAY),
}


@pytest.mark.parametrize("name", sorted(EVERY_QUERY))
def test_unknown_organisation_is_refused(session, name):
    with pytest.raises(PermissionError):
        EVERY_QUERY[name](session, 987_654)


def test_decoy_organisation_sees_only_its_own(session):
    decoy = org(session, "DEC")
    frame = acc.delay_histograms(session, decoy, "offer_within_days", Q1, "area")
    assert hist(frame, "area") == {"NO": {60: 1}}
    assert list(acc.actions_log(session, decoy, Q1, TODAY)["code"]) == ["X1"]
