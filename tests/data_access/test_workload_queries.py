"""Liaison workload queries (data_access/queries/workload.py) on a small hand-made dataset.

Organisation WKL, areas NA, SO, EA; a decoy WKD with an area and an officer of the same codes
whose every record would change WKL's figures if it leaked. Period P = Q1 2026 =
[2026-01-01, 2026-04-01); reviews are due on TODAY = 2026-04-10, 60-day horizon.

WKL referrals reported in P ("-": not recorded), with the first stage each fails to reach:

===  ====  ===========  ====  =============================  ======  ========================
log  area  strand       flag  offer                          LO      reason (last stage)
===  ====  ===========  ====  =============================  ======  ========================
W01  NA    homophobic   yes   accepted                       LO-01   closed (all stages)
W02  NA    homophobic   yes   accepted                       LO-02   closed (all stages)
W03  NA    transphobic  yes   accepted                       LO-01   still_open (victim c.)
W04  SO    biphobic     -     pending                        -       not_flagged
W05  SO    homophobic   yes   not offered: closed_incorr.    -       closed_incorrectly
W06  SO    homophobic   yes   not offered: already_supp.     -       already_supported
W07  NA    transphobic  yes   not offered: uncontactable     -       uncontactable
W08  EA    homophobic   yes   not offered, no reason         -       not_offered_unrecorded
W09  EA    transphobic  yes   pending                        -       offer_pending
W10  NA    homophobic   yes   declined                       -       declined
W11  SO    homophobic   yes   offered, no answer             -       offer_unanswered
W12  SO    homophobic   yes   accepted                       -       not_allocated
W13  NA    biphobic     yes   accepted; victim, no OIC       LO-05   no_oic_contact
W14  SO    homophobic   yes   accepted; OIC, closed          LO-03   no_victim_contact
W15  NA    homophobic   yes   accepted; OIC, victim          LO-04   still_open
W16  NA    transphobic  -     not offered (closed_incorr.)   -       not_flagged (first gap)
===  ====  ===========  ====  =============================  ======  ========================

Outside P: W00 (NA, 2025-12-31, allocated LO-02 on 2026-01-02, open), W17 (NA, 2026-04-01,
allocated LO-01 2026-04-02), W18 (SO, 2025-11-01, LO-03, closed 2026-04-01 = P end), W19 (SO,
2025-10-01, LO-09, closed 2026-03-31), W20 (EA, 2025-04-01), W21 (EA, 2025-03-31), W22 (NA,
2025-06-01, LO-07, closed 2025-07-01).
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access.models import Area, LiaisonOfficer, Organisation, Referral
from data_access.queries import workload
from data_access.queries.common import Period
from tests.conftest import built_database, session_on
from tests.data_access.helpers import records

P = Period(date(2026, 1, 1), date(2026, 4, 1))
TODAY = date(2026, 4, 10)


def d(year: int, month: int, day: int) -> date:
    return date(year, month, day)


# code -> (area, status, recruited, inducted, last review, left)
OFFICERS = {
    "LO-01": ("NA", "active", d(2024, 1, 10), d(2024, 2, 1), d(2025, 12, 1), None),
    "LO-02": ("NA", "active", d(2024, 3, 1), d(2024, 4, 10), d(2025, 9, 1), None),
    "LO-03": ("SO", "active", d(2025, 1, 15), d(2025, 2, 12), None, None),
    "LO-04": ("SO", "on_leave", d(2023, 5, 1), d(2023, 6, 1), d(2024, 1, 1), None),
    "LO-05": ("NA", "left", d(2022, 1, 1), d(2022, 2, 1), d(2025, 10, 1), d(2026, 2, 15)),
    "LO-06": ("SO", "active", d(2026, 3, 20), None, None, None),
    "LO-07": ("NA", "active", d(2024, 1, 1), d(2024, 2, 1), d(2025, 12, 9), None),
    "LO-08": ("NA", "active", d(2024, 1, 1), d(2024, 2, 1), d(2025, 12, 8), None),
    "LO-09": ("SO", "active", d(2024, 6, 1), d(2024, 7, 1), d(2025, 10, 9), None),
    "LO-10": ("NA", "left", d(2020, 1, 1), d(2020, 2, 1), d(2024, 12, 1), d(2025, 1, 1)),
    "LO-11": ("NA", "active", TODAY, None, None, None),
}
ACCEPTED = {"offer_status": "offered", "offer_outcome": "accepted"}


def full(officer: str, allocated: date, closed: date | None = None, **extra) -> dict:
    """Every stage up to victim contact recorded (allocation, OIC and victim the same day)."""
    dates = {"allocated_on": allocated, "oic_contacted_on": allocated}
    return {
        **ACCEPTED,
        "lo": officer,
        **dates,
        "victim_contacted_on": allocated,
        "closed_on": closed,
        **extra,
    }


# log -> (area, strand, reported, flagged, fields)
REFERRALS = {
    "W00": (
        "NA",
        "homophobic",
        d(2025, 12, 31),
        True,
        full("LO-02", d(2026, 1, 2), internal_case=True),
    ),
    "W01": ("NA", "homophobic", d(2026, 1, 5), True, full("LO-01", d(2026, 1, 8), d(2026, 2, 20))),
    "W02": ("NA", "homophobic", d(2026, 1, 10), True, full("LO-02", d(2026, 1, 12), d(2026, 3, 1))),
    "W03": (
        "NA",
        "transphobic",
        d(2026, 1, 15),
        True,
        full("LO-01", d(2026, 1, 17), deployment="immediate_on_duty"),
    ),
    "W04": ("SO", "biphobic", d(2026, 1, 20), False, {}),
    "W05": (
        "SO",
        "homophobic",
        d(2026, 1, 22),
        True,
        {"offer_status": "not_offered", "not_offered_reason": "closed_incorrectly"},
    ),
    "W06": (
        "SO",
        "homophobic",
        d(2026, 2, 1),
        True,
        {"offer_status": "not_offered", "not_offered_reason": "already_supported"},
    ),
    "W07": (
        "NA",
        "transphobic",
        d(2026, 2, 3),
        True,
        {"offer_status": "not_offered", "not_offered_reason": "uncontactable"},
    ),
    "W08": ("EA", "homophobic", d(2026, 2, 5), True, {"offer_status": "not_offered"}),
    "W09": ("EA", "transphobic", d(2026, 2, 7), True, {}),
    "W10": (
        "NA",
        "homophobic",
        d(2026, 2, 10),
        True,
        {"offer_status": "offered", "offer_outcome": "declined", "deployment": "immediate_on_duty"},
    ),
    "W11": ("SO", "homophobic", d(2026, 2, 12), True, {"offer_status": "offered"}),
    "W12": ("SO", "homophobic", d(2026, 2, 15), True, {**ACCEPTED, "internal_case": True}),
    "W13": (
        "NA",
        "biphobic",
        d(2026, 2, 20),
        True,
        {**full("LO-05", d(2026, 2, 22)), "oic_contacted_on": None},
    ),
    "W14": (
        "SO",
        "homophobic",
        d(2026, 3, 1),
        True,
        {
            **full("LO-03", d(2026, 3, 3), d(2026, 3, 20), internal_case=True),
            "victim_contacted_on": None,
        },
    ),
    "W15": (
        "NA",
        "homophobic",
        d(2026, 3, 10),
        True,
        full("LO-04", d(2026, 3, 12), deployment="immediate_off_duty"),
    ),
    "W16": (
        "NA",
        "transphobic",
        d(2026, 3, 31),
        False,
        {"offer_status": "not_offered", "not_offered_reason": "closed_incorrectly"},
    ),
    "W17": (
        "NA",
        "homophobic",
        d(2026, 4, 1),
        True,
        full("LO-01", d(2026, 4, 2), deployment="immediate_off_duty"),
    ),
    "W18": ("SO", "homophobic", d(2025, 11, 1), True, full("LO-03", d(2025, 11, 5), d(2026, 4, 1))),
    "W19": ("SO", "biphobic", d(2025, 10, 1), True, full("LO-09", d(2025, 10, 3), d(2026, 3, 31))),
    "W20": ("EA", "homophobic", d(2025, 4, 1), False, {}),
    "W21": ("EA", "homophobic", d(2025, 3, 31), False, {}),
    "W22": ("NA", "homophobic", d(2025, 6, 1), True, full("LO-07", d(2025, 6, 3), d(2025, 7, 1))),
}


def build_workload_dataset(session: Session) -> None:
    """WKL as in the module docstring, and the decoy WKD (area NA, officer LO-01, three closed
    referrals allocated in P, each an on-duty deployment and an internal case)."""
    for code, officers, referrals in [
        ("WKL", OFFICERS, REFERRALS),
        ("WKD", DECOY_OFFICERS, DECOY_REFERRALS),
    ]:
        organisation = Organisation(code=code, name=code)
        session.add(organisation)
        session.flush()
        codes = sorted({row[0] for row in officers.values()} | {r[0] for r in referrals.values()})
        areas = {c: Area(organisation_id=organisation.id, code=c, name=c) for c in codes}
        session.add_all(areas.values())
        session.flush()
        ids = {}
        for lo, (area, status, recruited, inducted, reviewed, left) in officers.items():
            row = LiaisonOfficer(
                organisation_id=organisation.id,
                code=lo,
                display_name="Name " + lo,
                area_id=areas[area].id,
                officer_type="officer",
                status=status,
                recruited_on=recruited,
                induction_completed_on=inducted,
                last_review_on=reviewed,
                left_on=left,
            )
            session.add(row)
            session.flush()
            ids[lo] = row.id
        for log, (area, strand, reported, flagged, fields) in referrals.items():
            fields = dict(fields)
            lo = fields.pop("lo", None)
            session.add(
                Referral(
                    organisation_id=organisation.id,
                    log_number=log,
                    area_id=areas[area].id,
                    strand=strand,
                    incident_type="crime",
                    channel="101",
                    reported_on=reported,
                    flagged_on=reported if flagged else None,
                    allocated_officer_id=ids.get(lo),
                    **fields,
                )
            )
    session.flush()


DECOY_OFFICERS = {"LO-01": ("NA", "active", d(2024, 1, 1), None, None, None)}
DECOY_EXTRA = {"deployment": "immediate_on_duty", "internal_case": True}
DECOY_REFERRALS = {
    f"D0{i}": (
        "NA",
        "homophobic",
        d(2026, i, 10),
        True,
        full("LO-01", d(2026, i, 11), d(2026, i, 20), **DECOY_EXTRA),
    )
    for i in (1, 2, 3)
}


@pytest.fixture(scope="module")
def workload_url(backend, tmp_path_factory):
    url, drop = built_database(backend, tmp_path_factory.mktemp("workload"), build_workload_dataset)
    yield url
    drop()


@pytest.fixture
def session(workload_url):
    with session_on(workload_url) as db_session:
        yield db_session


def org(session: Session, code: str = "WKL") -> int:
    return session.scalar(select(Organisation.id).where(Organisation.code == code))


# ------------------------------------------------------------------------------ funnel
STAGES_ALL = [16, 14, 9, 7, 6, 5, 4, 2]  # 16 - 2 not flagged - 5 not offered - 2 - 1 - 1 - 1 - 2
STAGES_NA = [8, 7, 6, 5, 5, 4, 4, 2]  # W01 W02 W03 W07 W10 W13 W15 W16
STAGES_TRANSPHOBIC = [4, 3, 1, 1, 1, 1, 1, 0]  # W03 W07 W09 W16
DROPOUTS_ALL = {
    "not_flagged": 2,  # W04, W16
    "closed_incorrectly": 1,
    "already_supported": 1,
    "uncontactable": 1,
    "not_appropriate_other": 0,
    "not_offered_unrecorded": 1,  # W08
    "offer_pending": 1,  # W09
    "declined": 1,  # W10
    "offer_unanswered": 1,  # W11
    "not_allocated": 1,  # W12
    "no_oic_contact": 1,  # W13
    "no_victim_contact": 1,  # W14
    "still_open": 2,  # W03, W15
}


@pytest.mark.parametrize(
    ("area", "strand", "expected"),
    [(None, None, STAGES_ALL), ("NA", None, STAGES_NA), (None, "transphobic", STAGES_TRANSPHOBIC)],
)
def test_funnel_stages(session, area, strand, expected):
    outcomes = workload.funnel_outcomes(session, org(session), P, area, strand)
    stages = workload.funnel_stages(outcomes)
    assert list(stages["stage"]) == list(workload.STAGES)
    assert list(stages["count"]) == expected
    assert str(stages["count"].dtype) == "int64"


def test_funnel_outcomes_by_reason(session):
    outcomes = workload.funnel_outcomes(session, org(session), P)
    found = dict(zip(outcomes["reason"], outcomes["count"], strict=True))
    expected = {k: v for k, v in DROPOUTS_ALL.items() if v} | {"closed": 2}
    assert found == expected


def test_dropouts_list_every_reason_and_add_up_to_stage_differences(session):
    for area, strand in [(None, None), ("NA", None), ("SO", "homophobic"), (None, "biphobic")]:
        outcomes = workload.funnel_outcomes(session, org(session), P, area, strand)
        stages = dict(zip(*workload.funnel_stages(outcomes).to_dict("list").values(), strict=True))
        dropouts = workload.funnel_dropouts(outcomes)
        assert list(dropouts["reason"]) == list(workload.REASONS)
        for before, after in zip(workload.STAGES, workload.STAGES[1:], strict=False):
            step = dropouts[dropouts["from_stage"] == before]
            assert set(step["to_stage"]) == {after}
            assert int(step["count"].sum()) == stages[before] - stages[after], (area, strand)
            assert stages[after] <= stages[before]


def test_dropouts_known_answer(session):
    dropouts = workload.funnel_dropouts(workload.funnel_outcomes(session, org(session), P))
    assert dict(zip(dropouts["reason"], dropouts["count"], strict=True)) == DROPOUTS_ALL
    assert records(dropouts[dropouts["reason"] == "declined"]) == [
        ("offered", "accepted", "declined", 1)
    ]


def test_funnel_empty_period(session):
    empty = Period(date(2020, 1, 1), date(2020, 2, 1))
    outcomes = workload.funnel_outcomes(session, org(session), empty)
    assert list(workload.funnel_stages(outcomes)["count"]) == [0] * 8
    assert int(workload.funnel_dropouts(outcomes)["count"].sum()) == 0


# ------------------------------------------------------------------------------ caseload
def test_area_caseload(session):
    """NA: LO-01 (W03 active; W01, W03 new), LO-02 (W00 active; W00, W02 new), LO-05 (W13);
    SO: LO-03 (W18 active as it closed on the period end; W14 new), LO-04 (W15). W17 is
    allocated after the period; W19 closed before its end."""
    frame = workload.area_caseload(session, org(session), P)
    assert list(frame.columns) == ["area", "active_cases", "new_allocations"]
    assert records(frame) == [("EA", 0, 0), ("NA", 3, 5), ("SO", 2, 2)]


def test_area_caseload_filters(session):
    homophobic = workload.area_caseload(session, org(session), P, strand="homophobic")
    assert records(homophobic) == [("EA", 0, 0), ("NA", 1, 3), ("SO", 2, 2)]
    assert records(workload.area_caseload(session, org(session), P, "SO")) == [("SO", 2, 2)]


def test_officer_caseload(session):
    """Officers active at the period end (LO-01..03, 06..09) or holding cases (LO-04 on leave,
    LO-05 left); LO-10 left in 2025 with none and LO-11 is recruited after: not listed."""
    frame = workload.officer_caseload(session, org(session), P)
    assert list(frame.columns) == ["officer", "area", "active_cases", "new_allocations"]
    assert records(frame) == [
        ("LO-01", "NA", 1, 2),
        ("LO-02", "NA", 1, 2),
        ("LO-03", "SO", 1, 1),
        ("LO-04", "SO", 1, 1),
        ("LO-05", "NA", 1, 1),
        ("LO-06", "SO", 0, 0),
        ("LO-07", "NA", 0, 0),
        ("LO-08", "NA", 0, 0),
        ("LO-09", "SO", 0, 0),
    ]
    by_area = frame.groupby("area")[["active_cases", "new_allocations"]].sum()
    areas = workload.area_caseload(session, org(session), P).set_index("area")
    assert (by_area == areas.loc[by_area.index]).all().all()


def test_officer_caseload_area_filter(session):
    frame = workload.officer_caseload(session, org(session), P, "SO", "homophobic")
    assert records(frame) == [
        ("LO-03", "SO", 1, 1),
        ("LO-04", "SO", 1, 1),
        ("LO-06", "SO", 0, 0),
        ("LO-09", "SO", 0, 0),
    ]


# ------------------------------------------------------------------------------ deployments
def test_deployments_by_month(session):
    """W03 on duty (Jan), W10 on duty (Feb), W15 off duty (Mar); internal W12 (Feb), W14 (Mar).
    W00 (internal, December) and W17 (off duty, 2026-04-01) are outside the period."""
    frame = workload.deployments_by_month(session, org(session), P)
    assert list(frame.columns) == ["month", "on_duty", "off_duty", "internal"]
    assert records(frame) == [("2026-01", 1, 0, 0), ("2026-02", 1, 0, 1), ("2026-03", 0, 1, 1)]
    so = workload.deployments_by_month(session, org(session), P, "SO")
    assert records(so) == [("2026-01", 0, 0, 0), ("2026-02", 0, 0, 1), ("2026-03", 0, 0, 1)]


# ------------------------------------------------------------------------------ capacity
def test_capacity(session):
    """Referrals reported in [2025-04-01, 2026-04-01): NA 10 (8 in P + W00 + W22), SO 8 (6 in P
    + W18 + W19), EA 3 (W08, W09, W20; W21 is a day too early). Active LOs at 2026-04-01:
    NA 4 (LO-01, 02, 07, 08), SO 3 (LO-03, 06, 09), EA none. Level 2.5: NA's 2.5 is not above."""
    frame = workload.capacity(session, org(session), P.end, 2.5)
    assert list(frame.columns) == ["area", "referrals", "active_officers", "per_officer", "gap"]
    assert records(frame) == [
        ("EA", 3, 0, None, "no_officer"),
        ("NA", 10, 4, 2.5, "none"),
        ("SO", 8, 3, 2.7, "above_level"),
    ]
    low = workload.capacity(session, org(session), P.end, 2)
    assert list(low["gap"]) == ["no_officer", "above_level", "above_level"]
    assert records(workload.capacity(session, org(session), P.end, 12, "NA")) == [
        ("NA", 10, 4, 2.5, "none")
    ]


# ------------------------------------------------------------------------------ reviews due
DUE = [
    ("LO-03", "SO", "review_overdue", date(2025, 8, 14), date(2025, 1, 15)),  # induction + 183
    ("LO-02", "NA", "review_overdue", date(2026, 3, 3), date(2024, 3, 1)),
    ("LO-09", "SO", "review_due", date(2026, 4, 10), date(2024, 6, 1)),  # due today
    ("LO-01", "NA", "review_due", date(2026, 6, 2), date(2024, 1, 10)),
    ("LO-08", "NA", "review_due", date(2026, 6, 9), date(2024, 1, 1)),  # today + 60
    ("LO-06", "SO", "induction_outstanding", None, date(2026, 3, 20)),
]


def test_reviews_due(session):
    """LO-07's review falls due on 2026-06-10 (61 days): not listed; LO-04 is on leave, LO-05
    and LO-10 have left, LO-11 is recruited on TODAY itself (not yet active)."""
    frame = workload.reviews_due(session, org(session), TODAY)
    assert list(frame.columns) == ["officer", "area", "item", "due_on", "recruited_on"]
    assert records(frame) == DUE
    summary = workload.due_summary(frame)
    assert records(summary) == [
        ("review_overdue", 2),
        ("review_due", 3),
        ("induction_outstanding", 1),
    ]


def test_reviews_due_area_and_horizon(session):
    assert records(workload.reviews_due(session, org(session), TODAY, area_code="SO")) == [
        row for row in DUE if row[1] == "SO"
    ]
    short = workload.reviews_due(session, org(session), TODAY, horizon_days=0)
    assert list(short["officer"]) == ["LO-03", "LO-02", "LO-09", "LO-06"]
    empty = workload.reviews_due(session, org(session), date(2020, 1, 1))
    assert records(workload.due_summary(empty)) == [
        ("review_overdue", 0),
        ("review_due", 0),
        ("induction_outstanding", 0),
    ]


# ------------------------------------------------------------------------------ isolation
def test_decoy_organisation_has_its_own_figures(session):
    decoy = org(session, "WKD")
    stages = workload.funnel_stages(workload.funnel_outcomes(session, decoy, P))
    assert list(stages["count"]) == [3, 3, 3, 3, 3, 3, 3, 3]
    assert records(workload.area_caseload(session, decoy, P)) == [("NA", 0, 3)]
    assert records(workload.officer_caseload(session, decoy, P)) == [("LO-01", "NA", 0, 3)]
    assert records(workload.capacity(session, decoy, P.end, 12)) == [("NA", 3, 1, 3.0, "none")]
    assert list(workload.reviews_due(session, decoy, TODAY)["item"]) == ["induction_outstanding"]


@pytest.mark.parametrize(
    "query",
    [
        lambda s, o: workload.funnel_outcomes(s, o, P),
        lambda s, o: workload.area_caseload(s, o, P),
        lambda s, o: workload.officer_caseload(s, o, P),
        lambda s, o: workload.deployments_by_month(s, o, P),
        lambda s, o: workload.capacity(s, o, P.end, 12),
        lambda s, o: workload.reviews_due(s, o, TODAY),
    ],
)
def test_unknown_organisation_is_refused(session, query):
    with pytest.raises(PermissionError):
        query(session, 987_654)
