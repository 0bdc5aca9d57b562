"""Accountability queries (data_access/queries/accountability.py) on a small hand-made dataset.

Organisation ACC, areas NO and SO, Q1 2026. Referrals reported in Q1 (delays in days from the
previous stage; "-" = not recorded; every referral is flagged on the day it is reported unless
it says "no flag"):

====  =====  ====  ===========  ========  =====  ========  =====  ===  ======  ============  ====
log   rep.   area  strand       incident  offer  outcome   alloc  OIC  victim  VS            out
====  =====  ====  ===========  ========  =====  ========  =====  ===  ======  ============  ====
A1    01-05  NO    homophobic   crime     0      accepted  1      0    2       made          charge, closed
A2    01-20  SO    transphobic  crime     1      accepted  2      1    1       already_made  ongoing
A3    02-03  NO    homophobic   non       1      declined  -      -    -       declined      nfa, closed
A4    02-14  NO    biphobic     crime     2      accepted  0      3    -       made          none
A5    03-02  SO    homophobic   crime     3      accepted  4      1    5       not_recorded  withdrew, closed
A6    03-10  SO    homophobic   crime     5      accepted  1      2    0       made          ooc, closed
A7    03-25  NO    transphobic  crime     8      declined  -      -    -       made          nfa, closed
A8    01-28  NO    homophobic   non       not offered                          not_recorded  none, closed
A9    03-30  SO    biphobic     crime     no flag, pending                     not_recorded  ongoing
A10   02-20  SO    homophobic   crime     no flag, offered 02-21, declined but "allocated" 02-28
====  =====  ====  ===========  ========  =====  ========  =====  ===  ======  ============  ====

Outside Q1: B0 (2025-12-31, offer delay 40) and B1 (2026-04-01, offer delay 50). The decoy
organisation DEC (area also coded NO) has a referral, an officer, an action and a target that
would show if they leaked.

Offer delays in Q1: [0,1,1,2,3,5,8] → median rank ceil(3.5)=4 → 2, p90 rank ceil(6.3)=7 → 8.
"""

# ruff: noqa: E501 - the hand-made dataset reads best as one row per record
from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from sqlalchemy.orm import Session

from components.accountability_frames import quarter_of, to_quarters
from data_access.models import Action, Area, LiaisonOfficer, Organisation, Referral, Target
from data_access.queries import accountability as acc
from data_access.queries import kpis
from data_access.queries.common import Period
from tests.conftest import built_database, session_on
from tests.data_access.helpers import records

Q1 = Period(date(2026, 1, 1), date(2026, 4, 1))
TODAY = date(2026, 4, 15)


def d(month: int, day: int, year: int = 2026) -> date:
    return date(year, month, day)


# log: reported, area, strand, incident, offer delay, offer outcome, allocation, OIC, victim
# contact delays, Victim Support, outcome, closed; extra fields override.
# fmt: off
REFERRALS = {
    "A1": (d(1, 5), "NO", "homophobic", "crime", 0, "accepted", 1, 0, 2, "made", "charge_summons", d(3, 1)),
    "A2": (d(1, 20), "SO", "transphobic", "crime", 1, "accepted", 2, 1, 1, "already_made", "ongoing", None),
    "A3": (d(2, 3), "NO", "homophobic", "non_crime", 1, "declined", None, None, None, "declined", "nfa", d(2, 20)),
    "A4": (d(2, 14), "NO", "biphobic", "crime", 2, "accepted", 0, 3, None, "made", None, None),
    "A5": (d(3, 2), "SO", "homophobic", "crime", 3, "accepted", 4, 1, 5, "not_recorded", "victim_withdrew", d(3, 28)),
    "A6": (d(3, 10), "SO", "homophobic", "crime", 5, "accepted", 1, 2, 0, "made", "out_of_court", d(3, 30)),
    "A7": (d(3, 25), "NO", "transphobic", "crime", 8, "declined", None, None, None, "made", "nfa", d(4, 10)),
    "A8": (d(1, 28), "NO", "homophobic", "non_crime", None, None, None, None, None, "not_recorded", None, d(2, 1)),
    "A9": (d(3, 30), "SO", "biphobic", "crime", None, None, None, None, None, "not_recorded", "ongoing", None),
    "A10": (d(2, 20), "SO", "homophobic", "crime", None, "declined", None, None, None, "declined", "ongoing", None),
    "B0": (d(12, 31, 2025), "NO", "homophobic", "crime", 40, "accepted", 1, 1, 1, "made", "ongoing", None),
    "B1": (d(4, 1), "NO", "homophobic", "crime", 50, "accepted", 1, 1, 1, "made", "ongoing", None),
}
# fmt: on
EXTRA = {
    "A8": {"offer_status": "not_offered", "not_offered_reason": "closed_incorrectly"},
    "A9": {"flagged_on": None},
    "A10": {"flagged_on": None, "offered_on": d(2, 21), "allocated_on": d(2, 28)},
}
# code: area, status, recruited, induction, last review, left
OFFICERS = {
    "O1": ("NO", "active", d(1, 10, 2024), d(2, 1, 2024), d(1, 15), None),
    "O2": ("NO", "active", d(1, 1, 2025), d(2, 1, 2025), d(8, 10, 2025), None),
    "O3": ("SO", "active", d(2, 10), d(3, 15), None, None),
    "O4": ("SO", "active", d(5, 1, 2023), d(6, 1, 2023), d(4, 10), None),
    "O5": ("SO", "left", d(1, 1, 2022), d(2, 1, 2022), d(12, 1, 2025), d(2, 15)),
    "O6": ("NO", "on_leave", d(1, 1, 2022), d(2, 1, 2022), d(1, 5), None),
}
# code: raised, status, due
ACTIONS = {
    "X1": (d(11, 1, 2025), "done", d(1, 31)),
    "X2": (d(12, 1, 2025), "in_progress", d(2, 1)),
    "X3": (d(2, 10), "open", d(6, 30)),
    "X4": (d(3, 1), "open", None),
    "X5": (d(6, 1, 2025), "done", d(9, 1, 2025)),
    "X6": (d(4, 5), "open", d(5, 1)),
    "X7": (d(1, 20), "done", d(3, 1)),
    "X8": (d(3, 15), "open", TODAY),
}
TARGETS = [  # kpi, value, direction, start, end
    ("offer_within_days", 7, "at_most", d(1, 1, 2024), d(1, 1)),
    ("offer_within_days", 1, "at_most", d(1, 1), None),
    ("allocation_within_days", 2, "at_most", d(1, 1, 2024), None),
    ("victim_contact_within_days", 2, "at_most", d(1, 1, 2024), None),
    ("victim_support_rate", 100, "at_least", d(1, 1, 2024), None),
    ("data_completeness", 95, "at_least", d(1, 1, 2024), None),
    ("lo_reviews_in_date", 90, "at_least", d(1, 1, 2024), None),
    ("lo_inductions_completed", 100, "at_least", d(1, 1, 2024), None),
]


def referral(org: int, area: int, log: str, row: tuple, **extra) -> Referral:
    reported, _a, strand, incident, offer, answer, alloc, oic, victim, vs, outcome, closed = row
    offered = reported + timedelta(days=offer) if offer is not None else None
    allocated = offered + timedelta(days=alloc) if alloc is not None else None
    fields = {
        "flagged_on": reported,
        "offer_status": "offered" if offered else "pending",
        "offered_on": offered,
        "offer_outcome": answer,
        "allocated_on": allocated,
        "oic_contacted_on": allocated + timedelta(days=oic) if oic is not None else None,
        "victim_contacted_on": allocated + timedelta(days=victim) if victim is not None else None,
        "victim_support": vs,
        "outcome": outcome,
        "closed_on": closed,
    }
    fields.update(extra)
    if fields["offered_on"]:
        fields["offer_status"] = "offered"
    return Referral(
        organisation_id=org, area_id=area, log_number=log, strand=strand,
        incident_type=incident, channel="101", reported_on=reported, **fields,
    )  # fmt: skip


def build(session: Session) -> None:
    acc_org, decoy = (
        Organisation(code="ACC", name="Accountable"),
        Organisation(code="DEC", name="D"),
    )
    session.add_all([acc_org, decoy])
    session.flush()
    areas = {c: Area(organisation_id=acc_org.id, code=c, name=c.title()) for c in ("NO", "SO")}
    decoy_area = Area(organisation_id=decoy.id, code="NO", name="Decoy North")
    session.add_all([*areas.values(), decoy_area])
    session.flush()
    for log, row in REFERRALS.items():
        session.add(referral(acc_org.id, areas[row[1]].id, log, row, **EXTRA.get(log, {})))
    row = (
        d(2, 15),
        "NO",
        "homophobic",
        "crime",
        60,
        "accepted",
        30,
        30,
        30,
        "made",
        "nfa",
        d(3, 1),
    )
    session.add(referral(decoy.id, decoy_area.id, "D1", row))
    for code, (area, status, recruited, inducted, reviewed, left) in OFFICERS.items():
        session.add(
            LiaisonOfficer(
                organisation_id=acc_org.id, code=code, area_id=areas[area].id,
                officer_type="officer", status=status, recruited_on=recruited,
                induction_completed_on=inducted, last_review_on=reviewed, left_on=left,
            )
        )  # fmt: skip
    session.add(
        LiaisonOfficer(
            organisation_id=decoy.id, code="D1", area_id=decoy_area.id, officer_type="officer",
            recruited_on=d(1, 1, 2020), induction_completed_on=d(2, 1, 2020),
            last_review_on=d(3, 1),
        )
    )  # fmt: skip
    for org, code, (raised, status, due) in [
        *((acc_org, c, v) for c, v in ACTIONS.items()),
        (decoy, "X1", (d(2, 1), "open", d(2, 2))),
    ]:
        session.add(
            Action(
                organisation_id=org.id, code=code, raised_on=raised, forum="Forum", owner="Owner",
                issue=f"Issue {code}", response="Done" if status == "done" else None,
                status=status, due_on=due, is_public=code != "X4",
            )
        )  # fmt: skip
    for org, (kpi, value, direction, start, end) in [
        *((acc_org, t) for t in TARGETS),
        (decoy, ("oic_contact_within_days", 1, "at_most", d(1, 1, 2024), None)),
    ]:
        session.add(
            Target(
                organisation_id=org.id, kpi=kpi, target_value=value, direction=direction,
                period_start=start, period_end=end,
            )
        )  # fmt: skip


@pytest.fixture(scope="module")
def acc_url(backend, tmp_path_factory) -> Iterator[str]:
    url, drop = built_database(backend, tmp_path_factory.mktemp("accountability"), build)
    yield url
    drop()


@pytest.fixture
def session(acc_url) -> Iterator[Session]:
    with session_on(acc_url) as s:
        yield s


def org(session: Session, code: str = "ACC") -> int:
    return session.query(Organisation.id).filter_by(code=code).scalar()


def hist(frame, by: str) -> dict[str, dict[int, int]]:
    out: dict[str, dict[int, int]] = {}
    for key, days, count in frame[[by, "days", "count"]].itertuples(index=False):
        out.setdefault(key, {})[int(days)] = int(count)
    return out


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
