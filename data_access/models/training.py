"""Training courses, sessions and attendance (denominator: workforce headcount)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from data_access.models.base import Base, OrgScoped, Timestamped, vocab
from data_access.vocab import COURSE_KINDS, DELIVERERS, DELIVERY_MODES, RANKS, UNITS


class TrainingCourse(OrgScoped, Timestamped, Base):
    __tablename__ = "training_course"
    __table_args__ = (UniqueConstraint("organisation_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(vocab(COURSE_KINDS, "course_kind"))
    mode: Mapped[str] = mapped_column(vocab(DELIVERY_MODES, "delivery_mode"))
    delivered_by: Mapped[str] = mapped_column(vocab(DELIVERERS, "deliverer"))
    provider: Mapped[str | None] = mapped_column(String(200))
    duration_hours: Mapped[float] = mapped_column(default=0)
    refresher_months: Mapped[int | None]


class TrainingSession(OrgScoped, Timestamped, Base):
    """One delivery of a course; `lead_trainer_code` links cascade sessions to trained trainers."""

    __tablename__ = "training_session"
    __table_args__ = (
        UniqueConstraint("organisation_id", "code"),
        Index("ix_training_session_org_held", "organisation_id", "held_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40))
    course_id: Mapped[int] = mapped_column(ForeignKey("training_course.id", ondelete="CASCADE"))
    held_on: Mapped[date]
    area_id: Mapped[int | None] = mapped_column(ForeignKey("area.id", ondelete="SET NULL"))
    lead_trainer_code: Mapped[str | None] = mapped_column(String(32))

    course: Mapped[TrainingCourse] = relationship()


class TrainingAttendance(OrgScoped, Timestamped, Base):
    """One person (pseudonymous person code) on one session."""

    __tablename__ = "training_attendance"
    __table_args__ = (
        UniqueConstraint("session_id", "person_code"),
        Index("ix_training_attendance_org_person", "organisation_id", "person_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("training_session.id", ondelete="CASCADE"))
    person_code: Mapped[str] = mapped_column(String(32))
    rank: Mapped[str] = mapped_column(vocab(RANKS, "rank_code"))
    unit: Mapped[str] = mapped_column(vocab(UNITS, "unit_code"))
    area_id: Mapped[int | None] = mapped_column(ForeignKey("area.id", ondelete="SET NULL"))
    completed: Mapped[bool] = mapped_column(default=True)
    pre_score: Mapped[float | None]
    post_score: Mapped[float | None]
    followup_score: Mapped[float | None]
    refresher_due_on: Mapped[date | None]
    # Derived (data_access.training_tally), for "people once" counts over a period without a
    # distinct count: the person's previous completion of the same course (in any area, and
    # in this record's area); NULL when none or not completed.
    previous_completion_on: Mapped[date | None]
    previous_completion_in_area_on: Mapped[date | None]

    session: Mapped[TrainingSession] = relationship()


class TrainingPersonStatus(OrgScoped, Base):
    """Derived, per person and course kind: a new version from each completion date that
    changes the refresher due date, rank, unit or area, so a question "as at date `on`" reads
    the one version with valid_from < on <= valid_to.

    Maintained by `data_access.training_status.refresh_person_status` after every write to
    training attendance; never edited by hand."""

    __tablename__ = "training_person_status"
    __table_args__ = (
        UniqueConstraint("organisation_id", "person_code", "course_kind", "valid_from"),
        # covering indexes: "as at" counts read the index only, never the table
        Index(
            "ix_training_person_status_org_kind_to",
            "organisation_id",
            "course_kind",
            "valid_to",
            "valid_from",
            "area_id",
            "rank",
            "unit",
        ),
        Index(
            "ix_training_person_status_org_to",
            "organisation_id",
            "valid_to",
            "valid_from",
            "refresher_due_on",
            "area_id",
            "person_code",
            "course_kind",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_code: Mapped[str] = mapped_column(String(32))
    course_kind: Mapped[str] = mapped_column(vocab(COURSE_KINDS, "course_kind"))
    valid_from: Mapped[date]  # the session date of the completion that starts this version
    valid_to: Mapped[date]  # the next version's valid_from (OPEN_END, 9999-12-31: current)
    first_completed_on: Mapped[date]
    refresher_due_on: Mapped[date | None]  # the latest refresher due date so far
    rank: Mapped[str] = mapped_column(vocab(RANKS, "rank_code"))
    unit: Mapped[str] = mapped_column(vocab(UNITS, "unit_code"))
    area_id: Mapped[int | None] = mapped_column(ForeignKey("area.id", ondelete="SET NULL"))


class TrainingStatusChange(Base):
    """Derived from the training status: by how much each "as at" count changes on a day, so
    that a count as at date `on` is the sum of its changes on days before `on` — a read of a
    table whose size follows the days and groups, not the people or their attendance.

    measure "trained": people holding a course kind (by kind, area, rank, unit): +1 on a
    version's valid_from, -1 on its valid_to. Person-level measures (course_kind ""):
    "with_refresher" (people with a refresher due date, by area) and "overdue" (their
    earliest due date passed). "No area" is area_id 0 and "not applicable" is "", so that
    the key has no NULLs and a change is one upsert. Maintained with the status by
    `data_access.training_status.refresh_person_status`; never edited by hand."""

    __tablename__ = "training_status_change"

    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True
    )
    measure: Mapped[str] = mapped_column(String(16), primary_key=True)
    course_kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    area_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    rank: Mapped[str] = mapped_column(String(32), primary_key=True)
    unit: Mapped[str] = mapped_column(String(32), primary_key=True)
    day: Mapped[date] = mapped_column(primary_key=True)
    change: Mapped[int]


class TrainingSessionTally(Base):
    """Derived, per session: its attendance counted by the attendee's area, completion and
    previous completion dates (the person's previous completion of the same course, in any
    area and in this area; 0001-01-01 when none), with the sums the score averages need.

    People who completed a course in a period, each once, are the completions in it whose
    previous completion is before the period (no distinct count over the attendance); means
    are sums over counts. Rebuilt per session by `data_access.training_tally`."""

    __tablename__ = "training_session_tally"

    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True
    )
    session_id: Mapped[int] = mapped_column(
        ForeignKey("training_session.id", ondelete="CASCADE"), primary_key=True
    )
    area_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)  # 0: none
    completed: Mapped[bool] = mapped_column(primary_key=True)
    previous_on: Mapped[date] = mapped_column(primary_key=True)
    previous_in_area_on: Mapped[date] = mapped_column(primary_key=True)
    attended: Mapped[int]
    scored: Mapped[int]  # with both a pre and a post score
    pre_sum: Mapped[float]  # of those with both scores
    post_sum: Mapped[float]
    followed_up: Mapped[int]
    followup_sum: Mapped[float]
