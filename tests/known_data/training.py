"""The known dataset's workforce snapshots and training (courses, sessions, attendance), and
the training coverage worked out from them."""

from __future__ import annotations

from datetime import date

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

# --------------------------------------------------------------------------- training
#: training_coverage(KNW, on, kind) -> {area: (trained, headcount)}
COVERAGE = {
    (date(2026, 4, 1), "awareness"): {"AA": (5, 60), "BB": (3, 40)},
    (date(2026, 3, 20), "awareness"): {"AA": (3, 60), "BB": (3, 40)},  # S3 held that day
    (date(2026, 4, 2), "awareness"): {"AA": (6, 60), "BB": (4, 40)},  # + S5 (held 04-01)
    (date(2026, 4, 1), "lo_induction"): {"AA": (1, 60), "BB": (1, 40)},
    (date(2026, 2, 1), "awareness"): {"AA": (3, 70), "BB": (0, 30)},  # older snapshot; S2 later
    (date(2026, 3, 1), "awareness"): {"AA": (3, 60), "BB": (3, 40)},  # snapshot on the day
    (date(2025, 12, 30), "awareness"): {"AA": (0, 0), "BB": (0, 0)},  # no snapshot yet
}


def add_workforce(
    session: Session, knw: Organisation, oth: Organisation, areas: dict[str, Area], oth_area: Area
) -> None:
    # ---- workforce: KNW snapshots 2025-12-31, 2026-03-01 and 2026-06-01 (future);
    # OTH's snapshot 2026-03-15 is later than KNW's 2026-03-01 on purpose.
    workforce = [
        ("AA", "response", "constable", date(2025, 12, 31), 40),
        ("AA", "neighbourhood", "constable", date(2025, 12, 31), 30),
        ("BB", "response", "constable", date(2025, 12, 31), 30),
        ("AA", "response", "constable", date(2026, 3, 1), 50),
        ("AA", "neighbourhood", "sergeant", date(2026, 3, 1), 10),
        ("BB", "response", "constable", date(2026, 3, 1), 25),
        ("BB", "cid", "constable", date(2026, 3, 1), 15),
        ("AA", "response", "constable", date(2026, 6, 1), 999),
        ("BB", "response", "constable", date(2026, 6, 1), 999),
    ]
    session.add_all(
        WorkforceCount(
            organisation_id=knw.id,
            area_id=areas[area].id,
            unit=unit,
            rank=rank,
            as_of=as_of,
            headcount=headcount,
        )
        for area, unit, rank, as_of, headcount in workforce
    )
    session.add(
        WorkforceCount(
            organisation_id=oth.id,
            area_id=oth_area.id,
            unit="response",
            rank="constable",
            as_of=date(2026, 3, 15),
            headcount=500,
        )
    )


def add_training(
    session: Session, knw: Organisation, oth: Organisation, areas: dict[str, Area], oth_area: Area
) -> None:
    # ---- training
    awareness = TrainingCourse(
        organisation_id=knw.id,
        code="C-AW",
        title="LGBT+ awareness",
        kind="awareness",
        mode="online",
        delivered_by="civil_society",
        duration_hours=3,
        refresher_months=24,
    )
    induction = TrainingCourse(
        organisation_id=knw.id,
        code="C-IND",
        title="LO induction",
        kind="lo_induction",
        mode="on_site",
        delivered_by="police",
        duration_hours=14,
    )
    oth_awareness = TrainingCourse(
        organisation_id=oth.id,
        code="C-AW",
        title="Awareness",
        kind="awareness",
        mode="on_site",
        delivered_by="joint",
    )
    session.add_all([awareness, induction, oth_awareness])
    session.flush()
    sessions = {
        "S1": (awareness, date(2026, 1, 10), "AA"),
        "S2": (awareness, date(2026, 2, 5), "BB"),
        "S3": (awareness, date(2026, 3, 20), "AA"),
        "S4": (induction, date(2026, 1, 20), "AA"),
        "S5": (awareness, date(2026, 4, 1), "AA"),
    }
    session_rows = {
        code: TrainingSession(
            organisation_id=knw.id,
            code=code,
            course_id=course.id,
            held_on=held,
            area_id=areas[area].id,
        )
        for code, (course, held, area) in sessions.items()
    }
    oth_session = TrainingSession(
        organisation_id=oth.id,
        code="S1",
        course_id=oth_awareness.id,
        held_on=date(2026, 1, 15),
        area_id=oth_area.id,
    )
    session.add_all([*session_rows.values(), oth_session])
    session.flush()
    # (session, person, area, completed): P01 attends twice; P03 fails S1 then passes S3.
    attendance = [
        ("S1", "P01", "AA", True),
        ("S1", "P02", "AA", True),
        ("S1", "P03", "AA", False),
        ("S1", "P04", "AA", True),
        ("S2", "P10", "BB", True),
        ("S2", "P11", "BB", True),
        ("S2", "P12", "BB", True),
        ("S3", "P01", "AA", True),
        ("S3", "P03", "AA", True),
        ("S3", "P05", "AA", True),
        ("S4", "P06", "AA", True),
        ("S4", "P07", "BB", True),
        ("S5", "P08", "AA", True),
        ("S5", "P13", "BB", True),
    ]
    session.add_all(
        TrainingAttendance(
            organisation_id=knw.id,
            session_id=session_rows[s].id,
            person_code=person,
            rank="constable",
            unit="response",
            area_id=areas[area].id,
            completed=completed,
        )
        for s, person, area, completed in attendance
    )
    session.add_all(
        TrainingAttendance(
            organisation_id=oth.id,
            session_id=oth_session.id,
            person_code=f"P0{n}",
            rank="constable",
            unit="response",
            area_id=oth_area.id,
            completed=True,
        )
        for n in range(1, 5)
    )
    session.flush()
    for org in (knw, oth):
        refresh_person_status(session, org.id)
