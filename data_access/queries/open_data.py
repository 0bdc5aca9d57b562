"""Whole-history counts at the fixed grain of each open dataset (calendar month or quarter),
the input the disclosure protection is computed on once; plus area populations."""

from __future__ import annotations

from datetime import date

import pandas as pd
from sqlalchemy import String, func, literal, select
from sqlalchemy.orm import Session

from data_access.models import (
    Area,
    ChannelVolume,
    CommunityEvent,
    Referral,
)
from data_access.queries.common import Period, check_org, frame
from data_access.queries.indicators_referrals import VICTIM_CONTACT_DAYS
from data_access.sql import count_if, days_between, month_of

#: Measures of the LO scheme timeliness dataset, in column order.
TIMELINESS = (
    "offerable",
    "offered_in_time",
    "offered",
    "accepted",
    "allocated",
    "contacted_in_time",
)


def first_month(session: Session, org_id: int) -> str | None:
    """'YYYY-MM' of the organisation's earliest referral, channel volume or event."""
    check_org(session, org_id)
    firsts = [
        session.scalar(select(func.min(column)).where(model.organisation_id == org_id))
        for model, column in (
            (Referral, Referral.reported_on),
            (ChannelVolume, ChannelVolume.month),
            (CommunityEvent, CommunityEvent.held_on),
        )
    ]
    known = [day for day in firsts if day is not None]
    return f"{min(known):%Y-%m}" if known else None


def referral_months(session: Session, org_id: int, period: Period) -> pd.DataFrame:
    """Referrals reported per month, area, strand and incident type (crime, non_crime):
    columns month, area, strand, incident, count."""
    check_org(session, org_id)
    month = month_of(Referral.reported_on)
    keys = (month, Area.code, Referral.strand, Referral.incident_type)
    stmt = (
        select(*keys, func.count(Referral.id))
        .join(Area, Area.id == Referral.area_id)
        .where(
            Referral.organisation_id == org_id,
            Referral.reported_on >= period.start,
            Referral.reported_on < period.end,
        )
        .group_by(*keys)
    )
    result = frame(session, stmt, ["month", "area", "strand", "incident", "count"])
    return result.astype({"count": "int64"})


def timeliness_months(
    session: Session, org_id: int, period: Period, offer_days: int
) -> pd.DataFrame:
    """LO scheme stages reached in time, per reported month, area and strand: columns month,
    area, strand, offerable (flagged and not closed as 'not offered'), offered_in_time (offered
    within `offer_days` days of the flag), allocated (to an LO), contacted_in_time (first
    victim contact within VICTIM_CONTACT_DAYS days of allocation), offered (an LO offer made)
    and accepted (the offer accepted)."""
    check_org(session, org_id)
    allocated = Referral.allocated_on.is_not(None)
    offerable = Referral.flagged_on.is_not(None) & (Referral.offer_status != "not_offered")
    offer_delay = days_between(Referral.flagged_on, Referral.offered_on)
    contact_delay = days_between(Referral.allocated_on, Referral.victim_contacted_on)
    sums = (
        count_if(offerable),
        count_if(offerable & Referral.offered_on.is_not(None) & (offer_delay <= offer_days)),
        count_if(Referral.offered_on.is_not(None)),
        count_if(Referral.offer_outcome == "accepted"),
        count_if(allocated),
        count_if(
            allocated
            & Referral.victim_contacted_on.is_not(None)
            & (contact_delay <= VICTIM_CONTACT_DAYS)
        ),
    )
    month = month_of(Referral.reported_on)
    stmt = (
        select(month, Area.code, Referral.strand, *sums)
        .join(Area, Area.id == Referral.area_id)
        .where(
            Referral.organisation_id == org_id,
            Referral.reported_on >= period.start,
            Referral.reported_on < period.end,
        )
        .group_by(month, Area.code, Referral.strand)
    )
    result = frame(session, stmt, ["month", "area", "strand", *TIMELINESS])
    return result.astype(dict.fromkeys(TIMELINESS, "int64"))


def closed_outcomes(session: Session, org_id: int, period: Period) -> pd.DataFrame:
    """Referrals closed per calendar quarter, strand and outcome ('not_recorded' when none):
    columns quarter ('YYYY-Qn'), strand, outcome, count."""
    check_org(session, org_id)
    month = month_of(Referral.closed_on)
    outcome = func.coalesce(Referral.outcome, literal("not_recorded"), type_=String(32))
    stmt = (
        select(month, Referral.strand, outcome, func.count(Referral.id))
        .where(
            Referral.organisation_id == org_id,
            Referral.closed_on >= period.start,
            Referral.closed_on < period.end,
        )
        .group_by(month, Referral.strand, outcome)
    )
    result = frame(session, stmt, ["month", "strand", "outcome", "count"])
    result["quarter"] = result["month"].map(quarter_of)
    grouped = result.groupby(["quarter", "strand", "outcome"], as_index=False)["count"].sum()
    return grouped.astype({"count": "int64"})


def channel_months(session: Session, org_id: int, period: Period) -> pd.DataFrame:
    """Reports per month, channel and area from `channel_volume`: columns month, channel,
    area, count."""
    check_org(session, org_id)
    month = month_of(ChannelVolume.month)
    keys = (month, ChannelVolume.channel, Area.code)
    stmt = (
        select(*keys, func.sum(ChannelVolume.count))
        .join(Area, Area.id == ChannelVolume.area_id)
        .where(
            ChannelVolume.organisation_id == org_id,
            ChannelVolume.month >= period.start,
            ChannelVolume.month < period.end,
        )
        .group_by(*keys)
    )
    return frame(session, stmt, ["month", "channel", "area", "count"]).astype({"count": "int64"})


def area_populations(session: Session, org_id: int) -> pd.DataFrame:
    """Areas with their population and its source: columns area, name, population, source
    (None when the source is not recorded)."""
    check_org(session, org_id)
    source = getattr(Area, "population_source", None)  # column added with the import history
    stmt = (
        select(
            Area.code, Area.name, Area.population, source if source is not None else literal(None)
        )
        .where(Area.organisation_id == org_id)
        .order_by(Area.code)
    )
    return frame(session, stmt, ["area", "name", "population", "source"])


def quarter_of(month: str) -> str:
    """'2026-05' → '2026-Q2'."""
    return f"{month[:4]}-Q{(int(month[5:7]) - 1) // 3 + 1}"


def quarter_start(quarter: str) -> date:
    """'2026-Q2' → date(2026, 4, 1)."""
    return date(int(quarter[:4]), 3 * (int(quarter[-1]) - 1) + 1, 1)
