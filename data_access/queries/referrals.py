"""Referral counts: monthly by area and strand, and period totals."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_access.models import Area, Referral
from data_access.queries.common import Period, check_org, cohort, frame
from data_access.sql import month_of


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
    stmt = cohort(stmt, session, org_id, period, area_code, strand)
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
    stmt = cohort(select(func.count(Referral.id)), session, org_id, period, area_code, strand)
    return int(session.scalar(stmt) or 0)
