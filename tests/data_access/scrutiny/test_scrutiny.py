"""Scrutiny panel sampling and findings on SQLite and PostgreSQL: same seed, same sample;
strata respected; internal staff cases never drawn; findings raise actions."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import func, select

from data_access import scrutiny
from data_access.models import Action, Area, Organisation, Referral, ScrutinyCase
from data_access.queries.common import Period
from tests.data_access.helpers import dataset_fixtures

QUARTER, PERIOD = "2026-Q1", Period(date(2026, 1, 1), date(2026, 4, 1))
TODAY = date(2026, 4, 20)
# (strand, closed in the quarter, internal, how many)
PLAN = [("homophobic", True, False, 20), ("transphobic", True, False, 6),
        ("biphobic", True, False, 2), ("homophobic", True, True, 3),
        ("biphobic", False, False, 4)]  # fmt: skip


def build(session) -> None:
    org, other = Organisation(code="SCR", name="Scrutiny"), Organisation(code="OTH", name="O")
    session.add_all([org, other])
    session.flush()
    area, far = Area(organisation_id=org.id, code="N", name="N"), Area(
        organisation_id=other.id, code="N", name="N")  # fmt: skip
    session.add_all([area, far])
    session.flush()
    number = 0
    for owner, where in ((org, area), (other, far)):
        for strand, inside, internal, count in PLAN:
            for _ in range(count):
                number += 1
                session.add(Referral(
                    organisation_id=owner.id, log_number=f"LOG-{number:03d}", area_id=where.id,
                    strand=strand, incident_type="crime", channel="101",
                    reported_on=date(2025, 12, 1), internal_case=internal, outcome="nfa",
                    closed_on=date(2026, 2, 1) if inside else date(2026, 5, 1)))  # fmt: skip
    session.flush()


url, session, org = dataset_fixtures("scrutiny", build, "SCR")


def test_allocation_is_proportional_with_every_stratum_present():
    assert scrutiny.allocate({"homophobic": 20, "transphobic": 6, "biphobic": 2}, 12) == {
        "homophobic": 9, "transphobic": 2, "biphobic": 1}  # fmt: skip
    assert scrutiny.allocate({"homophobic": 30, "transphobic": 0, "biphobic": 1}, 5) == {
        "homophobic": 4, "transphobic": 0, "biphobic": 1}  # fmt: skip
    assert scrutiny.allocate({"homophobic": 2, "transphobic": 1, "biphobic": 0}, 12) == {
        "homophobic": 2, "transphobic": 1, "biphobic": 0}  # fmt: skip


def test_same_seed_same_sample_and_strata_respected(session, org):
    cases = scrutiny.eligible(session, org, PERIOD)
    assert len(cases) == 28  # internal cases and those closed after the quarter left out
    first, again = scrutiny.draw(cases, 12, 2026), scrutiny.draw(cases, 12, 2026)
    assert first == again and len(first) == 12
    assert scrutiny.draw(cases, 12, 7) != first
    strands = Counter(cases.set_index("id").loc[first, "strand"])
    assert strands == {"homophobic": 9, "transphobic": 2, "biphobic": 1}


def test_internal_cases_are_never_drawn(session, org):
    internal = set(session.scalars(select(Referral.id).where(Referral.internal_case)))
    cases = scrutiny.eligible(session, org, PERIOD)
    for seed in range(200):
        assert not set(scrutiny.draw(cases, 12, seed)) & internal


def test_a_drawn_sample_is_recorded_once_and_findings_raise_actions(session, org):
    sample = scrutiny.draw_sample(session, org, "coordinator", QUARTER, PERIOD, TODAY, 10, 99)
    assert (sample.seed, sample.size) == (99, 10)
    drawn = scrutiny.sample_cases(session, org, QUARTER)
    assert list(drawn["case"].map(int)) != [] and len(drawn) == 10
    assert sorted(session.scalars(select(ScrutinyCase.referral_id))) == scrutiny.draw(
        scrutiny.eligible(session, org, PERIOD), 10, 99)  # fmt: skip
    with pytest.raises(scrutiny.ValidationError) as again:
        scrutiny.draw_sample(session, org, "coordinator", QUARTER, PERIOD, TODAY)
    assert again.value.errors == {"quarter": ("already_drawn", {})}
    case = int(drawn["case"].iloc[0])
    with pytest.raises(scrutiny.ValidationError):
        scrutiny.record_finding(session, org, "coordinator", case,
                                {"finding": "great", "theme": "x"}, TODAY)  # fmt: skip
    code = scrutiny.record_finding(session, org, "coordinator", case, {
        "finding": "improvement_needed", "theme": "victim contact", "raise_action": True},
        TODAY)  # fmt: skip
    action = session.scalar(select(Action).where(Action.code == code))
    assert (action.theme, action.status, action.is_public) == ("victim contact", "open", False)
    shown = scrutiny.sample_cases(session, org, QUARTER).set_index("case").loc[case]
    assert (shown["finding"], shown["action"]) == ("improvement_needed", code)
    assert scrutiny.record_finding(session, org, "coordinator", case, {
        "finding": "improvement_needed", "theme": "victim contact", "raise_action": True},
        TODAY) is None  # one action per case  # fmt: skip
    assert session.scalar(select(func.count()).select_from(Action)) == 1


def test_other_organisations_cases_are_not_found(session, org):
    other = session.scalar(select(Organisation.id).where(Organisation.code == "OTH"))
    scrutiny.draw_sample(session, other, "x", QUARTER, PERIOD, TODAY, 3, 1)
    case = session.scalar(select(ScrutinyCase.id))
    with pytest.raises(scrutiny.NotFound):
        scrutiny.record_finding(session, org, "coordinator", case,
                                {"finding": "notable_practice", "theme": "t"}, TODAY)  # fmt: skip
