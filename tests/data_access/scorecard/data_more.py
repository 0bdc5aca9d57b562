"""Training and engagement records of the hand-made scorecard dataset (see data.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from data_access.models import (
    Action,
    Commitment,
    CommitmentHistory,
    CommunityEvent,
    CommunityReview,
    SurveyResponse,
    Target,
    TrainingAttendance,
    TrainingCourse,
    TrainingSession,
)
from data_access.training_status import refresh_person_status


def d(year: int, month: int, day: int) -> date:
    return date(year, month, day)


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
    for org in (sco, dec):
        refresh_person_status(session, org.id)


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
