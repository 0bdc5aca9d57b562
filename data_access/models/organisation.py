"""Organisations (forces), their areas and workforce headcounts."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from data_access.models.base import Base, OrgScoped, Timestamped, vocab
from data_access.vocab import RANKS, UNITS


class Organisation(Base):
    __tablename__ = "organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32), default="force")
    # Bumped by every import and register write; cached figures are keyed by it.
    data_version: Mapped[int] = mapped_column(default=0, server_default="0")

    areas: Mapped[list[Area]] = relationship(back_populates="organisation")


class Area(OrgScoped, Base):
    """A district or local authority of a force, with its population for per-100k rates."""

    __tablename__ = "area"
    __table_args__ = (UniqueConstraint("organisation_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    population: Mapped[int] = mapped_column(default=0)  # 0: not known
    population_source: Mapped[str | None] = mapped_column(String(200))

    organisation: Mapped[Organisation] = relationship(back_populates="areas")


class WorkforceCount(OrgScoped, Timestamped, Base):
    """Headcount by area, unit and rank on a date: the denominator of training coverage."""

    __tablename__ = "workforce_count"
    __table_args__ = (
        UniqueConstraint("organisation_id", "area_id", "unit", "rank", "as_of"),
        Index("ix_workforce_org_asof", "organisation_id", "as_of"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    area_id: Mapped[int] = mapped_column(ForeignKey("area.id", ondelete="CASCADE"))
    unit: Mapped[str] = mapped_column(vocab(UNITS, "unit_code"))
    rank: Mapped[str] = mapped_column(vocab(RANKS, "rank_code"))
    as_of: Mapped[date]
    headcount: Mapped[int]
