"""Liaison workload: caseloads, deployments, capacity and reviews due. The service funnel is in
data_access.queries.funnel (its names are re-exported here)."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from data_access.models import Area, LiaisonOfficer, Referral
from data_access.queries.common import Period, active_at, check_org, cohort, frame, in_area
from data_access.queries.funnel import (
    REASONS,
    STAGES,
    funnel_dropouts,
    funnel_outcomes,
    funnel_stages,
)
from data_access.queries.kpis import REVIEW_INTERVAL
from data_access.sql import month_of

DUE_ITEMS = ("review_overdue", "review_due", "induction_outstanding")

__all__ = [  # the workload queries, and the funnel's that callers reach through this module
    "DUE_ITEMS", "REASONS", "STAGES", "area_caseload", "capacity", "deployments_by_month",
    "due_summary", "funnel_dropouts", "funnel_outcomes", "funnel_stages", "officer_caseload",
    "reviews_due",
]  # fmt: skip


def _case_counts(org_id: int, period: Period, strand: str | None):
    """Per officer id: active cases at the period end and new allocations in the period."""
    end = period.end
    open_at_end = or_(Referral.closed_on.is_(None), Referral.closed_on >= end)
    active = and_(Referral.allocated_on < end, open_at_end)
    new = and_(Referral.allocated_on >= period.start, Referral.allocated_on < end)
    stmt = select(
        Referral.allocated_officer_id.label("officer_id"),
        func.sum(case((active, 1), else_=0)).label("active_cases"),
        func.sum(case((new, 1), else_=0)).label("new_allocations"),
    ).where(Referral.organisation_id == org_id, Referral.allocated_officer_id.is_not(None))
    if strand is not None:
        stmt = stmt.where(Referral.strand == strand)
    return stmt.group_by(Referral.allocated_officer_id).subquery()


def area_caseload(
    session: Session,
    org_id: int,
    period: Period,
    area_code: str | None = None,
    strand: str | None = None,
) -> pd.DataFrame:
    """Cases by the area of the LO holding them: columns area, active_cases (allocated before
    the period end and not closed by then), new_allocations (allocated in the period)."""
    check_org(session, org_id)
    counts = _case_counts(org_id, period, strand)
    stmt = (
        select(
            Area.code,
            func.coalesce(func.sum(counts.c.active_cases), 0),
            func.coalesce(func.sum(counts.c.new_allocations), 0),
        )
        .select_from(Area)
        .outerjoin(LiaisonOfficer, LiaisonOfficer.area_id == Area.id)
        .outerjoin(counts, counts.c.officer_id == LiaisonOfficer.id)
        .where(Area.organisation_id == org_id)
        .group_by(Area.code)
        .order_by(Area.code)
    )
    stmt = in_area(stmt, session, org_id, area_code, Area.id)
    return frame(session, stmt, ["area", "active_cases", "new_allocations"]).astype(
        {"active_cases": "int64", "new_allocations": "int64"}
    )


def officer_caseload(
    session: Session,
    org_id: int,
    period: Period,
    area_code: str | None = None,
    strand: str | None = None,
) -> pd.DataFrame:
    """Per LO active at the period end or holding cases: columns officer (pseudonymous code),
    area, active_cases, new_allocations (as in `area_caseload`). Never the display name."""
    check_org(session, org_id)
    counts = _case_counts(org_id, period, strand)
    active_cases = func.coalesce(counts.c.active_cases, 0)
    new_allocations = func.coalesce(counts.c.new_allocations, 0)
    stmt = (
        select(LiaisonOfficer.code, Area.code, active_cases, new_allocations)
        .join(Area, Area.id == LiaisonOfficer.area_id)
        .outerjoin(counts, counts.c.officer_id == LiaisonOfficer.id)
        .where(
            LiaisonOfficer.organisation_id == org_id,
            or_(and_(*active_at(org_id, period.end)), active_cases > 0, new_allocations > 0),
        )
        .order_by(LiaisonOfficer.code)
    )
    stmt = in_area(stmt, session, org_id, area_code, LiaisonOfficer.area_id)
    return frame(session, stmt, ["officer", "area", "active_cases", "new_allocations"]).astype(
        {"active_cases": "int64", "new_allocations": "int64"}
    )


def deployments_by_month(
    session: Session,
    org_id: int,
    period: Period,
    area_code: str | None = None,
    strand: str | None = None,
) -> pd.DataFrame:
    """Referrals reported each month of the period (zeros included) with an immediate
    critical-incident deployment or an internal (staff) case: columns month, on_duty,
    off_duty, internal."""
    check_org(session, org_id)
    month = month_of(Referral.reported_on).label("month")
    columns = {
        "on_duty": Referral.deployment == "immediate_on_duty",
        "off_duty": Referral.deployment == "immediate_off_duty",
        "internal": Referral.internal_case.is_(True),
    }
    sums = [func.sum(case((condition, 1), else_=0)) for condition in columns.values()]
    stmt = select(month, *sums).group_by(month)
    stmt = cohort(stmt, session, org_id, period, area_code, strand)
    found = frame(session, stmt, ["month", *columns]).set_index("month")
    months = pd.period_range(period.start, period.end - timedelta(days=1), freq="M")
    result = (
        found.reindex(months.strftime("%Y-%m"), fill_value=0).rename_axis("month").reset_index()
    )
    return result.astype({name: "int64" for name in columns})


def capacity(
    session: Session, org_id: int, on: date, level: float, area_code: str | None = None
) -> pd.DataFrame:
    """Demand per active LO by area: columns area, referrals (reported in the 12 months before
    `on`), active_officers (active at `on`), per_officer (None without officers), gap ('above_level'
    when per_officer exceeds `level`, 'no_officer' with referrals but no officer, else 'none')."""
    check_org(session, org_id)
    year_before = (pd.Timestamp(on) - pd.DateOffset(years=1)).date()
    demand = (
        select(Referral.area_id, func.count(Referral.id).label("referrals"))
        .where(
            Referral.organisation_id == org_id,
            Referral.reported_on >= year_before,
            Referral.reported_on < on,
        )
        .group_by(Referral.area_id)
        .subquery()
    )
    officers = (
        select(LiaisonOfficer.area_id, func.count(LiaisonOfficer.id).label("officers"))
        .where(*active_at(org_id, on))
        .group_by(LiaisonOfficer.area_id)
        .subquery()
    )
    stmt = (
        select(
            Area.code,
            func.coalesce(demand.c.referrals, 0),
            func.coalesce(officers.c.officers, 0),
        )
        .outerjoin(demand, demand.c.area_id == Area.id)
        .outerjoin(officers, officers.c.area_id == Area.id)
        .where(Area.organisation_id == org_id)
        .order_by(Area.code)
    )
    stmt = in_area(stmt, session, org_id, area_code, Area.id)
    result = frame(session, stmt, ["area", "referrals", "active_officers"])
    result = result.astype({"referrals": "int64", "active_officers": "int64"})
    result["per_officer"] = [
        round(r / o, 1) if o else None
        for r, o in zip(result["referrals"], result["active_officers"], strict=True)
    ]
    result["gap"] = [
        "no_officer" if r and not o else ("above_level" if o and r / o > level else "none")
        for r, o in zip(result["referrals"], result["active_officers"], strict=True)
    ]
    return result


def reviews_due(
    session: Session,
    org_id: int,
    today: date,
    horizon_days: int = 60,
    area_code: str | None = None,
) -> pd.DataFrame:
    """LOs active at `today` with a 6-monthly review overdue or due within `horizon_days`, or
    without induction: columns officer, area, item (see DUE_ITEMS), due_on (the last review,
    or the induction if never reviewed, plus 183 days; None for inductions), recruited_on."""
    check_org(session, org_id)
    since = func.coalesce(LiaisonOfficer.last_review_on, LiaisonOfficer.induction_completed_on)
    latest = today + timedelta(days=horizon_days) - REVIEW_INTERVAL
    stmt = (
        select(LiaisonOfficer.code, Area.code, since, LiaisonOfficer.recruited_on)
        .join(Area, Area.id == LiaisonOfficer.area_id)
        .where(*active_at(org_id, today), or_(since.is_(None), since <= latest))
    )
    stmt = in_area(stmt, session, org_id, area_code, LiaisonOfficer.area_id)
    rows = []
    for officer, area, last, recruited in session.execute(stmt).all():
        due = None if last is None else last + REVIEW_INTERVAL
        item = DUE_ITEMS[2] if due is None else DUE_ITEMS[0 if due < today else 1]
        rows.append((officer, area, item, due, recruited))
    rows.sort(key=lambda row: (DUE_ITEMS.index(row[2]), row[3] or row[4], row[0]))
    return pd.DataFrame(rows, columns=["officer", "area", "item", "due_on", "recruited_on"])


def due_summary(due: pd.DataFrame) -> pd.DataFrame:
    """Counts of a `reviews_due` list by item (every item, zeros included): columns item,
    officers."""
    counts = due["item"].value_counts()
    return pd.DataFrame(
        {"item": list(DUE_ITEMS), "officers": [int(counts.get(i, 0)) for i in DUE_ITEMS]}
    ).astype({"officers": "int64"})
