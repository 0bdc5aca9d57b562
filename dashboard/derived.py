"""The views disclosure-controlled viewers see, derived only from the organisation's protected
release (dashboard.release.figure): each a frame shaped like the exact one pages already draw,
<NA> where a figure is hidden."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from dashboard.release import TOTAL, Release, figure
from data_access.queries.common import Period
from data_access.queries.indicators_referrals import REFERRAL_PAIRS
from data_access.vocab import CHANNELS, STRANDS

#: Channel share indicators → the channel counted (of reports through every channel).
SHARE_CHANNEL = {"third_party_share": "third_party", "partner_referral_share": "partner_referral"}


def months_of(period: Period) -> list[str]:
    """'YYYY-MM' of every month of a period."""
    from dashboard.published import month_keys

    return month_keys(period)


def _frame(rows: list[tuple], columns: list[str]) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=[*columns, "count"])
    out["count"] = out["count"].astype("Int64")
    out["suppressed"] = out["count"].isna()
    return out


def referral_trend(
    release: Release, period: Period, area: str | None, strand: str | None
) -> tuple[pd.DataFrame, int | None]:
    """Referrals per month and strand (the strand chosen, or each), and the period total
    (None: hidden). Columns month, strand, count, suppressed."""
    months = months_of(period)
    strands = [strand] if strand else list(STRANDS)
    rows = [
        (m, s, figure(release, "referrals", [m], area=area, strand=s))
        for m in months
        for s in strands
    ]
    total = figure(release, "referrals", months, area=area, strand=strand)
    return _frame(rows, ["month", "strand"]), total


def channel_months(release: Release, period: Period) -> pd.DataFrame:
    """Reports per month and channel for the whole force (channel TOTAL: all channels; month
    TOTAL: the period). Columns month, channel, count, suppressed."""
    months = months_of(period)
    rows = [
        (m, c, figure(release, "channels_area", [m], channel=c))
        for m in months
        for c in [*CHANNELS, TOTAL]
    ]
    rows += [
        (TOTAL, c, figure(release, "channels_area", months, channel=c)) for c in [*CHANNELS, TOTAL]
    ]
    return _frame(rows, ["month", "channel"])


def channel_breakdown(release: Release, period: Period, areas: Sequence[str]) -> pd.DataFrame:
    """Reports in the period by channel, area and strand (TOTAL margins): channel × area from
    the channel-by-area table, channel × strand from the channel-by-strand table; a cell of
    one area AND one strand is not published (<NA>). Columns channel, area, strand, count."""
    months = months_of(period)
    rows = []
    for c in [*CHANNELS, TOTAL]:
        for a in [*areas, TOTAL]:
            for s in [*STRANDS, TOTAL]:
                if s == TOTAL:
                    value = figure(release, "channels_area", months, channel=c, area=a)
                elif a == TOTAL:
                    value = figure(release, "channels_strand", months, channel=c, strand=s)
                else:
                    value = None
                rows.append((c, a, s, value))
    return _frame(rows, ["channel", "area", "strand"])


def referral_channels(
    release: Release, period: Period, area: str | None, strand: str | None
) -> pd.DataFrame:
    """Referrals in the period by recorded channel (TOTAL last): per channel for the whole
    force only (the channel table has no area or strand), the total for the filters.
    Columns channel, count, suppressed."""
    months = months_of(period)
    filtered = bool(area or strand)
    rows = [
        (c, None if filtered else figure(release, "referrals_channel", months, channel=c))
        for c in CHANNELS
    ]
    rows.append((TOTAL, figure(release, "referrals", months, area=area, strand=strand)))
    return _frame(rows, ["channel"])


def indicator_count(
    release: Release, code: str, column: str, period: Period, area: str | None, strand: str | None
) -> float | None:
    """A sensitive scorecard count (numerator or denominator) from the release; None when
    hidden or not published for this combination of filters."""
    months = months_of(period)
    if code in REFERRAL_PAIRS:
        measure = REFERRAL_PAIRS[code][0 if column == "numerator" else 1]
        table = "referrals" if measure == "referrals" else f"referrals.{measure}"
        value = figure(release, table, months, area=area, strand=strand)
    elif code in SHARE_CHANNEL:
        channel = SHARE_CHANNEL[code] if column == "numerator" else None
        if area and strand:
            value = None  # no table crosses area and strand
        elif strand:
            value = figure(release, "channels_strand", months, channel=channel, strand=strand)
        else:
            value = figure(release, "channels_area", months, channel=channel, area=area)
    elif code == "victims_satisfied":
        table = "surveys.satisfied" if column == "numerator" else "surveys.responses"
        value = figure(release, table, months, area=area)
    else:
        raise ValueError(f"{code} has no protected {column}")
    return None if value is None else float(value)
