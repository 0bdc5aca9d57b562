"""Figures as a viewer may see them: unsuppressed for leadership/coordinator/network, through
disclosure control for public and partner (and admin). Pages get their numbers from here.

For disclosure-controlled viewers every figure of a dataset is a slice of ONE protected
hypercube over all its dimensions for the whole period (with margins), so two allowed views
can never be subtracted to reveal a suppressed count."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pandas as pd
from flask import current_app

from dashboard import disclosure
from dashboard.extensions import cache
from dashboard.filters import add_months
from dashboard.viewer import Viewer
from data_access.queries.common import Period
from data_access.vocab import CHANNELS, STRANDS

TOTAL = disclosure.TOTAL


def threshold() -> int:
    return int(current_app.config["SUPPRESSION_THRESHOLD"])


def month_keys(period: Period) -> list[str]:
    """'YYYY-MM' for every month of a period."""
    keys, month = [], period.start
    while month < period.end:
        keys.append(f"{month:%Y-%m}")
        month = add_months(month, 1)
    return keys


def protected(
    frame: pd.DataFrame,
    dims: Sequence[str],
    categories: dict[str, list],
    forced: tuple[tuple, ...] = (),
) -> pd.DataFrame:
    """The protected cube of `frame` over `dims` (cached: same inputs, same answer)."""
    key = (
        "cube:"
        + repr((tuple(dims), {k: tuple(v) for k, v in sorted(categories.items())}, threshold()))
        + repr(forced)
        + pd.util.hash_pandas_object(frame, index=False).sum().astype(str)
    )
    cube = cache.get(key)
    if cube is None:
        cube = disclosure.protect_cube(frame, dims, "count", threshold(), categories, forced)
        cache.set(key, cube)
    return cube


def _hidden_shared_cells(cube: pd.DataFrame, dims: list[str], other: list[str]) -> set[tuple]:
    """Cells of `cube` that `other`'s table also publishes (its dims not in `dims` at TOTAL,
    ours not in `other` at TOTAL) and that are suppressed here, as `other`'s cell tuples."""
    shared = [d for d in dims if d in other]
    mask = cube["suppressed"].copy()
    for dim in dims:
        if dim not in shared:
            mask &= cube[dim] == TOTAL
    cells = set()
    for _, row in cube[mask].iterrows():
        cells.add(tuple(row[d] if d in shared else TOTAL for d in other))
    return cells


def linked_tables(
    viewer: Viewer, tables: dict[str, tuple[pd.DataFrame, list[str], dict[str, list]]]
) -> dict[str, pd.DataFrame]:
    """Several tables of ONE dataset (same records, different breakdowns) protected together:
    a total published by two tables is suppressed in both or neither, so one table cannot
    reveal what the other hides. `tables`: name → (frame with a "count" column, dims,
    categories; shared dims must have the same categories)."""
    if not viewer.disclosure_controlled:
        return {
            name: exact_cube(f, dims, "count", cats) for name, (f, dims, cats) in tables.items()
        }
    forced: dict[str, set[tuple]] = {name: set() for name in tables}
    while True:
        cubes = {
            name: protected(f, dims, cats, tuple(sorted(forced[name], key=repr)))
            for name, (f, dims, cats) in tables.items()
        }
        changed = False
        for a, b in itertools.permutations(tables, 2):
            dims_a, dims_b = tables[a][1], tables[b][1]
            if not set(dims_a) & set(dims_b):
                continue
            hidden_b = _hidden_shared_cells(cubes[b], dims_b, dims_b)
            for cell in _hidden_shared_cells(cubes[a], dims_a, dims_b):
                if cell not in hidden_b and cell not in forced[b]:
                    forced[b].add(cell)
                    changed = True
        if not changed:
            return cubes


def referral_cubes(
    viewer: Viewer,
    counts_by_month: pd.DataFrame,
    counts_by_channel: pd.DataFrame,
    period: Period,
    areas: list[str],
    channels: Sequence[str],
) -> dict[str, pd.DataFrame]:
    """The referral dataset's published tables for a period, protected together: "month"
    (month × area × strand) and "channel" (channel × area × strand). Every page showing
    referral counts to a disclosure-controlled viewer slices one of these."""
    base = {"area": list(areas), "strand": list(STRANDS)}
    return linked_tables(
        viewer,
        {
            "month": (
                counts_by_month,
                ["month", "area", "strand"],
                {"month": month_keys(period), **base},
            ),
            "channel": (
                counts_by_channel,
                ["channel", "area", "strand"],
                {"channel": list(channels), **base},
            ),
        },
    )


def exact_cube(
    frame: pd.DataFrame, dims: Sequence[str], count: str, categories: dict[str, list]
) -> pd.DataFrame:
    """The same shape as `disclosure.protect_cube` (every margin, TOTAL last) with nothing
    suppressed: what unsuppressed viewers see."""
    dims = list(dims)
    levels = [list(categories.get(d) or sorted(frame[d].dropna().unique())) for d in dims]
    grid = pd.MultiIndex.from_product([[*lv, TOTAL] for lv in levels], names=dims)
    cube = pd.Series(0, index=grid, dtype="int64")
    known = frame
    for dim, level in zip(dims, levels, strict=True):
        known = known[known[dim].isin(level)]
    for mask in itertools.product((False, True), repeat=len(dims)):
        kept = [d for d, total in zip(dims, mask, strict=True) if not total]
        sums = known.groupby(kept)[count].sum() if kept else pd.Series({(): known[count].sum()})
        for key, value in sums.items():
            parts = iter(key if isinstance(key, tuple) else (key,))
            cube[tuple(TOTAL if total else next(parts) for total in mask)] = int(value)
    out = cube.reset_index(name=count)
    out[count] = out[count].astype("Int64")
    out["suppressed"] = False
    return out


def table(
    viewer: Viewer,
    frame: pd.DataFrame,
    dims: Sequence[str],
    categories: dict[str, list],
    count: str = "count",
) -> pd.DataFrame:
    """A count table over `dims` with every margin (value TOTAL) as the viewer may see it:
    protected (primary + secondary suppression) for disclosure-controlled viewers, exact for
    others. Columns [*dims, count, suppressed]; slice it with `select_cells`. Pass the WHOLE
    organisation's frame for the period, not a filtered one, so every slice comes from one
    protected table."""
    if frame.empty:
        frame = pd.DataFrame({**{d: pd.Series(dtype=object) for d in dims}, count: []})
    if not viewer.disclosure_controlled:
        return exact_cube(frame, dims, count, categories)
    renamed = frame[[*dims, count]].rename(columns={count: "count"})
    cube = protected(renamed, dims, categories)
    return cube.rename(columns={"count": count})


def select_cells(cube: pd.DataFrame, **wanted: str | None) -> pd.DataFrame:
    """Rows of a cube where each named dim equals the value (None → its TOTAL margin)."""
    mask = pd.Series(True, index=cube.index)
    for dim, value in wanted.items():
        mask &= cube[dim] == (TOTAL if value is None else value)
    return cube[mask]


def referral_trend(
    viewer: Viewer,
    period: Period,
    area: str | None,
    strand: str | None,
    counts: pd.DataFrame,
    areas: list[str],
    strands: Sequence[str] = STRANDS,
    channel_counts: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, int | None]:
    """Monthly referrals by strand for the filters, and the period total (None = suppressed).

    `counts` is `referrals.monthly_counts` for the WHOLE organisation and period when the
    viewer is disclosure-controlled (the cube needs every cell), or already filtered otherwise;
    disclosure-controlled viewers also need `channel_counts` (`channels.referral_channels` for
    the whole organisation) so the table is protected together with the channel breakdown.
    Returns columns month, strand, count (nullable Int64), suppressed."""
    months = month_keys(period)
    strands = list(strands)
    wanted_strands = [strand] if strand else strands
    if not viewer.disclosure_controlled:
        shown = counts
        if area:
            shown = shown[shown["area"] == area]
        if strand:
            shown = shown[shown["strand"] == strand]
        grid = pd.MultiIndex.from_product([months, wanted_strands], names=["month", "strand"])
        series = (
            shown.groupby(["month", "strand"])["count"]
            .sum()
            .reindex(grid, fill_value=0)
            .astype("Int64")
            .reset_index()
        )
        series["suppressed"] = False
        return series, int(series["count"].sum())
    if channel_counts is None:
        raise ValueError("disclosure-controlled referral figures need the channel breakdown")
    cube = referral_cubes(viewer, counts, channel_counts, period, areas, CHANNELS)["month"]
    in_area = cube[cube["area"] == (area or TOTAL)]
    series = in_area[in_area["month"].isin(months) & in_area["strand"].isin(wanted_strands)]
    series = series[["month", "strand", "count", "suppressed"]].reset_index(drop=True)
    total = select_cells(in_area, month=None, strand=strand)["count"].iloc[0]
    return series, None if pd.isna(total) else int(total)


def area_figure(viewer: Viewer, by_area: pd.DataFrame, column: str, area: str | None) -> int | None:
    """One count for an area (or all areas) from a by-area frame; None when suppressed."""
    cube = table(viewer, by_area, ["area"], {"area": list(by_area["area"])}, column)
    value = select_cells(cube, area=area)[column].iloc[0]
    return None if pd.isna(value) else int(value)


def change_percent(current: int | None, previous: int | None) -> float | None:
    """Change on the previous period in %, None when either is suppressed or previous is 0."""
    if current is None or previous is None or previous == 0:
        return None
    return round(100.0 * (current - previous) / previous, 1)
