"""Open-data grain queries (data_access/queries/open_data.py, open_activities.py) on the
known dataset, both backends: they agree with the queries the pages already use and with
the hand-worked table of tests/known_data/referrals.py."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from data_access.models import Action, Commitment, Referral
from data_access.queries import open_activities, open_data, referrals, release, scheme
from data_access.queries.common import Period
from tests.known_data import POPULATIONS, Q1, UNKNOWN_ORG_ID, org_id


def test_release_referral_months_add_up_to_the_monthly_counts(known_session):
    """The release's referral frame (open data's incident-type table is drawn from it)."""
    org = org_id(known_session)
    frame = release.referral_months(known_session, org, Q1, 5)
    assert set(frame["incident"]) <= {"crime", "non_crime"}
    summed = frame.groupby(["month", "area", "strand"], as_index=False)["referrals"].sum()
    expected = referrals.monthly_counts(known_session, org, Q1)
    key = ["month", "area", "strand"]
    assert summed.sort_values(key).values.tolist() == expected.sort_values(key).values.tolist()


def test_timeliness_counts_match_the_hand_worked_table(known_session):
    """Q1 (R01-R16), offer limit 5 days: offerable 12 (not R03, R08, R13 not offered, R16
    not flagged), offered within 5 days 9, offered 11, accepted 9, allocated 8, victim
    contacted within 2 days of allocation 4 (R01, R02, R06, R10)."""
    frame = release.referral_months(known_session, org_id(known_session), Q1, 5)
    totals = frame[list(open_data.TIMELINESS)].sum().to_dict()
    assert totals == {
        "offerable": 12,
        "offered_in_time": 9,
        "offered": 11,
        "accepted": 9,
        "allocated": 8,
        "contacted_in_time": 4,
    }


def test_release_outcomes_count_each_closed_referral_once_by_month(known_session):
    org = org_id(known_session)
    whole = Period(date(2025, 1, 1), date(2027, 1, 1))
    frame = release.outcome_months(known_session, org, whole)
    closed = known_session.scalar(
        select(func.count(Referral.id)).where(
            Referral.organisation_id == org, Referral.closed_on.is_not(None)
        )
    )
    assert frame["count"].sum() == closed
    assert {open_data.quarter_of(m) for m in frame["month"]} <= {"2026-Q1", "2026-Q2"}
    assert "not_recorded" in set(frame["outcome"])  # R03: closed without an outcome


def test_events_and_training_agree_with_the_scheme_queries(known_session):
    org = org_id(known_session)
    events = open_activities.event_months(known_session, org, Q1)
    held = scheme.events_held(known_session, org, Q1)
    assert events["events"].sum() == held["events"].sum()
    on = date(2026, 4, 1)
    by_rank = open_activities.training_by_rank(known_session, org, on, None)
    coverage = scheme.training_coverage(known_session, org, on)
    assert by_rank["trained"].sum() == coverage["trained"].sum()
    assert by_rank["headcount"].sum() == coverage["headcount"].sum()
    one_area = open_activities.training_by_rank(known_session, org, on, "BB")
    bb = coverage[coverage["area"] == "BB"].iloc[0]
    assert (one_area["trained"].sum(), one_area["headcount"].sum()) == (bb.trained, bb.headcount)


def test_only_public_commitments_and_actions(known_session):
    org = org_id(known_session)
    public = known_session.scalar(
        select(func.count(Commitment.id)).where(
            Commitment.organisation_id == org, Commitment.is_public.is_(True)
        )
    )
    assert len(open_activities.public_commitments(known_session, org)) == public
    whole = Period(date(2000, 1, 1), date(2100, 1, 1))
    actions = open_activities.public_actions(known_session, org, whole)
    hidden = known_session.scalars(
        select(Action.code).where(Action.organisation_id == org, Action.is_public.is_(False))
    ).all()
    assert not set(actions["code"]) & set(hidden)


def test_area_populations_and_first_month(known_session):
    org = org_id(known_session)
    frame = open_data.area_populations(known_session, org)
    assert dict(zip(frame["area"], frame["population"], strict=True)) == POPULATIONS
    assert open_data.first_month(known_session, org) == "2025-12"


def test_quarter_helpers():
    assert open_data.quarter_of("2026-05") == "2026-Q2"
    assert open_data.quarter_start("2026-Q4") == date(2026, 10, 1)


@pytest.mark.parametrize(
    "query",
    [
        lambda s: release.outcome_months(s, UNKNOWN_ORG_ID, Q1),
        lambda s: open_data.first_month(s, UNKNOWN_ORG_ID),
        lambda s: open_activities.public_commitments(s, UNKNOWN_ORG_ID),
        lambda s: open_activities.import_history(s, UNKNOWN_ORG_ID),
    ],
)
def test_unknown_organisation_is_refused(known_session, query):
    with pytest.raises(PermissionError):
        query(known_session)
