"""A small hand-made training dataset (organisation TRN, areas N and S, decoy DEC) whose
coverage, cascade, refresher and score figures are worked out in the tests beside it."""

from __future__ import annotations

from datetime import date as d

from sqlalchemy.orm import Session

from data_access.models import (
    Area,
    Organisation,
    TrainingAttendance,
    TrainingCourse,
    TrainingSession,
    WorkforceCount,
)
from data_access.training_status import refresh_person_status

C, R, S_, HQ = "constable", "response", "sergeant", "headquarters"
# session: (course, held, area, lead, [(person, rank, unit, area, done, due, pre, post, follow)])
PLAN = {
    "A1": ("AW", d(2025, 6, 1), "N", None, [
        ("P1", C, R, "N", True, d(2026, 3, 1), None, None, None),
        ("P2", C, R, "N", True, d(2026, 3, 15), None, None, None),
        ("P3", C, R, "S", False, None, None, None, None)]),
    "A2": ("AW", d(2026, 2, 1), "N", None, [
        ("P1", C, R, "N", True, d(2027, 2, 1), 50, 70, 65),
        ("P3", C, R, "S", True, d(2027, 2, 1), 40, 60, 55),
        ("P4", "chief_inspector", HQ, "N", True, None, 60, 70, None)]),
    "A4": ("AW", d(2026, 3, 1), "N", None, [
        ("P6", C, R, "N", True, None, 50, 80, None),
        ("P7", C, R, "N", True, None, 50, 70, None)]),
    "A3": ("AW", d(2026, 4, 1), "S", None, [("P5", S_, "cid", "S", True, None, 10, 90, None)]),
    "T1": ("TTT", d(2025, 9, 1), "N", None, [("T1", S_, R, "N", True, None, None, None, None)]),
    "C1": ("CL", d(2026, 1, 10), "S", "T1", [
        ("Q1", C, R, "S", True, None, 50, 62, None),
        ("Q2", C, R, "S", True, None, 50, 62, None),
        ("Q3", C, R, "S", False, None, None, None, None)]),
    "C2": ("CL", d(2026, 3, 1), "S", "T1", [("Q4", C, R, "S", True, None, 50, 62, None)]),
    "C3": ("CL", d(2026, 2, 1), "N", "Z9", [("Q5", C, R, "N", True, None, None, None, None)]),
    "C4": ("CL", d(2025, 8, 1), "N", "T1", [("Q6", C, R, "N", True, None, None, None, None)]),
}  # fmt: skip
DECOY = {"D1": ("TTT", d(2025, 1, 1), "DN", None, [("Z9", S_, R, "DN", True, None, None, None,
                                                    None)])}  # fmt: skip
COURSES = {  # code: (kind, mode, delivered_by, provider)
    "AW": ("awareness", "online", "civil_society", "Pride Network"),
    "CL": ("awareness", "on_site", "joint", "Pride Network"),
    "TTT": ("train_the_trainer", "online", "police", None),
}
WORKFORCE = [  # (area, unit, rank, as_of, headcount)
    ("N", R, C, d(2026, 1, 1), 20),
    ("N", HQ, "chief_inspector", d(2026, 1, 1), 4),
    ("S", R, C, d(2026, 1, 1), 10),
    ("S", "cid", S_, d(2026, 1, 1), 6),
    ("N", R, C, d(2026, 7, 1), 999),
]


def build(session: Session) -> None:
    trn, dec = Organisation(code="TRN", name="Training"), Organisation(code="DEC", name="Decoy")
    session.add_all([trn, dec])
    session.flush()
    areas = {code: Area(organisation_id=trn.id, code=code, name=code) for code in ("N", "S")}
    areas["DN"] = Area(organisation_id=dec.id, code="N", name="Decoy N")
    session.add_all(areas.values())
    session.flush()
    session.add_all(
        WorkforceCount(organisation_id=trn.id, area_id=areas[a].id, unit=u, rank=r, as_of=on,
                       headcount=n)
        for a, u, r, on, n in WORKFORCE
    )  # fmt: skip
    for org, plan in ((trn, PLAN), (dec, DECOY)):
        courses = {}
        for code, (kind, mode, by, provider) in COURSES.items():
            courses[code] = TrainingCourse(organisation_id=org.id, code=code, title=code,
                                           kind=kind, mode=mode, delivered_by=by,
                                           provider=provider)  # fmt: skip
        session.add_all(courses.values())
        session.flush()
        for code, (course, held, area, lead, people) in plan.items():
            row = TrainingSession(organisation_id=org.id, code=code, held_on=held,
                                  course_id=courses[course].id, area_id=areas[area].id,
                                  lead_trainer_code=lead)  # fmt: skip
            session.add(row)
            session.flush()
            session.add_all(
                TrainingAttendance(organisation_id=org.id, session_id=row.id, person_code=p,
                                   rank=rank, unit=unit, area_id=areas[a].id, completed=done,
                                   refresher_due_on=due, pre_score=pre, post_score=post,
                                   followup_score=follow)
                for p, rank, unit, a, done, due, pre, post, follow in people
            )  # fmt: skip
        session.flush()
        refresh_person_status(session, org.id)
