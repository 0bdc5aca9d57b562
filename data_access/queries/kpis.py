"""Scheme KPIs against targets. Delay medians and 90th percentiles are computed from a
histogram aggregated in SQL (days → count), so the database never returns one row per case."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from data_access.models import LiaisonOfficer, Referral, Target
from data_access.queries.common import (
    Period,
    active_at,
    area_ids,
    check_org,
    cohort,
    complete_record,
    frame,
    percent,
)
from data_access.queries.scheme import training_coverage
from data_access.sql import count_if, days_between

# KPI code -> (start column, end column, extra condition) for stage delays.
DELAYS: dict[str, tuple[InstrumentedAttribute, InstrumentedAttribute]] = {
    "offer_within_days": (Referral.flagged_on, Referral.offered_on),
    "allocation_within_days": (Referral.offered_on, Referral.allocated_on),
    "oic_contact_within_days": (Referral.allocated_on, Referral.oic_contacted_on),
    "victim_contact_within_days": (Referral.allocated_on, Referral.victim_contacted_on),
}
REVIEW_INTERVAL = timedelta(days=183)


def delay_conditions(kpi: str) -> list:
    """Which referrals a delay KPI measures: both stages recorded; acceptance → allocation
    counts accepted offers only (the offer date stands for the acceptance date)."""
    start_col, end_col = DELAYS[kpi]
    conditions = [start_col.is_not(None), end_col.is_not(None)]
    if kpi == "allocation_within_days":
        conditions.append(Referral.offer_outcome == "accepted")
    return conditions


def delay_histogram(
    session: Session,
    org_id: int,
    kpi: str,
    period: Period,
    area_code: str | None = None,
    strand: str | None = None,
) -> pd.DataFrame:
    """Stage delay distribution for a delay KPI: columns days, count (both stages recorded)."""
    check_org(session, org_id)
    start_col, end_col = DELAYS[kpi]
    days = days_between(start_col, end_col)
    stmt = (
        select(days, func.count(Referral.id))
        .where(*delay_conditions(kpi))
        .group_by(days)
        .order_by(days)
    )
    stmt = cohort(stmt, session, org_id, period, area_code, strand)
    return frame(session, stmt, ["days", "count"]).astype("int64")


def quantile_from_histogram(histogram: pd.DataFrame, q: float) -> float | None:
    """The q-quantile (nearest-rank: smallest value with cumulative share ≥ q) of a histogram."""
    n = int(histogram["count"].sum()) if len(histogram) else 0
    if n == 0:
        return None
    ordered = histogram.sort_values("days")
    cumulative = ordered["count"].cumsum()
    rank = max(1, -(-int(q * n * 1000) // 1000))  # ceil(q * n) without float surprises
    return float(ordered["days"][cumulative >= rank].iloc[0])


def referral_rates(
    session: Session,
    org_id: int,
    period: Period,
    area_code: str | None = None,
    strand: str | None = None,
) -> pd.DataFrame:
    """Per-referral rates: one row with columns referrals, victim_support, complete."""
    check_org(session, org_id)
    stmt = select(
        func.count(Referral.id),
        count_if(Referral.victim_support.in_(("made", "already_made"))),
        count_if(complete_record()),
    )
    stmt = cohort(stmt, session, org_id, period, area_code, strand)
    return frame(session, stmt, ["referrals", "victim_support", "complete"]).astype("int64")


def officer_compliance(
    session: Session, org_id: int, on: date, area_code: str | None = None
) -> pd.DataFrame:
    """Officers active at a date (see `active_at`): one row, columns active, reviewed_in_date
    (last review within the 183 days up to the date), inducted (induction on or before it)."""
    check_org(session, org_id)
    stmt = select(
        func.count(LiaisonOfficer.id),
        count_if(LiaisonOfficer.last_review_on.between(on - REVIEW_INTERVAL, on)),
        count_if(LiaisonOfficer.induction_completed_on <= on),
    ).where(*active_at(org_id, on))
    areas = area_ids(session, org_id, area_code)
    if areas is not None:
        stmt = stmt.where(LiaisonOfficer.area_id.in_(areas))
    return frame(session, stmt, ["active", "reviewed_in_date", "inducted"]).astype("int64")


def targets(session: Session, org_id: int, on: date) -> pd.DataFrame:
    """Targets in force at a date: columns kpi, target_value, direction."""
    check_org(session, org_id)
    stmt = (
        select(Target.kpi, Target.target_value, Target.direction, Target.period_start)
        .where(
            Target.organisation_id == org_id,
            Target.period_start <= on,
            (Target.period_end.is_(None)) | (Target.period_end > on),
        )
        .order_by(Target.kpi, Target.period_start)
    )
    result = frame(session, stmt, ["kpi", "target_value", "direction", "period_start"])
    return (
        result.drop_duplicates("kpi", keep="last")
        .drop(columns="period_start")
        .reset_index(drop=True)
    )


def rag_status(value: float | None, target: float | None, direction: str | None) -> str:
    """'green' on target, 'amber' within 10% of it, 'red' beyond; 'none' if unknown."""
    if any(x is None or (isinstance(x, float) and pd.isna(x)) for x in (value, target, direction)):
        return "none"
    if direction == "at_least":
        if value >= target:
            return "green"
        return "amber" if value >= target * 0.9 else "red"
    if value <= target:
        return "green"
    return "amber" if value <= target * 1.1 or value - target <= 1 else "red"


def kpi_values(
    session: Session,
    org_id: int,
    period: Period,
    area_code: str | None = None,
    strand: str | None = None,
) -> pd.DataFrame:
    """Headline KPIs for a period: columns kpi, value, numerator, denominator.

    Delay KPIs are medians in days (numerator/denominator: None); the rest are percentages."""
    on = period.end - timedelta(days=1)
    rows: list[tuple[str, float | None, int | None, int | None]] = []
    for kpi in ("offer_within_days", "allocation_within_days", "victim_contact_within_days"):
        histogram = delay_histogram(session, org_id, kpi, period, area_code, strand)
        rows.append((kpi, quantile_from_histogram(histogram, 0.5), None, None))
    rates = referral_rates(session, org_id, period, area_code, strand).iloc[0]
    rows.append(
        (
            "victim_support_rate",
            percent(rates.victim_support, rates.referrals),
            int(rates.victim_support),
            int(rates.referrals),
        )
    )
    rows.append(
        (
            "data_completeness",
            percent(rates.complete, rates.referrals),
            int(rates.complete),
            int(rates.referrals),
        )
    )
    officers = officer_compliance(session, org_id, on, area_code).iloc[0]
    rows.append(
        (
            "lo_reviews_in_date",
            percent(officers.reviewed_in_date, officers.active),
            int(officers.reviewed_in_date),
            int(officers.active),
        )
    )
    rows.append(
        (
            "lo_inductions_completed",
            percent(officers.inducted, officers.active),
            int(officers.inducted),
            int(officers.active),
        )
    )
    coverage = training_coverage(session, org_id, period.end, "awareness")
    if area_code is not None:
        coverage = coverage[coverage["area"] == area_code]
    trained, headcount = int(coverage["trained"].sum()), int(coverage["headcount"].sum())
    rows.append(("training_coverage", percent(trained, headcount), trained, headcount))
    return pd.DataFrame(rows, columns=["kpi", "value", "numerator", "denominator"])


def off_target(values: pd.DataFrame, goals: pd.DataFrame) -> pd.DataFrame:
    """KPI values joined to targets with a status column (green, amber, red, none)."""
    merged = values.merge(goals, on="kpi", how="left")
    merged["status"] = [
        rag_status(v, t, d)
        for v, t, d in zip(
            merged["value"], merged["target_value"], merged["direction"], strict=True
        )
    ]
    return merged
