"""Accountability: stage delays, Victim Support referrals and record completeness by month and
area (of the report), LO compliance at month ends, outcomes by strand, KPIs against targets and
the "you said, we did" log. Delay quantiles come from day histograms aggregated in SQL."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
from sqlalchemy import String, case, func, or_, select
from sqlalchemy.orm import Session

from data_access.models import Action, Area, LiaisonOfficer, Referral
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
from data_access.queries.kpis import (
    DELAYS,
    REVIEW_INTERVAL,
    delay_conditions,
    off_target,
    quantile_from_histogram,
    targets,
)
from data_access.sql import count_if, days_between, month_of

MAX_ACTIONS = 500
QUALITY = ["referrals", "victim_support", "complete", "accepted", "closed"]
QUALITY += ["missing_flagged", "missing_victim_contact", "missing_outcome"]
ACTION_COLUMNS = ["code", "raised_on", "forum", "issue", "response", "owner", "status", "due_on"]
OFFICERS = ["active", "inducted", "reviewed_in_date", "review_unknown"]


def delay_histograms(
    session: Session,
    org_id: int,
    kpi: str,
    period: Period,
    by: str,
    area_code: str | None = None,
    strand: str | None = None,
) -> pd.DataFrame:
    """Days between the two stages of a delay KPI (both recorded) per `by` = "month" (reported,
    'YYYY-MM') or "area" (code): columns [by, days, count]. Acceptance to allocation counts
    accepted offers only (the offer date stands for the acceptance date)."""
    check_org(session, org_id)
    start_col, end_col = DELAYS[kpi]
    days = days_between(start_col, end_col)
    group = month_of(Referral.reported_on) if by == "month" else Area.code
    stmt = (
        select(group, days, func.count(Referral.id))
        .join(Area, Area.id == Referral.area_id)
        .where(*delay_conditions(kpi))
        .group_by(group, days)
        .order_by(group, days)
    )
    stmt = cohort(stmt, session, org_id, period, area_code, strand)
    result = frame(session, stmt, [by, "days", "count"])
    return result.astype({"days": "int64", "count": "int64"})


def quantiles(histograms: pd.DataFrame, by: str, total: str | None = None) -> pd.DataFrame:
    """Per group of day histograms: columns [by, cases, median, p90] (nearest rank); `total`
    adds a row of that name over every group."""
    parts = [(key, part) for key, part in histograms.groupby(by, sort=True)]
    if total is not None:
        parts.append((total, histograms.groupby("days", as_index=False)["count"].sum()))
    rows = [
        (
            key,
            int(part["count"].sum()),
            quantile_from_histogram(part, 0.5),
            quantile_from_histogram(part, 0.9),
        )
        for key, part in parts
    ]
    return pd.DataFrame(rows, columns=[by, "cases", "median", "p90"])


def referral_quality(
    session: Session,
    org_id: int,
    period: Period,
    area_code: str | None = None,
    strand: str | None = None,
) -> pd.DataFrame:
    """Per reported month and area: columns month, area, then counts of referrals,
    victim_support (made or already made), complete (none missing), accepted (offers),
    closed, missing_flagged, missing_victim_contact (accepted offers), missing_outcome (closed)."""
    check_org(session, org_id)
    no_flag = Referral.flagged_on.is_(None)
    no_contact = (Referral.offer_outcome == "accepted") & Referral.victim_contacted_on.is_(None)
    no_outcome = Referral.closed_on.is_not(None) & Referral.outcome.is_(None)

    month = month_of(Referral.reported_on)
    stmt = (
        select(
            month,
            Area.code,
            func.count(Referral.id),
            count_if(Referral.victim_support.in_(("made", "already_made"))),
            count_if(complete_record()),
            count_if(Referral.offer_outcome == "accepted"),
            count_if(Referral.closed_on.is_not(None)),
            count_if(no_flag),
            count_if(no_contact),
            count_if(no_outcome),
        )
        .join(Area, Area.id == Referral.area_id)
        .group_by(month, Area.code)
        .order_by(month, Area.code)
    )
    stmt = cohort(stmt, session, org_id, period, area_code, strand)
    result = frame(session, stmt, ["month", "area", *QUALITY])
    return result.astype(dict.fromkeys(QUALITY, "int64"))


def month_ends(period: Period) -> list[date]:
    """The last day of every month of a period."""
    ends, day = [], period.start
    while day < period.end:
        following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        ends.append(min(following, period.end) - timedelta(days=1))
        day = following
    return ends


def _officers_at(session: Session, org_id: int, on: date, areas: list[int] | None) -> tuple:
    review = LiaisonOfficer.last_review_on
    stmt = select(
        func.count(LiaisonOfficer.id),
        count_if(LiaisonOfficer.induction_completed_on <= on),
        count_if((review >= on - REVIEW_INTERVAL) & (review <= on)),
        count_if(review > on),
    ).where(*active_at(org_id, on))
    if areas is not None:
        stmt = stmt.where(LiaisonOfficer.area_id.in_(areas))
    return tuple(int(v) for v in session.execute(stmt).one())


def officer_compliance_by_month(
    session: Session, org_id: int, period: Period, area_code: str | None = None
) -> pd.DataFrame:
    """Liaison officers at each month end (see `active_at`): columns month_end, active, inducted
    (induction completed by then), reviewed_in_date (latest review within 183 days before),
    review_unknown (latest review after that day: only the latest review is recorded)."""
    check_org(session, org_id)
    areas = area_ids(session, org_id, area_code)
    rows = [(on, *_officers_at(session, org_id, on, areas)) for on in month_ends(period)]
    result = pd.DataFrame(rows, columns=["month_end", *OFFICERS])
    return result.astype(dict.fromkeys(OFFICERS, "int64"))


def outcomes_by_strand(
    session: Session,
    org_id: int,
    period: Period,
    area_code: str | None = None,
    incident: str | None = None,
) -> pd.DataFrame:
    """Referrals reported in the period by strand and outcome ('not_recorded' when none), for
    one incident type (crime, non_crime) or all: columns strand, outcome, count."""
    check_org(session, org_id)
    outcome = func.coalesce(Referral.outcome, "not_recorded", type_=String(32))
    stmt = (
        select(Referral.strand, outcome, func.count(Referral.id))
        .group_by(Referral.strand, outcome)
        .order_by(Referral.strand, outcome)
    )
    stmt = cohort(stmt, session, org_id, period, area_code, None, incident)
    return frame(session, stmt, ["strand", "outcome", "count"]).astype({"count": "int64"})


def kpi_summary(
    session: Session,
    org_id: int,
    period: Period,
    area_code: str | None = None,
    strand: str | None = None,
) -> pd.DataFrame:
    """The period's KPIs against the targets in force on its last day: columns kpi, value, p90,
    numerator, denominator, target_value, direction, status. Delays: value = median days,
    denominator = cases; rates: value = % numerator of denominator. Officers (no strand) are
    counted on the period's last day."""
    rows = []
    for kpi in DELAYS:
        histograms = delay_histograms(session, org_id, kpi, period, "month", area_code, strand)
        overall = histograms.groupby("days", as_index=False)["count"].sum()
        median, p90 = (quantile_from_histogram(overall, q) for q in (0.5, 0.9))
        rows.append((kpi, median, p90, None, int(overall["count"].sum())))
    quality = referral_quality(session, org_id, period, area_code, strand)[QUALITY].sum()
    for kpi, part in (("victim_support_rate", "victim_support"), ("data_completeness", "complete")):
        share = percent(quality[part], quality.referrals)
        rows.append((kpi, share, None, int(quality[part]), int(quality.referrals)))
    last = period.end - timedelta(days=1)
    active, inducted, reviewed, _unknown = _officers_at(
        session, org_id, last, area_ids(session, org_id, area_code)
    )
    rows.append(("lo_reviews_in_date", percent(reviewed, active), None, reviewed, active))
    rows.append(("lo_inductions_completed", percent(inducted, active), None, inducted, active))
    values = pd.DataFrame(rows, columns=["kpi", "value", "p90", "numerator", "denominator"])
    return off_target(values, targets(session, org_id, last))


def actions_log(
    session: Session, org_id: int, period: Period, today: date, status: str | None = None
) -> pd.DataFrame:
    """'You said, we did': actions raised in the period, or earlier and not yet done, newest
    first (at most MAX_ACTIONS): columns code, raised_on, forum, issue, response, owner, status,
    due_on, overdue (due before today and not done), is_public."""
    check_org(session, org_id)
    overdue = case(((Action.due_on < today) & (Action.status != "done"), True), else_=False)
    stmt = (
        select(*(getattr(Action, c) for c in ACTION_COLUMNS), overdue, Action.is_public)
        .where(
            Action.organisation_id == org_id,
            Action.raised_on < period.end,
            or_(Action.raised_on >= period.start, Action.status != "done"),
        )
        .order_by(Action.raised_on.desc(), Action.code)
        .limit(MAX_ACTIONS)
    )
    if status is not None:
        stmt = stmt.filter(Action.status == status)
    result = frame(session, stmt, [*ACTION_COLUMNS, "overdue", "is_public"])
    return result.astype({"overdue": "bool", "is_public": "bool"})
