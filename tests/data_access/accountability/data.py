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

This module builds it; conftest.py beside it provides the fixtures `acc_url` and `session`.
"""

# ruff: noqa: E501 - the hand-made dataset reads best as one row per record
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from data_access.models import Action, Area, LiaisonOfficer, Organisation, Referral, Target
from data_access.queries.common import Period

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


def org(session: Session, code: str = "ACC") -> int:
    return session.query(Organisation.id).filter_by(code=code).scalar()


def hist(frame, by: str) -> dict[str, dict[int, int]]:
    out: dict[str, dict[int, int]] = {}
    for key, days, count in frame[[by, "days", "count"]].itertuples(index=False):
        out.setdefault(key, {})[int(days)] = int(count)
    return out
