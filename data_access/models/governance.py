"""Accountability: leadership commitments, community reviews, actions and KPI targets."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from data_access.models.base import Base, OrgScoped, Timestamped, utcnow, vocab
from data_access.vocab import (
    ACTION_STATUSES,
    COMMITMENT_STATUSES,
    DIRECTIONS,
    KEY_POINTS,
    REVIEW_VERDICTS,
)


class Commitment(OrgScoped, Timestamped, Base):
    __tablename__ = "commitment"
    __table_args__ = (UniqueConstraint("organisation_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32))
    key_point: Mapped[str] = mapped_column(vocab(KEY_POINTS, "key_point"), index=True)
    text: Mapped[str] = mapped_column(String(500))
    owner: Mapped[str] = mapped_column(String(120))
    due_on: Mapped[date | None]
    status: Mapped[str] = mapped_column(
        vocab(COMMITMENT_STATUSES, "commitment_status"), default="not_started"
    )
    evidence: Mapped[str | None] = mapped_column(String(500))
    is_public: Mapped[bool] = mapped_column(default=True)

    history: Mapped[list[CommitmentHistory]] = relationship(
        back_populates="commitment", order_by="CommitmentHistory.changed_at"
    )
    reviews: Mapped[list[CommunityReview]] = relationship(back_populates="commitment")


class CommitmentHistory(Base):
    """One changed field of a commitment: programmes must survive a change of leadership."""

    __tablename__ = "commitment_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(
        ForeignKey("commitment.id", ondelete="CASCADE"), index=True
    )
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    changed_by: Mapped[str] = mapped_column(String(80))
    field: Mapped[str] = mapped_column(String(40))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)

    commitment: Mapped[Commitment] = relationship(back_populates="history")


class CommunityReview(Base):
    """A community forum's own verdict on a commitment, shown beside the force's status."""

    __tablename__ = "community_review"

    id: Mapped[int] = mapped_column(primary_key=True)
    commitment_id: Mapped[int] = mapped_column(
        ForeignKey("commitment.id", ondelete="CASCADE"), index=True
    )
    reviewed_on: Mapped[date]
    forum: Mapped[str] = mapped_column(String(200))
    verdict: Mapped[str] = mapped_column(vocab(REVIEW_VERDICTS, "review_verdict"))
    comment: Mapped[str | None] = mapped_column(String(500))

    commitment: Mapped[Commitment] = relationship(back_populates="reviews")


class Action(OrgScoped, Timestamped, Base):
    """'You said, we did': an issue raised at a forum and the force's response."""

    __tablename__ = "action"
    __table_args__ = (UniqueConstraint("organisation_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32))
    raised_on: Mapped[date]
    forum: Mapped[str] = mapped_column(String(200))
    issue: Mapped[str] = mapped_column(String(500))
    response: Mapped[str | None] = mapped_column(String(500))
    owner: Mapped[str] = mapped_column(String(120))
    status: Mapped[str] = mapped_column(vocab(ACTION_STATUSES, "action_status"), default="open")
    due_on: Mapped[date | None]
    is_public: Mapped[bool] = mapped_column(default=True)
    theme: Mapped[str | None] = mapped_column(String(80))  # as community events record themes
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("community_event.id", ondelete="SET NULL")
    )  # the event where it was raised, when known


class Target(OrgScoped, Timestamped, Base):
    """What a KPI is measured against, for a period starting on `period_start`."""

    __tablename__ = "target"
    __table_args__ = (UniqueConstraint("organisation_id", "kpi", "period_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kpi: Mapped[str] = mapped_column(String(60))
    target_value: Mapped[float]
    direction: Mapped[str] = mapped_column(vocab(DIRECTIONS, "direction"))
    period_start: Mapped[date]
    period_end: Mapped[date | None]
