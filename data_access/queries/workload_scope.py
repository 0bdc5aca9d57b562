"""Narrowing liaison-workload statements to the organisation's period, area and strand."""

from __future__ import annotations

from sqlalchemy.orm import Session

from data_access.models import Referral
from data_access.queries.common import Period, area_ids


def in_area(stmt, session: Session, org_id: int, area_code: str | None, column):
    """`stmt` limited to one area of the organisation by `column` (an area id column)."""
    areas = area_ids(session, org_id, area_code)
    return stmt if areas is None else stmt.where(column.in_(areas))


def cohort(stmt, session: Session, org_id: int, period: Period, area_code, strand):
    """Referrals of the organisation reported in the period (optionally one area and strand)."""
    stmt = stmt.where(
        Referral.organisation_id == org_id,
        Referral.reported_on >= period.start,
        Referral.reported_on < period.end,
    )
    stmt = in_area(stmt, session, org_id, area_code, Referral.area_id)
    return stmt if strand is None else stmt.where(Referral.strand == strand)
