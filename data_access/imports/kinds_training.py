"""Definitions of the workforce and training kinds: headcounts, courses, sessions, attendance."""

from __future__ import annotations

from data_access.imports.fields import Field, Kind
from data_access.imports.report import N_
from data_access.models import TrainingAttendance, TrainingCourse, TrainingSession, WorkforceCount
from data_access.vocab import COURSE_KINDS, DELIVERERS, DELIVERY_MODES, RANKS, UNITS


def _area(required: bool) -> Field:
    meaning = "area" if required else "area, if any"
    return Field("area_code", "code", meaning, required, max_length=32, ref="area", attr="area_id")


def _score(name: str, meaning: str) -> Field:
    return Field(name, "number", meaning, minimum=0, maximum=100)


WORKFORCE = Kind(
    name="workforce",
    title=N_("Workforce counts"),
    model=WorkforceCount,
    description=N_(
        "Headcount by area, unit and rank on a date: the denominator of training coverage."
    ),
    key=("area_code", "unit", "rank", "as_of"),
    after=("areas",),
    fields=(
        _area(True),
        Field("unit", "choice", "unit", True, UNITS),
        Field("rank", "choice", "rank or grade", True, RANKS),
        Field("as_of", "date", "date of the headcount", True),
        Field("headcount", "integer", "people in post", True, minimum=0),
    ),
)

COURSES = Kind(
    name="training_courses",
    title=N_("Training courses"),
    model=TrainingCourse,
    description=N_("The courses sessions deliver."),
    key=("code",),
    fields=(
        Field("code", "code", "course code", True, max_length=32),
        Field("title", "text", "course title", True, max_length=200, free_text=True),
        Field("kind", "choice", "kind of course", True, COURSE_KINDS),
        Field("mode", "choice", "delivery mode", True, DELIVERY_MODES),
        Field("delivered_by", "choice", "who delivers it", True, DELIVERERS),
        Field("provider", "text", "delivering organisation", max_length=200, free_text=True),
        Field("duration_hours", "number", "length in hours", minimum=0, default=0.0),
        Field("refresher_months", "integer", "months until a refresher is due", minimum=0),
    ),
)

SESSIONS = Kind(
    name="training_sessions",
    title=N_("Training sessions"),
    model=TrainingSession,
    description=N_("One delivery of a course on a date."),
    key=("code",),
    after=("areas", "training_courses"),
    fields=(
        Field("code", "code", "session code", True, max_length=40),
        Field(
            "course_code", "code", "the course delivered", True, max_length=32, ref="course",
            attr="course_id",
        ),
        Field("held_on", "date", "date of the session", True),
        _area(False),
        Field(
            "lead_trainer_code", "code", "person code of the lead trainer (train-the-trainer "
            "cascade)", max_length=32,
        ),
    ),
)  # fmt: skip

ATTENDANCE = Kind(
    name="training_attendance",
    title=N_("Training attendance"),
    model=TrainingAttendance,
    description=N_("One person (pseudonymous person code) on one session."),
    key=("session_code", "person_code"),
    after=("areas", "training_sessions"),
    fields=(
        Field(
            "session_code", "code", "the session attended", True, max_length=40, ref="session",
            attr="session_id",
        ),
        Field("person_code", "code", "pseudonymous person code", True, max_length=32),
        Field("rank", "choice", "rank or grade", True, RANKS),
        Field("unit", "choice", "unit", True, UNITS),
        _area(False),
        Field("completed", "boolean", "completed the session", default=True),
        _score("pre_score", "assessment score before, 0-100"),
        _score("post_score", "assessment score after, 0-100"),
        _score("followup_score", "follow-up evaluation score, 0-100"),
        Field("refresher_due_on", "date", "date a refresher is due"),
    ),
)  # fmt: skip
