"""Referral counts: monthly by area and strand, and period totals."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_access.models import Area, Referral
from data_access.queries.common import Period, area_ids, check_org, frame
from data_access.sql import month_of


def _scoped(stmt, org_id: int, period: Period, areas: list[int] | None, strand: str | None):
    stmt = stmt.where(
        Referral.organisation_id == org_id,
        Referral.reported_on >= period.start,
        Referral.reported_on < period.end,
    )
    if areas is not None:
        stmt = stmt.where(Referral.area_id.in_(areas))
    if strand is not None:
        stmt = stmt.where(Referral.strand == strand)
    return stmt


def monthly_counts(
    session: Session,
    org_id: int,
    period: Period,
    area_code: str | None = None,
    strand: str | None = None,
) -> pd.DataFrame:
    """Referrals reported per month: columns month ('YYYY-MM'), area (code), strand, count."""
    check_org(session, org_id)
    month = month_of(Referral.reported_on)
    stmt = (
        select(month, Area.code, Referral.strand, func.count(Referral.id))
        .join(Area, Area.id == Referral.area_id)
        .group_by(month, Area.code, Referral.strand)
        .order_by(month, Area.code, Referral.strand)
    )
    stmt = _scoped(stmt, org_id, period, area_ids(session, org_id, area_code), strand)
    result = frame(session, stmt, ["month", "area", "strand", "count"])
    result["count"] = result["count"].astype("int64")
    return result


def total(
    session: Session,
    org_id: int,
    period: Period,
    area_code: str | None = None,
    strand: str | None = None,
) -> int:
    """Number of referrals reported in the period."""
    check_org(session, org_id)
    stmt = _scoped(
        select(func.count(Referral.id)),
        org_id,
        period,
        area_ids(session, org_id, area_code),
        strand,
    )
    return int(session.scalar(stmt) or 0)
