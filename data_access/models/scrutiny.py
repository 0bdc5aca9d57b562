"""Community scrutiny panel: a recorded random sample of closed referrals per quarter and the
panel's finding on each case (no narrative: a finding, a theme and any action raised)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import DateTime, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from data_access.models.base import Base, OrgScoped, utcnow, vocab

FINDINGS = ("notable_practice", "improvement_needed")


class ScrutinySample(OrgScoped, Base):
    """One draw for a quarter: the seed makes it reproducible."""

    __tablename__ = "scrutiny_sample"
    __table_args__ = (UniqueConstraint("organisation_id", "quarter"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    quarter: Mapped[str] = mapped_column(String(7))  # "2026-Q3": cases closed in it
    seed: Mapped[int]
    size: Mapped[int]
    drawn_on: Mapped[date]
    drawn_by: Mapped[str] = mapped_column(String(120))
    drawn_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ScrutinyCase(Base):
    """A referral drawn for the panel and what the panel found."""

    __tablename__ = "scrutiny_case"
    __table_args__ = (UniqueConstraint("sample_id", "referral_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    sample_id: Mapped[int] = mapped_column(
        ForeignKey("scrutiny_sample.id", ondelete="CASCADE"), index=True
    )
    referral_id: Mapped[int] = mapped_column(ForeignKey("referral.id", ondelete="CASCADE"))
    finding: Mapped[str | None] = mapped_column(vocab(FINDINGS, "scrutiny_finding"))
    theme: Mapped[str | None] = mapped_column(String(80))
    action_id: Mapped[int | None] = mapped_column(ForeignKey("action.id", ondelete="SET NULL"))
