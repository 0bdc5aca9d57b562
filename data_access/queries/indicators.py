"""The leadership-commitment scorecard: computed indicators for the OAS ten key points.

Each indicator is a numerator and (usually) a denominator count per area and, for referral
and channel figures, per strand; the value is worked out from the counts of the slice a
viewer asks for, so disclosure control can act on the counts first. Exact definitions are in
the docstrings of the functions that count them:

- indicators_referrals.referral_counts / channel_counts (reported in the period),
- indicators_people.officer_counts (on the last day of the period) / training_counts (at
  the end of the period; cascade reach: sessions in the period),
- indicators_engagement.event_counts / survey_counts (held or answered in the period),
- indicators_governance.governance_counts (force-wide register figures).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta

import pandas as pd
from sqlalchemy.orm import Session

from data_access.queries.common import Period, check_org
from data_access.queries.indicators_common import COLUMNS, months_in
from data_access.queries.indicators_engagement import event_counts, survey_counts
from data_access.queries.indicators_governance import governance_counts
from data_access.queries.indicators_people import officer_counts, training_counts
from data_access.queries.indicators_referrals import (
    DEFAULT_OFFER_DAYS,
    channel_counts,
    referral_counts,
)
from data_access.queries.kpis import targets

PERCENT, PER_100K, PER_QUARTER = "percent", "per_100k", "per_quarter"
SCORE, COUNT = "score", "count"
BOTH = ("numerator", "denominator")


@dataclass(frozen=True)
class Indicator:
    """One scorecard indicator. `protect`: its columns that count victims, referred people,
    staff cases, reports or survey respondents (disclosure-controlled for the public and
    partners; counts of officers, staff training and public activities are not: see the
    methodology page); `better`: direction of improvement when no target says."""

    code: str
    key_point: str
    unit: str = PERCENT
    by_area: bool = True
    by_strand: bool = False
    protect: tuple[str, ...] = BOTH
    better: str = "at_least"


INDICATORS: tuple[Indicator, ...] = (
    Indicator("victims_satisfied", "professionalism"),
    Indicator("victim_contact_2_days", "professionalism", by_strand=True),
    Indicator("internal_cases_supported", "anti_discrimination_policy", by_strand=True),
    Indicator("policy_commitments_met", "anti_discrimination_policy", by_area=False, protect=()),
    Indicator("leadership_trained", "leadership_commitment", protect=()),
    Indicator("senior_officer_event_share", "leadership_commitment", protect=()),
    Indicator("training_coverage", "ongoing_training", protect=()),
    Indicator("refreshers_overdue", "ongoing_training", protect=(), better="at_most"),
    Indicator("lo_per_100k", "points_of_contact", PER_100K, protect=()),
    Indicator("offered_within_limit", "points_of_contact", by_strand=True),
    Indicator("lo_inductions_completed", "points_of_contact", protect=()),
    Indicator("lo_reviews_in_date", "accountability", protect=()),
    Indicator("actions_done", "accountability", by_area=False, protect=()),
    Indicator("commitments_reviewed", "accountability", by_area=False, protect=()),
    Indicator("data_completeness", "data_on_violence", by_strand=True),
    Indicator("outcome_recorded", "data_on_violence", by_strand=True),
    Indicator("occurred_date_recorded", "data_on_violence", by_strand=True),
    Indicator("events_per_quarter", "communication_events", PER_QUARTER, protect=()),
    Indicator("event_feedback", "communication_events", SCORE, protect=()),
    Indicator("lo_event_share", "communication_events", protect=()),
    Indicator("third_party_share", "reporting_channels", by_strand=True),
    Indicator("partner_referral_share", "reporting_channels", by_strand=True),
    Indicator("investigators_trained", "specialised_training", protect=()),
    Indicator("cascade_reach", "specialised_training", COUNT, protect=()),
)
BY_CODE = {indicator.code: indicator for indicator in INDICATORS}


def offer_limit(session: Session, org_id: int, period: Period) -> int:
    """Day limit from flag to offer: the `offer_within_days` target in force on the last day
    of the period, else DEFAULT_OFFER_DAYS."""
    goals = targets(session, org_id, period.end - timedelta(days=1))
    row = goals[goals["kpi"] == "offer_within_days"]
    return int(round(row["target_value"].iloc[0])) if len(row) else DEFAULT_OFFER_DAYS


def indicator_counts(
    session: Session, org_id: int, period: Period, include_private: bool = False
) -> pd.DataFrame:
    """Numerator and denominator counts of every indicator for the WHOLE organisation, per
    area and strand where the indicator splits. Columns: indicator, area, strand,
    numerator, denominator (floats; area/strand None where not split)."""
    check_org(session, org_id)
    parts = [
        referral_counts(session, org_id, period, offer_limit(session, org_id, period)),
        channel_counts(session, org_id, period),
        officer_counts(session, org_id, period.end - timedelta(days=1)),
        training_counts(session, org_id, period),
        event_counts(session, org_id, period),
        survey_counts(session, org_id, period),
        governance_counts(session, org_id, period, include_private),
    ]
    return pd.concat([p for p in parts if len(p)], ignore_index=True)[COLUMNS]


def slice_sum(
    counts: pd.DataFrame, code: str, column: str, area: str | None, strand: str | None
) -> float:
    """Sum of one column of an indicator's counts for an area and strand (None: all); a filter
    the indicator cannot split by is ignored (its figure is force-wide / all strands)."""
    indicator = BY_CODE[code]
    rows = counts[counts["indicator"] == code]
    if area is not None and indicator.by_area:
        rows = rows[rows["area"] == area]
    if strand is not None and indicator.by_strand:
        rows = rows[rows["strand"] == strand]
    return float(rows[column].sum(min_count=1)) if len(rows) else 0.0


def indicator_value(code: str, numerator, denominator, period: Period) -> float | None:
    """The indicator's value from its counts; None when a count is missing (suppressed) or
    the denominator is 0. Percentages and per-quarter rates to 1 decimal, per-100k rates and
    mean scores to 2."""

    def missing(x) -> bool:
        return x is None or pd.isna(x)

    unit = BY_CODE[code].unit
    if missing(numerator):
        return None
    if unit == COUNT:
        return float(numerator)
    if unit == PER_QUARTER:
        return round(3.0 * float(numerator) / months_in(period), 1)
    if missing(denominator) or float(denominator) == 0:
        return None
    ratio = float(numerator) / float(denominator)
    if unit == PERCENT:
        return round(100.0 * ratio, 1)
    if unit == PER_100K:
        return round(100_000.0 * ratio, 2)
    return round(ratio, 2)


def indicator_table(
    counts: pd.DataFrame, period: Period, area: str | None = None, strand: str | None = None
) -> pd.DataFrame:
    """Exact values for one slice (unsuppressed: for viewers outside disclosure control).
    Columns: indicator, key_point, numerator, denominator, value; INDICATORS order."""
    rows = []
    for indicator in INDICATORS:
        numerator = slice_sum(counts, indicator.code, "numerator", area, strand)
        denominator = slice_sum(counts, indicator.code, "denominator", area, strand)
        if indicator.unit in (COUNT, PER_QUARTER):
            denominator = math.nan
        value = indicator_value(indicator.code, numerator, denominator, period)
        rows.append((indicator.code, indicator.key_point, numerator, denominator, value))
    columns = ["indicator", "key_point", "numerator", "denominator", "value"]
    return pd.DataFrame(rows, columns=columns)
