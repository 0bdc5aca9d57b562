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

This module builds it; conftest.py beside it provides the fixtures `workload_url` and `session`.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from data_access.models import Area, LiaisonOfficer, Organisation, Referral
from data_access.queries.common import Period

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


def org(session: Session, code: str = "WKL") -> int:
    return session.scalar(select(Organisation.id).where(Organisation.code == code))
