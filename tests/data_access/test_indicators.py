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
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime

import pandas as pd
import pytest
from sqlalchemy.orm import Session

from data_access.models import (
    Action,
    Area,
    ChannelVolume,
    Commitment,
    CommitmentHistory,
    CommunityEvent,
    CommunityReview,
    LiaisonOfficer,
    Organisation,
    Referral,
    SurveyResponse,
    Target,
    TrainingAttendance,
    TrainingCourse,
    TrainingSession,
    WorkforceCount,
)
from data_access.queries import kpis
from data_access.queries.common import Period
from data_access.queries.indicators import (
    INDICATORS,
    indicator_counts,
    indicator_table,
    indicator_value,
    offer_limit,
)
from data_access.queries.indicators_engagement import event_counts, survey_counts
from data_access.queries.indicators_governance import commitment_summary, governance_counts
from data_access.queries.indicators_people import officer_counts, training_counts
from data_access.queries.indicators_referrals import channel_counts, referral_counts
from data_access.vocab import KEY_POINTS
from tests.conftest import built_database, session_on
from tests.data_access.helpers import plain, records

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


def build_training(session: Session, sco, dec, ids) -> None:
    """Courses, sessions (code, course, held, area, lead) and attendance (person, rank, unit,
    area, completed, refresher due) worked through in the training tests."""
    kinds = {"AW": "awareness", "CL": "awareness", "LDR": "leadership_briefing",
             "INV": "investigation", "TTT": "train_the_trainer", "REF": "refresher"}  # fmt: skip
    courses = {}
    for org in (sco, dec):
        for code, kind in kinds.items():
            courses[org.code, code] = TrainingCourse(
                organisation_id=org.id, code=code, title=code, kind=kind, mode="on_site",
                delivered_by="police",
            )  # fmt: skip
    session.add_all(courses.values())
    session.flush()
    n, s = "N", "S"
    plan = {  # session: (course, held, area, lead, [(person, rank, unit, area, done, due)])
        "S1": ("AW", d(2025, 11, 10), None, None, [
            ("P1", "constable", "response", n, True, d(2028, 11, 10)),
            ("P2", "constable", "response", n, True, d(2028, 11, 10)),
            ("P3", "constable", "response", s, False, None),
            ("P4", "chief_inspector", "headquarters", n, True, d(2028, 11, 10))]),
        "S2": ("AW", d(2026, 2, 10), None, None, [
            ("P3", "constable", "response", s, True, d(2029, 2, 10)),
            ("P5", "sergeant", "cid", n, True, d(2029, 2, 10)),
            ("P1", "constable", "response", n, True, d(2029, 2, 10)),
            ("P6", "constable", "neighbourhood", None, True, d(2029, 2, 10))]),
        "S11": ("AW", d(2026, 4, 1), s, None, [("P7", "constable", "response", s, True, None)]),
        "S3": ("LDR", d(2025, 10, 20), n, None, [
            ("P4", "chief_inspector", "headquarters", n, True, d(2027, 10, 20)),
            ("P8", "superintendent", "headquarters", n, True, None),
            ("P9", "inspector", "headquarters", n, True, None)]),
        "S4": ("LDR", d(2026, 3, 15), s, None, [
            ("P10", "chief_officer", "headquarters", s, True, None),
            ("P11", "chief_officer", "headquarters", s, False, None),
            ("P4", "chief_inspector", "headquarters", n, True, None)]),
        "S5": ("INV", d(2026, 1, 20), n, None, [
            ("P1", "constable", "response", n, True, None),
            ("P5", "sergeant", "cid", n, True, None),
            ("P12", "constable", "neighbourhood", s, True, None),
            ("P13", "constable", "response", s, True, None)]),
        "S10": ("REF", d(2025, 3, 1), None, None, [
            ("P1", "constable", "response", n, True, d(2026, 3, 1)),
            ("P2", "constable", "response", n, False, None),
            ("P14", "pcso", "neighbourhood", s, True, d(2026, 3, 1)),
            ("P15", "pcso", "neighbourhood", s, True, d(2026, 5, 1))]),
        "S6": ("TTT", d(2025, 9, 1), n, None, [("T1", "police_staff", "support", n, True, None)]),
        "S12": ("TTT", d(2026, 2, 25), s, None, [("T2", "sergeant", "response", s, True, None)]),
        "S7": ("CL", d(2026, 2, 20), s, "T1", [
            ("C1", "constable", "neighbourhood", s, True, None),
            ("C2", "constable", "neighbourhood", s, True, None),
            ("C3", "pcso", "neighbourhood", s, False, None)]),
        "S8": ("CL", d(2026, 3, 10), n, "X9", [("C4", "constable", "response", n, True, None)]),
        "S9": ("CL", d(2025, 12, 5), n, "T1", [("C5", "constable", "response", n, True, None)]),
        "S13": ("CL", d(2026, 2, 25), s, "T2", [("C6", "constable", "response", s, True, None)]),
    }  # fmt: skip
    decoy = {"D1": ("TTT", d(2025, 1, 1), "DN", None, [("X9", "sergeant", "cid", "DN", True,
                                                          d(2025, 2, 1))])}  # fmt: skip
    for org, sessions in ((sco, plan), (dec, decoy)):
        for code, (course, held, area, lead, people) in sessions.items():
            row = TrainingSession(organisation_id=org.id, code=code, held_on=held,
                                  course_id=courses[org.code, course].id, area_id=ids[area],
                                  lead_trainer_code=lead)  # fmt: skip
            session.add(row)
            session.flush()
            session.add_all(
                TrainingAttendance(organisation_id=org.id, session_id=row.id, person_code=p,
                                   rank=rank, unit=unit, area_id=ids[a], completed=done,
                                   refresher_due_on=due)
                for p, rank, unit, a, done, due in people
            )  # fmt: skip
    session.flush()


def build_engagement(session: Session, sco, dec, ids, add) -> None:
    """Events, surveys, targets, commitments with history and reviews, and actions."""
    n, s = ids["N"], ids["S"]
    event = ("code", "held_on", "area_id", "event_type", "title", "senior_officer_present",
             "lo_present", "feedback_score")  # fmt: skip
    add(CommunityEvent, sco, [
        ("E0", d(2025, 11, 1), n, "forum", "E0", True, True, 2.5),
        ("E1", d(2026, 1, 15), n, "pride", "E1", True, True, 4.0),
        ("E2", d(2026, 2, 10), n, "forum", "E2", False, True, 3.0),
        ("E3", d(2026, 3, 5), s, "outreach", "E3", True, False, None),
        ("E4", d(2026, 3, 20), None, "campaign", "E4", False, True, 5.0),
        ("E5", d(2026, 4, 1), n, "forum", "E5", True, True, 1.0),
    ], event)  # fmt: skip
    add(CommunityEvent, dec, [("X", d(2026, 2, 1), ids["DN"], "pride", "X", True, True, 1.0)],
        event)  # fmt: skip
    survey = ("code", "area_id", "responded_on", "kind", "score")
    add(SurveyResponse, sco, [
        ("V0", n, d(2025, 11, 5), "victim_satisfaction", 4),
        ("V1", n, d(2026, 1, 5), "victim_satisfaction", 5),
        ("V2", n, d(2026, 1, 6), "victim_satisfaction", 4),
        ("V3", n, d(2026, 2, 6), "victim_satisfaction", 2),
        ("V4", s, d(2026, 2, 7), "victim_satisfaction", 3),
        ("V5", s, d(2026, 3, 7), "victim_satisfaction", 4),
        ("V6", None, d(2026, 3, 8), "victim_satisfaction", 1),
        ("CC", n, d(2026, 3, 9), "community_confidence", 5),
    ], survey)  # fmt: skip
    add(SurveyResponse, dec, [("X", ids["DN"], d(2026, 1, 5), "victim_satisfaction", 1)], survey)
    target = ("kpi", "target_value", "direction", "period_start", "period_end")
    add(Target, sco, [("offer_within_days", 3.0, "at_most", d(2025, 1, 1), None)], target)
    add(Target, dec, [("offer_within_days", 99.0, "at_most", d(2024, 1, 1), None)], target)

    commitment = ("code", "key_point", "text", "owner", "due_on", "status", "is_public")
    k = add(Commitment, sco, [
        ("K1", "anti_discrimination_policy", "K1", "DCC", d(2026, 6, 30), "met", True),
        ("K2", "anti_discrimination_policy", "K2", "DCC", d(2026, 6, 30), "met", True),
        ("K3", "anti_discrimination_policy", "K3", "DCC", d(2026, 1, 31), "in_progress", False),
        ("K4", "professionalism", "K4", "ACC", d(2025, 12, 31), "met", True),
        ("K5", "professionalism", "K5", "ACC", d(2025, 6, 30), "missed", True),
        ("K6", "accountability", "K6", "ACC", d(2027, 1, 1), "not_started", False),
        ("K7", "leadership_commitment", "K7", "CC", None, "in_progress", True),
    ], commitment)  # fmt: skip
    x = add(Commitment, dec, [("K1", "anti_discrimination_policy", "X", "X", d(2025, 1, 1),
                               "met", True)], commitment)  # fmt: skip

    def change(c, on, new):
        at = datetime(on.year, on.month, on.day, 10, tzinfo=UTC)
        return CommitmentHistory(
            commitment_id=c.id,
            changed_at=at,
            changed_by="coordinator",
            field="status",
            old_value="in_progress",
            new_value=new,
        )

    def review(c, on, verdict):
        return CommunityReview(commitment_id=c.id, reviewed_on=on, forum="F", verdict=verdict)

    session.add_all([change(k[0], d(2026, 2, 10), "met"), change(k[3], d(2025, 11, 1), "met")])
    for c, on, verdict in ((k[0], d(2026, 3, 1), "agreed_met"), (k[3], d(2025, 11, 15), "not_yet"),
                           (k[3], d(2026, 2, 1), "disputed"), (k[4], d(2025, 12, 10), "disputed"),
                           (k[4], d(2025, 12, 10), "not_yet"), (k[2], d(2026, 1, 20), "not_yet"),
                           (x[0], d(2025, 6, 1), "agreed_met")):  # fmt: skip
        session.add(review(c, on, verdict))
        session.flush()  # ids in this order: K5's later-entered same-day review is not_yet
    action = ("code", "raised_on", "forum", "issue", "owner", "status", "due_on", "is_public")
    add(Action, sco, [
        ("A1", d(2025, 12, 1), "F", "A1", "O", "done", d(2026, 2, 1), True),
        ("A2", d(2025, 12, 1), "F", "A2", "O", "open", d(2026, 3, 15), True),
        ("A3", d(2025, 12, 1), "F", "A3", "O", "done", d(2026, 3, 31), False),
        ("A4", d(2025, 12, 1), "F", "A4", "O", "open", d(2026, 4, 1), True),
        ("A5", d(2025, 9, 1), "F", "A5", "O", "done", d(2025, 12, 1), True),
    ], action)  # fmt: skip
    add(Action, dec, [("A1", d(2026, 1, 1), "F", "X", "O", "open", d(2026, 2, 1), True)], action)


# --------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def scorecard_url(backend, tmp_path_factory):
    url, drop = built_database(backend, tmp_path_factory.mktemp("scorecard"), build)
    yield url
    drop()


@pytest.fixture
def session(scorecard_url):
    with session_on(scorecard_url) as db_session:
        yield db_session


def sco(session: Session, code: str = "SCO") -> int:
    return session.query(Organisation.id).filter(Organisation.code == code).scalar()


def rows_of(frame: pd.DataFrame, code: str) -> list[tuple]:
    """(area, strand, numerator, denominator) of one indicator, in frame order."""
    assert list(frame.columns) == ["indicator", "area", "strand", "numerator", "denominator"]
    return [row[1:] for row in records(frame) if row[0] == code]


# --------------------------------------------------------------------------- referrals
H, T, B = "homophobic", "transphobic", "biphobic"
REFERRALS_Q1 = {
    # allocated R1 R2 (N h), R3 (N t); contact within 2 days: R1 (+1), R3 (+2), not R2 (+3)
    "victim_contact_2_days": [("N", H, 1, 2), ("N", T, 1, 1), ("S", B, 0, 0), ("S", H, 0, 0)],
    # internal: R2 (allocated), R5 (declined, not allocated)
    "internal_cases_supported": [("N", H, 1, 1), ("N", T, 0, 0), ("S", B, 0, 0), ("S", H, 0, 1)],
    # offerable: flagged and not "not offered": R1 R2 R7, R3, R5; within 3 days: R1 R2, R5
    "offered_within_limit": [("N", H, 2, 3), ("N", T, 0, 1), ("S", B, 0, 0), ("S", H, 1, 1)],
    # incomplete: R4 (closed without outcome), R6 (never flagged)
    "data_completeness": [("N", H, 3, 3), ("N", T, 1, 1), ("S", B, 0, 1), ("S", H, 1, 2)],
    # closed: R1 (nfa), R4 (no outcome), R5 (victim withdrew)
    "outcome_recorded": [("N", H, 1, 1), ("N", T, 0, 0), ("S", B, 0, 1), ("S", H, 1, 1)],
    # no occurred date: R3, R6
    "occurred_date_recorded": [("N", H, 3, 3), ("N", T, 0, 1), ("S", B, 1, 1), ("S", H, 1, 2)],
}


@pytest.mark.parametrize("code", list(REFERRALS_Q1))
def test_referral_counts_q1(session, code):
    frame = referral_counts(session, sco(session), Q1, offer_days=3)
    assert rows_of(frame, code) == REFERRALS_Q1[code]


def test_referral_counts_wider_offer_limit(session):
    """With a 5-day limit R3 (offered 4 days after its flag) is in time as well."""
    frame = referral_counts(session, sco(session), Q1, offer_days=5)
    expected = [("N", H, 2, 3), ("N", T, 1, 1), ("S", B, 0, 0), ("S", H, 1, 1)]
    assert rows_of(frame, "offered_within_limit") == expected


def test_referral_counts_q4_holds_only_r0(session):
    """R0 (reported 2025-12-15) only; the decoy force's X1 never appears."""
    frame = referral_counts(session, sco(session), Q4, offer_days=3)
    assert {row[:2] for row in records(frame)} == {(code, "N") for code in REFERRALS_Q1}
    assert all(row[3:] == (1, 1) for row in records(frame))


def test_completeness_agrees_with_kpis(session):
    """Same rule as kpis.referral_rates: 5 of 7 complete in Q1."""
    rates = kpis.referral_rates(session, sco(session), Q1).iloc[0]
    frame = referral_counts(session, sco(session), Q1)
    cells = rows_of(frame, "data_completeness")
    assert (sum(c[2] for c in cells), sum(c[3] for c in cells)) == (rates.complete, 7)
    assert rates.referrals == 7


def test_channel_counts_q1(session):
    """Months Jan-Mar 2026: N h 3+10+2, N t 5+1, S h 4+1; April's 50 and the decoy's 90 are
    outside."""
    frame = channel_counts(session, sco(session), Q1)
    assert rows_of(frame, "third_party_share") == [("N", H, 3, 15), ("N", T, 1, 6), ("S", H, 0, 5)]
    partner = [("N", H, 2, 15), ("N", T, 0, 6), ("S", H, 1, 5)]
    assert rows_of(frame, "partner_referral_share") == partner


def test_offer_limit_from_target_or_default(session):
    assert offer_limit(session, sco(session), Q1) == 3
    assert offer_limit(session, sco(session), Period(date(2024, 1, 1), date(2024, 2, 1))) == 5


# --------------------------------------------------------------------------- people
OFFICERS = {
    # 2026-03-31: L1 L2 (N), L3 (S); L4 on leave, L5 left 2026-02-01, L6 recruited that day.
    # Reviews in date from 2025-09-29: L1 only (L2's 2025-09-28 is a day too old).
    date(2026, 3, 31): {
        "lo_per_100k": [("N", None, 2, 200_000), ("S", None, 1, 50_000)],
        "lo_inductions_completed": [("N", None, 1, 2), ("S", None, 1, 1)],
        "lo_reviews_in_date": [("N", None, 1, 2), ("S", None, 0, 1)],
    },
    # 2025-12-31: L5 still active; reviews from 2025-07-01: L1 L2 L5.
    date(2025, 12, 31): {
        "lo_per_100k": [("N", None, 3, 200_000), ("S", None, 1, 50_000)],
        "lo_inductions_completed": [("N", None, 2, 3), ("S", None, 1, 1)],
        "lo_reviews_in_date": [("N", None, 3, 3), ("S", None, 0, 1)],
    },
}


@pytest.mark.parametrize("on", list(OFFICERS), ids=str)
def test_officer_counts(session, on):
    frame = officer_counts(session, sco(session), on)
    for code, expected in OFFICERS[on].items():
        assert rows_of(frame, code) == expected, code


def test_officer_counts_agree_with_kpis(session):
    org = sco(session)
    compliance = kpis.officer_compliance(session, org, date(2026, 3, 31)).iloc[0]
    frame = officer_counts(session, org, date(2026, 3, 31))
    inducted = rows_of(frame, "lo_inductions_completed")
    assert sum(r[2] for r in inducted) == compliance.inducted
    assert sum(r[3] for r in inducted) == compliance.active
    assert sum(r[2] for r in rows_of(frame, "lo_reviews_in_date")) == compliance.reviewed_in_date


TRAINING_Q1 = {
    # awareness (AW and cascade CL) before 2026-04-01: N P1 P2 P4 P5 C4 C5, S P3 C1 C2 C6;
    # P6 has no area (scheme.training_coverage leaves it out); snapshot 2026-03-01: N 56, S 38
    "training_coverage": [("N", None, 6, 56), ("S", None, 4, 38), ("unknown", None, 0, 0)],
    # leadership ranks briefed: N P4 P8 (not inspector P9), S P10 (not P11, failed)
    "leadership_trained": [("N", None, 2, 6), ("S", None, 1, 3), ("unknown", None, 0, 0)],
    # CID/response on INV: N P1 P5, S P13 (not P12, neighbourhood); headcount N 50, S 20
    "investigators_trained": [("N", None, 2, 50), ("S", None, 1, 20), ("unknown", None, 0, 0)],
    # overdue by 2026-04-01: P1 (refresher due 2026-03-01), P14; not P15 (due 2026-05-01)
    "refreshers_overdue": [("N", None, 1, 4), ("S", None, 1, 3), ("unknown", None, 0, 1)],
    # S7 (lead T1, trained 2025-09-01): C1 C2; S8's X9 is trained only in the decoy force;
    # S13's T2 was trained on the day of S13 itself
    "cascade_reach": [("N", None, 0, None), ("S", None, 2, None), ("unknown", None, 0, None)],
}
TRAINING_Q4 = {
    "training_coverage": [("N", None, 4, 35), ("S", None, 0, 25)],
    "leadership_trained": [("N", None, 2, 5), ("S", None, 0, 5)],
    "investigators_trained": [("N", None, 0, 30), ("S", None, 0, 20)],
    "refreshers_overdue": [("N", None, 0, 3), ("S", None, 0, 2)],
    "cascade_reach": [("N", None, 1, None), ("S", None, 0, None)],
}


@pytest.mark.parametrize(("period", "expected"), [(Q1, TRAINING_Q1), (Q4, TRAINING_Q4)])
def test_training_counts(session, period, expected):
    frame = training_counts(session, sco(session), period)
    for code, rows in expected.items():
        assert rows_of(frame, code) == rows, code


# --------------------------------------------------------------------------- engagement
def test_event_counts_q1(session):
    """E1 E2 (N), E3 (S), E4 (no area); E5 is on the period end; the decoy's event is out."""
    frame = event_counts(session, sco(session), Q1)
    areas = ["N", "S", "unknown"]
    assert rows_of(frame, "events_per_quarter") == [(a, None, n, None) for a, n in
                                                    zip(areas, (2, 1, 1), strict=True)]  # fmt: skip
    assert rows_of(frame, "senior_officer_event_share") == [
        ("N", None, 1, 2), ("S", None, 1, 1), ("unknown", None, 0, 1)]  # fmt: skip
    assert rows_of(frame, "lo_event_share") == [
        ("N", None, 2, 2), ("S", None, 0, 1), ("unknown", None, 1, 1)]  # fmt: skip
    assert rows_of(frame, "event_feedback") == [
        ("N", None, 7.0, 2), ("S", None, 0.0, 0), ("unknown", None, 5.0, 1)]  # fmt: skip


def test_survey_counts_q1(session):
    """Victim satisfaction only (not the community-confidence CC): 4 or 5 is satisfied."""
    frame = survey_counts(session, sco(session), Q1)
    expected = [("N", None, 2, 3), ("S", None, 1, 2), ("unknown", None, 0, 1)]
    assert rows_of(frame, "victims_satisfied") == expected


# --------------------------------------------------------------------------- governance
GOVERNANCE = {
    # policy: K1 (met 2026-02-10), K2 (met, no history), K3 (private, in progress)
    # reviewed before the end: Q1 K1 K3 K4 K5; Q4 K4 K5. Actions due: Q1 A1 A2 A3; Q4 A5
    (Q1, True): {"policy_commitments_met": (2, 3), "commitments_reviewed": (4, 7),
                 "actions_done": (2, 3)},
    (Q1, False): {"policy_commitments_met": (2, 2), "commitments_reviewed": (3, 5),
                  "actions_done": (1, 2)},
    (Q4, True): {"policy_commitments_met": (1, 3), "commitments_reviewed": (2, 7),
                 "actions_done": (1, 1)},
    (Q4, False): {"policy_commitments_met": (1, 2), "commitments_reviewed": (2, 5),
                  "actions_done": (1, 1)},
}  # fmt: skip


@pytest.mark.parametrize("key", list(GOVERNANCE), ids=lambda k: f"{k[0].start}-{k[1]}")
def test_governance_counts(session, key):
    period, private = key
    frame = governance_counts(session, sco(session), period, private)
    for code, (numerator, denominator) in GOVERNANCE[key].items():
        assert rows_of(frame, code) == [(None, None, numerator, denominator)], code


ZERO = (0,) * 10
SUMMARY = {
    # columns: commitments, not_started, in_progress, met, missed, overdue, agreed_met,
    # not_yet, disputed, unreviewed. K5's two same-day reviews: the later entered (not_yet).
    (date(2026, 4, 15), True): {
        "professionalism": (2, 0, 0, 1, 1, 1, 0, 1, 1, 0),
        "anti_discrimination_policy": (3, 0, 1, 2, 0, 1, 1, 1, 0, 1),
        "leadership_commitment": (1, 0, 1, 0, 0, 0, 0, 0, 0, 1),
        "accountability": (1, 1, 0, 0, 0, 0, 0, 0, 0, 1),
    },
    (date(2026, 4, 15), False): {
        "professionalism": (2, 0, 0, 1, 1, 1, 0, 1, 1, 0),
        "anti_discrimination_policy": (2, 0, 0, 2, 0, 0, 1, 0, 0, 1),
        "leadership_commitment": (1, 0, 1, 0, 0, 0, 0, 0, 0, 1),
    },
    (date(2025, 12, 31), True): {
        "professionalism": (2, 0, 0, 1, 1, 1, 0, 2, 0, 0),
        "anti_discrimination_policy": (3, 0, 1, 2, 0, 0, 0, 0, 0, 3),
        "leadership_commitment": (1, 0, 1, 0, 0, 0, 0, 0, 0, 1),
        "accountability": (1, 1, 0, 0, 0, 0, 0, 0, 0, 1),
    },
}


@pytest.mark.parametrize("key", list(SUMMARY), ids=lambda k: f"{k[0]}-{k[1]}")
def test_commitment_summary(session, key):
    on, private = key
    frame = commitment_summary(session, sco(session), on, private)
    assert list(frame["key_point"]) == list(KEY_POINTS)
    expected = [(point, *SUMMARY[key].get(point, ZERO)) for point in KEY_POINTS]
    assert records(frame) == expected


# --------------------------------------------------------------------------- the table
EXPECTED = {  # indicator: (Q1 numerator, denominator, value), (Q4 ...), (Q1 in N, homophobic)
    "victims_satisfied": ((3, 6, 50.0), (1, 1, 100.0), (2, 3, 66.7)),
    "victim_contact_2_days": ((2, 3, 66.7), (1, 1, 100.0), (1, 2, 50.0)),
    "internal_cases_supported": ((1, 2, 50.0), (1, 1, 100.0), (1, 1, 100.0)),
    "policy_commitments_met": ((2, 3, 66.7), (1, 3, 33.3), (2, 3, 66.7)),
    "leadership_trained": ((3, 9, 33.3), (2, 10, 20.0), (2, 6, 33.3)),
    "senior_officer_event_share": ((2, 4, 50.0), (1, 1, 100.0), (1, 2, 50.0)),
    "training_coverage": ((10, 94, 10.6), (4, 60, 6.7), (6, 56, 10.7)),
    "refreshers_overdue": ((2, 8, 25.0), (0, 5, 0.0), (1, 4, 25.0)),
    "lo_per_100k": ((3, 250_000, 1.2), (4, 250_000, 1.6), (2, 200_000, 1.0)),
    "offered_within_limit": ((3, 5, 60.0), (1, 1, 100.0), (2, 3, 66.7)),
    "lo_inductions_completed": ((2, 3, 66.7), (3, 4, 75.0), (1, 2, 50.0)),
    "lo_reviews_in_date": ((1, 3, 33.3), (3, 4, 75.0), (1, 2, 50.0)),
    "actions_done": ((2, 3, 66.7), (1, 1, 100.0), (2, 3, 66.7)),
    "commitments_reviewed": ((4, 7, 57.1), (2, 7, 28.6), (4, 7, 57.1)),
    "data_completeness": ((5, 7, 71.4), (1, 1, 100.0), (3, 3, 100.0)),
    "outcome_recorded": ((2, 3, 66.7), (1, 1, 100.0), (1, 1, 100.0)),
    "occurred_date_recorded": ((5, 7, 71.4), (1, 1, 100.0), (3, 3, 100.0)),
    "events_per_quarter": ((4, None, 4.0), (1, None, 1.0), (2, None, 2.0)),
    "event_feedback": ((12.0, 3, 4.0), (2.5, 1, 2.5), (7.0, 2, 3.5)),
    "lo_event_share": ((3, 4, 75.0), (1, 1, 100.0), (2, 2, 100.0)),
    "third_party_share": ((4, 26, 15.4), (2, 10, 20.0), (3, 15, 20.0)),
    "partner_referral_share": ((3, 26, 11.5), (0, 10, 0.0), (2, 15, 13.3)),
    "investigators_trained": ((3, 70, 4.3), (0, 50, 0.0), (2, 50, 4.0)),
    "cascade_reach": ((2, None, 2.0), (1, None, 1.0), (0, None, 0.0)),
}
SLICES = {"q1": (Q1, None, None, 0), "q4": (Q4, None, None, 1), "q1-N-h": (Q1, "N", H, 2)}


def test_every_indicator_has_a_known_answer():
    assert [i.code for i in INDICATORS] == list(EXPECTED)
    assert {i.key_point for i in INDICATORS} == set(KEY_POINTS)
    per_point = [sum(i.key_point == p for i in INDICATORS) for p in KEY_POINTS]
    assert all(2 <= n <= 4 for n in per_point)


@pytest.mark.parametrize("name", list(SLICES))
def test_indicator_table(session, name):
    period, area, strand, column = SLICES[name]
    counts = indicator_counts(session, sco(session), period, include_private=True)
    table = indicator_table(counts, period, area, strand)
    assert list(table.columns) == ["indicator", "key_point", "numerator", "denominator", "value"]
    got = {row[0]: row[2:] for row in records(table)}
    assert got == {code: answers[column] for code, answers in EXPECTED.items()}


def test_indicator_table_public_commitments_only(session):
    """Without private items: policy 2 of 2, reviewed 3 of 5, actions 1 of 2 (Q1)."""
    counts = indicator_counts(session, sco(session), Q1, include_private=False)
    got = {row[0]: row[2:] for row in records(indicator_table(counts, Q1))}
    assert got["policy_commitments_met"] == (2, 2, 100.0)
    assert got["commitments_reviewed"] == (3, 5, 60.0)
    assert got["actions_done"] == (1, 2, 50.0)


def test_area_filter_ignored_where_it_cannot_split(session):
    """Commitment and action figures are force-wide whatever area is chosen."""
    counts = indicator_counts(session, sco(session), Q1, include_private=True)
    in_s = {row[0]: row[2:] for row in records(indicator_table(counts, Q1, "S", T))}
    assert in_s["actions_done"] == (2, 3, 66.7)
    assert in_s["victims_satisfied"] == (1, 2, 50.0)  # by area only: the strand is ignored
    assert in_s["victim_contact_2_days"] == (0, 0, None)  # no transphobic referral in S


def test_period_without_records(session):
    counts = indicator_counts(session, sco(session), EMPTY, include_private=True)
    got = {row[0]: row[4] for row in records(indicator_table(counts, EMPTY))}
    for code in ("victims_satisfied", "data_completeness", "third_party_share", "actions_done"):
        assert got[code] is None, code
    assert got["events_per_quarter"] == 0.0 and got["cascade_reach"] == 0.0


def test_unknown_organisation_is_refused(session):
    with pytest.raises(PermissionError):
        indicator_counts(session, 987_654, Q1)


def test_decoy_force_sees_only_its_own(session):
    counts = indicator_counts(session, sco(session, "DEC"), Q1, include_private=True)
    got = {row[0]: row[2:] for row in records(indicator_table(counts, Q1))}
    assert got["internal_cases_supported"] == (1, 1, 100.0)
    assert got["third_party_share"] == (90, 90, 100.0)
    assert got["cascade_reach"] == (0, None, 0.0)
    assert got["policy_commitments_met"] == (1, 1, 100.0)


@pytest.mark.parametrize(
    ("code", "numerator", "denominator", "expected"),
    [
        ("training_coverage", 1, 3, 33.3),
        ("training_coverage", 1, 0, None),
        ("training_coverage", None, 3, None),
        ("training_coverage", 2, math.nan, None),
        ("lo_per_100k", 3, 250_000, 1.2),
        ("events_per_quarter", 7, None, 7.0),
        ("event_feedback", 10.0, 3, 3.33),
        ("cascade_reach", 5, None, 5.0),
    ],
)
def test_indicator_value(code, numerator, denominator, expected):
    """Q1 has 3 months: 7 events is 7.0 a quarter; 12 months would make it 1.8."""
    assert plain(indicator_value(code, numerator, denominator, Q1)) == expected


def test_events_per_quarter_over_a_year():
    year = Period(date(2025, 1, 1), date(2026, 1, 1))
    assert indicator_value("events_per_quarter", 7, None, year) == 1.8
