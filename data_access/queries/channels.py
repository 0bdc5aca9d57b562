"""Reporting channels: monthly report volumes by channel, referrals by the channel recorded on
each, and the community events to mark on the timeline."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from data_access.models import Area, ChannelVolume, CommunityEvent, Referral
from data_access.queries.common import Period, area_ids, check_org, frame
from data_access.sql import month_of


def monthly_volumes(
    session: Session,
    org_id: int,
    period: Period,
    area_code: str | None = None,
    strand: str | None = None,
    channel: str | None = None,
) -> pd.DataFrame:
    """Reports per month from `channel_volume`: columns month ('YYYY-MM'), channel, area (code),
    strand, count; one row per combination held, ordered by those columns."""
    check_org(session, org_id)
    month = month_of(ChannelVolume.month)
    stmt = (
        select(
            month,
            ChannelVolume.channel,
            Area.code,
            ChannelVolume.strand,
            func.sum(ChannelVolume.count),
        )
        .join(Area, Area.id == ChannelVolume.area_id)
        .where(
            ChannelVolume.organisation_id == org_id,
            ChannelVolume.month >= period.start,
            ChannelVolume.month < period.end,
        )
        .group_by(month, ChannelVolume.channel, Area.code, ChannelVolume.strand)
    )
    areas = area_ids(session, org_id, area_code)
    if areas is not None:
        stmt = stmt.where(ChannelVolume.area_id.in_(areas))
    if strand is not None:
        stmt = stmt.where(ChannelVolume.strand == strand)
    if channel is not None:
        stmt = stmt.where(ChannelVolume.channel == channel)
    result = frame(session, stmt, ["month", "channel", "area", "strand", "count"])
    result["count"] = result["count"].astype("int64")
    return _ordered(result, ["month", "channel", "area", "strand"])


def referral_channels(
    session: Session,
    org_id: int,
    period: Period,
    area_code: str | None = None,
    strand: str | None = None,
) -> pd.DataFrame:
    """Referrals reported in the period by the channel recorded on each referral: columns
    channel, area (code), strand, count; ordered by those columns."""
    check_org(session, org_id)
    stmt = (
        select(Referral.channel, Area.code, Referral.strand, func.count(Referral.id))
        .join(Area, Area.id == Referral.area_id)
        .where(
            Referral.organisation_id == org_id,
            Referral.reported_on >= period.start,
            Referral.reported_on < period.end,
        )
        .group_by(Referral.channel, Area.code, Referral.strand)
    )
    areas = area_ids(session, org_id, area_code)
    if areas is not None:
        stmt = stmt.where(Referral.area_id.in_(areas))
    if strand is not None:
        stmt = stmt.where(Referral.strand == strand)
    result = frame(session, stmt, ["channel", "area", "strand", "count"])
    result["count"] = result["count"].astype("int64")
    return _ordered(result, ["channel", "area", "strand"])


def timeline_events(session: Session, org_id: int, period: Period) -> pd.DataFrame:
    """Community events held in the period, to mark on a timeline: columns held_on (date),
    event_type, title, area (code, None for force-wide events); ordered by date and code."""
    check_org(session, org_id)
    stmt = (
        select(CommunityEvent.held_on, CommunityEvent.event_type, CommunityEvent.title, Area.code)
        .outerjoin(Area, Area.id == CommunityEvent.area_id)
        .where(
            CommunityEvent.organisation_id == org_id,
            CommunityEvent.held_on >= period.start,
            CommunityEvent.held_on < period.end,
        )
        .order_by(CommunityEvent.held_on, CommunityEvent.code)
    )
    return frame(session, stmt, ["held_on", "event_type", "title", "area"])


def _ordered(result: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Sorted in Python so the order does not depend on the database's collation."""
    return result.sort_values(columns, kind="stable").reset_index(drop=True)
