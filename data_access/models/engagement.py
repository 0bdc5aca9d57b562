"""Community engagement: events and (optional) survey responses."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from data_access.models.base import Base, OrgScoped, Timestamped, vocab
from data_access.vocab import EVENT_TYPES, SURVEY_KINDS


class CommunityEvent(OrgScoped, Timestamped, Base):
    __tablename__ = "community_event"
    __table_args__ = (
        UniqueConstraint("organisation_id", "code"),
        Index("ix_community_event_org_held", "organisation_id", "held_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40))
    held_on: Mapped[date]
    area_id: Mapped[int | None] = mapped_column(ForeignKey("area.id", ondelete="SET NULL"))
    event_type: Mapped[str] = mapped_column(vocab(EVENT_TYPES, "event_type"))
    title: Mapped[str] = mapped_column(String(200))
    partners: Mapped[str | None] = mapped_column(String(400))
    attendance: Mapped[int | None]
    police_attending: Mapped[int] = mapped_column(default=0)
    senior_officer_present: Mapped[bool] = mapped_column(default=False)
    lo_present: Mapped[bool] = mapped_column(default=False)
    themes: Mapped[str | None] = mapped_column(String(400))
    feedback_score: Mapped[float | None]


class SurveyResponse(OrgScoped, Timestamped, Base):
    """Victim satisfaction or community confidence, scored 1-5; no free text."""

    __tablename__ = "survey_response"
    __table_args__ = (Index("ix_survey_response_org_date", "organisation_id", "responded_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40))
    area_id: Mapped[int | None] = mapped_column(ForeignKey("area.id", ondelete="SET NULL"))
    responded_on: Mapped[date]
    kind: Mapped[str] = mapped_column(vocab(SURVEY_KINDS, "survey_kind"))
    score: Mapped[int]
