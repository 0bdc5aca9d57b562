"""Shared pieces of the query modules: the period type and organisation re-checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from data_access.models import Area, LiaisonOfficer, Organisation, Referral


@dataclass(frozen=True)
class Period:
    """Half-open date range [start, end)."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError("period end must be after its start")


def percent(numerator: int, denominator: int) -> float | None:
    """numerator / denominator as a percentage to one decimal; None when there is no denominator."""
    return round(100.0 * numerator / denominator, 1) if denominator else None


def check_org(session: Session, org_id: int | None) -> int:
    """Re-check the organisation id handed to a query function (defence in depth)."""
    if org_id is None or session.get(Organisation, org_id) is None:
        raise PermissionError("unknown organisation")
    return org_id


def area_ids(session: Session, org_id: int, area_code: str | None) -> list[int] | None:
    """Ids of the named area of this organisation; None means all areas. Unknown → no area."""
    if area_code is None:
        return None
    found = session.scalars(
        select(Area.id).where(Area.organisation_id == org_id, Area.code == area_code)
    ).all()
    return list(found)


def frame(session: Session, stmt: Select, columns: list[str]) -> pd.DataFrame:
    """Run an aggregate statement and return its rows with the given column names."""
    rows = session.execute(stmt).all()
    return pd.DataFrame([tuple(row) for row in rows], columns=columns)


def list_areas(session: Session, org_id: int) -> pd.DataFrame:
    """Areas of an organisation: columns code, name, population."""
    check_org(session, org_id)
    stmt = (
        select(Area.code, Area.name, Area.population)
        .where(Area.organisation_id == org_id)
        .order_by(Area.name)
    )
    return frame(session, stmt, ["code", "name", "population"])


def active_at(org_id: int, on: date) -> tuple:
    """Conditions for an officer active at a date: recruited before it, not left by then, and
    not currently on leave (status history is not kept)."""
    return (
        LiaisonOfficer.organisation_id == org_id,
        LiaisonOfficer.recruited_on < on,
        LiaisonOfficer.status != "on_leave",
        or_(LiaisonOfficer.left_on.is_(None), LiaisonOfficer.left_on >= on),
    )


def in_area(stmt, session: Session, org_id: int, area_code: str | None, column):
    """`stmt` limited to one area of the organisation by `column` (an area id column)."""
    areas = area_ids(session, org_id, area_code)
    return stmt if areas is None else stmt.where(column.in_(areas))


def cohort(
    stmt,
    session: Session,
    org_id: int,
    period: Period,
    area_code: str | None = None,
    strand: str | None = None,
    incident: str | None = None,
):
    """Referrals of the organisation reported in the period (optionally one area, strand and
    incident type): the cohort every referral figure counts."""
    stmt = stmt.where(
        Referral.organisation_id == org_id,
        Referral.reported_on >= period.start,
        Referral.reported_on < period.end,
    )
    stmt = in_area(stmt, session, org_id, area_code, Referral.area_id)
    if strand is not None:
        stmt = stmt.where(Referral.strand == strand)
    if incident is not None:
        stmt = stmt.where(Referral.incident_type == incident)
    return stmt


def complete_record() -> object:
    """SQL condition: a referral record complete for its stage — flagged, an accepted offer
    has a first victim contact, and a closed referral has an outcome."""
    return (
        Referral.flagged_on.is_not(None)
        & (
            (Referral.offer_outcome != "accepted")
            | Referral.offer_outcome.is_(None)
            | Referral.victim_contacted_on.is_not(None)
        )
        & (Referral.closed_on.is_(None) | Referral.outcome.is_not(None))
    )


def earliest_month(session: Session, org_id: int, columns) -> str | None:
    """'YYYY-MM' of the earliest date in any of the organisation's date `columns` (model
    attributes of org-scoped tables), None when they hold none."""
    check_org(session, org_id)
    firsts = [
        session.scalar(select(func.min(column)).where(column.class_.organisation_id == org_id))
        for column in columns
    ]
    known = [day for day in firsts if day is not None]
    return f"{min(known):%Y-%m}" if known else None
