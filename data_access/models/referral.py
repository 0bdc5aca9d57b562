"""The LGB&T liaison scheme: liaison officers, referrals (one per flagged hate incident) and
monthly channel volumes. No victim names, addresses or narratives are held: incidents are
keyed by the force's log number."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from data_access.models.base import Base, OrgScoped, Timestamped, vocab
from data_access.models.organisation import Area
from data_access.vocab import (
    CHANNELS,
    DEPLOYMENTS,
    INCIDENT_TYPES,
    LO_STATUSES,
    LO_TYPES,
    NOT_OFFERED_REASONS,
    OFFER_OUTCOMES,
    OFFER_STATUSES,
    OUTCOMES,
    STRANDS,
    VICTIM_SUPPORT,
)


class LiaisonOfficer(OrgScoped, Timestamped, Base):
    """An LGB&T liaison officer, known by a pseudonymous code; display name is restricted."""

    __tablename__ = "liaison_officer"
    __table_args__ = (UniqueConstraint("organisation_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32))
    display_name: Mapped[str | None] = mapped_column(String(120))
    area_id: Mapped[int] = mapped_column(ForeignKey("area.id", ondelete="RESTRICT"), index=True)
    officer_type: Mapped[str] = mapped_column(vocab(LO_TYPES, "lo_type"))
    status: Mapped[str] = mapped_column(vocab(LO_STATUSES, "lo_status"), default="active")
    recruited_on: Mapped[date]
    induction_completed_on: Mapped[date | None]
    last_review_on: Mapped[date | None]
    left_on: Mapped[date | None]

    area: Mapped[Area] = relationship()


class Referral(OrgScoped, Timestamped, Base):
    """One homophobic, biphobic or transphobic hate incident in the liaison scheme (004 §1.8)."""

    __tablename__ = "referral"
    __table_args__ = (
        UniqueConstraint("organisation_id", "log_number"),
        Index("ix_referral_org_reported", "organisation_id", "reported_on"),
        Index("ix_referral_org_area_reported", "organisation_id", "area_id", "reported_on"),
        Index("ix_referral_org_strand_reported", "organisation_id", "strand", "reported_on"),
        Index("ix_referral_org_officer", "organisation_id", "allocated_officer_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    log_number: Mapped[str] = mapped_column(String(40))
    area_id: Mapped[int] = mapped_column(ForeignKey("area.id", ondelete="RESTRICT"))
    strand: Mapped[str] = mapped_column(vocab(STRANDS, "strand"))
    also_race: Mapped[bool] = mapped_column(default=False)
    also_disability: Mapped[bool] = mapped_column(default=False)
    also_religion: Mapped[bool] = mapped_column(default=False)
    incident_type: Mapped[str] = mapped_column(vocab(INCIDENT_TYPES, "incident_type"))
    channel: Mapped[str] = mapped_column(vocab(CHANNELS, "channel"))
    occurred_on: Mapped[date | None]
    reported_on: Mapped[date]
    flagged_on: Mapped[date | None]
    offer_status: Mapped[str] = mapped_column(
        vocab(OFFER_STATUSES, "offer_status"), default="pending"
    )
    not_offered_reason: Mapped[str | None] = mapped_column(
        vocab(NOT_OFFERED_REASONS, "not_offered_reason")
    )
    offered_on: Mapped[date | None]
    offer_outcome: Mapped[str | None] = mapped_column(vocab(OFFER_OUTCOMES, "offer_outcome"))
    allocated_officer_id: Mapped[int | None] = mapped_column(
        ForeignKey("liaison_officer.id", ondelete="SET NULL")
    )
    allocated_on: Mapped[date | None]
    oic_contacted_on: Mapped[date | None]
    victim_contacted_on: Mapped[date | None]
    victim_support: Mapped[str] = mapped_column(
        vocab(VICTIM_SUPPORT, "victim_support"), default="not_recorded"
    )
    specialist_signposting: Mapped[bool] = mapped_column(default=False)
    deployment: Mapped[str] = mapped_column(vocab(DEPLOYMENTS, "deployment"), default="none")
    internal_case: Mapped[bool] = mapped_column(default=False)
    repeat_victim: Mapped[bool] = mapped_column(default=False)
    outcome: Mapped[str | None] = mapped_column(vocab(OUTCOMES, "outcome"))
    closed_on: Mapped[date | None]

    area: Mapped[Area] = relationship()
    allocated_officer: Mapped[LiaisonOfficer | None] = relationship()


class ChannelVolume(OrgScoped, Timestamped, Base):
    """Monthly count of reports by channel, area and strand (channels not held per record)."""

    __tablename__ = "channel_volume"
    __table_args__ = (
        UniqueConstraint("organisation_id", "area_id", "month", "channel", "strand"),
        Index("ix_channel_volume_org_month", "organisation_id", "month"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    area_id: Mapped[int] = mapped_column(ForeignKey("area.id", ondelete="RESTRICT"))
    month: Mapped[date]
    channel: Mapped[str] = mapped_column(vocab(CHANNELS, "channel"))
    strand: Mapped[str] = mapped_column(vocab(STRANDS, "strand"))
    count: Mapped[int]
