"""Scorecard indicators (data_access/queries/indicators*.py) on a small hand-made dataset.

Force SCO: areas N (population 200,000) and S (50,000). Q1 = [2026-01-01, 2026-04-01), the
previous period Q4 = [2025-10-01, 2026-01-01). Target offer_within_days = 3 from 2025-01-01,
so the offer day limit is 3. A decoy force DEC reuses area code N and person codes (its X9 is
a trained trainer; SCO's X9 is not) so that any leak between forces changes the answers.

Referrals (delays in days after flag / after allocation):

====  ====  ===========  ======  ============  ==========  =====  ========  ====== ========
log   area  strand       rep.    offer         alloc       victim internal  closed occurred
====  ====  ===========  ======  ============  ==========  =====  ========  ====== ========
R0    N     homophobic   12-15   +1 accepted   12-17       +1     yes       yes+o  yes
R1    N     homophobic   01-10   +1 accepted   01-12       +1     no        yes+o  yes
R2    N     homophobic   01-20   +3 accepted   01-25       +3     yes       no     yes
R3    N     transphobic  02-05   +4 accepted   02-10       +2     no        no     no
R4    S     biphobic     02-15   not offered   -           -      no        yes    yes
R5    S     homophobic   03-01   +0 declined   -           -      yes       yes+o  yes
R6    S     homophobic   03-20   never flagged -           -      no        no     no
R7    N     homophobic   03-25   pending       -           -      no        no     yes
====  ====  ===========  ======  ============  ==========  =====  ========  ====== ========

(yes+o: closed with an outcome; R4 is closed without one.) R0 is in Q4, the rest in Q1.

This module builds it (conftest.py beside it provides the fixtures `scorecard_url`
and `session`).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy.orm import Session

from data_access.models import (
    Area,
    ChannelVolume,
    LiaisonOfficer,
    Organisation,
    Referral,
    WorkforceCount,
)
from data_access.queries.common import Period
from tests.data_access.helpers import records
from tests.data_access.scorecard.data_more import build_engagement, build_training

H, T, B = "homophobic", "transphobic", "biphobic"
Q1 = Period(date(2026, 1, 1), date(2026, 4, 1))
Q4 = Period(date(2025, 10, 1), date(2026, 1, 1))
EMPTY = Period(date(2030, 1, 1), date(2030, 2, 1))


def d(year: int, month: int, day: int) -> date:
    return date(year, month, day)


def build(session: Session) -> None:
    """Insert SCO and the decoy DEC (the caller commits)."""
    sco, dec = Organisation(code="SCO", name="Scorecard"), Organisation(code="DEC", name="Decoy")
    session.add_all([sco, dec])
    session.flush()
    area = {
        "N": Area(organisation_id=sco.id, code="N", name="Northtown", population=200_000),
        "S": Area(organisation_id=sco.id, code="S", name="Southvale", population=50_000),
        "DN": Area(organisation_id=dec.id, code="N", name="Decoy North", population=10_000),
    }
    session.add_all(area.values())
    session.flush()
    ids = {k: a.id for k, a in area.items()}
    ids[None] = None

    def add(model, org, rows, keys):
        if model is Referral:
            rows = [(*r, "crime", "101") for r in rows]
        objects = [model(organisation_id=org.id, **dict(zip(keys, r, strict=True))) for r in rows]
        session.add_all(objects)
        session.flush()
        return objects

    ref = ("log_number", "area_id", "strand", "reported_on", "flagged_on", "offer_status",
           "offered_on", "offer_outcome", "allocated_on", "victim_contacted_on", "internal_case",
           "closed_on", "outcome", "occurred_on", "not_offered_reason", "incident_type",
           "channel")  # fmt: skip
    n, s, ok, no = ids["N"], ids["S"], "offered", "not_offered"
    add(Referral, sco, [
        ("R0", n, "homophobic", d(2025, 12, 15), d(2025, 12, 15), ok, d(2025, 12, 16),
         "accepted", d(2025, 12, 17), d(2025, 12, 18), True, d(2026, 1, 5), "charge_summons",
         d(2025, 12, 14), None),
        ("R1", n, "homophobic", d(2026, 1, 10), d(2026, 1, 10), ok, d(2026, 1, 11), "accepted",
         d(2026, 1, 12), d(2026, 1, 13), False, d(2026, 2, 1), "nfa", d(2026, 1, 9), None),
        ("R2", n, "homophobic", d(2026, 1, 20), d(2026, 1, 21), ok, d(2026, 1, 24), "accepted",
         d(2026, 1, 25), d(2026, 1, 28), True, None, None, d(2026, 1, 19), None),
        ("R3", n, "transphobic", d(2026, 2, 5), d(2026, 2, 5), ok, d(2026, 2, 9), "accepted",
         d(2026, 2, 10), d(2026, 2, 12), False, None, None, None, None),
        ("R4", s, "biphobic", d(2026, 2, 15), d(2026, 2, 16), no, None, None, None, None,
         False, d(2026, 2, 17), None, d(2026, 2, 14), "already_supported"),
        ("R5", s, "homophobic", d(2026, 3, 1), d(2026, 3, 1), ok, d(2026, 3, 1), "declined",
         None, None, True, d(2026, 3, 10), "victim_withdrew", d(2026, 2, 28), None),
        ("R6", s, "homophobic", d(2026, 3, 20), None, "pending", None, None, None, None, False,
         None, None, None, None),
        ("R7", n, "homophobic", d(2026, 3, 25), d(2026, 3, 26), "pending", None, None, None,
         None, False, None, None, d(2026, 3, 24), None),
    ], ref)  # fmt: skip
    add(Referral, dec, [("X1", ids["DN"], "homophobic", d(2026, 2, 1), d(2026, 2, 1), ok,
                         d(2026, 3, 1), "accepted", d(2026, 3, 2), d(2026, 3, 30), True, None,
                         None, None, None)], ref)  # fmt: skip

    volume = ("area_id", "month", "channel", "strand", "count")
    add(ChannelVolume, sco, [
        (n, d(2026, 1, 1), "third_party", "homophobic", 3),
        (n, d(2026, 1, 1), "online", "homophobic", 10),
        (n, d(2026, 1, 1), "partner_referral", "homophobic", 2),
        (n, d(2026, 2, 1), "999", "transphobic", 5),
        (n, d(2026, 2, 1), "third_party", "transphobic", 1),
        (s, d(2026, 3, 1), "101", "homophobic", 4),
        (s, d(2026, 3, 1), "partner_referral", "homophobic", 1),
        (n, d(2025, 12, 1), "third_party", "homophobic", 2),
        (n, d(2025, 12, 1), "online", "homophobic", 8),
        (n, d(2026, 4, 1), "third_party", "homophobic", 50),
    ], volume)  # fmt: skip
    add(ChannelVolume, dec, [(ids["DN"], d(2026, 1, 1), "third_party", "homophobic", 90)], volume)

    officer = ("code", "area_id", "officer_type", "status", "recruited_on",
               "induction_completed_on", "last_review_on", "left_on")  # fmt: skip
    add(LiaisonOfficer, sco, [
        ("L1", n, "officer", "active", d(2024, 1, 1), d(2024, 2, 1), d(2026, 1, 15), None),
        ("L2", n, "staff", "active", d(2025, 6, 1), None, d(2025, 9, 28), None),
        ("L3", s, "officer", "active", d(2025, 11, 1), d(2025, 12, 1), None, None),
        ("L4", s, "officer", "on_leave", d(2024, 1, 1), d(2024, 2, 1), d(2026, 1, 1), None),
        ("L5", n, "officer", "left", d(2024, 1, 1), d(2024, 2, 1), d(2025, 8, 1), d(2026, 2, 1)),
        ("L6", s, "officer", "active", d(2026, 3, 31), None, None, None),
    ], officer)  # fmt: skip
    add(LiaisonOfficer, dec, [("L1", ids["DN"], "officer", "active", d(2024, 1, 1),
                               d(2024, 1, 2), d(2026, 3, 1), None)], officer)  # fmt: skip

    workforce = ("area_id", "unit", "rank", "as_of", "headcount")
    add(WorkforceCount, sco, [
        (n, "response", "constable", d(2025, 12, 1), 30),
        (n, "headquarters", "chief_inspector", d(2025, 12, 1), 5),
        (s, "response", "constable", d(2025, 12, 1), 20),
        (s, "headquarters", "chief_officer", d(2025, 12, 1), 5),
        (n, "response", "constable", d(2026, 3, 1), 40),
        (n, "cid", "sergeant", d(2026, 3, 1), 10),
        (n, "headquarters", "chief_inspector", d(2026, 3, 1), 4),
        (n, "headquarters", "superintendent", d(2026, 3, 1), 2),
        (s, "response", "constable", d(2026, 3, 1), 20),
        (s, "neighbourhood", "constable", d(2026, 3, 1), 15),
        (s, "headquarters", "chief_officer", d(2026, 3, 1), 3),
        (n, "response", "constable", d(2026, 5, 1), 999),
    ], workforce)  # fmt: skip
    add(WorkforceCount, dec, [(ids["DN"], "cid", "chief_officer", d(2026, 3, 15), 7)], workforce)
    build_training(session, sco, dec, ids)
    build_engagement(session, sco, dec, ids, add)


def sco(session: Session, code: str = "SCO") -> int:
    return session.query(Organisation.id).filter(Organisation.code == code).scalar()


def rows_of(frame: pd.DataFrame, code: str) -> list[tuple]:
    """(area, strand, numerator, denominator) of one indicator, in frame order."""
    assert list(frame.columns) == ["indicator", "area", "strand", "numerator", "denominator"]
    return [row[1:] for row in records(frame) if row[0] == code]
