"""Figures as a viewer may see them: exact for leadership/coordinator/network, through
disclosure control for public and partner (and admin). Pages get their numbers from here.

For disclosure-controlled viewers every sensitive figure is derived from the organisation's ONE
protected release (`dashboard.release`, views in `dashboard.derived`), so no two views,
periods or pages can disagree about a protected cell."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Sequence
from datetime import date

import pandas as pd
from flask import current_app

from dashboard import disclosure
from dashboard.extensions import cache, db
from dashboard.filters import add_months
from dashboard.release import Release, build_release, data_version
from dashboard.viewer import Viewer
from data_access.queries.common import Period
from data_access.vocab import STRANDS

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


_LOCAL: dict[str, Release] = {}
_BUILDING: dict[str, threading.Lock] = {}
_BUILDING_GUARD = threading.Lock()


def release_for(org_id: int, today: date) -> Release:
    """The organisation's protected release for the current data version, month and
    threshold: from this process, else the shared cache, else built (and cached).

    One build per key in a process: a page's callbacks arrive together after a change to the
    data, and each building its own copy (15 s each on the demo force) kept them all waiting
    for a minute or more; the others now wait for the one build and read its result."""
    with db.session() as session:
        version = data_version(session, org_id)
    key = f"release:{org_id}:{version}:{today:%Y-%m}:{threshold()}"
    found = _LOCAL.get(key) or cache.get(key)
    if found is None:
        with _BUILDING_GUARD:
            building = _BUILDING.setdefault(key, threading.Lock())
        with building:
            found = _LOCAL.get(key) or cache.get(key)
            if found is None:
                with db.session() as session:
                    found = build_release(session, org_id, today, threshold())
                cache.set(key, found, timeout=24 * 3600)
                _remember(key, found)
        with _BUILDING_GUARD:
            _BUILDING.pop(key, None)
    _remember(key, found)
    return found


def _remember(key: str, release: Release) -> None:
    if key not in _LOCAL and len(_LOCAL) >= 8:
        _LOCAL.clear()
    _LOCAL[key] = release


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
    """A count table over `dims` with every margin (value TOTAL), exact: for viewers outside
    disclosure control only (others get sensitive figures from the release, `dashboard.derived`).
    Columns [*dims, count, suppressed]; slice it with `select_cells`."""
    if viewer.disclosure_controlled:
        raise ValueError("disclosure-controlled figures come from the release, not a table")
    if frame.empty:
        frame = pd.DataFrame({**{d: pd.Series(dtype=object) for d in dims}, count: []})
    return exact_cube(frame, dims, count, categories)


def select_cells(cube: pd.DataFrame, **wanted: str | None) -> pd.DataFrame:
    """Rows of a cube where each named dim equals the value (None → its TOTAL margin)."""
    mask = pd.Series(True, index=cube.index)
    for dim, value in wanted.items():
        mask &= cube[dim] == (TOTAL if value is None else value)
    return cube[mask]


def change_percent(current: int | None, previous: int | None) -> float | None:
    """Change on the previous period in %, None when either is suppressed or previous is 0."""
    if current is None or previous is None or previous == 0:
        return None
    return round(100.0 * (current - previous) / previous, 1)


def area_figure(by_area: pd.DataFrame, column: str, area: str | None) -> int:
    """One count of a NOT sensitive measure (officers, staff training, events: see the
    methodology page) for an area or all areas, exact for every viewer."""
    rows = by_area if area is None else by_area[by_area["area"] == area]
    return int(rows[column].sum())


def exact_trend(
    period: Period, counts: pd.DataFrame, strand: str | None
) -> tuple[pd.DataFrame, int]:
    """Monthly referrals by strand from already filtered exact counts, and the period total.
    Columns month, strand, count (Int64), suppressed (False)."""
    strands = [strand] if strand else list(STRANDS)
    grid = pd.MultiIndex.from_product([month_keys(period), strands], names=["month", "strand"])
    series = (
        counts.groupby(["month", "strand"])["count"]
        .sum()
        .reindex(grid, fill_value=0)
        .astype("Int64")
        .reset_index()
    )
    series["suppressed"] = False
    return series, int(series["count"].sum())
