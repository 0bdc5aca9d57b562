"""Scorecard indicators counted from referral records and monthly channel volumes, by area
and strand (referrals reported in the period; channel volumes for the months of the period)."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from data_access.models import Area, ChannelVolume, Referral
from data_access.queries.common import Period, check_org, complete_record, frame
from data_access.queries.indicators_common import in_period, to_long
from data_access.sql import count_if, days_between

#: Victims' Code: a hate-crime victim is contacted within 2 days.
VICTIM_CONTACT_DAYS = 2
#: Day limit from flag to LO offer when the force has no `offer_within_days` target.
DEFAULT_OFFER_DAYS = 5

REFERRAL_PAIRS = {
    "victim_contact_2_days": ("contacted_in_time", "allocated"),
    "internal_cases_supported": ("internal_allocated", "internal"),
    "offered_within_limit": ("offered_in_time", "offerable"),
    "data_completeness": ("complete", "referrals"),
    "outcome_recorded": ("closed_with_outcome", "closed"),
    "occurred_date_recorded": ("occurred_known", "referrals"),
}


def referral_sums(offer_days: int = DEFAULT_OFFER_DAYS) -> dict[str, object]:
    """Name → SQL aggregate of every referral count the indicators use (see referral_counts)."""
    allocated = Referral.allocated_on.is_not(None)
    closed = Referral.closed_on.is_not(None)
    contact_days = days_between(Referral.allocated_on, Referral.victim_contacted_on)
    offer_delay = days_between(Referral.flagged_on, Referral.offered_on)
    offerable = Referral.flagged_on.is_not(None) & (Referral.offer_status != "not_offered")
    return {
        "allocated": count_if(allocated),
        "contacted_in_time": count_if(
            allocated
            & Referral.victim_contacted_on.is_not(None)
            & (contact_days <= VICTIM_CONTACT_DAYS)
        ),
        "internal": count_if(Referral.internal_case.is_(True)),
        "internal_allocated": count_if(Referral.internal_case.is_(True) & allocated),
        "offerable": count_if(offerable),
        "offered_in_time": count_if(
            offerable & Referral.offered_on.is_not(None) & (offer_delay <= offer_days)
        ),
        "referrals": func.count(Referral.id),
        "complete": count_if(complete_record()),
        "closed": count_if(closed),
        "closed_with_outcome": count_if(closed & Referral.outcome.is_not(None)),
        "occurred_known": count_if(Referral.occurred_on.is_not(None)),
    }


def referral_counts(
    session: Session, org_id: int, period: Period, offer_days: int = DEFAULT_OFFER_DAYS
) -> pd.DataFrame:
    """Referral indicators by area and strand, referrals reported in the period.

    - victim_contact_2_days: allocated to an LO (denominator) and first victim contact at most
      2 days after allocation (numerator).
    - internal_cases_supported: internal (staff) cases (denominator) allocated to an LO.
    - offered_within_limit: flagged and not closed as "not offered" (denominator: offered or
      still pending) and offered at most `offer_days` days after flagging.
    - data_completeness: all referrals; complete as in kpis.referral_rates.
    - outcome_recorded: closed referrals (closed date set); with an outcome.
    - occurred_date_recorded: all referrals; with the date the incident occurred.
    Columns: indicator, area, strand, numerator, denominator."""
    check_org(session, org_id)
    sums = referral_sums(offer_days)
    stmt = (
        select(Area.code, Referral.strand, *sums.values())
        .join(Area, Area.id == Referral.area_id)
        .where(Referral.organisation_id == org_id, *in_period(Referral.reported_on, period))
        .group_by(Area.code, Referral.strand)
        .order_by(Area.code, Referral.strand)
    )
    wide = frame(session, stmt, ["area", "strand", *sums])
    return to_long(wide, REFERRAL_PAIRS, strand=True)


def channel_counts(session: Session, org_id: int, period: Period) -> pd.DataFrame:
    """Reporting-channel shares by area and strand from the monthly channel volumes of the
    months in the period (denominator: reports through every channel).

    - third_party_share: reports through third-party reporting centres.
    - partner_referral_share: reports referred by partner agencies.
    Columns: indicator, area, strand, numerator, denominator."""
    check_org(session, org_id)

    def through(channel: str):
        volume = case((ChannelVolume.channel == channel, ChannelVolume.count), else_=0)
        return func.coalesce(func.sum(volume), 0)

    stmt = (
        select(
            Area.code,
            ChannelVolume.strand,
            func.coalesce(func.sum(ChannelVolume.count), 0),
            through("third_party"),
            through("partner_referral"),
        )
        .join(Area, Area.id == ChannelVolume.area_id)
        .where(ChannelVolume.organisation_id == org_id, *in_period(ChannelVolume.month, period))
        .group_by(Area.code, ChannelVolume.strand)
        .order_by(Area.code, ChannelVolume.strand)
    )
    wide = frame(session, stmt, ["area", "strand", "reports", "third_party", "partner"])
    pairs = {
        "third_party_share": ("third_party", "reports"),
        "partner_referral_share": ("partner", "reports"),
    }
    return to_long(wide, pairs, strand=True)
