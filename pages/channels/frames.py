"""Pure shaping for the reporting-channels page: slices of published count cubes (columns
[*dims, count, suppressed], margins labelled TOTAL, <NA> where suppressed) in, the small
frames its charts and tables show out. No database, no Dash, no viewer."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from dashboard.disclosure import TOTAL
from dashboard.filters import add_months
from data_access.vocab import CHANNELS, STRANDS

SHARE_CHANNELS = ("third_party", "partner_referral")
MARKED_EVENTS = ("campaign", "pride")
WINDOW_MONTHS = 3


def month_start(month: str) -> date:
    """'YYYY-MM' → the first day of that month."""
    year, number = month.split("-")
    return date(int(year), int(number), 1)


def is_zero(count: object) -> bool:
    """True for a count of 0 (not for a suppressed count or the marker)."""
    return not isinstance(count, str) and not pd.isna(count) and count == 0


def percent(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """100 × numerator / denominator to 1 decimal place; <NA> where either is <NA> (suppressed)
    or the denominator is 0."""
    top, bottom = numerator.astype("Float64"), denominator.astype("Float64")
    return (100 * top / bottom.mask(bottom == 0)).round(1)


def volume_series(cells: pd.DataFrame, channels: Sequence[str]) -> pd.DataFrame:
    """Monthly counts per channel (no period total): columns month, channel, count, suppressed."""
    rows = cells[(cells["month"] != TOTAL) & cells["channel"].isin(list(channels))]
    order = {channel: i for i, channel in enumerate(channels)}
    rows = rows.assign(_order=rows["channel"].map(order)).sort_values(["_order", "month"])
    return rows[["month", "channel", "count", "suppressed"]].reset_index(drop=True)


def volume_frames(
    cells: pd.DataFrame, chosen: str | None, total_label: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Chart series and table (all channels and their total, or the one chosen)."""
    shown = [chosen] if chosen else list(CHANNELS)
    table = volume_table(cells, shown if chosen else [*CHANNELS, TOTAL], total_label)
    return volume_series(cells, shown), table


def monthly_counts(cells: pd.DataFrame, channel: str | None) -> pd.Series:
    """month → count of one channel (all channels if None), without the period total."""
    rows = cells[(cells["channel"] == (channel or TOTAL)) & (cells["month"] != TOTAL)]
    return rows.set_index("month")["count"]


def target_for(goals: pd.DataFrame, kpi: str) -> tuple[float, str] | None:
    """(target value, direction) of a KPI from `kpis.targets`, None if it has none."""
    goal = goals[goals["kpi"] == kpi]
    if goal.empty:
        return None
    return float(goal["target_value"].iloc[0]), str(goal["direction"].iloc[0])


def volume_table(cells: pd.DataFrame, columns: Sequence[str], total_label: str) -> pd.DataFrame:
    """Months as rows (then the period total), one column per channel code in `columns`
    (TOTAL for all channels); nullable counts, <NA> where suppressed."""
    wide = cells[cells["channel"].isin(list(columns))].pivot(
        index="month", columns="channel", values="count"
    )
    months = [m for m in wide.index if m != TOTAL] + [TOTAL]
    wide = wide.reindex(index=months, columns=list(columns)).reset_index()
    wide.columns.name = None
    wide["month"] = wide["month"].replace(TOTAL, total_label)
    return wide


def share_frame(cells: pd.DataFrame) -> pd.DataFrame:
    """Per month and for the period (month TOTAL, last): third_party, partner_referral and
    all_reports counts, and each channel's share of all reports in % (<NA> when either count
    is suppressed or there were no reports)."""
    wide = cells[cells["channel"].isin([*SHARE_CHANNELS, TOTAL])].pivot(
        index="month", columns="channel", values="count"
    )
    months = [m for m in wide.index if m != TOTAL] + [TOTAL]
    wide = wide.reindex(index=months, columns=[*SHARE_CHANNELS, TOTAL])
    out = pd.DataFrame({"month": months, "all_reports": wide[TOTAL].to_numpy()})
    for channel in SHARE_CHANNELS:
        out[channel] = wide[channel].to_numpy()
        out[f"{channel}_share"] = percent(wide[channel], wide[TOTAL]).to_numpy()
    return out[["month", *SHARE_CHANNELS, "all_reports", *(f"{c}_share" for c in SHARE_CHANNELS)]]


def breakdown_table(
    cells: pd.DataFrame,
    rows: str,
    columns: str,
    row_values: Sequence[str],
    column_values: Sequence[str],
) -> pd.DataFrame:
    """Cross-table of a cube slice: one row per value of `rows` (in order, TOTAL last), one column
    per value of `columns` (TOTAL last); nullable counts."""
    wide = cells.pivot(index=rows, columns=columns, values="count")
    wide = wide.reindex(index=[*row_values, TOTAL], columns=[*column_values, TOTAL])
    wide = wide.reset_index()
    wide.columns.name = None
    return wide


def breakdown_tables(
    period: pd.DataFrame, area: str | None, strand: str | None, areas: Sequence[str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """From one (channel, area, strand) cube: channel × area for `strand` and channel × strand
    for `area` (None: all), each with totals."""
    by_area = breakdown_table(
        period[period["strand"] == (strand or TOTAL)], "channel", "area", CHANNELS, areas
    )
    by_strand = breakdown_table(
        period[period["area"] == (area or TOTAL)], "channel", "strand", CHANNELS, STRANDS
    )
    return by_area, by_strand


def linked_totals_visible(volume_cube: pd.DataFrame, breakdown_cube: pd.DataFrame) -> bool:
    """True when every channel total for the period (and the grand total) is shown in both the
    (month, channel) cube and the (channel, area, strand) cube. Those totals are the only values
    the two tables share, so when they are shown in both, neither table tells anything about
    the other's hidden cells and each stays as safe as it is on its own."""
    monthly = volume_cube[volume_cube["month"] == TOTAL]
    period = breakdown_cube[(breakdown_cube["area"] == TOTAL) & (breakdown_cube["strand"] == TOTAL)]
    return not monthly["suppressed"].any() and not period["suppressed"].any()


def timeline_events(events: pd.DataFrame, area: str | None) -> pd.DataFrame:
    """Events to mark: every campaign and Pride, other events only of `area` (all if None)."""
    keep = events["event_type"].isin(MARKED_EVENTS)
    return events[keep | (events["area"] == area)] if area else events


def window_sum(monthly: pd.Series, months: Sequence[str]) -> int | None:
    """Sum of the counts of `months` (None if any is suppressed or outside the series)."""
    if not set(months) <= set(monthly.index):
        return None
    values = monthly.loc[list(months)]
    return None if values.isna().any() else int(values.sum())


def campaign_changes(monthly: pd.Series, events: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Reports in the 3 months before each campaign or Pride (the calendar months before its
    month) and the 3 months after (its month and the two that follow), from `monthly` (month →
    count, <NA> where suppressed). Events whose windows leave the series are left out.
    Returns (frame: held_on, event_type, title, before, after, change, change_percent;
    the number left out)."""
    marked = events[events["event_type"].isin(MARKED_EVENTS)]
    rows, left_out = [], 0
    for held_on, event_type, title in marked[["held_on", "event_type", "title"]].itertuples(
        index=False
    ):
        start = date(held_on.year, held_on.month, 1)
        before = [f"{add_months(start, -k):%Y-%m}" for k in range(WINDOW_MONTHS, 0, -1)]
        after = [f"{add_months(start, k):%Y-%m}" for k in range(WINDOW_MONTHS)]
        if not set(before + after) <= set(monthly.index):
            left_out += 1
            continue
        was, now = window_sum(monthly, before), window_sum(monthly, after)
        change = None if was is None or now is None else now - was
        percent = round(100.0 * change / was, 1) if change is not None and was else None
        rows.append((held_on, event_type, title, was, now, change, percent))
    columns = ["held_on", "event_type", "title", "before", "after", "change", "change_percent"]
    out = pd.DataFrame(rows, columns=columns)
    for column in ("before", "after", "change"):
        out[column] = out[column].astype("Int64")
    out["change_percent"] = out["change_percent"].astype("Float64")
    return out, left_out


def referral_table(cells: pd.DataFrame, channels: Sequence[str]) -> pd.DataFrame:
    """Referrals per recorded channel (TOTAL last) with each channel's share of all referrals
    in % (<NA> when its count or the total is suppressed, or there are none)."""
    counts = cells.set_index("channel")["count"].reindex([*channels, TOTAL])
    total = pd.Series(counts.loc[TOTAL], index=counts.index, dtype="Int64")
    return pd.DataFrame(
        {
            "channel": [*channels, TOTAL],
            "count": counts.to_numpy(),
            "share": percent(counts, total).to_numpy(),
        }
    )
