"""Monthly report volumes by area, channel and strand for the channels that are not held
record by record (third-party reporting centres, partner referrals, ...), consistent with
the referral records' channel mix, with rises after Pride and awareness campaigns."""

from __future__ import annotations

from calendar import monthrange

from sqlalchemy import insert
from sqlalchemy.orm import Session

from dashboard.demo.common import Ctx, months_back, poisson
from dashboard.demo.referrals import CHANNELS, SEASON, STRANDS
from data_access.models import ChannelVolume


def _campaign(month: int, channel: str) -> float:
    """Reporting rises after Pride (July, August) and Hate Crime Awareness Week (October)."""
    if month in (7, 8):
        return {"third_party": 1.6, "online": 1.4}.get(channel, 1.15)
    if month in (10, 11):
        return {"third_party": 1.7, "online": 1.3, "partner_referral": 1.3}.get(channel, 1.1)
    return 1.0


def seed_channel_volumes(session: Session, ctx: Ctx) -> int:
    """Monthly report counts by area, channel and strand for the last 36 months (the current
    month only so far), consistent with the channel mix of the referral records."""
    rng = ctx.rng("channels")
    shares = dict(CHANNELS)
    total_share = sum(shares[c] for c in ctx.profile.channels)
    population = sum(ctx.area_weights)
    months = months_back(ctx.today, 36)
    rows = []
    for idx, month in enumerate(months):
        elapsed = 1.0
        if month == months[-1]:
            elapsed = ctx.today.day / monthrange(month.year, month.month)[1]
        base = ctx.profile.reports_per_month * (0.92 + 0.16 * idx / 36) * elapsed
        base *= SEASON[month.month]
        for area in ctx.areas.values():
            for channel in ctx.profile.channels:
                for strand, strand_share in STRANDS:
                    lam = base * area.population / population * strand_share / 100
                    lam *= shares[channel] / total_share * _campaign(month.month, channel)
                    rows.append(
                        {
                            "organisation_id": ctx.org_id,
                            "area_id": area.id,
                            "month": month,
                            "channel": channel,
                            "strand": strand,
                            "count": poisson(rng, lam),
                        }
                    )
    session.execute(insert(ChannelVolume), rows)
    return len(rows)
